// The site's search vocabulary: the names readers type (glossary terms, kernel symbols, page titles
// and aliases) and the reviewed synonym groups. Built from content at build time, served as one small
// JSON file and used by the query layer for exact matches, synonyms, acronyms and spelling suggestions.
import type { Site } from '../site.ts';
import { phraseKey } from './query.ts';

export interface VocabularyTerm {
  term: string;
  expansion: string;
  aliases: string[];
  /** URL of the term's own search record (its entry on the glossary page). */
  url: string;
}
export interface VocabularySymbol {
  name: string;
  /** URL of the symbol's own search record (its entry in the symbol index). */
  url: string;
}
export interface VocabularyPage {
  title: string;
  aliases: string[];
  url: string;
}
export interface SearchVocabulary {
  terms: VocabularyTerm[];
  symbols: VocabularySymbol[];
  pages: VocabularyPage[];
  /** Groups of interchangeable phrases: content/synonyms.yaml plus each glossary term with its names. */
  synonyms: string[][];
}

// A synonym is searched in place of what was typed; a long expansion ("Level 2, the nested guest")
// would AND many words and match less, not more.
const usableSynonym = (s: string) => !/[,;:"()]/.test(s) && s.split(/\s+/).length <= 4;

export function buildVocabulary(site: Site): SearchVocabulary {
  const terms = [...site.terms.values()].map((t) => ({ term: t.data.term, expansion: t.data.expansion, aliases: t.data.aliases, url: t.url }));
  const glossaryGroups = terms
    .map((t) => [t.term, t.expansion, ...t.aliases].filter(usableSynonym))
    .filter((g) => g.length > 1);
  return {
    terms,
    symbols: [...site.symbols.values()].map((s) => ({ name: s.data.name, url: s.url })),
    pages: [...site.pages.values()].map((p) => ({ title: p.data.title, aliases: p.data.aliases, url: p.url })),
    synonyms: [...site.synonyms.map((g) => g.same), ...glossaryGroups],
  };
}

/** Lookup tables over a vocabulary, built once in the browser. */
export interface VocabularyIndex {
  vocabulary: SearchVocabulary;
  /** Phrase key -> the synonym groups it belongs to. */
  synonymGroups: Map<string, string[][]>;
  /** Longest synonym phrase, in words. */
  longestSynonym: number;
  /** Lower-cased glossary names (term and aliases) that are acronyms: "rvi" typed in lower case is still RVI. */
  acronyms: Set<string>;
}

export function indexVocabulary(vocabulary: SearchVocabulary): VocabularyIndex {
  const synonymGroups = new Map<string, string[][]>();
  let longestSynonym = 1;
  for (const group of vocabulary.synonyms) {
    for (const phrase of group) {
      const key = phraseKey(phrase);
      if (!key) continue;
      longestSynonym = Math.max(longestSynonym, key.split(' ').length);
      synonymGroups.set(key, [...(synonymGroups.get(key) ?? []), group]);
    }
  }
  const acronyms = new Set(
    vocabulary.terms.flatMap((t) => [t.term, ...t.aliases]).filter((n) => /^[A-Za-z0-9]+$/.test(n) && /[A-Z].*[A-Z]/.test(n)).map((n) => n.toLowerCase()),
  );
  return { vocabulary, synonymGroups, longestSynonym, acronyms };
}
