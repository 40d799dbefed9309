// The site under test: dist/ served once for the whole e2e run, and the run's shared Chromium
// (tests/e2e/globalSetup.ts). Each test file connects once and opens its own contexts.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { connectChromium } from './browser.ts';

export interface Site {
  base: string;
  browser: Browser;
  /** A new page in a new context that records console errors and uncaught exceptions in `errors`. */
  open(path: string, options?: BrowserContextOptions): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

async function connectSite(): Promise<Site> {
  const { base, wsEndpoint } = inject('e2eSite');
  const browser = await connectChromium(wsEndpoint);
  return {
    base,
    browser,
    async open(path, options = {}) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(base + path);
      return { page, errors };
    },
    // Disconnects this file; the shared browser and server stop when the run ends.
    close: () => browser.close(),
  };
}

/** The site for one test file: connected before its tests run and disconnected after them. */
export function useSite(): Site {
  let site: Site | undefined;
  beforeAll(async () => {
    site = await connectSite();
  });
  afterAll(() => site?.close());
  const started = (): Site => {
    if (!site) throw new Error('useSite(): the site connects in beforeAll; use it inside a test or hook');
    return site;
  };
  return {
    get base() {
      return started().base;
    },
    get browser() {
      return started().browser;
    },
    open: (path, options) => started().open(path, options),
    close: () => started().close(),
  };
}

/** Resolves after the page has painted twice: input handlers, observers and re-renders have run. */
export function afterPaint(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}
