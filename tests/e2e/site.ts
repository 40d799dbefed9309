// Serves dist/ on a free port and opens Chromium, once per test file.
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from '../../scripts/serve.ts';
import { launchChromium } from './browser.ts';

export interface Site {
  base: string;
  browser: Browser;
  /** A new page that records console errors and uncaught exceptions in `errors`. */
  open(path: string, options?: BrowserContextOptions): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const server = await serveStatic(resolve(import.meta.dirname, '../../dist'), 0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
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
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** The site for one test file: started before its tests run and stopped after them. */
export function useSite(): Site {
  let site: Site | undefined;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(() => site?.close());
  const started = (): Site => {
    if (!site) throw new Error('useSite(): the site starts in beforeAll; use it inside a test or hook');
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
