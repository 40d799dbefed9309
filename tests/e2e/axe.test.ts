import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distPages } from '../dist/distSite.ts';
import { startSite, type Site } from './site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const urls = distPages().map((p) => p.url).filter((u) => u !== '/404.html');

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`every page has no violations in ${scheme} mode`, async () => {
      const context = await site.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const url of [...urls, '/no-such-page/']) {
        await page.goto(site.base + url, { waitUntil: 'networkidle' });
        // Expressive Code marks overflowing code blocks focusable after layout settles.
        await page.waitForTimeout(400);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        });
        problems.push(...violations.map((v) => `${url} ${v}`));
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});
