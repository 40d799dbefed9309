import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, parseQuery, phraseKey } from './query.ts';

const kinds = (q: string) => parseQuery(q).tokens.map((t) => [t.kind, t.search, t.role ?? null]);

describe('parseQuery', () => {
  it('drops question and stop words and keeps the meaningful ones in order', () => {
    const p = parseQuery('What happens to an interrupt meant for L1 when the vCPU is running L2?');
    expect(p.tokens.map((t) => t.text)).toEqual(['interrupt', 'L1', 'vCPU', 'running', 'L2']);
    expect(p.dropped).toContain('What');
  });

  it('drops conjunctions and filler adverbs, which name no topic', () => {
    expect(parseQuery('what does an EOI write actually do while L2 runs').tokens.map((t) => t.text)).toEqual(['EOI', 'write', 'L2', 'runs']);
  });

  it('drops negated auxiliaries, with either apostrophe, and adverbs of time and frequency', () => {
    expect(parseQuery("why can't L1 use IPIv, and why doesn’t it sometimes work").tokens.map((t) => t.text)).toEqual(['L1', 'IPIv']);
    expect(parseQuery('AVIC is temporarily off').tokens.map((t) => t.text)).toEqual(['AVIC', 'off']);
  });

  it('sets aside a lone letter, which names nothing (the value in "enable_apicv is Y")', () => {
    expect(parseQuery('APICv is off even though enable_apicv is Y').tokens.map((t) => t.text)).toEqual(['APICv', 'off', 'enable_apicv']);
    expect(parseQuery('x2APIC L1 vCPU 割').tokens.map((t) => t.text)).toEqual(['x2APIC', 'L1', 'vCPU', '割']);
  });

  it('keeps quoted phrases whole', () => {
    expect(kinds('"posted interrupt" descriptor')).toEqual([
      ['phrase', '"posted interrupt"', null],
      ['word', 'descriptor', null],
    ]);
  });

  it('recognises kernel identifiers, module parameters and assignments', () => {
    expect(kinds('kvm_set_apicv_inhibit APICV_INHIBIT_REASON_HYPERV')).toEqual([
      ['identifier', 'kvm_set_apicv_inhibit', null],
      ['identifier', 'APICV_INHIBIT_REASON_HYPERV', null],
    ]);
    expect(kinds('kvm_intel.enable_ipiv')).toEqual([
      ['identifier', 'enable_ipiv', 'module-parameter'],
      ['identifier', 'kvm_intel', 'module'],
    ]);
    expect(kinds('enable_apicv=N')).toEqual([['identifier', 'enable_apicv', 'module-parameter']]);
    // A source file has the shape of a module parameter; its name is what is searched.
    expect(kinds('vmx.c kvm_host.h')).toEqual([
      ['word', 'vmx', null],
      ['identifier', 'kvm_host', null],
    ]);
  });

  it('recognises hex and decimal constants, MSR numbers and exit reasons, with the other base as a variant', () => {
    const [hex] = parseQuery('0xFEE00000').tokens;
    expect(hex).toMatchObject({ kind: 'hex', search: '0xfee00000', key: '0xfee00000' });
    expect(parseQuery('MSR 0x1b').tokens[1]).toMatchObject({ kind: 'hex', role: 'msr', variants: ['27'] });
    expect(parseQuery('0x80b').tokens[0]).toMatchObject({ role: 'msr' });
    expect(parseQuery('exit reason 48').tokens.at(-1)).toMatchObject({ kind: 'number', role: 'exit-reason', variants: ['0x30'] });
    expect(parseQuery('exit EPT_MISCONFIG').tokens.at(-1)).toMatchObject({ kind: 'identifier', role: 'exit-reason' });
    expect(parseQuery('SVM_EXIT_AVIC_NOACCEL').tokens[0]).toMatchObject({ role: 'exit-reason' });
  });

  it('treats acronyms as whole tokens and does not stem them', () => {
    expect(kinds('HYPERV RVI x2APIC APICv')).toEqual([
      ['acronym', 'HYPERV', null],
      ['acronym', 'RVI', null],
      ['acronym', 'x2APIC', null],
      ['acronym', 'APICv', null],
    ]);
  });

  it('searches a plural acronym as its singular, keeping what was typed', () => {
    expect(parseQuery('vCPUs IPIs APICs HYPERV').tokens.map((t) => [t.text, t.search, t.key])).toEqual([
      ['vCPUs', 'vCPU', 'vcpu'],
      ['IPIs', 'IPI', 'ipi'],
      ['APICs', 'APIC', 'apic'],
      ['HYPERV', 'HYPERV', 'hyperv'],
    ]);
  });

  it('gives plurals and verb forms the same key', () => {
    expect(phraseKey('interrupts delivered')).toBe(phraseKey('interrupt delivering'));
    expect(phraseKey('Posted interrupts')).toBe(phraseKey('posted interrupt'));
  });

  it('cuts a 2,000-character query and says so', () => {
    const p = parseQuery('interrupt '.repeat(200));
    expect(p.truncated).toBe(true);
    expect(p.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(p.tokens).toHaveLength(1);
  });

  it('takes regex and HTML metacharacters, emoji and other scripts as plain text', () => {
    expect(parseQuery('<script>alert(1)</script> .*+?^${}()|[]\\').tokens.map((t) => t.text)).toEqual(['script', 'alert', '1']);
    expect(parseQuery('🙂🔥').tokens).toEqual([]);
    expect(parseQuery('割り込み 仮想化').tokens.map((t) => t.kind)).toEqual(['word', 'word']);
  });

  it('finds nothing meaningful in a query of stop words only', () => {
    const p = parseQuery('what is the');
    expect(p.tokens).toEqual([]);
    expect(p.dropped).toEqual(['what', 'is', 'the']);
  });
});
