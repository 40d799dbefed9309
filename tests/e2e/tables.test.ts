import { describe, expect, it } from 'vitest';
import { sidewaysOverflow } from './sideways.ts';
import { useSite } from './site.ts';

const site = useSite();

/** Inline code in tables of the article that wraps onto more than one line. */
const splitIdentifiers = (page: import('playwright-core').Page) =>
  page.locator('.doc-body table code').evaluateAll((codes) => codes.filter((c) => c.getClientRects().length > 1).map((c) => c.textContent));

describe('tables', () => {
  it('on desktop a table grows past the prose column only when it needs to, never under the table of contents, and keeps identifiers whole', async () => {
    const { page } = await site.open('/kvm/why-apicv-is-off/', { viewport: { width: 1280, height: 900 } });
    const layout = () =>
      page.evaluate(() => {
        const toc = document.querySelector('.doc .toc')!.getBoundingClientRect();
        const prose = document.querySelector('.doc-body > p')!.getBoundingClientRect();
        const tables = [...document.querySelectorAll('.doc-body > .table-scroll')].map((t) => t.getBoundingClientRect());
        return { tocLeft: toc.left, prose: prose.width, widths: tables.map((t) => t.width), rightmost: Math.max(...tables.map((t) => t.right)) };
      });
    for (const width of [1280, 1200, 1600]) {
      await page.setViewportSize({ width, height: 900 });
      const { tocLeft, prose, widths, rightmost } = await layout();
      expect(Math.max(...widths), `${width} px`).toBeGreaterThan(prose);
      expect(rightmost, `${width} px`).toBeLessThan(tocLeft);
      expect(await splitIdentifiers(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBeNull();
    }
    // A table whose text can wrap within the prose column stays there.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(page.url().replace('/kvm/why-apicv-is-off/', '/apicv/reference/'));
    const { prose, widths } = await layout();
    expect(widths.filter((w) => w <= prose + 1).length).toBeGreaterThan(0);
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
