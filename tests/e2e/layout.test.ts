// Layout: nothing may make a page wider than the screen, on phones (360 and 375 px) or a laptop
// (1280 px). Wide tables and code scroll inside their own boxes; text, citations and identifiers wrap.
// Every page at 1280 px is checked on the every-page sweep's load (everyPage.ts); phones here.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { distPages } from '../dist/distSite.ts';
import { sidewaysOverflow } from './sideways.ts';
import { useSite } from './site.ts';

// The search page also with results on it: they arrive from the index after the page loads.
const SEARCH_RESULTS = '/search/?q=posted%20interrupt';
const urls = [...distPages().map((p) => p.url), SEARCH_RESULTS];
const site = useSite();
const PHONE = { width: 375, height: 812 };
const NARROW_PHONE = { width: 360, height: 740 };

const load = async (page: Page, url: string) => {
  await page.goto(site.base + url);
  if (url === SEARCH_RESULTS) await page.waitForFunction(() => (document.querySelector('.search-status')?.textContent ?? '').includes('for “'));
};

describe.concurrent('no sideways scroll', () => {
  it('on phones (375 px, then the same load at 360 px) no page, nor the search page with results, scrolls sideways; names the element that sticks out', async () => {
    // One load per page: no script lays out by the width it finds at load (copyCode.ts follows resizes),
    // so narrowing the loaded page shows what a 360 px phone shows.
    const context = await site.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const url of urls) {
      await page.setViewportSize(PHONE);
      await load(page, url);
      for (const viewport of [PHONE, NARROW_PHONE]) {
        await page.setViewportSize(viewport);
        const overflow = await sidewaysOverflow(page);
        if (overflow) wide.push(`${url} at ${viewport.width} px ${overflow}`);
      }
    }
    await context.close();
    expect(wide).toEqual([]);
  });

  it('at 1280 px the search page with results and the 404 page do not scroll sideways (the other pages: everyPage.ts)', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const url of [SEARCH_RESULTS, '/404.html']) {
      await load(page, url);
      const overflow = await sidewaysOverflow(page);
      if (overflow) wide.push(`${url} ${overflow}`);
    }
    await context.close();
    expect(wide).toEqual([]);
  });
});
