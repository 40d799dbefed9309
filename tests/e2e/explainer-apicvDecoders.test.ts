// The posted-interrupt descriptor and APIC-access exit qualification decoders, keyboard only.
import { describe, expect, it } from 'vitest';
import { handoffUrl } from '../../src/lib/explainers/handoff.ts';
import { press, typeInto } from './keyboard.ts';
import { useSite } from './site.ts';

const site = useSite();
// A hand-off decodes once the explainer's logic has loaded, which can take seconds on a busy machine.
const HANDOFF = { timeout: 15_000 };

describe('APICv decoders', () => {
  it('decodes a posted-interrupt descriptor typed as words, and converts it to bytes', async () => {
    const { page, errors } = await site.open('/apicv/posted-interrupts/');
    const dec = page.locator('[data-decoder="descriptor"]').first();
    const live = dec.locator('[data-live]');
    await dec.locator('form[data-form]').waitFor({ state: 'visible' });

    const text = dec.locator('[data-text]');
    await typeInto(text, '0 0 0 0x0001000000000000 0x0000000000F20003 0 0 0');
    await press(dec.locator('button[type="submit"]'));
    expect(await live.textContent()).toBe('Decoded: PIR vectors: 0xF0. ON 1, SN 1, NV 0xF2, NDST 0x00000000.');

    // Arrow keys move between the radio buttons; the text is rewritten as bytes.
    await press(dec.locator('input[value="words"]'), 'ArrowRight');
    expect(await dec.locator('input[value="bytes"]').isChecked()).toBe(true);
    expect((await text.inputValue()).split('\n')[1]).toBe('00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 00');
    await press(dec.locator('button[type="submit"]'));
    expect(await live.textContent()).toBe('Decoded: PIR vectors: 0xF0. ON 1, SN 1, NV 0xF2, NDST 0x00000000.');

    await typeInto(text, 'hello');
    await press(dec.locator('button[type="submit"]'));
    expect(await live.textContent()).toBe('Cannot decode: "hello" is not hexadecimal.');
    expect(await dec.locator('tbody[data-rows] tr').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('decodes an APIC-access exit qualification on Enter', async () => {
    const { page } = await site.open('/apicv/apic-access-page/');
    const dec = page.locator('[data-decoder="qualification"]').first();
    const live = dec.locator('[data-live]');
    const input = dec.locator('[data-text]');
    await dec.locator('form[data-form]').waitFor({ state: 'visible' });

    await typeInto(input, '0x1300');
    await page.keyboard.press('Enter');
    expect(await live.textContent()).toContain('Decoded: Offset 0x300, APIC_ICR: Interrupt command, low (ICR).');
    expect(await live.textContent()).toContain('TYPE_LINEAR_APIC_INST_WRITE');
    expect(await dec.locator('[data-kvm-text]').textContent()).toContain('kvm_emulate_instruction');

    await typeInto(input, '0xA000');
    await page.keyboard.press('Enter');
    expect(await live.textContent()).toContain('undefined for a guest-physical access');
    expect(await live.textContent()).toContain('TYPE_PHYSICAL_APIC_EVENT');
  });

  it('hand-off: ?qualification= decodes on load and focuses the field; a bad value gets the usual message', async () => {
    const { page, errors } = await site.open(handoffUrl({ kind: 'apic-access', qualification: '0x00000000000010b0' }));
    const dec = page.locator('#apic-access-decoder');
    await expect.poll(() => dec.locator('[data-live]').textContent(), HANDOFF).toContain('Decoded: Offset 0x0B0, APIC_EOI');
    expect(await dec.locator('[data-text]').evaluate((e) => e === document.activeElement)).toBe(true);
    const bad = await site.open('/apicv/apic-access-page/?qualification=12345678901234567#apic-access-decoder');
    await expect.poll(() => bad.page.locator('#apic-access-decoder [data-live]').textContent(), HANDOFF).toContain('Cannot decode:');
    expect(await bad.page.locator('#apic-access-decoder [data-text]').getAttribute('aria-invalid')).toBe('true');
    expect([...errors, ...bad.errors]).toEqual([]);
  });

  it('hand-off: ?descriptor=&format=bytes picks the format and decodes', async () => {
    const bytes = `${'00 '.repeat(30)}01 00 01 00 f2 00 00 00 00 00 ${'00 '.repeat(23)}00`;
    const { page, errors } = await site.open(handoffUrl({ kind: 'pi-descriptor', descriptor: bytes, format: 'bytes' }));
    const dec = page.locator('#pi-descriptor-decoder');
    await expect.poll(() => dec.locator('[data-live]').textContent(), HANDOFF).toBe('Decoded: PIR vectors: 0xF0. ON 1, SN 0, NV 0xF2, NDST 0x00000000.');
    expect(await dec.locator('input[value="bytes"]').isChecked()).toBe(true);
    const bad = await site.open('/apicv/posted-interrupts/?descriptor=1&format=dwords#pi-descriptor-decoder');
    await expect.poll(() => bad.page.locator('#pi-descriptor-decoder [data-live]').textContent(), HANDOFF).toContain('neither "words" nor "bytes"');
    expect([...errors, ...bad.errors]).toEqual([]);
  });
});
