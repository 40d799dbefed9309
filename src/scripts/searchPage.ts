// The search page: runs ?q= (and ?topic=, ?vendor=, ?kind=) on load and keeps the URL in step with
// the query and filters, so a filtered search can be shared.
import type { Filters } from './searchEngine.ts';
import { createSearchView, FILTER_NAMES } from './searchView.ts';

export function initSearchPage() {
  const host = document.querySelector<HTMLElement>('[data-search-page]')!;
  const params = new URLSearchParams(location.search);
  const initialFilters: Filters = Object.fromEntries(FILTER_NAMES.map((n) => [n, params.get(n) ?? '']).filter(([, v]) => v));
  const view = createSearchView({
    id: 'search-page',
    withFilters: true,
    initialQuery: params.get('q') ?? '',
    initialFilters,
    onSearch: (query, filters) => {
      const url = new URL(location.href);
      url.search = '';
      if (query) url.searchParams.set('q', query);
      for (const name of FILTER_NAMES) if (filters[name]) url.searchParams.set(name, filters[name]);
      history.replaceState(null, '', url);
    },
  });
  host.replaceChildren(view.root);
  view.input.focus();
}
