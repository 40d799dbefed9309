// A page opened from a search result highlights the searched words with Pagefind's highlighter. Loaded
// only when the address has a query string, so every other page load skips it and the search options.
import { HIGHLIGHT_PARAM } from '../lib/searchMeta.ts';

export function highlightSearchedWords() {
  if (!new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
  const url = '/pagefind/pagefind-highlight.js';
  void import(/* @vite-ignore */ url).then(({ default: PagefindHighlight }) => new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM }));
}
