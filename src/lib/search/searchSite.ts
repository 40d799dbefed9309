// The one search code path for the dialog and /search/: parse, recognise pasted kernel output, find
// exact references, then a relaxed, fused search of the query's concepts. The index is injected, so
// this runs on fixtures in unit tests and over Pagefind in the browser.
import { exactMatches, namedConcept, queryConcepts, type Concept, type ExactMatch } from './analyse.ts';
import type { PastedOutputMatch } from './pastedOutput.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { indexTerm } from './indexTerms.ts';
import { relaxedSearch, type SearchEngine } from './relax.ts';
import type { VocabularyIndex } from './vocabulary.ts';

export interface SiteSearchDeps {
  engine: SearchEngine;
  vocabulary: VocabularyIndex;
  /** May load its tables on first use (the browser loads them only for text that may be kernel output). */
  recognizePastedOutput: (query: string) => PastedOutputMatch[] | Promise<PastedOutputMatch[]>;
}

export interface SiteSearchOutcome {
  parsed: ParsedQuery;
  /** Exact references, shown first as answer cards. */
  answers: ExactMatch[];
  /** Recognised kernel output, shown as cards that open the explainer that decodes it. */
  pasted: PastedOutputMatch[];
  /** Record ids, best first. */
  ids: string[];
  /** What the reader typed that occurs nowhere on the site. */
  unknown: string[];
  /** Meaningful words the best results do not all contain. */
  relaxedAway: string[];
  /** Where the query's concepts stand in a record (relax.ts), for a long page's excerpt and sections; empty if unknown. */
  positions(id: string): number[];
}

const recordCount = (v: VocabularyIndex) => v.vocabulary.pages.length + v.vocabulary.terms.length + v.vocabulary.symbols.length;

export async function searchSite(query: string, deps: SiteSearchDeps): Promise<SiteSearchOutcome> {
  const parsed = parseQuery(query);
  const pasted = parsed.text ? await deps.recognizePastedOutput(parsed.text) : [];
  // Pasted output is noisy (timestamps, pids, flags): search for what the recogniser says it means.
  const concepts: Concept[] = pasted.length
    ? pasted
        .flatMap((m) => m.terms)
        .filter((names, i, all) => all.findIndex((other) => other[0] === names[0]) === i)
        .map((names) => namedConcept(names, deps.vocabulary))
    : queryConcepts(parsed, deps.vocabulary);
  const answers = pasted.length ? [] : exactMatches(parsed, deps.vocabulary);
  const relaxed = await relaxedSearch(concepts, deps.engine, {
    total: recordCount(deps.vocabulary),
    markedWord: (word) => indexTerm(word, deps.vocabulary.indexAcronyms) !== word,
  });
  return { parsed, answers, pasted, ids: relaxed.ids, unknown: relaxed.unknown, relaxedAway: relaxed.relaxedAway, positions: relaxed.positions };
}

/** Topics, glossary and symbol index: where an empty result sends the reader. */
export const BROWSE_LINKS = [
  { href: '/glossary/', label: 'Glossary' },
  { href: '/symbols/', label: 'Kernel symbol index' },
  { href: '/guide/', label: 'Reading guide and topics' },
] as const;

/** What to tell the reader about a search, beyond the results; null when the results speak for themselves. */
export function searchNotice(outcome: SiteSearchOutcome): string | null {
  const { parsed, ids, unknown, relaxedAway } = outcome;
  const parts: string[] = [];
  if (parsed.truncated) parts.push(`Only the first ${parsed.text.length} characters of your query were used.`);
  if (!parsed.text) return parts.join(' ') || null;
  // Nothing meaningful: no word to search, nothing recognised, and no function word that names an acronym ("ON").
  if (!parsed.tokens.length && !outcome.pasted.length && !outcome.answers.length && !ids.length) {
    parts.push('Your query has only question words and common words. Add what you are looking for: a term (RVI), a kernel symbol (kvm_set_apicv_inhibit) or a symptom (interrupt lost in L2).');
    return parts.join(' ');
  }
  if (unknown.length) parts.push(`Not found on the site: ${unknown.map((u) => `“${u}”`).join(', ')}.`);
  if (ids.length && relaxedAway.length) {
    parts.push(`No page has all of your words; these have most of them (not all contain ${relaxedAway.map((u) => `“${u}”`).join(', ')}).`);
  }
  if (!ids.length && !outcome.answers.length && !outcome.pasted.length) parts.push('No results.');
  return parts.join(' ') || null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The sentence announced to screen readers after each search. */
export function resultSummary(cards: number, results: number, query: string): string {
  const shown = query.length > 60 ? `${query.slice(0, 57)}…` : query;
  const parts = [cards ? plural(cards, 'answer') : '', results || !cards ? plural(results, 'result') : ''].filter(Boolean);
  return `${parts.join(' and ')} for “${shown}”`;
}
