import { describe, expect, it } from 'vitest';

// `astro check` falls back to an install prompt (and exits 0 without checking) when @astrojs/check
// cannot be loaded, e.g. when a peer dependency is missing: make that a failing test instead.
describe('toolchain', () => {
  it('@astrojs/check and typescript load, so `astro check` really type-checks', async () => {
    await expect(import('@astrojs/check')).resolves.toBeTruthy();
    await expect(import('typescript')).resolves.toBeTruthy();
    // Loading TypeScript takes several seconds on a busy 2-core machine; the test is about whether it loads.
  }, 60_000);
});
