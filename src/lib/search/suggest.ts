// Close matches for a query that found nothing ("poasted interupt" -> "posted interrupt"), from the
// site's own vocabulary (glossary terms and expansions, page titles and aliases, kernel symbols), with
// Fuse.js (a maintained fuzzy-matching library; Bitap with a per-character error threshold). Loaded
// only when the empty state needs it.
import { distance } from 'fastest-levenshtein';
import Fuse from 'fuse.js';
import type { SearchVocabulary } from './vocabulary.ts';

const MAX_SUGGESTIONS = 5;
// Fuse.js scores 0 (exact) to 1; beyond this a "match" shares little more than a few letters.
const THRESHOLD = 0.4;

const phrases = (v: SearchVocabulary) => [
  ...new Set([
    ...v.terms.flatMap((t) => [t.term, t.expansion, ...t.aliases]),
    ...v.pages.flatMap((p) => [p.title, ...p.aliases]),
    ...v.symbols,
  ]),
];

let cache: { vocabulary: SearchVocabulary; phrases: Fuse<string>; words: Fuse<string> } | null = null;

function indexes(vocabulary: SearchVocabulary) {
  if (cache?.vocabulary !== vocabulary) {
    const all = phrases(vocabulary);
    const words = [...new Set(all.flatMap((p) => p.toLowerCase().match(/[a-z][a-z0-9_-]{2,}/g) ?? []))];
    const options = { includeScore: true, threshold: THRESHOLD, ignoreLocation: true };
    cache = { vocabulary, phrases: new Fuse(all, options), words: new Fuse(words, { ...options, ignoreLocation: false }) };
  }
  return cache;
}

// A word is corrected only to one within a third of its letters (at least one) of it: Bitap also scores
// words that share a run of letters well ("respond" and "threshold").
const closeEnough = (word: string, to: string) => distance(word, to) <= Math.max(1, Math.floor(word.length / 3));

/**
 * Up to five phrases from the site's vocabulary close to `query`, best first: the query with its words
 * corrected, then whole names. A word with no close name word ("Sean", on the site but in no glossary
 * name or title) stays as typed.
 */
export function suggestions(query: string, vocabulary: SearchVocabulary): string[] {
  const q = query.trim().slice(0, 80);
  if (q.length < 3) return [];
  const { phrases: byPhrase, words: byWord } = indexes(vocabulary);
  const out: string[] = [];
  const queryWords = q.toLowerCase().match(/[\p{L}\p{N}_-]+/gu) ?? [];
  const correct = (w: string) => {
    if (w.length < 3) return w;
    const best = byWord.search(w, { limit: 1 })[0]?.item;
    return best && closeEnough(w, best) ? best : w;
  };
  const corrected = queryWords.map(correct);
  if (corrected.join(' ') !== queryWords.join(' ')) out.push(corrected.join(' '));
  for (const r of byPhrase.search(q, { limit: MAX_SUGGESTIONS })) out.push(r.item);
  const seen = new Set<string>();
  return out.filter((s) => (seen.has(s.toLowerCase()) ? false : (seen.add(s.toLowerCase()), true))).slice(0, MAX_SUGGESTIONS);
}
