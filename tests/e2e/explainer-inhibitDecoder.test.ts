// The APICv inhibit-mask decoder, operated with the keyboard only, and its no-JavaScript rendering.
import { describe, expect, it } from 'vitest';
import { typeInto } from './keyboard.ts';
import { useSite } from './site.ts';

const site = useSite();

const PAGE = '/kvm/apicv-inhibits/';

describe('inhibit-mask decoder', () => {
  it('starts on the worked example: the RFC reason at bit 7', async () => {
    const { page, errors } = await site.open(PAGE);
    const dec = page.locator('[data-inhibit-decoder]').first();
    await dec.locator('[data-controls]').waitFor({ state: 'visible' });
    expect(await dec.locator('[data-summary]').textContent()).toBe('The RFC as posted (on 6.5): 0x80 has 1 bit set, L2_PASSTHROUGH_ACCESS.');
    expect(await dec.locator('[data-summary]').getAttribute('aria-live')).toBe('polite');
    expect(await dec.locator('[data-rows] tr').count()).toBe(1);
    expect(await dec.locator('[data-static-caption]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('switching to 6.12 with the keyboard reads the same mask as NESTED and warns', async () => {
    const { page, errors } = await site.open(PAGE);
    const dec = page.locator('[data-inhibit-decoder]').first();
    const select = dec.locator('select[data-version]');
    await select.focus();
    // Options run v6.12, v6.8, v6.6, v6.5, v6.1, rfc-v6.5 (selected), rfc-v6.12.
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    expect(await select.inputValue()).toBe('v6.12');
    await expect.poll(() => dec.locator('[data-summary]').textContent()).toContain('Linux 6.12: 0x80 has 1 bit set, NESTED.');
    expect(await dec.locator('[data-warnings]').textContent()).toContain('per-vCPU');
    expect(await dec.locator('[data-rows] td').nth(2).textContent()).toBe('\u2717 no');
    expect(errors).toEqual([]);
  });

  it('decodes a pasted 6.12 line, and shows an error for text that is not hex', async () => {
    const { page, errors } = await site.open(PAGE);
    const dec = page.locator('[data-inhibit-decoder]').first();
    await dec.locator('select[data-version]').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    const input = dec.locator('input[data-input]');
    expect(await input.evaluate((e) => e === document.activeElement)).toBe(true);

    await typeInto(input, 'kvm_apicv_inhibit_changed: set reason=6, inhibits=0x44 ABSENT|APIC_BASE_MODIFIED');
    await expect.poll(() => dec.locator('[data-summary]').textContent()).toBe('Linux 6.12: 0x44 has 2 bits set, ABSENT, APIC_BASE_MODIFIED.');
    expect(await dec.locator('[data-rows] tr').count()).toBe(2);
    expect(await dec.locator('[data-event]').textContent()).toBe('This event set reason 6 (APIC_BASE_MODIFIED).');
    expect(await dec.locator('[data-warnings] li').count()).toBe(0);

    await typeInto(input, 'zz');
    await expect.poll(() => dec.locator('[data-summary]').textContent()).toContain('not a hexadecimal number');
    expect(await dec.locator('[data-table-wrap]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('without JavaScript shows the worked example and the side-by-side table, not the controls', async () => {
    const { page } = await site.open(PAGE, { javaScriptEnabled: false });
    const dec = page.locator('[data-inhibit-decoder]').first();
    expect(await dec.locator('[data-controls]').isVisible()).toBe(false);
    expect(await dec.locator('[data-static-caption]').textContent()).toContain('inhibits=0x80');
    expect(await dec.locator('[data-rows] tr').count()).toBe(1);
    expect(await dec.locator('[data-rows]').textContent()).toContain('APICV_INHIBIT_REASON_L2_PASSTHROUGH_ACCESS');
    expect(await dec.locator('details.all-versions tbody tr').count()).toBe(13);
  });
});
