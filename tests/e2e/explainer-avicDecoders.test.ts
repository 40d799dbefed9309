// AVIC decoders: operated with the keyboard only on the pages that embed them.
import { describe, expect, it } from 'vitest';
import { typeInto } from './keyboard.ts';
import { handoffUrl } from '../../src/lib/explainers/handoff.ts';
import { recognizePastedOutput } from '../../src/lib/search/pastedOutput.ts';
import { useSite } from './site.ts';

const site = useSite();
// A hand-off decodes once the explainer's logic has loaded, which can take seconds on a busy machine.
const HANDOFF = { timeout: 15_000 };

describe('AVIC decoders', () => {
  it('physical APIC ID table entry: worked example, then a typed value and an invalid one', async () => {
    const { page, errors } = await site.open('/avic/physical-id-table/');
    const dec = page.locator('[data-avic-decoder="physical-id"]');
    const summary = dec.locator('[data-summary]');
    expect(await summary.textContent()).toContain('Valid and running on host APIC ID 4');
    const input = dec.getByLabel('Entry (64-bit hex)');
    await typeInto(input, '0x8000000105E3C007');
    await expect.poll(() => summary.textContent()).toContain('Valid, not running (last host APIC ID 7)');
    expect(await dec.locator('[data-rows]').textContent()).toContain('0x105E3C000');

    await typeInto(input, 'nonsense');
    await expect.poll(() => summary.textContent()).toContain('Not hexadecimal');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await dec.locator('[data-table]').isHidden()).toBe(true);

    await dec.getByRole('button', { name: 'Load the example' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => summary.textContent()).toContain('Valid and running');
    expect(await input.getAttribute('aria-invalid')).toBeNull();
    expect(errors).toEqual([]);
  });

  it('int_ctl: flags undefined bits', async () => {
    const { page, errors } = await site.open('/avic/vmcb-fields/');
    const dec = page.locator('[data-avic-decoder="int-ctl"]');
    await typeInto(dec.getByLabel('int_ctl (32-bit hex)'), '0xC0000010');
    await expect.poll(() => dec.locator('[data-summary]').textContent()).toBe('AVIC on, x2APIC mode (x2AVIC); V_TPR 0; 1 undefined bit set.');
    expect(await dec.locator('tr.flag').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('exits: two instances work independently; switching the exit code loads its example', async () => {
    const { page, errors } = await site.open('/avic/exits/');
    const decs = page.locator('[data-avic-decoder="exit"]');
    expect(await decs.count()).toBe(2);
    const ids = await page.locator('[data-avic-decoder] [id]').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);

    const first = decs.nth(0);
    const second = decs.nth(1);
    expect(await first.locator('[data-summary]').textContent()).toContain('AVIC_IPI_FAILURE_TARGET_NOT_RUNNING');
    expect(await second.locator('[data-summary]').textContent()).toContain('APIC_TMICT');

    // First instance: an x2APIC logical IPI that did not find its target running.
    await first.getByLabel("Sender's APIC mode").focus();
    await page.keyboard.press('End');
    await typeInto(first.getByLabel('EXITINFO1 (64-bit hex)'), '0x00020003:000008fd');
    await expect.poll(() => first.locator('[data-notes]').textContent()).toContain('x2APIC IDs 32, 33');

    // Second instance: a TPR read is a fault.
    await typeInto(second.getByLabel('EXITINFO1 (64-bit hex)'), '0x80');
    await expect.poll(() => second.locator('[data-summary]').textContent()).toBe('0x402 unaccelerated read of 0x080 APIC_TASKPRI: KVM treats it as a fault.');
    expect(await first.locator('[data-notes]').textContent()).toContain('x2APIC IDs 32, 33');

    // Switching the first to 0x402 by keyboard loads the 0x402 example and hides the APIC-mode field.
    await first.getByLabel('Exit code').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => first.locator('[data-summary]').textContent()).toContain('0x402 unaccelerated write of 0x380');
    expect(await first.getByLabel("Sender's APIC mode").isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('hand-off: a pasted kvm_avic_unaccelerated_access line opens the 0x402 decoder with its values', async () => {
    const [match] = recognizePastedOutput('kvm_avic_unaccelerated_access: vcpu=1, offset=0x80(APIC_TASKPRI), fault, read, vec=0x0');
    const { page, errors } = await site.open(match!.explainerUrl);
    const second = page.locator('#avic-exit-402-decoder');
    await expect.poll(() => second.locator('[data-summary]').textContent(), HANDOFF).toBe('0x402 unaccelerated read of 0x080 APIC_TASKPRI: KVM treats it as a fault.');
    expect(await second.getByLabel('EXITINFO1 (64-bit hex)').evaluate((e) => e === document.activeElement)).toBe(true);
    // The 0x401 decoder on the same page keeps its example.
    expect(await page.locator('#avic-exit-401-decoder [data-summary]').textContent()).toContain('AVIC_IPI_FAILURE_TARGET_NOT_RUNNING');
    expect(errors).toEqual([]);
  });

  it('hand-off: int_ctl and physical-ID values; bad values and exit codes get the decoder\'s message', async () => {
    const { page, errors } = await site.open(handoffUrl({ kind: 'avic-int-ctl', value: '0xC0000010' }));
    await expect.poll(() => page.locator('#avic-int-ctl-decoder [data-summary]').textContent(), HANDOFF).toBe('AVIC on, x2APIC mode (x2AVIC); V_TPR 0; 1 undefined bit set.');
    const phys = await site.open(handoffUrl({ kind: 'avic-physical-id', value: 'nonsense' }));
    await expect.poll(() => phys.page.locator('#avic-physical-id-decoder [data-summary]').textContent(), HANDOFF).toContain('Not hexadecimal');
    const exit = await site.open('/avic/exits/?exit=0x403&info1=1#avic-exit-401-decoder');
    await expect.poll(() => exit.page.locator('#avic-exit-401-decoder [data-summary]').textContent(), HANDOFF).toContain('not 0x401 or 0x402');
    expect([...errors, ...phys.errors, ...exit.errors]).toEqual([]);
  });
});
