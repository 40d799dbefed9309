// The site under test: dist/ served once for the whole e2e run, and the run's shared Chromium
// (tests/e2e/globalSetup.ts). Each test file connects once and opens its own contexts.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject, onTestFinished } from 'vitest';
import { connectChromium } from './browser.ts';

export interface Site {
  base: string;
  browser: Browser;
  /**
   * A new page in a new context that records console errors and uncaught exceptions in `errors`. The
   * context closes when the test that opened it finishes, so finished pages stop using the browser
   * (tests that run concurrently make and close their own contexts instead).
   */
  open(path: string, options?: BrowserContextOptions): Promise<{ page: Page; errors: string[] }>;
  /** Like open, but a new page in `context`, which the caller keeps and closes (tests that share a warm cache). */
  openIn(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

async function connectSite(): Promise<Site> {
  const { base, wsEndpoint } = inject('e2eSite');
  const browser = await connectChromium(wsEndpoint);
  const openIn = async (context: BrowserContext, path: string) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base + path);
    return { page, errors };
  };
  return {
    base,
    browser,
    async open(path, options = {}) {
      const context = await browser.newContext(options);
      // Opened in a hook (beforeAll), it stays until the file disconnects.
      try {
        onTestFinished(() => context.close());
      } catch {}
      return openIn(context, path);
    },
    openIn,
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
    openIn: (context, path) => started().openIn(context, path),
    close: () => started().close(),
  };
}

/**
 * Resolves once a page that has just loaded has finished what it does by itself, from conditions the
 * page shows rather than a quiet network (which costs half a second per page): web fonts are in, every
 * explainer has been scrolled to and its script has run (explainers load on approach; otherwise the
 * ones near the top would load while a check runs and the others not at all), src/scripts/copyCode.ts
 * has made overflowing code blocks focusable, the search page has filled its filters from the index, and
 * the result has painted. The page is left scrolled to the last explainer, if it has any.
 */
export async function pageReady(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Explainers of one kind load together, so one scroll may bring several live.
  for (let next; (next = await page.$('.explainer:not([data-explainer-loaded])')); await next.dispose()) {
    await next.scrollIntoViewIfNeeded();
    await page.waitForFunction((root) => root.hasAttribute('data-explainer-loaded'), next);
  }
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
  );
  if (await page.locator('[data-search-page]').count()) await page.locator('[data-search-page] select[name="topic"] option:not([value=""])').first().waitFor({ state: 'attached' });
  await afterPaint(page);
}

/** Resolves after the page has painted twice: input handlers, observers and re-renders have run. */
export function afterPaint(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}
