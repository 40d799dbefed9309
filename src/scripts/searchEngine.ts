// Browser side of the query layer: loads Pagefind's JS API (no worker, no UI bundle) and the search
// vocabulary on first use, and runs src/lib/search/searchSite.ts over them. Record data (the
// fragments) is fetched only for what is shown.
import { indexVocabulary, type SearchVocabulary, type VocabularyIndex } from '../lib/search/vocabulary.ts';
import { recognizePastedOutput } from '../lib/search/pastedOutput.ts';
import type { ExactMatch } from '../lib/search/analyse.ts';
import { RECORD_KIND } from '../lib/search/records.ts';
import { searchSite, type SiteSearchOutcome } from '../lib/search/searchSite.ts';
import { HIGHLIGHT_PARAM, PAGEFIND_OPTIONS } from '../lib/searchMeta.ts';

export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
export interface RecordData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: SubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<RecordData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: { filters?: Filters }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
export type Filters = Partial<Record<'topic' | 'vendor' | 'kind', string>>;

let loaded: Promise<{ pagefind: Pagefind; vocabulary: VocabularyIndex }> | null = null;

/** Loads the engine and vocabulary once; later calls share the same promise. */
export function loadEngine() {
  loaded ??= (async () => {
    // A string, so the bundler leaves the browser's own import() alone.
    const url = '/pagefind/pagefind.js';
    const [pagefind, vocabulary] = await Promise.all([
      import(/* @vite-ignore */ url) as Promise<Pagefind>,
      fetch('/search/vocabulary.json').then((r) => {
        if (!r.ok) throw new Error(`search vocabulary: HTTP ${r.status}`);
        return r.json() as Promise<SearchVocabulary>;
      }),
    ]);
    await pagefind.options({ ...PAGEFIND_OPTIONS, highlightParam: HIGHLIGHT_PARAM });
    return { pagefind, vocabulary: indexVocabulary(vocabulary) };
  })();
  loaded.catch(() => (loaded = null));
  return loaded;
}

export interface SearchResults extends SiteSearchOutcome {
  /** Data of result `i` (fetched on first call, then cached). */
  data(id: string): Promise<RecordData>;
  /** The record an answer card shows (a term or symbol entry, or a page), by its id from the vocabulary. */
  record(match: ExactMatch): Promise<RecordData | undefined>;
}

const dataCache = new Map<string, Promise<RecordData>>();
/** How many of a symbol name's results an answer card looks through for the symbol's own record. */
const SYMBOL_DEPTH = 3;
/** A result URL without the highlight query Pagefind adds. */
export const stripQuery = (url: string) => url.replace(/\?[^#]*/, '');

export async function runSearch(query: string, filters: Filters = {}): Promise<SearchResults> {
  const { pagefind, vocabulary } = await loadEngine();
  const byId = new Map<string, PagefindResult>();
  const hasFilters = Object.values(filters).some(Boolean);
  const search = async (q: string) => {
    const found = await pagefind.search(q, hasFilters ? { filters } : {});
    const results = found?.results ?? [];
    for (const r of results) if (!byId.has(r.id)) byId.set(r.id, r);
    return results.map((r) => r.id);
  };
  const outcome = await searchSite(query, { engine: { search }, vocabulary, recognizePastedOutput });
  const data = (id: string) => {
    let hit = dataCache.get(id);
    if (!hit) {
      const result = byId.get(id);
      if (!result) return Promise.reject(new Error(`no search result ${id}`));
      hit = result.data();
      dataCache.set(id, hit);
    }
    return hit;
  };
  const record = async (match: ExactMatch) => {
    const kind = match.kind === 'term' ? RECORD_KIND.term : match.kind === 'symbol' ? RECORD_KIND.symbol : undefined;
    const options = kind ? { filters: { kind } } : {};
    const { id } = match;
    if (!id) {
      // A kernel symbol: its name ranks its own record among the first few.
      const found = await pagefind.search(match.name, options);
      for (const r of (found?.results ?? []).slice(0, SYMBOL_DEPTH)) {
        if (!byId.has(r.id)) byId.set(r.id, r);
        const d = await data(r.id);
        if (stripQuery(d.url) === match.url) return d;
      }
      return undefined;
    }
    // The query's own runs have usually returned the card's record already. Otherwise its name is
    // searched (ranked, then quoted: the quoted name leaves out longer names it is a prefix of, as
    // "vmcs02" for "VMCS"); the record is known by its id, so only its own data is fetched.
    for (const query of [match.name, `"${match.name}"`]) {
      if (byId.has(id)) break;
      const hit = (await pagefind.search(query, options))?.results.find((r) => r.id === id);
      if (hit) byId.set(hit.id, hit);
    }
    return byId.has(id) ? data(id) : undefined;
  };
  return { ...outcome, data, record };
}

/** Filter values with their record counts, for the filter controls. */
export async function filterCounts() {
  const { pagefind } = await loadEngine();
  return pagefind.filters();
}
