// The APICv inhibit-mask decoder, operated with the keyboard only, and its no-JavaScript rendering.
import { describe, expect, it } from 'vitest';
import { handoffUrl } from '../../src/lib/explainers/handoff.ts';
import { press, typeInto } from './keyboard.ts';
import { useSite } from './site.ts';

const site = useSite();
// A hand-off decodes once the explainer's logic has loaded, which can take seconds on a busy machine.
const HANDOFF = { timeout: 15_000 };

const PAGE = '/kvm/apicv-inhibits/';

describe('inhibit-mask decoder', () => {
  it('opens on Linux 6.12 with a 6.12 line; the RFC demo is one key press away', async () => {
    const { page, errors } = await site.open(PAGE);
    const dec = page.locator('[data-inhibit-decoder]').first();
    await dec.locator('[data-controls]').waitFor({ state: 'visible' });
    expect(await dec.locator('select[data-version]').inputValue()).toBe('v6.12');
    expect(await dec.locator('[data-summary]').textContent()).toBe('Linux 6.12: 0x200 has 1 bit set, PIT_REINJ. 1 warning.');
    expect(await dec.locator('[data-rows] tr').count()).toBe(1);
    await press(dec.getByRole('button', { name: /Load the RFC example/ }));
    expect(await dec.locator('select[data-version]').inputValue()).toBe('rfc-v6.5');
    expect(await dec.locator('[data-summary]').textContent()).toBe('The RFC as posted (on 6.5): 0x80 has 1 bit set, L2_PASSTHROUGH_ACCESS.');
    expect(await dec.locator('[data-summary]').getAttribute('aria-live')).toBe('polite');
    expect(await dec.locator('[data-rows] tr').count()).toBe(1);
    expect(await dec.locator('[data-static-caption]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('switching from the RFC example to 6.12 with the keyboard reads the same mask as NESTED and warns', async () => {
    const { page, errors } = await site.open(PAGE);
    const dec = page.locator('[data-inhibit-decoder]').first();
    await press(dec.getByRole('button', { name: /Load the RFC example/ }));
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
    expect(await dec.locator('[data-static-caption]').textContent()).toContain('inhibits=0x200 PIT_REINJ');
    expect(await dec.locator('[data-rows] tr').count()).toBe(1);
    expect(await dec.locator('[data-rows]').textContent()).toContain('APICV_INHIBIT_REASON_PIT_REINJ');
    expect(await dec.locator('details.all-versions tbody tr').count()).toBe(13);
  });

  it('hand-off: a link from search fills the line and version, decodes, and focuses the decoder', async () => {
    const input = 'kvm_apicv_inhibit_changed: set reason=6, inhibits=0x44 ABSENT|APIC_BASE_MODIFIED';
    const { page, errors } = await site.open(handoffUrl({ kind: 'inhibit', input, kernel: 'v6.12' }));
    const dec = page.locator('#inhibit-decoder');
    const field = dec.locator('input[data-input]');
    await expect.poll(() => field.inputValue(), HANDOFF).toBe(input);
    await expect.poll(() => dec.locator('[data-summary]').textContent(), HANDOFF).toBe('Linux 6.12: 0x44 has 2 bits set, ABSENT, APIC_BASE_MODIFIED.');
    expect(await dec.locator('[data-event]').textContent()).toBe('This event set reason 6 (APIC_BASE_MODIFIED).');
    expect(await field.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await dec.locator('.explainer-title').isVisible()).toBe(true);
    expect(await dec.evaluate((e) => e.getBoundingClientRect().top)).toBeLessThan(200);
    expect(errors).toEqual([]);
  });

  it('hand-off with a bad value or kernel shows the decoder\'s own message, not an exception', async () => {
    const { page, errors } = await site.open('/kvm/apicv-inhibits/?inhibit=%3Cimg%20src%3Dx%3E#inhibit-decoder');
    const dec = page.locator('#inhibit-decoder');
    await expect.poll(() => dec.locator('[data-summary]').textContent(), HANDOFF).toContain('is not a hexadecimal number');
    expect(await page.locator('.doc-body img[src="x"]').count()).toBe(0);
    const other = await site.open('/kvm/apicv-inhibits/?inhibit=0x80&kernel=v2.6#inhibit-decoder');
    await expect.poll(() => other.page.locator('#inhibit-decoder [data-summary]').textContent(), HANDOFF).toContain('does not know');
    expect([...errors, ...other.errors]).toEqual([]);
  });
});
