import { describe, expect, it } from 'vitest';
import { queryConcepts } from './analyse.ts';
import { parseQuery } from './query.ts';
import { relaxedSearch } from './relax.ts';
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

  it('drops the least informative concept first (the one on most pages)', async () => {
    const r = await relaxed('interrupt PIR zebra-like-nothing running');
    // "interrupt" occurs on most pages: the second-level run leaves it out before "PIR" or "running".
    expect(r.unknown).toEqual(['zebra-like-nothing']);
    const secondLevel = r.runs.find((run) => run.covers.length === 2 && !run.covers.includes('interrupt'));
    expect(secondLevel).toBeDefined();
  });

  it('searches synonyms in place of what was typed and fuses them in', async () => {
    // The outcome page says "not merged" and "NAKed", never "rejected".
    const r = await relaxed('why was the patch rejected');
    expect(r.ids[0]).toBe('outcome');
    expect(r.runs.map((x) => x.query)).toContain('patch not merged');
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

  it('reports words the site does not have and returns nothing when no word is known', async () => {
    const r = await relaxed('qwertyuiop asdfghjkl');
    expect(r).toMatchObject({ ids: [], unknown: ['qwertyuiop', 'asdfghjkl'] });
  });

  it('bounds the number of index queries for a long question', async () => {
    const engine = fakeEngine();
    await relaxedSearch(queryConcepts(parseQuery('interrupt L1 vCPU running notification PIR hypervisor guests APIC page writes directly step'), VOCABULARY_INDEX), engine, { total, maxRuns: 10 });
    // Each concept alone (twice for an acronym: prefix and whole word), then at most maxRuns more.
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
