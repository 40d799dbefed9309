// Search entry points on every page: the header button, Ctrl/Cmd+K and "/" open the search dialog
// (its script, styles, engine and index load on first use); a page opened from a result highlights the
// query's words.
import type { SearchDialog } from './searchDialog.ts';

let dialog: SearchDialog | null = null;
let building: Promise<SearchDialog> | null = null;

/** Opens the search dialog (or, on /search/, focuses its field). For the header button and the phone menu. */
export async function openSearch(): Promise<void> {
  const pageInput = document.querySelector<HTMLInputElement>('[data-search-page] input[type="search"]');
  if (pageInput) {
    pageInput.focus();
    pageInput.select();
    return;
  }
  dialog ??= await (building ??= import('./searchDialog.ts').then((m) => m.buildSearchDialog()));
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
  if (location.search) void import('./searchHighlight.ts').then((m) => m.highlightSearchedWords());
}
