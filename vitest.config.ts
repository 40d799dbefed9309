import { defineConfig } from 'vitest/config';

// Three projects: unit (engine, beside the code), dist (checks over the built site), e2e (Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/search/**/*.test.ts'],
          // The unit tests are pure functions on fixtures: files share one module graph instead of
          // re-importing it per file, which took most of their time (25 s -> 6 s for the 55 files here).
          isolate: false,
        },
      },
      { test: { name: 'dist', include: ['tests/dist/**/*.test.ts'], testTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 180_000,
          hookTimeout: 60_000,
          // Files share one server and one Chromium; pages wait on conditions, so two files at a time
          // keep both cores busy without starving each other.
          maxWorkers: 2,
          // Tests a file marks concurrent (axe.test.ts, axe-pages.test.ts, layout.test.ts) each drive their
          // own page of that Chromium.
          maxConcurrency: 3,
          // expect.poll waits for a page to show a condition; its default of 1 s fails on a busy machine
          // while the page is still rendering what it will show. A wrong result still fails, once this passes.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
