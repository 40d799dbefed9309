import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { distPages } from '../dist/distSite.ts';
import { reachExplainer } from './keyboard.ts';
import { afterPaint, useSite } from './site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const urls = distPages().map((p) => p.url).filter((u) => u !== '/404.html');

const site = useSite();

async function axeViolations(page: import('playwright-core').Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  // Every page, in groups small enough that one test never runs into the timeout as the site grows.
  const all = [...urls, '/no-such-page/'];
  const groups = Array.from({ length: Math.ceil(all.length / 8) }, (_, i) => all.slice(i * 8, i * 8 + 8));
  for (const scheme of ['light', 'dark'] as const) {
    it.each(groups.map((group) => [`${group[0]} ... ${group.at(-1)}`, group] as const))(`every page has no violations in ${scheme} mode: %s`, async (_label, group) => {
      const context = await site.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const url of group) {
        await page.goto(site.base + url, { waitUntil: 'networkidle' });
        // Expressive Code marks overflowing code blocks focusable once layout settles.
        await page.waitForFunction(() =>
          [...document.querySelectorAll('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
        );
        problems.push(...(await axeViolations(page)).map((v) => `${url} ${v}`));
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`an open link preview and the open search dialog with results have no violations in ${scheme} mode`, async () => {
      const context = await site.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${site.base}/apicv/`, { waitUntil: 'networkidle' });
      await page.locator('a.xref-term').first().focus();
      await page.locator('#link-preview').waitFor({ state: 'visible' });
      const withPreview = await axeViolations(page);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+k');
      await page.waitForSelector('dialog.search-dialog[open] input:focus');
      await page.keyboard.type('posted interrupt');
      await page.waitForFunction(() => (document.querySelector('dialog.search-dialog .search-status')?.textContent ?? '').includes('for “posted interrupt”'));
      const withSearch = await axeViolations(page);
      await context.close();
      expect([...withPreview.map((v) => `preview ${v}`), ...withSearch.map((v) => `search ${v}`)]).toEqual([]);
    });
  }

  // Explainers after use: operate each one's controls from the keyboard, then check again.
  const explainerPages = ['/apicv/virtual-interrupt-delivery/', '/apicv/posted-interrupts/', '/avic/doorbell/', '/avic/exits/', '/nested/nested-vmx/', '/rfc/failure-scenario/', '/kvm/apicv-inhibits/'];
  for (const scheme of ['light', 'dark'] as const) {
    it(`interactive explainers after use have no violations in ${scheme} mode`, async () => {
      const context = await site.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const url of explainerPages) {
        await page.goto(site.base + url, { waitUntil: 'networkidle' });
        await reachExplainer(page);
        const controls = page.locator('.doc-body button:visible:not(.copy-code), .doc-body select:visible, .doc-body input[type="radio"]:visible');
        // Operating one control may hide or replace others: use the ones still on the page.
        for (const handle of (await controls.elementHandles()).slice(0, 6)) {
          if (!(await handle.evaluate((e) => e.isConnected && (e as HTMLElement).offsetParent !== null))) continue;
          await handle.focus();
          await page.keyboard.press((await handle.evaluate((e) => (e as Element).tagName)) === 'SELECT' ? 'ArrowDown' : 'Space');
        }
        await afterPaint(page);
        problems.push(...(await axeViolations(page)).map((v) => `${url} ${v}`));
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }

  // The navigation after use by keyboard: the phone menu open (site tree, search, theme), then the
  // desktop sidebar and table of contents after a keyboard jump to a section (scroll-spy marked).
  for (const scheme of ['light', 'dark'] as const) {
    it(`the phone menu and the sidebar, operated by keyboard, have no violations in ${scheme} mode`, async () => {
      const problems: string[] = [];
      const phone = await site.browser.newContext({ colorScheme: scheme, viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
      const page = await phone.newPage();
      await page.goto(`${site.base}/nested/apic-passthrough/`, { waitUntil: 'networkidle' });
      await page.locator('[data-menu-open]').focus();
      await page.keyboard.press('Enter');
      await page.locator('#site-menu').waitFor({ state: 'visible' });
      await page.keyboard.press('Tab');
      problems.push(...(await axeViolations(page)).map((v) => `menu open: ${v}`));
      await page.keyboard.press('Escape');
      await page.locator('#site-menu').waitFor({ state: 'hidden' });
      problems.push(...(await axeViolations(page)).map((v) => `menu closed: ${v}`));
      await phone.close();

      const desktop = await site.browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const wide = await desktop.newPage();
      await wide.goto(`${site.base}/nested/apic-passthrough/`, { waitUntil: 'networkidle' });
      await wide.locator('.toc a').nth(1).focus();
      await wide.keyboard.press('Enter');
      await wide.waitForSelector('.toc a[aria-current="location"]');
      await wide.locator('#site-nav [aria-current="page"]').focus();
      problems.push(...(await axeViolations(wide)).map((v) => `sidebar: ${v}`));
      await desktop.close();
      expect(problems).toEqual([]);
    });
  }
});
