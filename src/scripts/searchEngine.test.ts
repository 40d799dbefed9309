import { describe, expect, it } from 'vitest';
import { VOCABULARY_INDEX } from '../lib/search/testFixtures.ts';
import { searchPagefind, type Pagefind } from './searchEngine.ts';

describe('searchPagefind', () => {
  it('searches identifiers and acronyms in their index form and passes the options on', async () => {
    const calls: unknown[] = [];
    const pagefind: Pagefind = {
      options: async () => {},
      filters: async () => ({}),
      search: async (q, o) => (calls.push([q, o]), { results: [] }),
    };
    await searchPagefind(pagefind, VOCABULARY_INDEX, 'KVM kvm_set_apicv_inhibit RVIs', { filters: { topic: 'KVM' } });
    await searchPagefind(pagefind, VOCABULARY_INDEX, '"kvm_exit"', {});
    expect(calls).toEqual([
      ['KVM ~kvm_set_apicv_inhibit ^rvi^', { filters: { topic: 'KVM' } }],
      ['"~kvm_exit"', {}],
    ]);
  });
});
