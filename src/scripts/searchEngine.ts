// Browser side of the query layer: loads Pagefind's JS API (no worker, no UI bundle) and the search
// vocabulary on first use, and runs src/lib/search/searchSite.ts over them. Record data is fetched only
// for what is shown: a long page's excerpts from its excerpt index and the windows of text they fall in
// (src/lib/search/excerptWindows.ts), any other record's from its Pagefind fragment.
import { EXCERPTS_PATH, WINDOW_WORDS, decodeWindow, excerptHtml, excerptSpans, windowsFor, type ExcerptIndex } from '../lib/search/excerptWindows.ts';
import { indexQuery } from '../lib/search/indexTerms.ts';
import { indexVocabulary, type ServedVocabulary, type VocabularyIndex } from '../lib/search/vocabulary.ts';
import { mayBePastedOutput } from '../lib/search/pastedOutputCues.ts';
import type { PastedOutputMatch } from '../lib/search/pastedOutput.ts';
import type { ExactMatch } from '../lib/search/analyse.ts';
import { RECORD_KIND } from '../lib/search/records.ts';
import { RunResults } from '../lib/search/runResults.ts';
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
  /** Positions of the matched words in the record's text. */
  words: number[];
  data(): Promise<RecordData>;
}
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: { filters?: Filters }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
export type Filters = Partial<Record<'topic' | 'vendor' | 'kind', string>>;

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`search data ${path}: HTTP ${response.status}`);
  return response.json() as Promise<T>;
}

let loaded: Promise<{ pagefind: Pagefind; vocabulary: VocabularyIndex }> | null = null;

/** Loads the engine and vocabulary once; later calls share the same promise. */
export function loadEngine() {
  loaded ??= (async () => {
    // A string, so the bundler leaves the browser's own import() alone.
    const url = '/pagefind/pagefind.js';
    const [pagefind, vocabulary] = await Promise.all([import(/* @vite-ignore */ url) as Promise<Pagefind>, fetchJson<ServedVocabulary>('/search/vocabulary.json')]);
    await pagefind.options({ ...PAGEFIND_OPTIONS, highlightParam: HIGHLIGHT_PARAM });
    return { pagefind, vocabulary: indexVocabulary(vocabulary) };
  })();
  loaded.catch(() => (loaded = null));
  return loaded;
}

/** Runs a Pagefind search in the index's form of the query: identifiers and acronyms marked (indexTerms.ts). */
export const searchPagefind = (pagefind: Pagefind, vocabulary: VocabularyIndex, q: string, options: { filters?: Filters }) =>
  pagefind.search(indexQuery(q, vocabulary.indexAcronyms), options);

export interface SearchResults extends SiteSearchOutcome {
  /** Data of result `i` (fetched on first call, then cached). */
  data(id: string): Promise<RecordData>;
  /** The record an answer card shows (a term or symbol entry, or a page), by its id from the vocabulary. */
  record(match: ExactMatch): Promise<RecordData | undefined>;
}

/** Excerpt indexes and windows of long pages, by URL: they do not change while the page is open. */
const excerptFiles = new Map<string, Promise<unknown>>();
const excerptFile = <T>(path: string) => {
  let file = excerptFiles.get(path);
  if (!file) {
    file = fetchJson<T>(path);
    excerptFiles.set(path, file);
    file.catch(() => excerptFiles.delete(path));
  }
  return file as Promise<T>;
};
/** Sections shown under a result, with their excerpts. */
export const MAX_SECTIONS = 3;

