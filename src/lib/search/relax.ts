// Relaxation and fusion. Pagefind ANDs every query word it has seen, so a question of many words often
// matches no page. Each concept of the query is searched alone (which says how informative it is and
// exactly which records contain it; its synonyms too when what was typed is rare), then the whole
// query, with synonyms in place of what was typed, and (when that finds few records) the combinations
// of its concepts that records have together, most informative first. Records are ranked by how much
// of the query's informativeness they cover (each concept graded by how high the record stands in that
// concept's own run) and by how close together two of the concepts stand in them, ties broken by
// reciprocal-rank fusion of the runs: pages about more of the meaningful words come first, and the list
// is never empty while any concept occurs on the site.
import type { Concept } from './analyse.ts';
import { PREFIX_FAMILY } from './indexTerms.ts';

/** The index, as the query layer sees it: ids of the matching records, best first. */
export interface SearchEngine {
  search(query: string): Promise<string[]>;
  /** Positions of the words `query` matched in record `id`, if known. */
  positions?(query: string, id: string): readonly number[] | undefined;
  /** Runs `query` for its positions only: what it finds is not a result of the search (else `search`). */
  locate?(query: string): Promise<void>;
}

export interface RelaxOptions {
  /** Records in the index (for informativeness: idf = ln(1 + total / pages a form occurs on)). */
  total: number;
  /** Stop relaxing once the multi-concept runs together found this many records. */
  enough?: number;
  /** Upper bound on multi-concept index queries (each concept is also searched alone). */
  maxRuns?: number;
  /** Reciprocal-rank fusion constant (60 in the original paper). */
  k?: number;
  /**
   * Whether the index holds a word under a mark (an acronym, an identifier: indexTerms.ts), so that a
   * search for it matches its own forms only. Other short words match by prefix ("in" matches
   * "interrupt"), so to place a phrase they are searched quoted, whole.
   */
  markedWord?: (word: string) => boolean;
  /**
   * A concept's synonyms and other spellings are searched only when what was typed is in fewer records
   * than this (a phrase counts the records with its words in that order). A form typed on this many
   * records already ranks them, and its expansions, which also cost index data (about 2 KiB a word),
   * add little.
   */
  expandBelow?: number;
}

export interface Run {
  query: string;
  /** Labels of the concepts this run covers. */
  covers: string[];
  /** Share of the query's informativeness this run covers, 0..1. */
  weight: number;
  ids: string[];
  /** The run this one rewords with a synonym or other spelling (its query); fused as one with it. */
  rewords?: string;
}

export interface RelaxedResult {
  /** Fused ranking, best first. */
  ids: string[];
  runs: Run[];
  /** Concepts that occur nowhere in the index (in no spelling). */
  unknown: string[];
  /** Concepts the first result does not contain (the words the results do not all cover). */
  relaxedAway: string[];
  /**
   * The places in a record to show as matches, for a long page's excerpts (sorted; empty if the engine
   * gives no positions): each word the reader typed, and a synonym where it stands (one of several
   * words only as a phrase). A synonym run's own matches are not: searched as words, "not applied"
   * matches every "application".
   */
  positions(id: string): number[];
}

// Synonym runs are few: each is a full-width query, and relaxation needs the rest of the budget.
const MAX_SYNONYM_RUNS = 3;
const SYNONYM_RUN_WEIGHT = 0.5;
const EXPAND_BELOW = 15;
// A plain word (a query word the site names nothing with: "break", "reach") is rare on the site because
// it is incidental there, not because it is the subject; it counts for this share of its informativeness.
const PLAIN_WORD_WEIGHT = 0.5;
// Proximity (see the score): concepts at most this many words apart, and the most it adds to a score
// whose coverage part is at most 1 and whose fusion part at most 0.5.
const PROXIMITY_WINDOW = 8;
const PROXIMITY_WEIGHT = 0.3;
// A form of several words stands where its words follow each other, each at most this many places
// after the one before ("not yet merged" for "not merged"), or at the same place (the index puts the
// parts of "EOI-exit" where the word stands).
const PHRASE_GAP = 2;
// A phrase's words shorter than this are placed as whole words (see wordQuery).
const WHOLE_BELOW = 4;

// A concept counts fully for the record its own run ranks first, by half for the 11th (ABOUTNESS_PLACES
// + 1), a third for the 21st: the index ranks a word's records by where it stands (title, aliases,
// summary, headings weigh more) and how often a record of that length says it, so a record high in a
// concept's run is about it, and one far down mentions it in passing. Binary coverage let long pages
// that happen to contain every word of a question outrank the page about its subject.
const ABOUTNESS_PLACES = 10;
const aboutness = (rank: number) => 1 / (1 + rank / ABOUTNESS_PLACES);

