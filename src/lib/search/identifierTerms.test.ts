import { describe, expect, it } from 'vitest';
import { identifierGroup, markIdentifier, markIdentifierTerms } from './identifierTerms.ts';

describe('identifier terms', () => {
  it('marks the index words that contain "_" and no others', () => {
    expect(['kvm_set_apicv_inhibit', '__kvm_faultin_pfn', 'kvm', 'apicv', 'x2apic'].map(markIdentifier)).toEqual(['~kvm_set_apicv_inhibit', '~__kvm_faultin_pfn', 'kvm', 'apicv', 'x2apic']);
  });

  it('marks each query term with "_", quoted or not, and leaves the rest of the query as it was', () => {
    expect(markIdentifierTerms('KVM  kvm_set_apicv_inhibit posted')).toBe('KVM  ~kvm_set_apicv_inhibit posted');
    expect(markIdentifierTerms('"kvm_apicv_inhibit_changed"')).toBe('"~kvm_apicv_inhibit_changed"');
    expect(markIdentifierTerms('"not merged" enable_apicv=N kvm_intel.enable_ipiv (kvm_x)')).toBe('"not merged" ~enable_apicv=N ~kvm_intel.enable_ipiv ~(kvm_x)');
    expect(markIdentifierTerms('__kvm_faultin_pfn _')).toBe('~__kvm_faultin_pfn ~_');
    expect(markIdentifierTerms('posted interrupt')).toBe('posted interrupt');
  });

  it('knows the group of an index word: the shortest term that can reach it', () => {
    expect(identifierGroup('~kvm_set_apicv_inhibit')).toBe('~kvm_');
    expect(identifierGroup('~__kvm_faultin_pfn')).toBe('~_');
    expect(identifierGroup('kvm_set')).toBeUndefined();
    expect(identifierGroup('kvm')).toBeUndefined();
  });
});
