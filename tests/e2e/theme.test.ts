import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';

const site = useSite();

describe('theme', () => {
  it('follows the system by default', async () => {
    const { page } = await site.open('/', { colorScheme: 'dark' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });

  it('a chosen theme persists across pages and is applied before first paint', async () => {
    const { page } = await site.open('/', { colorScheme: 'light' });
    await page.selectOption('#theme-select', 'dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // The inline head script sets the theme before the body is parsed: no flash of the wrong theme.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') (window as unknown as { early: string }).early = document.documentElement.dataset.theme ?? '';
      });
    });
    await page.goto(`${site.base}/glossary/`);
    expect(await page.evaluate(() => (window as unknown as { early: string }).early)).toBe('dark');
    expect(await page.locator('#theme-select').inputValue()).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(17, 20, 24)');
  });
});
