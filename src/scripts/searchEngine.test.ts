import { describe, expect, it } from 'vitest';
import { searchPagefind, type Pagefind } from './searchEngine.ts';

/** A Pagefind stand-in that records what was preloaded and searched, in order. */
function recordingPagefind() {
  const calls: string[] = [];
  const pagefind: Pagefind = {
    options: async () => {},
    filters: async () => ({}),
    preload: async (q) => void calls.push(`preload ${q}`),
    search: async (q) => (calls.push(`search ${q}`), { results: [] }),
  };
  return { pagefind, calls };
}

describe('searchPagefind', () => {
  it('loads the chunk of the identifiers each term would extend ("kvm_" for "kvm") before searching', async () => {
    const { pagefind, calls } = recordingPagefind();
    await searchPagefind(pagefind, 'KVM  posted interrupt', { filters: { topic: 'KVM' } });
    expect(calls).toEqual(['preload KVM_ posted_ interrupt_', 'search KVM  posted interrupt']);
  });

  it('searches a quoted (exact) query directly: it matches whole words only', async () => {
    const { pagefind, calls } = recordingPagefind();
    await searchPagefind(pagefind, '"KVM"', {});
    expect(calls).toEqual(['search "KVM"']);
  });
});
