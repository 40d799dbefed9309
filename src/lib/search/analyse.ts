// From a parsed query to what search runs: the query's concepts (each with the spellings and synonyms
// that may stand for it) and the exact matches that become answer cards.
import { phraseKey, type ParsedQuery, type QueryToken } from './query.ts';
import { symbolUrl, type VocabularyIndex } from './vocabulary.ts';

export interface Concept {
  /** What the reader typed for it. */
  label: string;
  /** Index queries that stand for it: first as typed, then synonyms and other spellings. */
  forms: string[];
  /**
   * Match whole words only (acronyms): Pagefind matches a bare word as a prefix too ("HYPERV" would
   * match "hypervisor"). A quoted word matches whole but comes back unranked, so relax.ts keeps the
   * ranked prefix results that are also in the quoted ones.
   */
  whole?: boolean;
  /**
   * With `whole`: a complete name (a paste's, as the kernel prints it), found only where it stands as a
   * word. Otherwise a name no record has counts where the longest word it begins with is: Pagefind
   * falls back on that word, so "EXIT_REASON_EPT_MISCONFIG" found every "exit_reason".
   */
  complete?: boolean;
  /** False for a plain word: one the site names nothing with (VocabularyIndex.nameWords). */
  named?: boolean;
}

const MAX_FORMS = 4;

/**
 * Function words of the query that name a glossary acronym ("the ON bit"): typed in capitals, in a query
 * that is not several words all in capitals.
 */
function acronymStops(parsed: ParsedQuery, index: VocabularyIndex): QueryToken[] {
  const shouting = (parsed.text.match(/\p{L}+/gu) ?? []).length > 1 && parsed.text === parsed.text.toUpperCase();
  if (shouting) return [];
  return parsed.sequence.filter((t) => t.stop && t.text.length > 1 && t.text === t.text.toUpperCase() && index.acronyms.has(t.text.toLowerCase()));
}

/** The concepts of a query: synonym phrases grouped ("not merged" is one concept), stop words dropped. */
export function queryConcepts(parsed: ParsedQuery, index: VocabularyIndex): Concept[] {
  const concepts: Concept[] = parsed.tokens.filter((t) => t.kind === 'phrase').map((t) => ({ label: t.text, forms: [t.search] }));
  const seq = parsed.sequence;
  // The index cannot tell such an acronym ("the ON bit") from the function word, so only the term's
  // other names are searched for it.
  const acronymStop = new Set(acronymStops(parsed, index));
  for (let i = 0; i < seq.length; ) {
    let matched = 0;
    for (let n = Math.min(index.longestSynonym, seq.length - i); n >= 1 && !matched; n--) {
      const span = seq.slice(i, i + n);
      if (span.every((t) => t.stop && !acronymStop.has(t)) || span.some((t) => t.kind === 'phrase')) continue;
      const key = span.map((t) => t.key).join(' ');
      const groups = index.synonymGroups.get(key);
      if (!groups) continue;
      const typed = span.map((t) => t.search).join(' ');
      const stopName = n === 1 && acronymStop.has(span[0]!);
      // A glossary term typed by its own name is searched without its own other names
      // (VocabularyIndex.termNames); a group it is only part of (another term's alias) still counts.
      const searched = index.termNames.has(key) && !stopName ? groups.filter((g) => phraseKey(g[0]!) !== key) : groups;
      const others = searched.flat().filter((p) => phraseKey(p) !== key);
      const forms = stopName ? others.map((p) => p.toLowerCase()) : [typed, ...others.map((p) => p.toLowerCase())];
      if (!forms.length) continue;
      concepts.push({ label: span.map((t) => t.text).join(' '), forms: unique(forms).slice(0, MAX_FORMS) });
      matched = n;
    }
    if (matched) {
      i += matched;
      continue;
    }
    const token = seq[i]!;
    i += 1;
    if (token.stop) continue;
    const concept: Concept = { label: token.text, forms: unique([token.search, ...(token.variants ?? [])]) };
    // A capitalised word is a name ("Christopherson") whether or not the site names anything with it.
    if (token.kind === 'word' && !index.nameWords.has(token.key) && !/^\p{Lu}/u.test(token.text)) concept.named = false;
    if (token.kind === 'acronym' || index.acronyms.has(token.key)) concept.whole = true;
    concepts.push(concept);
  }
  // The same concept typed twice is searched once.
  const seen = new Set<string>();
  return concepts.filter((c) => (seen.has(c.forms[0]!) ? false : (seen.add(c.forms[0]!), true)));
}

/**
 * One thing known by several names (a paste's exit reason: "EXIT_REASON_EPT_MISCONFIG", "EPT_MISCONFIG")
 * as a concept: those names first, then the names the glossary and content/synonyms.yaml tie to any of
 * them ("EPT misconfiguration"), so pages that say it in words are found too. Names are matched whole:
 * a reason printed bare ("HYPERV", "NESTED") is a name, not the start of "hypervisor" or "nested".
 */
export function namedConcept(names: readonly string[], index: VocabularyIndex): Concept {
  const tied = names.flatMap((name) => (index.synonymGroups.get(phraseKey(name)) ?? []).flat().map((p) => p.toLowerCase()));
  return { label: names[0]!, forms: unique([...names, ...tied]).slice(0, MAX_FORMS), whole: true, complete: true };
}

