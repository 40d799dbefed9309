import { describe, expect, it } from 'vitest';
import type { PastedOutputMatch } from './pastedOutput.ts';
import { resultSummary, searchNotice, searchSite } from './searchSite.ts';
import { suggestions } from './suggest.ts';
import { fakeEngine, VOCABULARY, VOCABULARY_INDEX } from './testFixtures.ts';
import { indexVocabulary } from './vocabulary.ts';

const PASTE: PastedOutputMatch = {
  label: 'Tracepoint kvm_apicv_inhibit_changed: set reason 9',
  explainerTitle: 'Inhibit-mask decoder',
  explainerUrl: '/kvm/apicv-inhibits/?inhibit=0x200#inhibit-decoder',
  terms: [['APICV_INHIBIT_REASON_HYPERV', 'HYPERV'], ['kvm_set_apicv_inhibit']],
};
const deps = (recognized: PastedOutputMatch[] = []) => ({ engine: fakeEngine(), vocabulary: VOCABULARY_INDEX, recognizePastedOutput: () => recognized });

describe('searchSite', () => {
  it('answers an acronym with its exact reference first, then the pages', async () => {
    const o = await searchSite('HYPERV', deps());
    expect(o.answers.map((a) => a.name)).toEqual(['APICV_INHIBIT_REASON_HYPERV']);
    expect(o.ids[0]).toBe('inhibits');
  });

  it('searches a recognised paste for its terms, not its raw text', async () => {
    const o = await searchSite('[  12.3] kvm_apicv_inhibit_changed: set reason=9, inhibits=0x200', deps([PASTE]));
    expect(o.pasted).toEqual([PASTE]);
    expect(o.answers).toEqual([]);
    expect(o.ids[0]).toBe('inhibits');
    // The reason's bare name is a whole word, not the start of "hypervisor".
    expect(o.ids).not.toContain('hypervisor');
  });

  it("searches a paste's exit reason by all its names, and by the words the glossary ties to them", async () => {
    const misconfig = { term: 'EPT misconfiguration', expansion: 'VM exit for a malformed EPT entry', aliases: ['EPT_MISCONFIG'], url: '/glossary/#ept-misconfiguration', page: '/kvm/fault-path/', id: 'term-ept-misconfig' };
    const paste: PastedOutputMatch = { ...PASTE, terms: [['kvm_exit'], ['EXIT_REASON_EPT_MISCONFIG', 'EPT_MISCONFIG']] };
    const o = await searchSite('kvm_exit: vcpu 1 reason EPT_MISCONFIG rip 0x1 info1 0x0 info2 0x0', {
      engine: fakeEngine({
        explorer: 'EXIT_REASON_EPT_MISCONFIG is always handled by L0.',
        fault: 'An EPT misconfiguration always belongs to L0: KVM makes such entries on purpose for MMIO.',
        trace: 'kvm_exit shows every exit.',
        other: 'Unrelated text.',
      }),
      vocabulary: indexVocabulary({ ...VOCABULARY, terms: [...VOCABULARY.terms, misconfig] }),
      recognizePastedOutput: () => [paste],
    });
    // The page that says it in words is found, not only the one that names the constant.
    expect(o.ids).toEqual(expect.arrayContaining(['explorer', 'fault', 'trace']));
  });

  it('finds the answering page for a question in plain words through synonyms', async () => {
    const o = await searchSite('Why was the patch rejected?', deps());
    expect(o.ids[0]).toBe('outcome');
  });

  it('says what happened to a query of stop words, a long query and unknown words', async () => {
    expect(searchNotice(await searchSite('what is the', deps()))).toMatch(/only question words and common words/);
    expect(searchNotice(await searchSite(`posted ${'x'.repeat(2000)}`, deps()))).toMatch(/^Only the first \d+ characters/);
    expect(searchNotice(await searchSite('posted qwertyuiop', deps()))).toBe('Not found on the site: “qwertyuiop”.');
    expect(searchNotice(await searchSite('🙂', deps()))).toMatch(/only question words/);
    // A function word that names a glossary acronym ("ON") is what the reader is looking for.
    const on = { term: 'ON', expansion: 'Outstanding notification', aliases: [], url: '/glossary/#on', page: '/apicv/', id: 'on' };
    const withOn = { ...deps(), engine: fakeEngine({ pi: 'The outstanding notification bit.' }), vocabulary: indexVocabulary({ ...VOCABULARY, terms: [on] }) };
    const named = await searchSite('ON', withOn);
    expect(named.answers.map((a) => a.name)).toEqual(['ON']);
    expect(searchNotice(named)).toBeNull();
  });

  it('announces counts in words', () => {
    expect(resultSummary(1, 12, 'RVI')).toBe('1 answer and 12 results for “RVI”');
    expect(resultSummary(0, 0, 'zzz')).toBe('0 results for “zzz”');
    expect(resultSummary(2, 0, 'x')).toBe('2 answers for “x”');
  });
});

describe('suggestions', () => {
  it('offers the site’s words for a misspelling', () => {
    expect(suggestions('poasted interupt', VOCABULARY)[0]).toBe('posted interrupt');
  });

  it('corrects a word only to a close one (within a third of its letters)', () => {
    // As on the site: Bitap scores "Sean" close to "send-IPI" and "respond" close to "threshold".
    const vocabulary = { ...VOCABULARY, pages: [...VOCABULARY.pages, { title: 'TPR threshold', aliases: ['send-IPI'], url: '/t/', id: 'en_t' }] };
    expect(suggestions('how did Sean respond to the poasted interupt', vocabulary)[0]).toBe('how did sean respond to the posted interrupt');
  });

  it('offers nothing for input too short or too far from any name', () => {
    expect(suggestions('zq', VOCABULARY)).toEqual([]);
    expect(suggestions('qqqqqqqqqqqq', VOCABULARY)).toEqual([]);
  });
});
