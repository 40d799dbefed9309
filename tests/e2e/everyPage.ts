// The checks that hold on every page, made on one load of each page: axe (WCAG 2.2 AA) in both schemes,
// no sideways scroll at 1280 px (sideways.ts; phones in layout.test.ts), and no request to another
// origin, CSP violation or console error (pagePolicy.ts). Shared by axe.test.ts
// and axe-pages.test.ts: vitest runs two files at a time, so the pages are split between two files to
// keep both workers busy instead of one file being the long pole.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { distPages } from '../dist/distSite.ts';
import { watchPolicy } from './pagePolicy.ts';
import { sidewaysOverflow } from './sideways.ts';
import { afterPaint, pageReady, type Site } from './site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// The 404 page as a reader meets it: a mistyped address, with the closest pages suggested.
const MISTYPED = '/apicv/posted-interupts/';
const urls = [...distPages().map((p) => p.url).filter((u) => u !== '/404.html'), MISTYPED];

// The dark theme changes colours and nothing else (custom properties under [data-theme='dark'] in
// src/styles/global.css; no element is shown, hidden or labelled by theme), so in dark only the rules
// that read colours can find something the light run did not.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** axe's WCAG 2.2 AA and best-practice rules; `colourOnly` runs just the ones that read colours. */
export async function axeViolations(page: Page, colourOnly = false): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (rules) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      // Only the details of passing and inapplicable checks, which nothing reads, are left out.
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, colourOnly ? COLOUR_RULES : null);
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
 * system to dark and checks its colours again (COLOUR_RULES): the theme follows prefers-color-scheme live
 * (src/scripts/theme.ts), so one load and one setup serve both schemes. The dark check runs only once the
 * dark styles are seen to apply. Each violation is labelled with its scheme.
 */
export async function violationsInBothSchemes(page: Page): Promise<string[]> {
  const light = await appliedScheme(page);
  expect(light, 'the page starts in light mode').toMatchObject({ theme: 'light', colorScheme: 'light' });
  const problems = (await axeViolations(page)).map((v) => `light: ${v}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await afterPaint(page);
  const dark = await appliedScheme(page);
  expect(dark.colorScheme, 'dark styles apply').toBe('dark');
  expect(dark.background, 'the background changes with the theme').not.toBe(light.background);
  problems.push(...(await axeViolations(page, true)).map((v) => `dark: ${v}`));
  return problems;
}

export const newLightPage = async (site: Site, options: Parameters<Site['browser']['newContext']>[0] = {}) =>
  (await site.browser.newContext({ ...options, colorScheme: 'light' })).newPage();

/**
 * Every page in both schemes, with the page policy watched from its load through both checks, in groups
 * small enough that one test never runs into the timeout as the site grows; this file's share is the
 * groups whose index `ours` accepts. Call inside describe.concurrent.
 */
export function everyPageHasNoViolations(site: Site, ours: (group: number) => boolean): void {
  const groups = Array.from({ length: Math.ceil(urls.length / 4) }, (_, i) => urls.slice(i * 4, i * 4 + 4)).filter((_, i) => ours(i));
  it.each(groups.map((group) => [`${group[0]} ... ${group.at(-1)}`, group] as const))(
    'every page has no axe violations, does not scroll sideways at 1280 px, requests nothing from another origin, violates no CSP and logs no error: %s',
    async (_label, group) => {
      const page = await newLightPage(site, { viewport: { width: 1280, height: 900 } });
      let current: string | null = null;
      // The mistyped address is answered 404, which the browser logs as an error: like /404.html, it is
      // left out of the policy check.
      const policy = await watchPolicy(page, site.base, () => (current === MISTYPED ? null : current));
      const problems: string[] = [];
      const wide: string[] = [];
      for (const url of group) {
        current = url;
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(site.base + url);
        await pageReady(page);
        if (url === MISTYPED) await page.locator('[data-did-you-mean] a').first().waitFor();
        const overflow = await sidewaysOverflow(page);
        if (overflow) wide.push(`${url} ${overflow}`);
        problems.push(...(await violationsInBothSchemes(page)).map((v) => `${url} ${v}`));
      }
      await page.context().close();
      expect(problems, 'axe violations').toEqual([]);
      expect(wide, 'pages wider than a 1280 px screen').toEqual([]);
      expect(policy, 'requests to another origin, CSP violations and errors').toEqual([]);
    },
  );
}
