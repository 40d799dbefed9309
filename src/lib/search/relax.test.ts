import { describe, expect, it } from 'vitest';
import { queryConcepts } from './analyse.ts';
import { parseQuery } from './query.ts';
import { occurringCombinations, phrasePositions, relaxedSearch, withinWords } from './relax.ts';
import { CORPUS, fakeEngine, VOCABULARY_INDEX } from './testFixtures.ts';

const total = Object.keys(CORPUS).length;
const relaxed = (q: string, engine = fakeEngine()) => relaxedSearch(queryConcepts(parseQuery(q), VOCABULARY_INDEX), engine, { total, enough: 2 });

describe('relaxedSearch', () => {
  it('runs the full query once when it finds enough', async () => {
    const engine = fakeEngine();
    const r = await relaxedSearch([{ label: 'vCPU', forms: ['vcpu'] }], engine, { total, enough: 2 });
    expect(r.ids).toEqual(['scenario', 'posted']);
    expect(r.runs.map((x) => x.query)).toEqual(['vcpu']);
    expect(r.relaxedAway).toEqual([]);
  });

  it('is never empty while a meaningful word occurs on the site, and ranks pages with more of the words first', async () => {
    // No page has all of "interrupt", "L1", "vCPU", "running", "notification" and "PIR".
    const r = await relaxed('what happens to an interrupt for L1 when the vCPU is running notification PIR');
    expect(r.runs.find((run) => run.covers.length === 6)!.ids).toEqual([]);
    expect(r.ids.length).toBeGreaterThan(0);
    // "posted" has interrupt, vCPU, notification, PIR: 4 of 6; "scenario" has interrupt, L1, vCPU, running.
    expect(r.ids.slice(0, 2).sort()).toEqual(['posted', 'scenario']);
    expect(r.relaxedAway.length).toBeGreaterThan(0);
  });

  it('relaxes to the combinations of concepts that some page has together, most informative first', async () => {
    // "temporarily" is the rarest word typed, but incidental: it is on one page that has nothing else asked
    // for, so every relaxed run that kept it would be empty.
    const engine = fakeEngine({
      filler: 'Only temporarily.',
      answer: 'While an interrupt window is open, AVIC is disabled.',
      windows: 'A window.',
      avic: 'AVIC and more AVIC.',
      off: 'Disabled features.',
      other: 'Unrelated text.',
    });
    const concepts = ['temporarily', 'window', 'AVIC', 'disabled'].map((w) => ({ label: w, forms: [w] }));
    const r = await relaxedSearch(concepts, engine, { total: 6, enough: 1 });
    expect(r.runs.find((run) => run.covers.length === 4)!.ids).toEqual([]);
    // The one relaxed run is the combination the answer page has; none is spent on one that no page has.
    expect(r.runs.filter((run) => run.covers.length > 1 && run.covers.length < 4).map((run) => [...run.covers].sort())).toEqual([['AVIC', 'disabled', 'window']]);
    expect(r.ids[0]).toBe('answer');
  });

  it('lists each combination that occurs, by informativeness, then by how many records share it', () => {
    const known = (label: string, idf: number, covered: string[]) => ({ concept: { label, forms: [label] }, forms: [], covered: new Set(covered), idf });
    const [a, b, c] = [known('a', 3, ['x', 'y']), known('b', 1, ['x', 'y', 'z']), known('c', 2, ['y', 'z', 'w'])];
    const labels = (list: ReturnType<typeof occurringCombinations>) => list.map((s) => s.map((k) => k.concept.label));
    // x has a+b, z has b+c; y has all three (the full query, not a relaxation), w only c.
    expect(labels(occurringCombinations([a, b, c]))).toEqual([['a', 'b'], ['b', 'c']]);
    const d = known('d', 5, ['x']);
    expect(labels(occurringCombinations([a, b, c, d]))).toEqual([['a', 'b', 'd'], ['a', 'b', 'c'], ['b', 'c']]);
    // Equally informative: the combination on two records before the one on one.
    const [p, q, t] = [known('p', 1, ['r1', 'r2', 'r3']), known('q', 1, ['r1', 'r3']), known('t', 1, ['r2', 'r4'])];
    expect(labels(occurringCombinations([t, q, p]))).toEqual([['q', 'p'], ['t', 'p']]);
  });

  it('searches synonyms in place of what was typed and fuses them in', async () => {
    // The outcome page says "not merged" and "NAKed", never "rejected".
    const r = await relaxed('why was the patch rejected');
    expect(r.ids[0]).toBe('outcome');
    // The whole query with "not merged" in place of "rejected" (words in the order of informativeness).
    expect(r.runs.some((x) => x.query.includes('not merged') && x.query.split(' ').includes('patch'))).toBe(true);
  });

  it('ranks a record where two concepts stand together above one that has them far apart', async () => {
    const filler = Array.from({ length: 30 }, (_, i) => `filler${i}`).join(' ');
    const engine = fakeEngine({
      apart: `The doorbell rings. ${filler} Later the guest writes its EOI.`,
      together: `The doorbell for EOI is rung once. ${filler} The guest.`,
      other: 'Unrelated text.', more: 'Other words.',
    });
    const concept = (label: string) => ({ label, forms: [label.toLowerCase()] });
    const r = await relaxedSearch([concept('doorbell'), concept('EOI')], engine, { total: 4, enough: 1 });
    expect(r.ids.slice(0, 2)).toEqual(['together', 'apart']);
    // Without positions the two tie on every other count and the index's order decides.
    const blind = await relaxedSearch([concept('doorbell'), concept('EOI')], { search: engine.search }, { total: 4, enough: 1 });
    expect(blind.ids.slice(0, 2).sort()).toEqual(['apart', 'together']);
  });

  it('counts a synonym of several words as near another concept only where its words stand as a phrase, at any of its places', async () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(' ');
    const engine = fakeEngine({
      // "not" beside "patch", but "merged" far away: searched as words, "not merged" would be near it.
      scattered: `The patch was not tested. ${filler(30)} It merged. The RFC was not merged.`,
      // The phrase stands apart from "patch" first, then beside it: only the first place is what the
      // index's phrase search gives.
      later: `It was not merged. ${filler(30)} The patch was not merged.`,
      other: 'Unrelated text.', more: 'Other words.',
    });
    const concepts = [{ label: 'patch', forms: ['patch'] }, { label: 'rejected', forms: ['rejected', 'not merged'] }];
    const r = await relaxedSearch(concepts, engine, { total: 4, enough: 1 });
    expect(r.ids.slice(0, 2)).toEqual(['later', 'scattered']);
    // What an excerpt shows of "scattered": "patch" (1) and the phrase (40, 41), not the lone "not"
    // (3) or "merged" (36) that the synonym's run matched.
    expect(r.positions('scattered')).toEqual([1, 40, 41]);
    // Words the reader typed show wherever they are, as the index matched them.
    const typed = await relaxedSearch([{ label: 'not merged', forms: ['not merged'] }], engine, { total: 4 });
    expect(typed.positions('scattered')).toEqual([3, 36, 40, 41]);
  });

  it('finds where a phrase stands from the places of its words', () => {
    // "not" at 2 and 9, "merged" at 3 and 20: the phrase at 2-3 only.
    expect(phrasePositions([[2, 9], [3, 20]])).toEqual([2, 3]);
    // A word up to two places after the one before ("not yet merged"), or at its place (the parts of
    // "EOI-exit"); never before it, nor further on.
    expect(phrasePositions([[5], [7]])).toEqual([5, 7]);
    expect(phrasePositions([[5], [5], [6]])).toEqual([5, 6]);
    expect(phrasePositions([[5], [4]])).toEqual([]);
    expect(phrasePositions([[5], [8]])).toEqual([]);
    // Every place, not only the first.
    expect(phrasePositions([[1, 40], [2, 41], [3, 42]])).toEqual([1, 2, 3, 40, 41, 42]);
    expect(phrasePositions([[1], []])).toEqual([]);
    expect(phrasePositions([])).toEqual([]);
    // The first fitting place of the second word (5) leads nowhere; the second (7) goes on to 8.
    expect(phrasePositions([[5], [5, 7], [8]])).toEqual([5, 7, 8]);
  });

  it("places a phrase's words as whole words, not as the start of longer ones", async () => {
    const filler = Array.from({ length: 30 }, (_, i) => `filler${i}`).join(' ');
    const engine = fakeEngine({
      // "interrupts used" beside AVIC is not "in use"; the real phrase is far away.
      prefix: `AVIC interrupts used. ${filler} The feature is in use.`,
      real: `AVIC is in use. ${filler} Other words.`,
      other: 'Unrelated text.', more: 'Other words.',
    });
    const concepts = [{ label: 'AVIC', forms: ['avic'] }, { label: 'active', forms: ['active', 'in use'] }];
    const r = await relaxedSearch(concepts, engine, { total: 4, enough: 1 });
    expect(r.ids.slice(0, 2)).toEqual(['real', 'prefix']);
    expect(r.positions('prefix')).not.toContain(1);
    // A phrase typed in quotes is placed wherever it stands, not only where the index's phrase search
    // first finds it.
    const quoted = await relaxedSearch([{ label: 'in use', forms: ['"in use"'] }], engine, { total: 4 });
    expect(quoted.positions('prefix')).toEqual([36, 37]);
    const twice = fakeEngine({ twice: 'in use then in use', other: 'Unrelated text.' });
    expect((await relaxedSearch([{ label: 'in use', forms: ['"in use"'] }], twice, { total: 2 })).positions('twice')).toEqual([0, 1, 3, 4]);
  });

  it('ranks the record about the rarer concept first among records that have every concept', async () => {
    // Both have "doorbell" and "guest" side by side. The index ranks "about" first for the rare
    // "doorbell" and "long" first for the common "guest" (and for the two together); a page that
    // mentions the subject in passing must not outrank the page about it.
    const engine = fakeEngine({
      about: 'doorbell guest doorbell doorbell doorbell',
      long: 'doorbell guest guest guest guest guest',
      ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`g${i}`, 'guest'])),
      ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`u${i}`, 'unrelated'])),
    });
    const concept = (label: string) => ({ label, forms: [label] });
    const r = await relaxedSearch([concept('doorbell'), concept('guest')], engine, { total: 20 });
    expect(r.runs.find((run) => run.covers.length === 2)!.ids).toEqual(['long', 'about']);
    expect(r.ids.slice(0, 2)).toEqual(['about', 'long']);
  });

  it("ranks by coverage, not by the whole query's run: a page with every word in passing does not win for having them all", async () => {
    const many = (n: number, prefix: string, text: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, text]));
    const engine = fakeEngine({
      ...many(6, 'c', 'lost'),
      about: 'doorbell doorbell doorbell guest',
      ...many(3, 'a', 'doorbell doorbell'),
      long: 'doorbell guest lost',
      ...many(6, 'g', 'guest guest'),
      ...many(2, 'u', 'unrelated'),
    });
    const concepts = [{ label: 'doorbell', forms: ['doorbell'] }, { label: 'guest', forms: ['guest'] }, { label: 'lost', forms: ['lost'], named: false }];
    const r = await relaxedSearch(concepts, engine, { total: 19 });
    // Only "long" has all three words, so the whole query's run is ["long"]; "about" is first for the
    // most informative word and covers more of the query by where it stands in each word's run.
    expect(r.runs.find((run) => run.covers.length === 3)!.ids).toEqual(['long']);
    expect(r.ids.slice(0, 2)).toEqual(['about', 'long']);
  });

  it('finds two positions within a window in sorted lists, never one position with itself', () => {
    expect(withinWords([1, 40], [9], 8)).toBe(true);
    expect(withinWords([1, 40], [10, 60], 8)).toBe(false);
    expect(withinWords([5], [5], 8)).toBe(false);
    expect(withinWords([5, 100], [5, 104], 8)).toBe(true);
    expect(withinWords([], [1], 8)).toBe(false);
  });

  it('counts a plain word for half its informativeness: rare on the site because it is incidental there', async () => {
    const engine = fakeEngine({
      incidental: 'Nothing here will break, and PIT is mentioned.',
      answer: 'The PIT in reinject mode sets the inhibit.',
      a: 'PIT.', b: 'reinject.', c: 'PIT and more.', d: 'break it.', e: 'Unrelated.', f: 'Unrelated too.',
    });
    const concept = (label: string, named?: false) => ({ label, forms: [label.toLowerCase()], ...(named === false ? { named } : {}) });
    // "break" and "reinject" are each on two records; only "break" is a plain word.
    const r = await relaxedSearch([concept('PIT'), concept('break', false), concept('reinject')], engine, { total: 8, enough: 1 });
    expect(r.ids[0]).toBe('answer');
    const plainAsNamed = await relaxedSearch([concept('PIT'), concept('break'), concept('reinject')], engine, { total: 8, enough: 1 });
    expect(plainAsNamed.ids.slice(0, 2).sort()).toEqual(['answer', 'incidental']);
  });

  it('counts a run and its rewordings as one: a record with both spellings gains nothing over one with either', async () => {
    const engine = fakeEngine({
      often: 'AVIC turn off; AVIC turn off; AVIC.',
      both: 'AVIC turn off, switch off.',
      other: 'Unrelated text.',
    });
    const concepts = [{ label: 'turn off', forms: ['turn off', 'switch off'] }, { label: 'AVIC', forms: ['AVIC'] }];
    const r = await relaxedSearch(concepts, engine, { total: 3 });
    expect(r.runs.map((run) => [run.query, run.rewords])).toContainEqual(['switch off AVIC', 'turn off AVIC']);
    // "often" ranks first in every run of the words typed; "both" is first only in the rewording.
    expect(r.ids).toEqual(['often', 'both']);
  });

  it('searches the synonyms of what was typed only when it is rare (each form costs index data)', async () => {
    const concept = { label: 'hypervisor', forms: ['hypervisor', 'host kernel'] };
    const common = fakeEngine();
    await relaxedSearch([concept], common, { total, expandBelow: 1 });
    expect(common.queries).toEqual(['hypervisor']);
    const rare = fakeEngine();
    await relaxedSearch([concept], rare, { total, expandBelow: 2 });
    // The synonym's words, then the same words as a phrase (no further index data: the words are loaded).
    expect(rare.queries).toEqual(['hypervisor', 'host kernel', '"host kernel"']);
  });

  it('counts a phrase by the records that have it in that order: common words, rare phrase, synonyms searched', async () => {
    const corpus = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`d${i}`, 'the guest drops packets; interrupts arrive']));
    const engine = fakeEngine({ ...corpus, guide: 'a lost interrupt in the guest' });
    const concept = { label: 'drops interrupts', forms: ['drops interrupts', 'lost interrupt'] };
    const r = await relaxedSearch([concept], engine, { total: 5, expandBelow: 3 });
    expect(engine.queries).toContain('lost interrupt');
    expect(r.ids).toContain('guide');
  });

  it('ranks by the words typed before their synonyms: records only a synonym finds do not outvote them', async () => {
    // "typed" ranks first for what was typed; "reworded" has the same words only through synonyms of
    // "synic", and each of the three synonym runs ranks it first.
    const engine = fakeEngine({
      typed: 'synic disable apicv synic',
      other: 'synic disable apicv',
      reworded: 'synthetic interrupt controller sint hyper-v synthetic disable apicv',
      filler: 'apicv apicv disable',
    });
    const concepts = [
      { label: 'synic', forms: ['synic', 'synthetic interrupt controller', 'synthetic', 'sint'] },
      { label: 'disable', forms: ['disable'] },
      { label: 'apicv', forms: ['apicv'] },
    ];
    const r = await relaxedSearch(concepts, engine, { total: 4, expandBelow: 10 });
    expect(r.runs.filter((run) => run.covers.length === 3).map((run) => run.query)).toEqual(['synic disable apicv', 'synthetic interrupt controller disable apicv', 'synthetic disable apicv', 'sint disable apicv']);
    expect(r.ids[0]).toBe('typed');
    expect(r.ids).toContain('reworded');
  });

  it('finds a complete name only where it stands, not where the word the index falls back on does', async () => {
    // Pagefind takes a term that begins no word for the longest word it begins with: the site has no
    // EXIT_REASON_EPT_MISCONFIG, so a search for it returns the records with "exit_reason".
    const found: Record<string, string[]> = { exit_reason_ept_misconfig: ['vmx'], ept_misconfig: ['fault'], '"ept_misconfig"': ['fault'] };
    const engine = { search: async (q: string) => found[q] ?? [] };
    const concept = { label: 'EXIT_REASON_EPT_MISCONFIG', forms: ['exit_reason_ept_misconfig', 'ept_misconfig'], whole: true };
    expect((await relaxedSearch([{ ...concept, complete: true }], engine, { total: 4 })).ids).toEqual(['fault']);
    // A name that may be partial keeps the prefix matches when no whole word exists.
    expect((await relaxedSearch([concept], engine, { total: 4 })).ids).toContain('vmx');
  });

  it('counts a word shorter than the index family prefix only as a whole word, in the index ranking', async () => {
    // By prefix "vm" would match "vmx" and "vmcs" too, but only in the index chunks an earlier search
    // had loaded.
    const engine = fakeEngine({ once: 'A VM runs.', twice: 'Each VM and every VM.', vmx: 'VMX and VMCS.', other: 'Unrelated text.' });
    const r = await relaxedSearch([{ label: 'vm', forms: ['vm'] }], engine, { total: 4 });
    expect(r.ids).toEqual(['twice', 'once']);
    // Not even when no record has the whole word.
    expect((await relaxedSearch([{ label: 'vm', forms: ['vm'] }], fakeEngine({ vmx: 'VMX and VMCS.', other: 'Unrelated.' }), { total: 2 })).ids).toEqual([]);
  });

  it('reports words the site does not have and returns nothing when no word is known', async () => {
    const r = await relaxed('qwertyuiop asdfghjkl');
    expect(r).toMatchObject({ ids: [], unknown: ['qwertyuiop', 'asdfghjkl'] });
  });

  it('bounds the number of index queries for a long question', async () => {
    const engine = fakeEngine();
    await relaxedSearch(queryConcepts(parseQuery('interrupt L1 vCPU running notification PIR hypervisor guests APIC page writes directly step'), VOCABULARY_INDEX), engine, { total, maxRuns: 10 });
    // Each concept alone (an acronym also as a whole word and its plural, a rare word also by its synonyms):
    // for these 13 concepts within twice as many index queries; then at most maxRuns more.
    const perConceptCounts = 13 * 2;
    expect(engine.queries.length).toBeLessThanOrEqual(perConceptCounts + 10);
  });
});