/** A long page's data for a result matching `words`: its excerpt index, then only the other windows its excerpts fall in. */
async function windowedData(id: string, words: readonly number[]): Promise<RecordData> {
  const dir = `${EXCERPTS_PATH}${id}`;
  const index = await excerptFile<ExcerptIndex>(`${dir}.json`);
  const { page, sections } = excerptSpans(index, words, MAX_SECTIONS);
  const numbers = windowsFor([page, ...sections]);
  const files = numbers.filter((n) => n > 0).map(async (n) => [n, decodeWindow(await excerptFile<string>(`${dir}/${n}.json`))] as const);
  const windows = new Map([[0, decodeWindow(index.opening)] as const, ...(await Promise.all(files))]);
  const word = (i: number) => windows.get(Math.floor(i / WINDOW_WORDS))?.[i % WINDOW_WORDS];
  return {
    url: index.url,
    excerpt: excerptHtml(page, word),
    meta: index.meta,
    filters: index.filters,
    sub_results: sections.map((s) => ({ title: s.title, url: `${index.url}#${s.id}`, excerpt: excerptHtml(s, word) })),
  };
}
/** How many of a symbol name's results an answer card looks through for the symbol's own record. */
const SYMBOL_DEPTH = 3;
/** A result URL without the highlight query Pagefind adds. */
export const stripQuery = (url: string) => url.replace(/\?[^#]*/, '');

/**
 * The recogniser of pasted kernel output, with the explainers' tables it reads (about 25 KiB of script),
 * loads only for text that may be such output (pastedOutputCues.ts), which most questions and keywords
 * are not. If it cannot load (offline, or a new deploy renamed it), the search goes on without its cards.
 */
const loadPastedOutputReader = (text: string) =>
  mayBePastedOutput(text)
    ? import('../lib/search/pastedOutput.ts').catch((error: unknown) => {
        console.warn('search: the pasted-output recogniser did not load; results come without its cards', error);
        return undefined;
      })
    : undefined;

export async function runSearch(query: string, filters: Filters = {}): Promise<SearchResults> {
  // Requested before the engine loads, so a paste's recogniser arrives alongside it.
  const pastedReader = loadPastedOutputReader(query);
  const { pagefind, vocabulary } = await loadEngine();
  const recognizePastedOutput = async (text: string): Promise<PastedOutputMatch[]> => {
    const reader = await (pastedReader ?? loadPastedOutputReader(text));
    return reader ? reader.recognizePastedOutput(text) : [];
  };
  const found = new RunResults<PagefindResult>();
  const hasFilters = Object.values(filters).some(Boolean);
  const positions = new Map<string, Map<string, readonly number[]>>();
  const positioned = async (q: string) => {
    const results = (await searchPagefind(pagefind, vocabulary, q, hasFilters ? { filters } : {}))?.results ?? [];
    positions.set(q, new Map(results.map((r) => [r.id, r.words])));
    return results;
  };
  const search = async (q: string) => {
    const run = found.start();
    const results = await positioned(q);
    found.add(run, results);
    return results.map((r) => r.id);
  };
  // A phrase's words, searched to place it (relax.ts): their matches ("in" in every record) are no
  // result's words, and a record they return is not found by the query.
  const locate = async (q: string) => void (await positioned(q));
  const engine = { search, locate, positions: (q: string, id: string) => positions.get(q)?.get(id) };
  const outcome = await searchSite(query, { engine, vocabulary, recognizePastedOutput });
  // Excerpts depend on the words matched, so record data is kept for this search's results only.
  const dataCache = new Map<string, Promise<RecordData>>();
  const data = (id: string) => {
    let hit = dataCache.get(id);
    if (!hit) {
      const result = found.result(id);
      if (!result) return Promise.reject(new Error(`no search result ${id}`));
      // Excerpt and sections show where the query's concepts stand; a record no run of the query scored
      // (an answer card's own) shows what its search matched.
      const at = outcome.positions(id);
      hit = vocabulary.windowedPages.has(id) ? windowedData(id, at.length ? at : found.words(id)) : result.data();
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
      const named = await searchPagefind(pagefind, vocabulary, match.name, options);
      for (const r of (named?.results ?? []).slice(0, SYMBOL_DEPTH)) {
        found.addIfAbsent(r);
        const d = await data(r.id);
        if (stripQuery(d.url) === match.url) return d;
      }
      return undefined;
    }
    // The query's own runs have usually returned the card's record already. Otherwise its name is
    // searched (ranked, then quoted: the quoted name leaves out longer names it is a prefix of, as
    // "vmcs02" for "VMCS"); the record is known by its id, so only its own data is fetched.
    for (const query of [match.name, `"${match.name}"`]) {
      if (found.has(id)) break;
      const hit = (await searchPagefind(pagefind, vocabulary, query, options))?.results.find((r) => r.id === id);
      if (hit) found.addIfAbsent(hit);
    }
    return found.has(id) ? data(id) : undefined;
  };
  return { ...outcome, data, record };
}

/** Filter values with their record counts, for the filter controls. */
export async function filterCounts() {
  const { pagefind } = await loadEngine();
  return pagefind.filters();
}
