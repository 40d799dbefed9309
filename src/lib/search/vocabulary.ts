// The site's search vocabulary: the names readers type (glossary terms, kernel symbols, page titles
// and aliases) and the reviewed synonym groups. Built from content once the search index exists (each
// name carries the id of its own index record), served as one small JSON file and used by the query
// layer for exact matches, synonyms, acronyms and spelling suggestions.
import type { Site } from '../site.ts';
import { phraseKey, wordKey } from './query.ts';

export interface VocabularyTerm {
  term: string;
  expansion: string;
  aliases: string[];
  /** URL of the term's own search record (its entry on the glossary page). */
  url: string;
  /** URL of the page that explains the term. */
  page: string;
  /** Id of the term's record in the search index: an answer card loads that record and no other. */
  id: string;
}
export interface VocabularyPage {
  title: string;
  aliases: string[];
  url: string;
  /** Id of the page's record in the search index. */
  id: string;
  /** The page's excerpts come from excerpt windows (excerptWindows.ts), not its whole Pagefind fragment. */
  excerpts?: true;
}
export interface SearchVocabulary {
  terms: VocabularyTerm[];
  /**
   * Kernel symbol names. A symbol's record is at symbolUrl(name) and carries no id here: 300 ids would
   * add 2 KiB to every first search, while searching the name ranks the symbol's own record first.
   */
  symbols: string[];
  pages: VocabularyPage[];
  /** Groups of interchangeable phrases from content/synonyms.yaml (each glossary term with its names is one more, added by indexVocabulary). */
  synonyms: string[][];
  /**
   * The glossary's acronyms whose word in the index is not the name itself ("isrunning": "isrun", as
   * Pagefind stemmed it), or "" where the index has none; every other acronym is its own index word
   * (indexTerms.ts searches them marked).
   */
  indexAcronyms: Record<string, string>;
}

/**
 * The vocabulary as served (search/vocabulary.json): a term's URL is left out where it is the glossary
 * anchor its name gives (glossaryUrl), as it is for nearly every term (0.35 KiB less for every first
 * search); indexVocabulary puts it back.
 */
export type ServedVocabulary = Omit<SearchVocabulary, 'terms'> & { terms: (Omit<VocabularyTerm, 'url'> & { url?: string })[] };

/**
 * Where a term's glossary entry is when its anchor is its name in lower case with every run of other
 * characters a hyphen ("APIC-access page" -> "/glossary/#apic-access-page"); the site's own anchors
 * (github-slugger, src/lib/site.ts termAnchor) agree for every term whose URL the served vocabulary omits.
 */
export const glossaryUrl = (term: string) => `/glossary/#${term.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

/** A glossary's names (terms and aliases) that are acronyms, lower case: letters and digits, two capitals at least. */
export const glossaryAcronyms = (terms: readonly { term: string; aliases: readonly string[] }[]) =>
  new Set(terms.flatMap((t) => [t.term, ...t.aliases]).filter((n) => /^[A-Za-z0-9]+$/.test(n) && /[A-Z].*[A-Z]/.test(n)).map((n) => n.toLowerCase()));

/** URL of a kernel symbol's entry in the symbol index (its search record). */
export const symbolUrl = (name: string) => `/symbols/#${name}`;

