// The failure-scenario stepper, operated with the keyboard only, and its no-JavaScript rendering.
import { describe, expect, it } from 'vitest';
import { reachExplainer } from './keyboard.ts';
import { useSite } from './site.ts';

const site = useSite();

const PAGE = '/rfc/failure-scenario/';

describe('failure-scenario stepper', () => {
  it('steps to the fault, switches to the RFC, and shows the added inhibit step', async () => {
    const { page, errors } = await site.open(PAGE);
    await reachExplainer(page);
    const st = page.locator('[data-rfc-stepper]').first();
    await st.locator('[data-controls]').waitFor({ state: 'visible' });
    const visible = () => st.locator('li[data-step]:visible');
    const live = st.locator('[data-live]');

    expect(await st.locator('[data-position]').textContent()).toBe('Step 1 of 9');
    expect(await visible().count()).toBe(1);
    expect(await visible().getAttribute('data-step')).toBe('memslot');

    const next = st.locator('button[data-next]');
    await next.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    expect(await visible().getAttribute('data-step')).toBe('hide');
    expect(await live.textContent()).toBe('Without the RFC: step 5 of 9, The private memslot is hidden from L2.');

    // Radio group: arrow keys move the choice and fire change.
    await st.locator('input[data-variant-radio][value="base"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await st.locator('input[data-variant-radio][value="rfc"]').isChecked()).toBe(true);
    expect(await st.locator('[data-position]').textContent()).toBe('Step 5 of 11');
    expect(await visible().getAttribute('data-step')).toBe('hide');

    await next.focus();
    await page.keyboard.press('Enter');
    expect(await visible().getAttribute('data-step')).toBe('rfc-inhibit');
    expect(await visible().textContent()).toContain('Added by the RFC');
    expect(await live.textContent()).toBe('With the RFC: step 6 of 11, The RFC: inhibit APICv on this fault.');

    // Back to "without": an RFC-only step maps to the fault step it follows.
    await st.locator('input[data-variant-radio][value="rfc"]').focus();
    await page.keyboard.press('ArrowUp');
    expect(await visible().getAttribute('data-step')).toBe('hide');
    expect(errors).toEqual([]);
  });

  it('Previous and Next stay put on every step', async () => {
    const { page } = await site.open(PAGE);
    await reachExplainer(page);
    const st = page.locator('[data-rfc-stepper]').first();
    await st.locator('[data-controls]').waitFor({ state: 'visible' });
    const where = () => st.locator('button[data-prev], button[data-next]').evaluateAll((bs) => bs.map((b) => { const r = b.getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y + scrollY)]; }));
    const before = await where();
    for (let i = 0; i < 8; i++) {
      await st.locator('button[data-next]').focus();
      await page.keyboard.press('Enter');
      expect(await where()).toEqual(before);
    }
    await st.locator('button[data-prev]').focus();
    await page.keyboard.press('Enter');
    expect(await st.locator('[data-position]').textContent()).toBe('Step 8 of 9');
    expect(await where()).toEqual(before);
  });

  it('Previous is inert on the first step and Next on the last', async () => {
    const { page } = await site.open(PAGE);
    await reachExplainer(page);
    const st = page.locator('[data-rfc-stepper]').first();
    await st.locator('[data-controls]').waitFor({ state: 'visible' });
    expect(await st.locator('button[data-prev]').getAttribute('aria-disabled')).toBe('true');
    await st.locator('button[data-next]').focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('Enter');
    expect(await st.locator('[data-position]').textContent()).toBe('Step 9 of 9');
    expect(await st.locator('button[data-next]').getAttribute('aria-disabled')).toBe('true');
    expect(await st.locator('li[data-step]:visible').getAttribute('data-step')).toBe('outcome');
    expect(await st.locator('li[data-step]:visible .analysis').textContent()).toContain('not confirmed');
  });

  it('without JavaScript lists every step of both variants, each shared step once and the others marked', async () => {
    const { page } = await site.open(PAGE, { javaScriptEnabled: false });
    const st = page.locator('[data-rfc-stepper]').first();
    expect(await st.locator('[data-controls]').isVisible()).toBe(false);
    expect(await st.locator('[data-variant-note]').isVisible()).toBe(true);
    expect(await st.locator('li[data-step]:visible').count()).toBe(12);
    expect(await st.locator('li[data-variants~="base"]:visible').count()).toBe(9);
    expect(await st.locator('li[data-variants~="rfc"]:visible').count()).toBe(11);
    // Every step only one variant has says which: three by the RFC, the outcome as merged.
    const marked = await st.locator('li[data-step]').evaluateAll((lis) =>
      lis.filter((li) => (li as HTMLElement).dataset.variants !== 'base rfc').map((li) => li.querySelector('.badge')?.textContent));
    expect(marked).toEqual(['Added by the RFC', 'Added by the RFC', 'Without the RFC', 'Changed by the RFC']);
  });
});
