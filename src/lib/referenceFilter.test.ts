import { describe, expect, it } from 'vitest';
import { filterSummary, indexLetter, letterAnchor, matchesFilter } from './referenceFilter.ts';

describe('matchesFilter', () => {
  it('matches every word of the query, in any order and case, treating _ and - as spaces', () => {
    expect(matchesFilter('kvm_set_apicv_inhibit function arch/x86/include/asm/kvm_host.h', 'apicv inhibit')).toBe(true);
    expect(matchesFilter('kvm_set_apicv_inhibit', 'KVM_SET')).toBe(true);
    expect(matchesFilter('kvm_set_apicv_inhibit', 'inhibit set')).toBe(true);
    expect(matchesFilter('RVI Requesting virtual interrupt', 'rvi svi')).toBe(false);
    expect(matchesFilter('anything', '   ')).toBe(true);
  });
});

describe('indexLetter', () => {
  it('groups by the first letter or digit, ignoring leading underscores', () => {
    expect(indexLetter('__kvm_faultin_pfn')).toBe('K');
    expect(indexLetter('x2APIC')).toBe('X');
    expect(indexLetter('8259A PIC')).toBe('0–9');
    expect(letterAnchor('0–9')).toBe('letter-0-9');
    expect(letterAnchor('K')).toBe('letter-k');
  });
});

describe('filterSummary', () => {
  it('says how many entries match, or that none does', () => {
    expect(filterSummary(273, 273, ['symbol', 'symbols'], '')).toBe('273 symbols');
    expect(filterSummary(12, 273, ['symbol', 'symbols'], 'apicv')).toBe('12 of 273 symbols match');
    expect(filterSummary(1, 273, ['symbol', 'symbols'], 'apicv')).toBe('1 of 273 symbols matches');
    expect(filterSummary(0, 75, ['term', 'terms'], ' zzz ')).toBe('No term matches "zzz"');
  });
});
