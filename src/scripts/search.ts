// Search: loads Pagefind's Component UI only when the reader opens search (Ctrl/Cmd+K, "/", or the
// header button), and highlights the query on the page a result leads to.
import { PAGEFIND_OPTIONS } from '../lib/searchMeta.ts';

export const HIGHLIGHT_PARAM = 'highlight';

interface PagefindInstance {
  applyOptions(options: Record<string, unknown>): void;
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name: string): PagefindInstance } };
  }
}

let loading: Promise<PagefindInstance> | null = null;

/** Loads the Component UI script and stylesheet once and configures the shared instance. */
export function loadSearchUi(): Promise<PagefindInstance> {
  loading ??= new Promise((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/pagefind/pagefind-component-ui.css';
    document.head.append(css);
    const script = document.createElement('script');
    script.src = '/pagefind/pagefind-component-ui.js';
    script.onload = () => {
      const instance = window.PagefindComponents!.getInstanceManager().getInstance('default');
      instance.applyOptions({ ...PAGEFIND_OPTIONS, highlightParam: HIGHLIGHT_PARAM });
      resolve(instance);
    };
    script.onerror = () => reject(new Error('could not load the search UI'));
    document.head.append(script);
  });
  return loading;
}

async function openModal() {
  await loadSearchUi();
  let modal = document.querySelector<HTMLElement & { open(): void }>('pagefind-modal');
  if (!modal) {
    modal = document.createElement('pagefind-modal') as HTMLElement & { open(): void };
    modal.setAttribute('reset-on-close', '');
    document.body.append(modal);
    await customElements.whenDefined('pagefind-modal');
  }
  modal.open();
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function initSearch() {
  const trigger = document.querySelector<HTMLAnchorElement>('[data-search-open]');
  const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);
  const shortcut = trigger?.querySelector('[data-shortcut]');
  if (shortcut && mac) shortcut.textContent = '⌘ K';
  trigger?.setAttribute('aria-keyshortcuts', mac ? 'Meta+K /' : 'Control+K /');
  // The search page has its own full UI; there the trigger just focuses it.
  const onSearchPage = location.pathname === '/search/';
  const open = () => (onSearchPage ? document.querySelector<HTMLInputElement>('pagefind-input input')?.focus() : void openModal());
  trigger?.addEventListener('click', (event) => {
    event.preventDefault();
    open();
  });
  document.addEventListener('keydown', (event) => {
    const modK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
    if (modK || (event.key === '/' && !isTyping(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey)) {
      event.preventDefault();
      open();
    }
  });
  if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
    const url = '/pagefind/pagefind-highlight.js';
    void import(/* @vite-ignore */ url).then(({ default: PagefindHighlight }) => new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM }));
  }
}
