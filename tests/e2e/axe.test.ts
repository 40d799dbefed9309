import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { distPages } from '../dist/distSite.ts';
import { reachExplainer } from './keyboard.ts';
import { afterPaint, pageReady, useSite } from './site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// The 404 page as a reader meets it: a mistyped address, with the closest pages suggested.
const MISTYPED = '/apicv/posted-interupts/';
const urls = [...distPages().map((p) => p.url).filter((u) => u !== '/404.html'), MISTYPED];

const site = useSite();

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      // Every rule still runs on every element; only the details of passing and inapplicable checks,
      // which nothing reads, are left out.
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** The page's own colour scheme, as its styles see it: [data-theme], the root's color-scheme and the body's background. */
const appliedScheme = (page: Page) =>
  page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    colorScheme: getComputedStyle(document.documentElement).colorScheme,
    background: getComputedStyle(document.body).backgroundColor,
  }));

/**
 * Checks a page that is set up in light mode (its context is created light), then switches the reader's
 * system to dark and checks it again: the theme follows prefers-color-scheme live (src/scripts/theme.ts),
 * so one load and one setup serve both schemes. The dark check runs only once the dark styles are seen
 * to apply. Each violation is labelled with its scheme.
 */
async function violationsInBothSchemes(page: Page): Promise<string[]> {
  const light = await appliedScheme(page);
  expect(light, 'the page starts in light mode').toMatchObject({ theme: 'light', colorScheme: 'light' });
  const problems = (await axeViolations(page)).map((v) => `light: ${v}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await afterPaint(page);
  const dark = await appliedScheme(page);
  expect(dark.colorScheme, 'dark styles apply').toBe('dark');
  expect(dark.background, 'the background changes with the theme').not.toBe(light.background);
  problems.push(...(await axeViolations(page)).map((v) => `dark: ${v}`));
  return problems;
}

const newLightPage = async (options: Parameters<typeof site.browser.newContext>[0] = {}) =>
  (await site.browser.newContext({ ...options, colorScheme: 'light' })).newPage();

// Tests here run concurrently (each in its own context of the shared browser, up to the project's
// maxConcurrency) so that Chromium's work spreads over both cores while the file's other tests wait.
describe.concurrent('accessibility (axe-core, WCAG 2.2 AA) in light and dark mode', () => {
  // Every page, in groups small enough that one test never runs into the timeout as the site grows.
  const groups = Array.from({ length: Math.ceil(urls.length / 4) }, (_, i) => urls.slice(i * 4, i * 4 + 4));
  it.each(groups.map((group) => [`${group[0]} ... ${group.at(-1)}`, group] as const))('every page has no violations: %s', async (_label, group) => {
    const page = await newLightPage();
    const problems: string[] = [];
    for (const url of group) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(site.base + url);
      await pageReady(page);
      if (url === MISTYPED) await page.locator('[data-did-you-mean] a').first().waitFor();
      problems.push(...(await violationsInBothSchemes(page)).map((v) => `${url} ${v}`));
    }
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('an open link preview and the open search dialog with results have no violations', async () => {
    const page = await newLightPage();
    await page.goto(`${site.base}/apicv/`);
    await pageReady(page);
    await page.locator('a.xref-term').first().focus();
    await page.locator('#link-preview').waitFor({ state: 'visible' });
    const withPreview = await violationsInBothSchemes(page);
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog.search-dialog[open] input:focus');
    await page.keyboard.type('posted interrupt');
    await page.waitForFunction(() => (document.querySelector('dialog.search-dialog .search-status')?.textContent ?? '').includes('for “posted interrupt”'));
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    const withSearch = await violationsInBothSchemes(page);
    await page.context().close();
    expect([...withPreview.map((v) => `preview ${v}`), ...withSearch.map((v) => `search ${v}`)]).toEqual([]);
  });

  // Explainers after use: operate each one's controls from the keyboard, then check again.
  const explainerPages = ['/apicv/virtual-interrupt-delivery/', '/apicv/posted-interrupts/', '/avic/doorbell/', '/avic/exits/', '/nested/nested-vmx/', '/rfc/failure-scenario/', '/kvm/apicv-inhibits/'];
  it.each(explainerPages)('the interactive explainer on %s after use has no violations', async (url) => {
    const page = await newLightPage();
    await page.goto(site.base + url);
    await pageReady(page);
    await reachExplainer(page);
    const controls = page.locator('.doc-body button:visible:not(.copy-code), .doc-body select:visible, .doc-body input[type="radio"]:visible');
    // Operating one control may hide or replace others: use the ones still on the page.
    for (const handle of (await controls.elementHandles()).slice(0, 6)) {
      if (!(await handle.evaluate((e) => e.isConnected && (e as HTMLElement).offsetParent !== null))) continue;
      await handle.focus();
      await page.keyboard.press((await handle.evaluate((e) => (e as Element).tagName)) === 'SELECT' ? 'ArrowDown' : 'Space');
    }
    await afterPaint(page);
    const problems = await violationsInBothSchemes(page);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  // The navigation after use by keyboard: the phone menu open (site tree, search and theme), then the
  // desktop sidebar and table of contents after a keyboard jump to a section (scroll-spy marked).
  it('the phone menu, operated by keyboard, has no violations open or closed', async () => {
    const page = await newLightPage({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await page.goto(`${site.base}/nested/apic-passthrough/`);
    await pageReady(page);
    await page.locator('[data-menu-open]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#site-menu').waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    const open = await violationsInBothSchemes(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await page.locator('#site-menu').waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    const closed = await violationsInBothSchemes(page);
    await page.context().close();
    expect([...open.map((v) => `menu open: ${v}`), ...closed.map((v) => `menu closed: ${v}`)]).toEqual([]);
  });

  it('the sidebar and table of contents, after a keyboard jump to a section, have no violations', async () => {
    const page = await newLightPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.base}/nested/apic-passthrough/`);
    await pageReady(page);
    await page.locator('.toc a').nth(1).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.toc a[aria-current="location"]');
    await page.locator('#site-nav [aria-current="page"]').focus();
    const problems = await violationsInBothSchemes(page);
    await page.context().close();
    expect(problems.map((v) => `sidebar: ${v}`)).toEqual([]);
  });
});