export interface Known {
  concept: Concept;
  /** Spellings that occur in the index, each with the records it occurs in. */
  forms: { form: string; ids: string[] }[];
  /** Records with any spelling of the concept. */
  covered: Set<string>;
  idf: number;
}

/**
 * The combinations of two or more (but not all) concepts that some record has together, most
 * informative first (then those more records share): what relaxing the query can find. They are known
 * exactly from the per-concept runs, so no run is spent on a combination no record has. Dropping the
 * least informative concept first, one at a time, would keep a word that is rare because it is
 * incidental ("temporarily", on one page) in every relaxed run and empty them all.
 */
export function occurringCombinations(known: readonly Known[]): Known[][] {
  const byRecord = new Map<string, number[]>();
  known.forEach((c, i) => {
    for (const id of c.covered) {
      const members = byRecord.get(id);
      if (members) members.push(i);
      else byRecord.set(id, [i]);
    }
  });
  const combinations = new Map<string, { members: number[]; records: number }>();
  for (const members of byRecord.values()) {
    if (members.length < 2 || members.length === known.length) continue;
    const key = members.join(' ');
    const seen = combinations.get(key);
    if (seen) seen.records++;
    else combinations.set(key, { members, records: 1 });
  }
  const idf = (members: number[]) => members.reduce((n, i) => n + known[i]!.idf, 0);
  return [...combinations.values()]
    .sort((a, b) => idf(b.members) - idf(a.members) || b.records - a.records || a.members.join(' ').localeCompare(b.members.join(' ')))
    .map((c) => c.members.map((i) => known[i]!));
}

/**
 * Where a phrase stands, from the positions of each of its words (sorted): every place where they follow
 * each other in order, each at the place of the one before or at most `gap` places after it, with all
 * the places of its words.
 */
export function phrasePositions(words: readonly (readonly number[])[], gap = PHRASE_GAP): number[] {
  if (!words.length) return [];
  const follows = (x: number, before: number) => x >= before && x <= before + gap;
  // Forward: the places of each word that some chain of the words before reaches; then backward: only
  // those from which the rest of the phrase goes on (a first fitting place may lead nowhere).
  const reached: number[][] = [[...words[0]!]];
  for (const next of words.slice(1)) reached.push(next.filter((x) => reached.at(-1)!.some((before) => follows(x, before))));
  for (let i = reached.length - 2; i >= 0; i--) reached[i] = reached[i]!.filter((x) => reached[i + 1]!.some((after) => follows(after, x)));
  return [...new Set(reached.flat())].sort((a, b) => a - b);
}

/** Whether some position of `a` and some other position of `b` (both sorted) are at most `window` apart. */
export function withinWords(a: readonly number[], b: readonly number[], window: number): boolean {
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]! < x - window) j++;
    for (let k = j; k < b.length && b[k]! <= x + window; k++) if (b[k] !== x) return true;
  }
  return false;
}

