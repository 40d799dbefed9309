import { describe, expect, it } from 'vitest';
import { sidewaysOverflow } from './sideways.ts';
import { useSite } from './site.ts';

const site = useSite();
const desktop = { viewport: { width: 1280, height: 900 } };

describe('concept map', () => {
  it('every node is a link to its page, followed with Enter', async () => {
    const { page, errors } = await site.open('/map/', desktop);
    const nodes = page.locator('svg.map-wide a.node');
    expect(await nodes.count()).toBeGreaterThanOrEqual(8);
    await page.locator('svg.map-wide a.node[href="/rfc/"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/rfc/');
    expect(errors).toEqual([]);
  });

  it('focusing a page by keyboard lights it and exactly its linked pages and dims the rest; leaving clears it', async () => {
    const { page } = await site.open('/map/', desktop);
    const svg = page.locator('svg.map-wide');
    const neighbours = await svg.evaluate((s) => {
      const set = new Set<string>(['rfc']);
      for (const l of s.querySelectorAll<SVGLineElement>('.edges line')) {
        if (l.dataset.a === 'rfc') set.add(l.dataset.b!);
        if (l.dataset.b === 'rfc') set.add(l.dataset.a!);
      }
      return [...set].sort();
    });
    await svg.locator('a.node[data-node="rfc"]').focus();
    expect(await svg.getAttribute('class')).toContain('focusing');
    const lit = await svg.locator('a.node.lit').evaluateAll((els) => els.map((e) => (e as SVGAElement).dataset.node!).sort());
    expect(lit).toEqual(neighbours);
    expect(lit.length).toBeGreaterThan(1);
    const other = svg.locator('a.node:not(.lit)').first();
    expect(Number(await other.evaluate((e) => getComputedStyle(e).opacity))).toBeLessThan(0.5);
    await page.locator('#map-show-path').focus();
    expect(await svg.getAttribute('class')).not.toContain('focusing');
  });

  it('the topic filter and the path toggle work by keyboard', async () => {
    const { page } = await site.open('/map/', desktop);
    const svg = page.locator('svg.map-wide');
    const avic = svg.locator('a.node.topic-avic').first();
    expect(await avic.isVisible()).toBe(true);
    await page.locator('#map-topic-avic').focus();
    await page.keyboard.press('Space');
    expect(await avic.isVisible()).toBe(false);
    expect(await svg.locator('.edges line.t-avic').evaluateAll((ls) => ls.filter((l) => getComputedStyle(l).display !== 'none').length)).toBe(0);
    expect(await svg.locator('a.node.topic-apicv').first().isVisible()).toBe(true);
    expect(await svg.locator('.reading-path').isVisible()).toBe(true);
    await page.locator('#map-show-path').focus();
    await page.keyboard.press('Space');
    expect(await svg.locator('.reading-path').isVisible()).toBe(false);
  });

  for (const [width, shown, hidden] of [[1280, 'wide', 'tall'], [375, 'tall', 'wide']] as const) {
    it(`at ${width} px the ${shown} variant shows at full size (12 px labels) and the page does not scroll sideways`, async () => {
      const { page } = await site.open('/map/', { viewport: { width, height: 900 }, ...(width === 375 ? { hasTouch: true, isMobile: true } : {}) });
      expect(await page.locator(`svg.map-${shown}`).isVisible()).toBe(true);
      expect(await page.locator(`svg.map-${hidden}`).isVisible()).toBe(false);
      const scale = await page.locator(`svg.map-${shown}`).evaluate((s) => s.getBoundingClientRect().width / (s as SVGSVGElement).viewBox.baseVal.width);
      expect(scale).toBeGreaterThanOrEqual(1);
      expect(await sidewaysOverflow(page)).toBeNull();
      // Nothing scrolls sideways inside the frame either: the whole map is in view across.
      expect(await page.locator('.map-frame').evaluate((f) => f.scrollWidth <= f.clientWidth)).toBe(true);
    });
  }

  it('on a phone a tap on a page opens it', async () => {
    const { page } = await site.open('/map/', { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    const node = page.locator('svg.map-tall a.node[href="/apic/"]');
    await node.scrollIntoViewIfNeeded();
    await node.tap();
    await page.waitForURL('**/apic/');
  });
});
