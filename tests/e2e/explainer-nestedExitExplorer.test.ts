import { describe, expect, it } from 'vitest';
import { recognizePastedOutput } from '../../src/lib/search/pastedOutput.ts';
import { useSite } from './site.ts';

// The "who handles this exit?" explorer on the nested VMX page, operated with the keyboard only.
const site = useSite();
// A hand-off decodes once the explainer's logic has loaded, which can take seconds on a busy machine.
const HANDOFF = { timeout: 15_000 };

const PAGE = '/nested/nested-vmx/';

describe('nested exit explorer', () => {
  it('without JavaScript shows the default verdict and the table of every exit', async () => {
    const { page } = await site.open(PAGE, { javaScriptEnabled: false });
    const root = page.locator('[data-nested-exit-explorer]').first();
    expect(await root.locator('[data-nee-summary]').textContent()).toContain('Reflected to L1');
    expect(await root.locator('table tbody tr').count()).toBe(13);
    expect(await root.locator('table').textContent()).toContain('does not occur');
    expect(await root.locator('button[data-scenario]').first().isVisible()).toBe(false);
  });

  it('choosing an exit and settings with the keyboard updates the verdict', async () => {
    const { page, errors } = await site.open(PAGE);
    const root = page.locator('[data-nested-exit-explorer]').first();
    const summary = root.locator('[data-nee-summary]');
    const details = root.locator('[data-nee-details]');
    expect(await summary.getAttribute('aria-live')).toBe('polite');

    // 44 APIC_ACCESS -> 45 -> 48 -> 49 EPT_MISCONFIG: L0 always keeps it.
    await root.locator('select[name="exit"]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => summary.textContent()).toContain('L0 (KVM) handles it');
    expect(await details.textContent()).toContain('nested.c:6448-6455');
    expect(await details.locator('a[href="/rfc/failure-scenario/#7-later-accesses-ept-misconfigurations"]').count()).toBe(1);

    // Load the passthrough settings with Enter, then 49 -> 48 -> 45 -> 44 -> 43 -> 32 MSR_WRITE.
    await root.locator('button[data-scenario="passthrough"]').focus();
    await page.keyboard.press('Enter');
    await root.locator('select[name="exit"]').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    await expect.poll(() => summary.textContent()).toContain('does not intercept writes to 0x830');
    expect(await summary.textContent()).toContain('L0 (KVM) handles it');
    expect(await details.textContent()).toContain('L1\u2019s APIC');

    // Space on "L1's MSR bitmap intercepts this access": now L1 wants it.
    await root.locator('input[name="l1InterceptsMsr"]').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => summary.textContent()).toContain('Reflected to L1');

    // VID without external-interrupt exiting and TPR shadow breaks nested_vmx_check_apicv_controls().
    await root.locator('input[name="vid"]').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => summary.textContent()).toContain('VM-entry to L2 fails');
    expect(await details.textContent()).toContain('nested.c:827-828');
    expect(errors).toEqual([]);
  });

  it('hand-off: a pasted kvm_nested_vmexit line selects its exit reason and answers', async () => {
    const matches = recognizePastedOutput('kvm_nested_vmexit: vcpu 0 reason EPT_MISCONFIG rip 0xffffffff81000000 info1 0x0000000000000000 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000');
    const { page, errors } = await site.open(matches[0]!.explainerUrl);
    const root = page.locator('#nested-exit-explorer');
    await expect.poll(() => root.locator('select[name="exit"]').inputValue(), HANDOFF).toBe('49');
    await expect.poll(() => root.locator('[data-nee-summary]').textContent(), HANDOFF).toContain('L0 (KVM) handles it');
    expect(await root.locator('select[name="exit"]').evaluate((e) => e === document.activeElement)).toBe(true);
    const bad = await site.open('/nested/nested-vmx/?exit=CR_ACCESS#nested-exit-explorer');
    await expect.poll(() => bad.page.locator('#nested-exit-explorer [data-nee-summary]').textContent(), HANDOFF).toContain('does not model');
    expect([...errors, ...bad.errors]).toEqual([]);
  });
});
