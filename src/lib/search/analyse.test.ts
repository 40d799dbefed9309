import { describe, expect, it } from 'vitest';
import { exactMatches, queryConcepts } from './analyse.ts';
import { parseQuery } from './query.ts';
import { VOCABULARY, VOCABULARY_INDEX } from './testFixtures.ts';
import { indexVocabulary } from './vocabulary.ts';

const concepts = (q: string) => queryConcepts(parseQuery(q), VOCABULARY_INDEX);
const exact = (q: string) => exactMatches(parseQuery(q), VOCABULARY_INDEX).map((m) => `${m.kind}:${m.name}`);

describe('queryConcepts', () => {
  it('groups a synonym phrase into one concept with its alternatives', () => {
    expect(concepts('interrupts lost in L2')).toEqual([
      { label: 'interrupts', forms: ['interrupts'] },
      { label: 'lost', forms: ['lost'], named: false },
      { label: 'L2', forms: ['l2'] },
    ]);
    expect(concepts('lost interrupt')).toEqual([{ label: 'lost interrupt', forms: ['lost interrupt', 'missed interrupt', 'dropped interrupt'] }]);
  });

  it('matches synonym phrases that contain a stop word ("not merged")', () => {
    expect(concepts('why was it not merged')[0]).toEqual({ label: 'not merged', forms: ['not merged', 'rejected', 'naked'] });
  });

  it("searches a glossary term typed by its own name as typed, and typed by another of its names, by its name too", () => {
    // The term is the site's own word for the thing; its expansion and aliases are for readers who type them.
    expect(concepts('RVI')).toEqual([{ label: 'RVI', forms: ['RVI'] }]);
    expect(concepts('requesting virtual interrupt')[0]!.forms).toEqual(['requesting virtual interrupt', 'rvi']);
    // A term name that content/synonyms.yaml ties to readers' words keeps them.
    const index = indexVocabulary({ ...VOCABULARY, synonyms: [...VOCABULARY.synonyms, ['RVI', 'pending vector']] });
    expect(queryConcepts(parseQuery('RVI'), index)[0]!.forms).toEqual(['RVI', 'pending vector', 'requesting virtual interrupt']);
    // A term name that is also another term's alias keeps that term's names.
    const svi = { term: 'SVI', expansion: 'Servicing virtual interrupt', aliases: ['RVI'], url: '/glossary/#svi', page: '/apicv/', id: 'svi2' };
    const both = indexVocabulary({ ...VOCABULARY, terms: [...VOCABULARY.terms.filter((t) => t.term !== 'SVI'), svi] });
    expect(queryConcepts(parseQuery('RVI'), both)[0]!.forms).toEqual(['RVI', 'svi', 'servicing virtual interrupt']);
  });

  it('matches synonyms across plural and verb forms', () => {
    expect(concepts('missed interrupts')[0]!.forms).toContain('lost interrupt');
  });

  it('marks an acronym, in any case, as a whole word', () => {
    expect(concepts('HYPERV')).toEqual([{ label: 'HYPERV', forms: ['HYPERV'], whole: true }]);
    // A glossary acronym typed in lower case (one with no synonym group: its expansion has a comma).
    const eoi = { term: 'EOI', expansion: 'End of interrupt, the write that retires it', aliases: [], url: '/glossary/#eoi', page: '/apic/', id: 'eoi' };
    const index = indexVocabulary({ ...VOCABULARY, terms: [eoi] });
    expect(queryConcepts(parseQuery('eoi'), index)).toEqual([{ label: 'eoi', forms: ['eoi'], whole: true }]);
  });

  it("searches a glossary acronym that is also a function word (the ON bit) by the term's other names", () => {
    const on = { term: 'ON', expansion: 'Outstanding notification', aliases: ['PID.ON'], url: '/glossary/#on', page: '/apicv/', id: 'on' };
    const index = indexVocabulary({ ...VOCABULARY, terms: [on] });
    const of = (q: string) => queryConcepts(parseQuery(q), index);
    expect(of('is the ON bit set')[0]).toEqual({ label: 'ON', forms: ['outstanding notification', 'pid.on'] });
    expect(of('is the ON bit set').map((c) => c.label)).toEqual(['ON', 'bit', 'set']);
    // Alone it is the acronym too; in lower case, or in a query of several words all in capitals, it is the function word.
    expect(of('ON')[0]).toEqual({ label: 'ON', forms: ['outstanding notification', 'pid.on'] });
    expect(of('is the bit on').map((c) => c.label)).toEqual(['bit']);
    expect(of('IS THE ON BIT SET').map((c) => c.label)).toEqual(['BIT', 'SET']);
    // A look-up naming it gets the term's answer card.
    expect(exactMatches(parseQuery('what is the ON bit'), index).map((m) => `${m.kind}:${m.name}`)).toEqual(['term:ON']);
    expect(exactMatches(parseQuery('what is the bit on'), index)).toEqual([]);
  });

  it('marks a plain word, one the site names nothing with, but not a name, a capitalised word or an identifier', () => {
    const named = (q: string) => Object.fromEntries(concepts(q).map((c) => [c.label, c.named !== false]));
    // "interrupts" is in a glossary expansion and "vCPU" in a title; "breaks" in no name.
    expect(named('interrupts vCPU breaks')).toEqual({ interrupts: true, vCPU: true, breaks: false });
    // A capitalised word is a name ("Christopherson"); an identifier is never plain.
    expect(named('Christopherson kvm_set_apicv_inhibit')).toEqual({ Christopherson: true, kvm_set_apicv_inhibit: true });
  });

  it('offers the other base of a constant', () => {
    expect(concepts('0x30')[0]!.forms).toEqual(['0x30', '48']);
  });
});

