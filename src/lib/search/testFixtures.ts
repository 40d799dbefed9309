// Test helpers for the query layer: a small vocabulary and an in-memory index that behaves like
// Pagefind where it matters (every known word ANDed, unknown words ignored, words matched by prefix or,
// beginning none, taken for the longest word they begin with; quoted words matched whole).
import { wordKey } from './query.ts';
import type { SearchEngine } from './relax.ts';
import { indexVocabulary, type SearchVocabulary } from './vocabulary.ts';

export const VOCABULARY: SearchVocabulary = {
  terms: [
    { term: 'RVI', expansion: 'Requesting virtual interrupt', aliases: ['requesting virtual interrupt'], url: '/glossary/#rvi', page: '/apicv/virtual-interrupt-delivery/', id: 'glossary' },
    { term: 'L2', expansion: 'Level 2, the nested guest', aliases: [], url: '/glossary/#l2', page: '/nested/', id: 'term-l2' },
    { term: 'posted interrupt', expansion: 'Posted-interrupt processing', aliases: [], url: '/glossary/#posted-interrupt', page: '/apicv/posted-interrupts/', id: 'term-posted-interrupt' },
    { term: 'SVI', expansion: 'Servicing virtual interrupt', aliases: [], url: '/glossary/#svi', page: '/apicv/virtual-interrupt-delivery/', id: 'term-svi' },
  ],
  symbols: ['kvm_set_apicv_inhibit', 'APICV_INHIBIT_REASON_HYPERV', 'enable_apicv'],
  pages: [
    { title: 'Posted interrupts', aliases: ['PIR'], url: '/apicv/posted-interrupts/', id: 'posted' },
    { title: 'What became of the RFC', aliases: [], url: '/rfc/outcome/', id: 'outcome' },
    { title: 'Virtual-interrupt delivery, RVI and SVI', aliases: [], url: '/apicv/virtual-interrupt-delivery/', id: 'vid' },
  ],
  synonyms: [['lost interrupt', 'missed interrupt', 'dropped interrupt'], ['rejected', 'not merged', 'NAKed'], ['nested guest', 'L2 guest']],
  indexAcronyms: {},
};
export const VOCABULARY_INDEX = indexVocabulary(VOCABULARY);

/** id -> text of a tiny site. */
export const CORPUS: Record<string, string> = {
  outcome: 'The RFC was not merged. Reviewers NAKed the patch and proposed another fix for the missed interrupt in L2.',
  scenario: 'Step by step: L2 writes the APIC page directly, the interrupt for L1 is missed while the vCPU runs L2.',
  posted: 'Posted interrupts: the PIR holds requests; the notification vector wakes the vCPU.',
  hypervisor: 'A hypervisor runs guests. The hypervisor hypervisor hypervisor word appears often here.',
  inhibits: 'APICV_INHIBIT_REASON_HYPERV is set when Hyper-V features conflict; kvm_set_apicv_inhibit records it.',
  glossary: 'RVI requesting virtual interrupt.',
};

const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).flatMap((w) => (w.includes('_') ? [w, ...w.split('_')] : [w]));

/**
 * A fake index over `corpus` that ranks like Pagefind closely enough for the query layer's tests: every
 * term must occur (by prefix; whole words when quoted), more occurrences rank higher, and it says where
 * the matched words are. Records the queries it was asked, in order.
 */
export function fakeEngine(corpus = CORPUS): SearchEngine & { queries: string[] } {
  const docs = Object.entries(corpus).map(([id, text]) => ({ id, words: words(text).map(wordKey) }));
  const vocabulary = new Set(docs.flatMap((d) => d.words));
  const queries: string[] = [];
  const parse = (query: string) => {
    // A quoted query matches whole words only.
    const exact = query.startsWith('"');
    const matches = (w: string, t: string) => (exact ? w === t : w.startsWith(t));
    // Like Pagefind 1.6, a term that begins no word falls back on the longest word it begins with; the
    // site's index holds each family's first three characters as a word on no page, which a shorter
    // one loses to (pagefindIndexChunks.ts).
    const fallback = (t: string) => [...vocabulary].filter((v) => v.length >= 3 && t.startsWith(v)).sort((a, b) => b.length - a.length)[0];
    const terms = words(query.replace(/"/g, ''))
      .map(wordKey)
      .flatMap((t) => ([...vocabulary].some((v) => matches(v, t)) ? [t] : !exact && fallback(t) ? [fallback(t)!] : []));
    return { exact, matches, terms };
  };
  return {
    queries,
    async search(query: string) {
      queries.push(query);
      const { exact, matches, terms } = parse(query);
      if (!terms.length) return [];
      const score = (d: (typeof docs)[number]) => terms.reduce((n, t) => n + d.words.filter((w) => matches(w, t)).length, 0);
      // A quoted phrase of several words matches them in that order, as Pagefind does.
      const inOrder = (d: (typeof docs)[number]) => d.words.some((_, i) => terms.every((t, j) => d.words[i + j] === t));
      const found = docs.filter((d) => terms.every((t) => d.words.some((w) => matches(w, t))) && (!exact || terms.length < 2 || inOrder(d)));
      // Like Pagefind, a quoted query comes back unranked.
      return (exact ? found : found.sort((a, b) => score(b) - score(a))).map((d) => d.id);
    },
    positions(query: string, id: string) {
      const doc = docs.find((d) => d.id === id);
      const { exact, matches, terms } = parse(query);
      // Like Pagefind, a quoted phrase of several words gives the places of its first occurrence only.
      if (doc && exact && terms.length > 1) {
        const start = doc.words.findIndex((_, i) => terms.every((t, j) => doc.words[i + j] === t));
        return start < 0 ? [] : terms.map((_, j) => start + j);
      }
      return doc?.words.flatMap((w, i) => (terms.some((t) => matches(w, t)) ? [i] : []));
    },
  };
}
