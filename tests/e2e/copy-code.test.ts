import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';

const site = useSite();

describe('code blocks', () => {
  it('a block that scrolls sideways is a tab stop while it scrolls, and only then', async () => {
    const { page, errors } = await site.open('/apicv/observing/', { viewport: { width: 375, height: 800 } });
    const scrolls = () => page.locator('.expressive-code pre').evaluateAll((pres) => pres.map((p) => [p.scrollWidth > p.clientWidth, p.getAttribute('tabindex'), p.getAttribute('role')]));
    await expect.poll(async () => (await scrolls()).every(([over, tab]) => (over ? tab === '0' : tab === null))).toBe(true);
    expect((await scrolls()).some(([over]) => over)).toBe(true);
    // Keyboard scrolling: focus the first block that overflows and press the right arrow.
    const pre = page.locator('.expressive-code pre[tabindex="0"]').first();
    await pre.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => pre.evaluate((p) => p.scrollLeft)).toBeGreaterThan(0);
    // Wider: blocks that now fit lose the tab stop (and some that scrolled at 375 px do fit).
    const narrow = await scrolls();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(async () => (await scrolls()).every(([over, tab, role]) => (over ? tab === '0' : tab === null && role === null))).toBe(true);
    expect((await scrolls()).some(([over], i) => narrow[i]![0] && !over)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the copy button copies the block line by line, by keyboard, and says so to screen readers', async () => {
    const { page, errors } = await site.open('/kvm/fault-path/', { permissions: ['clipboard-read', 'clipboard-write'] });
    const figure = page.locator('.expressive-code figure').first();
    const button = figure.locator('button.copy-code');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await figure.locator('[role="status"]').textContent()).toBe('Code copied to the clipboard');
    // Said to screen readers only: the announcement takes no room on screen.
    expect(await figure.locator('[role="status"]').evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    const lines = await figure.locator('.ec-line').allTextContents();
    expect(lines.length).toBeGreaterThan(2);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(lines.join('\n'));
    expect(errors).toEqual([]);
  });

  it('no code block carries a second copy of its code in the HTML', async () => {
    const { page } = await site.open('/kvm/fault-path/');
    expect(await page.locator('[data-code]').count()).toBe(0);
    expect(await page.locator('.expressive-code figure').count()).toBe(await page.locator('button.copy-code').count());
  });
});
