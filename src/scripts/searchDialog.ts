// The Ctrl/Cmd+K search dialog: a native <dialog> around the shared search view, with a close button,
// a keyboard hint and a link to /search/ with the same query. Loaded when search is first opened.
// Its stylesheet is fetched with it (loadStylesheet.ts).
import stylesheet from '../styles/search.css?url';
import { loadStylesheet } from './loadStylesheet.ts';
import { createSearchView, type SearchView } from './searchView.ts';

export interface SearchDialog {
  element: HTMLDialogElement;
  view: SearchView;
}

/** Builds the dialog once, on first use, and adds it to the page (closed) once its styles have loaded. */
export async function buildSearchDialog(): Promise<SearchDialog> {
  await loadStylesheet(stylesheet);
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
  // Escape closes at once: in a search field Chromium would spend the first Escape clearing the text.
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      element.close();
    }
  });
  // A click on the backdrop (outside the panel) closes, as Escape does.
  element.addEventListener('click', (event) => {
    if (event.target === element) element.close();
  });
  document.body.append(element);
  return { element, view };
}

