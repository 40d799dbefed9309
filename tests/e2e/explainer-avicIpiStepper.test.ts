// AVIC IPI stepper on /avic/doorbell/, operated with the keyboard only. The step logic is imported when
// the reader first reaches the stepper, so results after a key press are polled for.
import { describe, expect, it } from 'vitest';
import { press, reachExplainer } from './keyboard.ts';
import { recognizePastedOutput } from '../../src/lib/search/pastedOutput.ts';
import { afterPaint, useSite } from './site.ts';

const site = useSite();
// A hand-off decodes once the explainer's logic has loaded, which can take seconds on a busy machine.
const HANDOFF = { timeout: 15_000 };

describe('AVIC IPI stepper', () => {
  it('steps through the running, valid, fixed-edge path', async () => {
    const { page, errors } = await site.open('/avic/doorbell/');
    await reachExplainer(page);
    const st = page.locator('[data-avic-ipi]');
    const visibleSteps = st.locator('[data-steps] > li:visible');
    expect(await visibleSteps.count()).toBe(1);
    expect(await st.locator('[data-position]').textContent()).toBe('Step 1 of 5');

    await press(st.getByRole('button', { name: 'Next step' }), 'Enter', 4);
    await expect.poll(() => visibleSteps.count()).toBe(5);
    expect(await st.locator('[aria-current="step"]').textContent()).toContain('The target takes the interrupt in guest mode');
    await expect.poll(() => st.locator('[data-live]').textContent()).toContain('Outcome: Delivered entirely by the processor');
    expect(await st.locator('[data-outcome]').isVisible()).toBe(true);
    // Next at the end does nothing.
    await page.keyboard.press('Enter');
    await afterPaint(page);
    expect(await st.locator('[data-position]').textContent()).toBe('Step 5 of 5');
    expect(errors).toEqual([]);
  });

  it('Previous steps back, and Previous and Next stay put while stepping', async () => {
    const { page } = await site.open('/avic/doorbell/');
    await reachExplainer(page);
    const st = page.locator('[data-avic-ipi]');
    const nav = st.locator('[data-nav] button');
    await nav.first().waitFor({ state: 'visible' });
    const where = () => nav.evaluateAll((bs) => bs.map((b) => { const r = b.getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y + scrollY)]; }));
    const before = await where();
    await press(st.getByRole('button', { name: 'Next step' }), 'Enter', 3);
    await expect.poll(() => st.locator('[data-position]').textContent()).toBe('Step 4 of 5');
    expect(await where()).toEqual(before);
    await press(st.getByRole('button', { name: 'Previous step' }));
    await expect.poll(() => st.locator('[data-position]').textContent()).toBe('Step 3 of 5');
    expect(await where()).toEqual(before);
  });

  it('target not running: 0x401 TARGET_NOT_RUNNING and KVM kicks the target', async () => {
    const { page } = await site.open('/avic/doorbell/');
    await reachExplainer(page);
    const st = page.locator('[data-avic-ipi]');
    await st.getByLabel('Running (IsRunning = 1)').focus();
    await page.keyboard.press('ArrowDown');
    expect(await st.getByLabel('Not running (IsRunning = 0)').isChecked()).toBe(true);
    await expect.poll(() => st.locator('[data-scenario-name]').textContent()).toBe('Scenario: Fixed, edge-triggered IPI, target not running');
    await expect.poll(() => st.locator('[data-live]').textContent()).toContain('8 steps. Step 1 of 8');

    await press(st.getByRole('button', { name: 'Show all steps' }));
    await expect.poll(() => st.locator('[data-steps] > li:visible').count()).toBe(8);
    const text = await st.locator('[data-steps]').textContent();
    expect(text).toContain('AVIC_INCOMPLETE_IPI');
    expect(text).toContain('avic_kick_target_vcpus()');
    expect(await st.locator('[data-steps] a[href="/avic/exits/#incomplete-ipi-0x401"]').count()).toBe(1);
  });

  it('invalid target disables the running choice; NMI is emulated by KVM', async () => {
    const { page } = await site.open('/avic/doorbell/');
    await reachExplainer(page);
    const st = page.locator('[data-avic-ipi]');
    await st.getByLabel('Valid', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => st.getByLabel('Running (IsRunning = 1)').isDisabled()).toBe(true);
    expect(await st.locator('[data-na]').isVisible()).toBe(true);
    await press(st.getByRole('button', { name: 'Show all steps' }));
    await expect.poll(() => st.locator('[data-steps]').textContent()).toContain('Our inference from names and comments');

    await st.getByLabel('Not valid (no such vCPU)').focus();
    await page.keyboard.press('ArrowUp');
    await st.getByLabel('Delivery mode').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => st.locator('[data-scenario-name]').textContent()).toBe('Scenario: NMI IPI, target running');
    await press(st.getByRole('button', { name: 'Show all steps' }));
    await expect.poll(() => st.locator('[data-steps]').textContent()).toContain('kvm_inject_nmi()');
    expect(await st.locator('[data-outcome]').textContent()).toContain('cause 0, INVALID_INT_TYPE');
  });

  it('hand-off: a pasted kvm_avic_incomplete_ipi line with cause 1 opens the not-running scenario', async () => {
    const matches = recognizePastedOutput('kvm_avic_incomplete_ipi: vcpu=0, icrh:icrl=0x03000000:000000fd, id=1, index=3');
    const stepper = matches.find((m) => m.explainerUrl.startsWith('/avic/doorbell/'));
    const { page, errors } = await site.open(stepper!.explainerUrl);
    await reachExplainer(page);
    const st = page.locator('#avic-ipi-stepper');
    await expect.poll(() => st.locator('[data-scenario-name]').textContent(), HANDOFF).toBe('Scenario: Fixed, edge-triggered IPI, target not running');
    expect(await st.getByLabel('Not running (IsRunning = 0)').isChecked()).toBe(true);
    expect(await st.getByLabel('Delivery mode').evaluate((e) => e === document.activeElement)).toBe(true);
    const bad = await site.open('/avic/doorbell/?delivery=smi#avic-ipi-stepper');
    await expect.poll(() => bad.page.locator('#avic-ipi-stepper [data-scenario-name]').textContent(), HANDOFF).toContain('not one of');
    expect([...errors, ...bad.errors]).toEqual([]);
  });
});