export interface ExactMatch {
  kind: 'term' | 'symbol' | 'page';
  name: string;
  url: string;
  /** Id of the record in the search index (what the answer card shows); a symbol's card searches its name. */
  id?: string;
}

// A query of up to this many meaningful tokens is a look-up ("RVI", "what is RVI", "RVI vs SVI"):
// its acronyms and identifiers get answer cards. A longer one is a question; only identifiers count.
const LOOKUP_TOKENS = 3;
// A comparison of acronyms may carry one more word ("difference between RVI and SVI in APICv").
const COMPARISON_TOKENS = 4;
const MAX_CARDS = 4;
// An acronym naming the last part of many symbols is no longer an exact reference.
const MAX_SUFFIX_SYMBOLS = 3;

/**
 * Exact references in a query, most exact first (MDN-style): the whole query naming a glossary term,
 * kernel symbol or page (by title or alias), then single acronyms and identifiers naming one.
 */
export function exactMatches(parsed: ParsedQuery, index: VocabularyIndex): ExactMatch[] {
  const { terms, symbols, pages } = index.vocabulary;
  // A function word that names a glossary acronym ("the ON bit") is as meaningful as any acronym here.
  const meaningful = [...parsed.tokens, ...acronymStops(parsed, index)];
  if (!meaningful.length) return [];
  const wholeKeys = new Set([phraseKey(meaningful.map((t) => t.text).join(' ')), phraseKey(parsed.text)]);
  const isWhole = (name: string) => wholeKeys.has(phraseKey(name));
  const out: ExactMatch[] = [];
  const add = (m: ExactMatch) => {
    if (!out.some((o) => o.url === m.url)) out.push(m);
  };

  for (const t of terms) if ([t.term, t.expansion, ...t.aliases].some(isWhole)) add({ kind: 'term', name: t.term, url: t.url, id: t.id });
  const symbol = (name: string): ExactMatch => ({ kind: 'symbol', name, url: symbolUrl(name) });
  const symbolByName = new Map(symbols.map((name) => [name.toLowerCase(), name]));
  for (const token of meaningful) {
    const name = token.kind === 'identifier' ? symbolByName.get(token.key) : undefined;
    if (name) add(symbol(name));
  }
  for (const p of pages) if ([p.title, ...p.aliases].some(isWhole)) add({ kind: 'page', name: p.title, url: p.url, id: p.id });
  // A short query that names two or more acronyms ("APICv vs AVIC", "RVI and SVI in APICv") asks how
  // they relate: a page whose title or aliases name all of them, or all but one of three or more, answers
  // it, before each acronym's own card. In a longer question the acronyms are context ("check whether
  // AVIC is enabled on an AMD host"), not the subject.
  const acronymTokens = meaningful.filter((t) => t.kind === 'acronym' || index.acronyms.has(t.key));
  const acronymKeys = [...new Set(acronymTokens.map((t) => t.key))];
  const comparisons: ExactMatch[] = [];
  if (acronymKeys.length >= 2 && meaningful.length <= COMPARISON_TOKENS) {
    const needed = Math.max(2, acronymKeys.length - 1);
    const namedIn = (p: (typeof pages)[number]) => {
      const words = new Set([p.title, ...p.aliases].join(' ').toLowerCase().split(/[^a-z0-9]+/));
      return acronymKeys.filter((k) => words.has(k)).length;
    };
    for (const { p } of pages.map((p) => ({ p, n: namedIn(p) })).filter((c) => c.n >= needed).sort((a, b) => b.n - a.n)) {
      comparisons.push({ kind: 'page', name: p.title, url: p.url, id: p.id });
    }
  }

  if (meaningful.length <= LOOKUP_TOKENS) {
    for (const token of acronymTokens) {
      const term = terms.find((t) => [t.term, ...t.aliases].some((n) => n.toLowerCase() === token.key));
      if (term) add({ kind: 'term', name: term.term, url: term.url, id: term.id });
      // "HYPERV" names APICV_INHIBIT_REASON_HYPERV: an upper-case acronym that is a whole part of a
      // symbol, when it is not a glossary term of its own.
      else if (token.text === token.text.toUpperCase() && token.text.length >= 3) {
        const suffixed = symbols.filter((name) => name.split('_').at(-1) === token.text && name.includes('_'));
        if (suffixed.length <= MAX_SUFFIX_SYMBOLS) for (const name of suffixed) add(symbol(name));
      }
    }
  }
  // A page whose term card is already shown (the card links to it) needs no card of its own; a page
  // that names the acronyms together answers more than any one term card and keeps its card, first.
  const explained = new Set(out.filter((m) => m.kind === 'term').map((m) => terms.find((t) => t.url === m.url)?.page));
  const rest = out.filter((m) => (m.kind !== 'page' || !explained.has(m.url)) && !comparisons.some((c) => c.url === m.url));
  return [...comparisons, ...rest].slice(0, MAX_CARDS);
}

function unique(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.toLowerCase()) ? false : (seen.add(s.toLowerCase()), true)));
}