describe('exactMatches', () => {
  it('puts a glossary term named by the whole query or by an acronym in it first', () => {
    expect(exact('RVI')).toEqual(['term:RVI']);
    expect(exact('rvi')).toEqual(['term:RVI']);
    expect(exact('what is RVI?')).toEqual(['term:RVI']);
    expect(exact('requesting virtual interrupts')).toEqual(['term:RVI']);
  });

  it('finds a kernel symbol named in the query, at any length', () => {
    expect(exact('who calls kvm_set_apicv_inhibit when L2 touches the APIC page directly')).toEqual(['symbol:kvm_set_apicv_inhibit']);
    expect(exact('enable_apicv=N')).toEqual(['symbol:enable_apicv']);
  });

  it('takes an upper-case acronym that is the last part of a symbol as naming it ("HYPERV")', () => {
    expect(exact('HYPERV')).toEqual(['symbol:APICV_INHIBIT_REASON_HYPERV']);
    // Typed in lower case it is a word ("hyperv"), not a reference.
    expect(exact('hyperv')).toEqual([]);
  });

  it('matches a page by title or alias, plural or not', () => {
    expect(exact('What became of the RFC?')).toEqual(['page:What became of the RFC']);
    expect(exact('PIR')).toEqual(['page:Posted interrupts']);
  });

  it('gives no page card to a page its term card already links to', () => {
    expect(exact('posted interrupts')).toEqual(['term:posted interrupt']);
  });

  it('names the index record each card shows: by id for a term or page, by URL for a symbol', () => {
    expect(exactMatches(parseQuery('RVI'), VOCABULARY_INDEX)).toEqual([{ kind: 'term', name: 'RVI', url: '/glossary/#rvi', id: 'glossary' }]);
    expect(exactMatches(parseQuery('kvm_set_apicv_inhibit'), VOCABULARY_INDEX)).toEqual([{ kind: 'symbol', name: 'kvm_set_apicv_inhibit', url: '/symbols/#kvm_set_apicv_inhibit' }]);
    expect(exactMatches(parseQuery('PIR'), VOCABULARY_INDEX)).toEqual([{ kind: 'page', name: 'Posted interrupts', url: '/apicv/posted-interrupts/', id: 'posted' }]);
  });

  it('answers a short query naming two or more acronyms with the page that names them together, first', () => {
    expect(exact('RVI vs SVI')).toEqual(['page:Virtual-interrupt delivery, RVI and SVI', 'term:RVI', 'term:SVI']);
    // All but one of three: the page need not repeat its own topic's name.
    expect(exact('difference between RVI and SVI in APICv')[0]).toBe('page:Virtual-interrupt delivery, RVI and SVI');
    // In a longer question the acronyms are context, not the subject.
    expect(exact('how do I check whether RVI and SVI are enabled on my host')).toEqual([]);
  });

  it('gives a long question no cards for its ordinary words', () => {
    expect(exact('interrupts lost in L2 workaround disable APICv')).toEqual([]);
  });
});
