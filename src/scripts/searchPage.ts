// The search page: loads the UI at once, runs the query from ?q= and keeps the URL in step with the input.
import { loadSearchUi } from './search.ts';

export async function initSearchPage() {
  const instance = await loadSearchUi();
  const input = await waitFor<HTMLInputElement>('pagefind-input input');
  const q = new URLSearchParams(location.search).get('q') ?? '';
  if (q) {
    input.value = q;
    instance.triggerSearch(q);
  }
  input.focus();
  nameFilterTriggers();
  input.addEventListener('input', () => {
    const url = new URL(location.href);
    if (input.value) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  });
}

function waitFor<T extends Element>(selector: string): Promise<T> {
  return new Promise((resolve) => {
    const found = document.querySelector<T>(selector);
    if (found) return resolve(found);
    const observer = new MutationObserver(() => {
      const el = document.querySelector<T>(selector);
      if (el) {
        observer.disconnect();
        resolve(el);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/** Pagefind's filter dropdown triggers are comboboxes whose visible text does not name them; give them a name. */
function nameFilterTriggers() {
  const apply = () => {
    for (const trigger of document.querySelectorAll<HTMLElement>('.pf-dropdown-trigger:not([aria-label])')) {
      const label = trigger.querySelector('.pf-dropdown-trigger-label')?.textContent?.trim();
      if (label) trigger.setAttribute('aria-label', `Filter by ${label.toLowerCase()}`);
    }
  };
  apply();
  new MutationObserver(apply).observe(document.querySelector('[data-search-page]')!, { childList: true, subtree: true });
}
