// Search entry points on every page: the header button, Ctrl/Cmd+K and "/" open the search dialog
// (its script, styles, engine and index load on first use); a page opened from a result highlights the
// query's words.
import { HIGHLIGHT_PARAM } from '../lib/searchMeta.ts';
import type { SearchView } from './searchView.ts';

let dialog: { element: HTMLDialogElement; view: SearchView } | null = null;
let building: Promise<{ element: HTMLDialogElement; view: SearchView }> | null = null;

async function buildDialog() {
  const { createSearchView } = await import('./searchView.ts');
  const element = document.createElement('dialog');
  element.className = 'search-dialog';
  element.setAttribute('aria-label', 'Search the atlas');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'search-dialog-close';
  close.textContent = 'Close';
  close.addEventListener('click', () => element.close());
  const fullPage = document.createElement('a');
  fullPage.className = 'search-dialog-full';
  fullPage.href = '/search/';
  fullPage.textContent = 'Search page with filters';
  const view = createSearchView({
    id: 'search-dialog',
    withFilters: false,
    onSearch: (query) => {
      fullPage.href = query.trim() ? `/search/?q=${encodeURIComponent(query)}` : '/search/';
    },
  });
  const bar = document.createElement('div');
  bar.className = 'search-dialog-bar';
  const hint = document.createElement('p');
  hint.className = 'search-dialog-hint';
  hint.textContent = '↑ ↓ move · Enter opens · Esc closes';
  bar.append(hint, fullPage, close);
  element.append(view.root, bar);
  // A click on the backdrop (outside the panel) closes, as Escape does.
  element.addEventListener('click', (event) => {
    if (event.target === element) element.close();
  });
  document.body.append(element);
  return { element, view };
}

/** Opens the search dialog (or, on /search/, focuses its field). For the header button and the phone menu. */
export async function openSearch(): Promise<void> {
  const pageInput = document.querySelector<HTMLInputElement>('[data-search-page] input[type="search"]');
  if (pageInput) {
    pageInput.focus();
    pageInput.select();
    return;
  }
  dialog ??= await (building ??= buildDialog());
  if (!dialog.element.open) dialog.element.showModal();
  dialog.view.input.focus();
  dialog.view.input.select();
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function initSearch() {
  const trigger = document.querySelector<HTMLAnchorElement>('[data-search-open]');
  const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);
  const shortcut = trigger?.querySelector('[data-shortcut]');
  if (shortcut && mac) shortcut.textContent = '⌘ K';
  trigger?.setAttribute('aria-keyshortcuts', mac ? 'Meta+K /' : 'Control+K /');
  trigger?.setAttribute('aria-haspopup', 'dialog');
  trigger?.addEventListener('click', (event) => {
    event.preventDefault();
    void openSearch();
  });
  document.addEventListener('keydown', (event) => {
    const modK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
    if (modK || (event.key === '/' && !isTyping(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey)) {
      event.preventDefault();
      void openSearch();
    }
  });
  if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
    const url = '/pagefind/pagefind-highlight.js';
    void import(/* @vite-ignore */ url).then(({ default: PagefindHighlight }) => new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM }));
  }
}
