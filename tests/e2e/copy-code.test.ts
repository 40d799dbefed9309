import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';

const site = useSite();

describe('copy button on code blocks', () => {
  it('copies the block line by line, by keyboard, and says so to screen readers', async () => {
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
