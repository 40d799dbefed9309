import { describe, expect, it } from 'vitest';
import { sidewaysOverflow } from './sideways.ts';
import { useSite } from './site.ts';

const site = useSite();

/** Inline code in tables of the article that wraps onto more than one line. */
const splitIdentifiers = (page: import('playwright-core').Page) =>
  page.locator('.doc-body table code').evaluateAll((codes) => codes.filter((c) => c.getClientRects().length > 1).map((c) => c.textContent));

describe('tables', () => {
  it('at 1280 px a wide table grows past the prose column, keeps identifiers whole, and the page does not scroll sideways', async () => {
    const { page } = await site.open('/nested/apic-passthrough/', { viewport: { width: 1280, height: 900 } });
    expect(await splitIdentifiers(page)).toEqual([]);
    const prose = await page.locator('.doc-body > p').first().evaluate((p) => p.getBoundingClientRect().width);
    const widest = await page.locator('.doc-body > .table-scroll').evaluateAll((ts) => Math.max(...ts.map((t) => t.getBoundingClientRect().width)));
    expect(widest).toBeGreaterThan(prose);
    expect(await sidewaysOverflow(page)).toBeNull();
  });

  it('at 375 px identifiers stay whole, the table scrolls inside its region, and a long table keeps its header row in view', async () => {
    const { page } = await site.open('/apic/registers-and-priority/', { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    expect(await splitIdentifiers(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeNull();
    const region = page.locator('.doc-body > .table-scroll.long').first();
    await region.scrollIntoViewIfNeeded();
    const scrolls = await region.evaluate((r) => ({ x: r.scrollWidth > r.clientWidth, y: r.scrollHeight > r.clientHeight }));
    expect(scrolls).toEqual({ x: true, y: true });
    await region.evaluate((r) => r.scrollBy(0, 300));
    const [regionTop, headerTop] = await region.evaluate((r) => [r.getBoundingClientRect().top, r.querySelector('thead th')!.getBoundingClientRect().top]);
    expect(Math.abs(headerTop! - regionTop!)).toBeLessThan(2);
  });
});