// A synonym is searched in place of what was typed; a long expansion ("Level 2, the nested guest")
// would AND many words and match less, not more.
const usableSynonym = (s: string) => !/[,;:"()]/.test(s) && s.split(/\s+/).length <= 4;

/**
 * The vocabulary of a site whose search index is built: `recordIds` maps each record's URL to its id
 * in the index (Pagefind's page hash); `windowed` holds the ids of pages with excerpt windows. A name
 * without a record is a build error, not a card that silently never shows.
 */
export function buildVocabulary(
  site: Site,
  recordIds: ReadonlyMap<string, string>,
  windowed: ReadonlySet<string>,
  indexAcronyms: ReadonlyMap<string, string>,
): ServedVocabulary {
  const missing: string[] = [];
  const idOf = (url: string) => {
    const id = recordIds.get(url);
    if (!id) missing.push(url);
    return id ?? '';
  };
  const terms = [...site.terms.values()].map((t) => ({
    term: t.data.term,
    expansion: t.data.expansion,
    aliases: t.data.aliases,
    ...(t.url === glossaryUrl(t.data.term) ? {} : { url: t.url }),
    page: `/${t.data.page.split('#')[0]}/`,
    id: idOf(t.url),
  }));
  const symbols = [...site.symbols.values()].map((s) => {
    if (s.url !== symbolUrl(s.data.name)) throw new Error(`search vocabulary: symbol ${s.data.name} is at ${s.url}, not ${symbolUrl(s.data.name)}`);
    if (!recordIds.has(s.url)) missing.push(s.url);
    return s.data.name;
  });
  const pages = [...site.pages.values()].map((p): VocabularyPage => {
    const id = idOf(p.url);
    return { title: p.data.title, aliases: p.data.aliases, url: p.url, id, ...(windowed.has(id) ? { excerpts: true as const } : {}) };
  });
  if (missing.length) throw new Error(`search vocabulary: no search record for ${missing.join(', ')}`);
  const acronymWords = [...glossaryAcronyms(terms)].filter((name) => indexAcronyms.get(name) !== name).map((name) => [name, indexAcronyms.get(name) ?? '']);
  return { terms, symbols, pages, synonyms: site.synonyms.map((g) => g.same), indexAcronyms: Object.fromEntries(acronymWords) };
}

/** Lookup tables over a vocabulary, built once in the browser. */
export interface VocabularyIndex {
  vocabulary: SearchVocabulary;
  /** Phrase key -> the synonym groups it belongs to (content/synonyms.yaml, then each glossary term's names). */
  synonymGroups: Map<string, string[][]>;
  /** Longest synonym phrase, in words. */
  longestSynonym: number;
  /**
   * Phrase keys of the glossary's term names ("SynIC", not its expansion or aliases) that no group of
   * content/synonyms.yaml lists: the site's own word for the thing, so typed as such it is searched
   * alone. The term's other names are for readers who type them, and each costs index data.
   */
  termNames: Set<string>;
  /** Lower-cased glossary names (term and aliases) that are acronyms: "rvi" typed in lower case is still RVI. */
  acronyms: Set<string>;
  /** Each glossary acronym the index holds, by name, with its index word: for searching (indexQuery). */
  indexAcronyms: Map<string, string>;
  /** Record ids of the pages whose excerpts come from excerpt windows. */
  windowedPages: Set<string>;
  /**
   * Keys of the words the site names things with: glossary terms, expansions and aliases, page titles
   * and aliases, kernel symbols and their parts. A query word in none of them ("break", "reach") is a
   * plain word, which counts for less in ranking however rare it is on the site.
   */
  nameWords: Set<string>;
}

export function indexVocabulary(served: ServedVocabulary): VocabularyIndex {
  const vocabulary: SearchVocabulary = { ...served, terms: served.terms.map((t) => ({ ...t, url: t.url ?? glossaryUrl(t.term) })) };
  const synonymGroups = new Map<string, string[][]>();
  let longestSynonym = 1;
  // A term's names are derived here rather than shipped twice in the vocabulary.
  const glossaryGroups = vocabulary.terms.map((t) => [t.term, t.expansion, ...t.aliases].filter(usableSynonym)).filter((g) => g.length > 1);
  for (const group of [...vocabulary.synonyms, ...glossaryGroups]) {
    for (const phrase of group) {
      const key = phraseKey(phrase);
      if (!key) continue;
      longestSynonym = Math.max(longestSynonym, key.split(' ').length);
      const groups = synonymGroups.get(key) ?? [];
      // "Ex why zed" and "ex why zed" share a key: the group is listed once.
      if (!groups.includes(group)) synonymGroups.set(key, [...groups, group]);
    }
  }
  const listed = new Set(vocabulary.synonyms.flat().map(phraseKey));
  const termNames = new Set(vocabulary.terms.map((t) => phraseKey(t.term)).filter((key) => !listed.has(key)));
  const acronyms = glossaryAcronyms(vocabulary.terms);
  const windowedPages = new Set(vocabulary.pages.filter((p) => p.excerpts).map((p) => p.id));
  const names = [
    ...vocabulary.terms.flatMap((t) => [t.term, t.expansion, ...t.aliases]),
    ...vocabulary.pages.flatMap((p) => [p.title, ...p.aliases]),
    ...vocabulary.symbols.flatMap((name) => [name, ...name.split('_')]),
  ];
  const nameWords = new Set(names.flatMap((n) => n.split(/[^\p{L}\p{N}_]+/u)).filter(Boolean).map(wordKey));
  return { vocabulary, synonymGroups, longestSynonym, termNames, acronyms, indexAcronyms: new Map([...acronyms].map((name) => [name, vocabulary.indexAcronyms[name] ?? name] as const).filter(([, word]) => word)), windowedPages, nameWords };
}
