import { describe, expect, it } from 'vitest';
import { searchPagefind, type Pagefind } from './searchEngine.ts';

describe('searchPagefind', () => {
  it('searches identifiers in their index form and passes the options on', async () => {
    const calls: unknown[] = [];
    const pagefind: Pagefind = {
      options: async () => {},
      filters: async () => ({}),
      search: async (q, o) => (calls.push([q, o]), { results: [] }),
    };
    await searchPagefind(pagefind, 'KVM kvm_set_apicv_inhibit', { filters: { topic: 'KVM' } });
    await searchPagefind(pagefind, '"kvm_exit"', {});
    expect(calls).toEqual([
      ['KVM ~kvm_set_apicv_inhibit', { filters: { topic: 'KVM' } }],
      ['"~kvm_exit"', {}],
    ]);
  });
});