describe('acronyms', () => {
  it('match whole words, in the index’s ranking, not words they are a prefix of', async () => {
    const corpus = { a: 'RVI once.', b: 'RVI RVI RVI is here, RVI.', c: 'rvicious rvicious rvicious words.' };
    const r = await relaxedSearch([{ label: 'RVI', forms: ['RVI'], whole: true }], fakeEngine(corpus), { total: 3 });
    expect(r.ids).toEqual(['b', 'a']);
  });

  it('take the plural as the word ("vCPUs" for "vCPU"), which the index may keep apart', async () => {
    // An index whose stemmer leaves "vcpus" alone: the prefix search finds both records, the whole word one.
    const lists: Record<string, string[]> = { vCPU: ['singular', 'plural', 'vcpu_id'], '"vCPU"': ['singular'], '"vCPUs"': ['plural'] };
    const engine = { search: async (q: string) => lists[q] ?? [] };
    const r = await relaxedSearch([{ label: 'vCPUs', forms: ['vCPU'], whole: true }], engine, { total: 3 });
    expect(r.ids).toEqual(['singular', 'plural']);
  });

  it('fall back to prefix matches when no whole word exists', async () => {
    const r = await relaxedSearch([{ label: 'RVIC', forms: ['RVIC'], whole: true }], fakeEngine({ c: 'rvicious words.' }), { total: 1 });
    expect(r.ids).toEqual(['c']);
  });

  it('counts a synonym of several words only where its words form the phrase', async () => {
    // "rejected" is on no page; its synonym "not merged" is a phrase on one and two scattered words on the other.
    const corpus = { phrase: 'The RFC patch was not merged.', apart: 'This patch, and that patch, are not in mainline; the merged code differs.' };
    const r = await relaxedSearch(queryConcepts(parseQuery('why was the patch rejected'), VOCABULARY_INDEX), fakeEngine(corpus), { total: 2 });
    expect(r.ids).toEqual(['phrase', 'apart']);
    expect(r.relaxedAway).toEqual([]);
  });
});