export async function relaxedSearch(concepts: Concept[], engine: SearchEngine, options: RelaxOptions): Promise<RelaxedResult> {
  const { total, enough = 8, maxRuns = 8, k = 60, expandBelow = EXPAND_BELOW, markedWord = () => false } = options;
  const cache = new Map<string, Promise<string[]>>();
  const search = (q: string) => {
    let hit = cache.get(q);
    if (!hit) cache.set(q, (hit = engine.search(q)));
    return hit;
  };

  // Each concept alone: how informative it is (rarer is more), and exactly which records contain it.
  const known: Known[] = [];
  const unknown: string[] = [];
  await Promise.all(
    concepts.map(async (concept) => {
      const idsOf = async (form: string) => {
        const ids = await search(form);
        // A word shorter than the index's family prefix ("vm", "l2") also matches, by prefix, the longer
        // words of other chunks ("vmx", "vmcs") that earlier searches happened to load: which records it
        // found depended on what was searched before. Like an acronym, it counts only as a whole word.
        const short = !/\s/.test(form) && !markedWord(form) && [...form].length < PREFIX_FAMILY;
        if (!concept.whole && !short) return ids;
        // Whole words only, in the index's ranking; the prefix matches when no whole word exists (not for
        // a complete name or a short word). A word's plural counts as the word ("vCPUs" for "vCPU"): the
        // index's English stemmer keeps some plurals ("vcpus") apart from the word.
        const plural = /\s/.test(form) ? [] : await search(`"${form}s"`);
        const whole = new Set([...(await search(`"${form}"`)), ...plural]);
        return whole.size ? ids.filter((id) => whole.has(id)) : concept.complete || short ? [] : ids;
      };
      const typed = { form: concept.forms[0]!, ids: await idsOf(concept.forms[0]!) };
      // A phrase is as common as the records that have it as a phrase: "drops interrupts" is on no page,
      // though both words are on many, so its synonyms ("lost interrupt") are searched.
      const typedCount = /\s/.test(typed.form) ? (await search(`"${typed.form}"`)).length : typed.ids.length;
      // A synonym of several words stands for the concept only where its words are a phrase: "not merged"
      // searched as two words is on most pages ("not" anywhere, "merged" anywhere).
      const phraseIds = async (form: string) => {
        const ids = await idsOf(form);
        if (!/\s/.test(form)) return ids;
        const phrase = new Set(await search(`"${form}"`));
        return ids.filter((id) => phrase.has(id));
      };
      const others = typedCount >= expandBelow ? [] : await Promise.all(concept.forms.slice(1).map(async (form) => ({ form, ids: await phraseIds(form) })));
      const forms = [typed, ...others].filter((f) => f.ids.length);
      if (!forms.length) unknown.push(concept.label);
      else {
        const covered = new Set(forms.flatMap((f) => f.ids));
        known.push({ concept, forms, covered, idf: Math.log(1 + total / covered.size) * (concept.named === false ? PLAIN_WORD_WEIGHT : 1) });
      }
    }),
  );
  const order = (label: string) => concepts.findIndex((c) => c.label === label);
  // Most informative first (rarest in the index); ties keep the order typed.
  known.sort((a, b) => b.idf - a.idf || order(a.concept.label) - order(b.concept.label));
  unknown.sort((a, b) => order(a) - order(b));
  if (!known.length) return { ids: [], runs: [], unknown, relaxedAway: [], positions: () => [] };

  const totalIdf = known.reduce((n, c) => n + c.idf, 0);
  const weightOf = (subset: Known[]) => subset.reduce((n, c) => n + c.idf, 0) / totalIdf;
  const runs: Run[] = known.map((c) => ({ query: c.forms[0]!.form, covers: [c.concept.label], weight: weightOf([c]), ids: c.forms[0]!.ids }));
  const found = new Set<string>();
  const execute = async (subset: Known[], formOf: (c: Known) => string = (c) => c.forms[0]!.form, scale = 1, rewords?: string) => {
    const query = subset.map(formOf).join(' ');
    if (runs.some((r) => r.query === query)) return;
    // Only records that really contain every concept (an acronym's prefix matches left out).
    const ids = (await search(query)).filter((id) => subset.every((c) => c.covered.has(id)));
    runs.push({ query, covers: subset.map((c) => c.concept.label), weight: weightOf(subset) * scale, ids, ...(rewords ? { rewords } : {}) });
    for (const id of ids) found.add(id);
  };

  // The index's own ranking for the whole query, for synonyms in its place, and (when that finds
  // few records) for the combinations of its concepts that records have together.
  let budget = maxRuns;
  if (known.length > 1) {
    const typed = known.map((c) => c.forms[0]!.form).join(' ');
    await execute(known);
    budget--;
    const alternatives = known.flatMap((c) => c.forms.slice(1).map((alt) => ({ c, alt: alt.form })));
    for (const { c, alt } of alternatives.slice(0, Math.min(MAX_SYNONYM_RUNS, budget))) {
      // What the reader typed outranks a rewording of it: where the runs break a tie, a synonym run
      // counts for less than the typed run, or a few records matching an expansion would outvote the
      // index's ranking of the words typed.
      await execute(known, (x) => (x === c ? alt : x.forms[0]!.form), SYNONYM_RUN_WEIGHT, typed);
      budget--;
    }
    for (const subset of occurringCombinations(known)) {
      if (found.size >= enough || budget <= 0) break;
      await execute(subset);
      budget--;
    }
  } else {
    const [typed, ...others] = known[0]!.forms;
    for (const alt of others) runs.push({ query: alt.form, covers: [known[0]!.concept.label], weight: 1, ids: alt.ids, rewords: typed!.form });
  }

  // Score: the share of the query's informativeness a record covers (from the per-concept runs, so
  // exact), each concept's share graded by the record's place in that concept's own run (aboutness),
  // plus proximity. Records the score ties are ordered by reciprocal-rank fusion of every run weighted
  // by its coverage. It once also added to the score (up to 0.5): that favoured the long pages the whole
  // query's run ranks first because they contain every word, which aboutness has just discounted
  // (question set 384 -> 394 of 434 without it). A run and its rewordings count as one, by the best of
  // them for each record: a record with both "turn off" and "switch off" answers the question no
  // better than one with either.
  const coverage = new Map<string, number>();
  for (const c of known) {
    const place = new Map<string, number>();
    for (const f of c.forms) f.ids.forEach((id, rank) => place.set(id, Math.min(place.get(id) ?? rank, rank)));
    for (const id of c.covered) coverage.set(id, (coverage.get(id) ?? 0) + (c.idf / totalIdf) * aboutness(place.get(id)!));
  }
  const best = new Map<string, Map<string, number>>();
  for (const run of runs) {
    const group = best.get(run.rewords ?? run.query) ?? new Map<string, number>();
    best.set(run.rewords ?? run.query, group);
    run.ids.forEach((id, rank) => group.set(id, Math.max(group.get(id) ?? 0, run.weight ** 2 / (k + rank + 1))));
  }
  const rrf = new Map<string, number>();
  for (const group of best.values()) for (const [id, value] of group) rrf.set(id, (rrf.get(id) ?? 0) + value);
  // Proximity: two of the query's concepts within a few words of each other in a record are likely
  // said of each other there, not each in passing; the closest such pair adds its share of the query's
  // informativeness, scaled. Positions come from each concept's own runs (typed form, its synonyms). A
  // form of several words stands where its words stand as a phrase, found from each word's own search:
  // the index's phrase search gives only the first place, and its search for the words gives every
  // place of any of them (for "not merged", every "not").
  // A typed phrase comes quoted ('"not merged"'): its words are what is placed.
  const phraseWords = (form: string) => (/\s/.test(form) ? form.replace(/"/g, '').split(/\s+/).filter(Boolean) : []);
  // A short word ("in", "not") is searched whole: by prefix it begins many others ("interrupt",
  // "notification"). A longer one by prefix, as its own run was: it begins mostly its own forms, and
  // the index finds the parts of a hyphenated word ("EOI-exit") only so.
  const wordQuery = (word: string) => (markedWord(word) || [...word].length >= WHOLE_BELOW ? word : `"${word}"`);
  const locate = (q: string) => (engine.locate ? engine.locate(q) : search(q));
  if (engine.positions) await Promise.all([...new Set(known.flatMap((c) => c.forms.flatMap((f) => phraseWords(f.form))))].map((w) => locate(wordQuery(w))));
  // Where a single word's form stands: wherever its own run and its quoted run matched it.
  const wordPositions = (form: string, id: string) => [...(engine.positions?.(form, id) ?? []), ...(engine.positions?.(`"${form}"`, id) ?? [])];
  const formPositions = (form: string, id: string) => {
    const words = phraseWords(form);
    return words.length ? phrasePositions(words.map((word) => engine.positions?.(wordQuery(word), id) ?? [])) : wordPositions(form, id);
  };
  const positionsOf = (c: Known, id: string) => c.forms.flatMap((f) => formPositions(f.form, id)).sort((a, b) => a - b);
  const proximity = (id: string) => {
    const have = known.filter((c) => c.covered.has(id)).map((c) => ({ c, at: positionsOf(c, id) })).filter((x) => x.at.length);
    let best = 0;
    for (let i = 0; i < have.length; i++)
      for (let j = i + 1; j < have.length; j++) {
        const share = (have[i]!.c.idf + have[j]!.c.idf) / totalIdf;
        if (share > best && withinWords(have[i]!.at, have[j]!.at, PROXIMITY_WINDOW)) best = share;
      }
    return best;
  };
  // Scored once per record, not per comparison of the sort.
  const scores = new Map([...coverage.keys()].map((id) => [id, coverage.get(id)! + PROXIMITY_WEIGHT * proximity(id)]));
  const ids = [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)! || (rrf.get(b) ?? 0) - (rrf.get(a) ?? 0));
  const top = ids[0]!;
  const relaxedAway = known.filter((c) => !c.covered.has(top)).map((c) => c.concept.label).sort((a, b) => order(a) - order(b));
  const positions = (id: string) => {
    const at = known
      .filter((c) => c.covered.has(id))
      .flatMap((c) => c.forms.flatMap((f) => (f.form === c.concept.forms[0] && !f.form.startsWith('"') ? wordPositions(f.form, id) : formPositions(f.form, id))));
    return [...new Set(at)].sort((a, b) => a - b);
  };
  return { ids, runs, unknown, relaxedAway, positions };
}
