// Layout: nothing may make a page wider than the screen, on phones (360 and 375 px) or a laptop
// (1280 px). Wide tables and code scroll inside their own boxes; text, citations and identifiers wrap.
import { describe, expect, it } from 'vitest';
import { distPages } from '../dist/distSite.ts';
import { useSite } from './site.ts';

// The search page also with results on it: they arrive from the index after the page loads.
const SEARCH_RESULTS = '/search/?q=posted%20interrupt';
const urls = [...distPages().map((p) => p.url), SEARCH_RESULTS];
const site = useSite();

// Concurrent: each width has its own page in the shared browser.
describe.concurrent('no sideways scroll', () => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 375, height: 812 }, { width: 1280, height: 900 }]) {
    it(`at ${viewport.width} px no page (nor the search page with results) scrolls sideways, and names the element that sticks out`, async () => {
      const context = await site.browser.newContext({ viewport });
      const page = await context.newPage();
      const wide: string[] = [];
      for (const url of urls) {
        await page.goto(site.base + url);
        if (url === SEARCH_RESULTS) await page.waitForFunction(() => (document.querySelector('.search-status')?.textContent ?? '').includes('for “'));
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return null;
          // The outermost element whose right edge passes the screen's: where the fix belongs.
          const culprit = [...document.querySelectorAll('main *')].find((e) => e.getBoundingClientRect().right > width + 1);
          return `${document.documentElement.scrollWidth}px: ${culprit ? `${culprit.tagName.toLowerCase()}.${culprit.className} "${(culprit.textContent ?? '').slice(0, 60)}"` : 'outside main'}`;
        });
        if (overflow) wide.push(`${url} ${overflow}`);
      }
      await context.close();
      expect(wide).toEqual([]);
    });
  }
});
