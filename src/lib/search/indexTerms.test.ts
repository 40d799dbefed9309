import { describe, expect, it } from 'vitest';
import { acronymOf, identifierGroup, indexQuery, indexWord } from './indexTerms.ts';

const ACRONYMS = new Set(['apic', 'tpr', 'isrun', 'on']);
const BY_NAME = new Map([['apic', 'apic'], ['tpr', 'tpr'], ['isrunning', 'isrun'], ['isrun', 'isrun'], ['on', 'on']]);

describe('index words', () => {
  it('marks identifiers, and acronyms with their plurals and possessives, and leaves other words alone', () => {
    const words = ['kvm_set_apicv_inhibit', '__kvm_faultin_pfn', 'apic', 'apic’', 'apic’s', 'tprs', 'isrun', 'apicv', 'apicaccess', 'kvm', 'one', 'onto'];
    expect(words.map((w) => indexWord(w, ACRONYMS))).toEqual(['~kvm_set_apicv_inhibit', '~__kvm_faultin_pfn', '^apic^', '^apic^’', '^apic^’s', '^tpr^s', '^isrun^', 'apicv', 'apicaccess', 'kvm', 'one', 'onto']);
  });

  it('knows the group of an identifier and the acronym of a marked form', () => {
    expect(['~kvm_set_apicv_inhibit', '~__kvm_faultin_pfn', 'kvm_set', 'kvm'].map(identifierGroup)).toEqual(['~kvm_', '~_', undefined, undefined]);
    expect(['^apic^', '^tpr^s', '^apic^’s', 'apic', '~kvm_x'].map(acronymOf)).toEqual(['^apic^', '^tpr^', '^apic^', undefined, undefined]);
  });
});

describe('index queries', () => {
  it('marks each term with "_", quoted or not, and leaves the rest of the query as it was', () => {
    expect(indexQuery('KVM  kvm_set_apicv_inhibit posted', BY_NAME)).toBe('KVM  ~kvm_set_apicv_inhibit posted');
    expect(indexQuery('"kvm_apicv_inhibit_changed"', BY_NAME)).toBe('"~kvm_apicv_inhibit_changed"');
    expect(indexQuery('"not merged" enable_apicv=N kvm_intel.enable_ipiv (kvm_x)', BY_NAME)).toBe('"not merged" ~enable_apicv=N ~kvm_intel.enable_ipiv ~(kvm_x)');
  });

  it('replaces a term naming an acronym, as typed, plural or possessive, by its marked index word', () => {
    expect(indexQuery('APIC TPRs apic’s IsRunning "the ON bit"', BY_NAME)).toBe('^apic^ ^tpr^ ^apic^ ^isrun^ "the ^on^ bit"');
    // Words that only begin like an acronym, or stem to one in some stemmer ("one"), stay as they are.
    expect(indexQuery('APICv apicaccess one only', BY_NAME)).toBe('APICv apicaccess one only');
  });
});
