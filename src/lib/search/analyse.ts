// From a parsed query to what search runs: the query's concepts (each with the spellings and synonyms
// that may stand for it) and the exact matches that become answer cards.
import { phraseKey, type ParsedQuery, type QueryToken } from './query.ts';
import type { VocabularyIndex } from './vocabulary.ts';

export interface Concept {
  /** What the reader typed for it. */
  label: string;
  /** Index queries that stand for it: first as typed, then synonyms and other spellings. */
  forms: string[];
  /** Searched only when no form occurs in the index (an acronym's prefix search). */
  fallback?: string;
}

const MAX_FORMS = 4;

/** The concepts of a query: synonym phrases grouped ("not merged" is one concept), stop words dropped. */
export function queryConcepts(parsed: ParsedQuery, index: VocabularyIndex): Concept[] {
  const concepts: Concept[] = parsed.tokens.filter((t) => t.kind === 'phrase').map((t) => ({ label: t.text, forms: [t.search] }));
  const seq = parsed.sequence;
  for (let i = 0; i < seq.length; ) {
    let matched = 0;
    for (let n = Math.min(index.longestSynonym, seq.length - i); n >= 1 && !matched; n--) {
      const span = seq.slice(i, i + n);
      if (span.every((t) => t.stop) || span.some((t) => t.kind === 'phrase')) continue;
      const key = span.map((t) => t.key).join(' ');
      const groups = index.synonymGroups.get(key);
      if (!groups) continue;
      const typed = span.map((t) => t.search).join(' ');
      const others = groups.flat().filter((p) => phraseKey(p) !== key);
      concepts.push({ label: span.map((t) => t.text).join(' '), forms: unique([typed, ...others.map((p) => p.toLowerCase())]).slice(0, MAX_FORMS) });
      matched = n;
    }
    if (matched) {
      i += matched;
      continue;
    }
    const token = seq[i]!;
    i += 1;
    if (token.stop) continue;
    // An acronym is a whole word: Pagefind matches a bare word as a prefix too ("HYPERV" would match
    // "hypervisor"), a quoted one exactly. The prefix search is kept for when the exact one finds nothing.
    if (token.kind === 'acronym' || index.acronyms.has(token.key)) {
      concepts.push({ label: token.text, forms: [`"${token.search}"`], fallback: token.search });
    } else concepts.push({ label: token.text, forms: unique([token.search, ...(token.variants ?? [])]) });
  }
  // The same concept typed twice is searched once.
  const seen = new Set<string>();
  return concepts.filter((c) => (seen.has(c.forms[0]!) ? false : (seen.add(c.forms[0]!), true)));
}

export type ExactMatch =
  | { kind: 'term'; name: string; url: string }
  | { kind: 'symbol'; name: string; url: string }
  | { kind: 'page'; name: string; url: string };

// A query of up to this many meaningful tokens is a look-up ("RVI", "what is RVI", "RVI vs SVI"):
// its acronyms and identifiers get answer cards. A longer one is a question; only identifiers count.
const LOOKUP_TOKENS = 3;
const MAX_CARDS = 4;
// An acronym naming the last part of many symbols is no longer an exact reference.
const MAX_SUFFIX_SYMBOLS = 3;

/**
 * Exact references in a query, most exact first (MDN-style): the whole query naming a glossary term,
 * kernel symbol or page (by title or alias), then single acronyms and identifiers naming one.
 */
export function exactMatches(parsed: ParsedQuery, index: VocabularyIndex): ExactMatch[] {
  const { terms, symbols, pages } = index.vocabulary;
  const meaningful = parsed.tokens;
  if (!meaningful.length) return [];
  const wholeKeys = new Set([phraseKey(meaningful.map((t) => t.text).join(' ')), phraseKey(parsed.text)]);
  const isWhole = (name: string) => wholeKeys.has(phraseKey(name));
  const out: ExactMatch[] = [];
  const add = (m: ExactMatch) => {
    if (!out.some((o) => o.url === m.url)) out.push(m);
  };

  for (const t of terms) if ([t.term, t.expansion, ...t.aliases].some(isWhole)) add({ kind: 'term', name: t.term, url: t.url });
  const symbolByName = new Map(symbols.map((s) => [s.name.toLowerCase(), s]));
  for (const token of meaningful) {
    const s = token.kind === 'identifier' ? symbolByName.get(token.key) : undefined;
    if (s) add({ kind: 'symbol', name: s.name, url: s.url });
  }
  for (const p of pages) if ([p.title, ...p.aliases].some(isWhole)) add({ kind: 'page', name: p.title, url: p.url });

  if (meaningful.length <= LOOKUP_TOKENS) {
    for (const token of meaningful.filter((t) => t.kind === 'acronym' || index.acronyms.has(t.key))) {
      const term = terms.find((t) => [t.term, ...t.aliases].some((n) => n.toLowerCase() === token.key));
      if (term) add({ kind: 'term', name: term.term, url: term.url });
      // "HYPERV" names APICV_INHIBIT_REASON_HYPERV: an upper-case acronym that is a whole part of a symbol.
      if (token.text === token.text.toUpperCase() && token.text.length >= 3) {
        const suffixed = symbols.filter((s) => s.name.split('_').at(-1) === token.text && s.name.includes('_'));
        if (suffixed.length <= MAX_SUFFIX_SYMBOLS) for (const s of suffixed) add({ kind: 'symbol', name: s.name, url: s.url });
      }
    }
  }
  return out.slice(0, MAX_CARDS);
}

function unique(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.toLowerCase()) ? false : (seen.add(s.toLowerCase()), true)));
}

/** Tokens worth highlighting on the landing page and in excerpts: everything meaningful, as typed. */
export const highlightWords = (tokens: QueryToken[]) => tokens.map((t) => t.text);
