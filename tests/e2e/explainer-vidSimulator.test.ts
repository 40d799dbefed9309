// The virtual-interrupt delivery simulator, operated with the keyboard only.
import { describe, expect, it } from 'vitest';
import { press, typeInto } from './keyboard.ts';
import { useSite } from './site.ts';

const site = useSite();

const VID = '/apicv/virtual-interrupt-delivery/';

describe('virtual-interrupt delivery simulator', () => {
  it('steps through evaluation, delivery, TPR and EOI virtualization to an EOI-induced exit', async () => {
    const { page, errors } = await site.open(VID);
    const sim = page.locator('[data-vid-sim]').first();
    const field = (key: string) => sim.locator(`[data-field="${key}"]`);
    const live = sim.locator('[data-live]');
    const button = (act: string) => sim.locator(`button[data-act="${act}"]`);

    await sim.locator('[data-controls]').waitFor({ state: 'visible' });
    expect(await sim.locator('details[data-example]').getAttribute('open')).toBeNull();

    await press(button('example-next'));
    expect(await live.textContent()).toContain('Example step 1. VM entry: PPR virtualization leaves VPPR at 0x40, then the processor evaluates: RVI 0x61 is in priority class 6');
    expect(await field('recognized').textContent()).toBe('yes, 0x61');

    await press(button('example-next'), ' ');
    expect(await field('rvi').textContent()).toBe('0x31');
    expect(await field('svi').textContent()).toBe('0x61');
    expect(await field('vppr').textContent()).toBe('0x60');
    expect(await field('visr').textContent()).toBe('0x61');
    expect(await sim.locator('[data-changed="svi"]').isVisible()).toBe(true);

    // Lowering TPR does not unmask 0x31: VPPR follows SVI (0x61 in service).
    await typeInto(sim.locator('[data-input="tpr"]'), '0x00');
    await press(button('tpr'));
    expect(await field('vppr').textContent()).toBe('0x60');
    expect(await field('recognized').textContent()).toBe('no');

    // EOI of 0x61: no exit (not in the bitmap), VPPR drops to VTPR and 0x31 is recognised.
    await press(button('eoi'));
    expect(await field('svi').textContent()).toBe('0x00');
    expect(await field('recognized').textContent()).toBe('yes, 0x31');
    expect(await field('exit').textContent()).toBe('none');

    await press(button('deliver'));
    expect(await field('svi').textContent()).toBe('0x31');
    expect(await field('virr').textContent()).toBe('none');

    // 0x31 is in the example's EOI-exit bitmap: its EOI exits with reason 45.
    await press(button('eoi'));
    expect(await field('exit').textContent()).toBe('45 (EOI_INDUCED), qualification 0x31');
    expect(await live.textContent()).toContain('EOI-induced VM exit (reason 45)');
    expect(await sim.locator('[data-log] li').count()).toBe(6);
    expect(errors).toEqual([]);
  });

  it('self-IPI, posting and posted-interrupt processing; bad input gives a message', async () => {
    const { page } = await site.open(VID);
    const sim = page.locator('[data-vid-sim]').first();
    const field = (key: string) => sim.locator(`[data-field="${key}"]`);
    const live = sim.locator('[data-live]');
    const button = (act: string) => sim.locator(`button[data-act="${act}"]`);
    const vector = sim.locator('[data-input="vector"]');

    await sim.locator('[data-controls]').waitFor({ state: 'visible' });
    await press(button('clear'));
    expect(await field('virr').textContent()).toBe('none');

    await typeInto(vector, '0x71');
    await press(button('self-ipi'));
    expect(await field('rvi').textContent()).toBe('0x71');
    expect(await field('recognized').textContent()).toBe('yes, 0x71');

    await typeInto(vector, '0x0f');
    await press(button('self-ipi'));
    expect(await field('exit').textContent()).toBe('56 (APIC_WRITE), qualification 0x3F0');

    await typeInto(vector, '45');
    await press(button('post'));
    expect(await field('pir').textContent()).toBe('0x45');
    expect(await field('on').textContent()).toBe('1');
    await press(button('notify'));
    expect(await field('pir').textContent()).toBe('none');
    expect(await field('on').textContent()).toBe('0');
    expect(await field('virr').textContent()).toBe('0x45, 0x71');

    await typeInto(vector, 'zz');
    await press(button('toggle-virr'));
    expect(await live.textContent()).toContain('is not a hex byte');
    expect(await vector.getAttribute('aria-invalid')).toBe('true');
    expect(await field('virr').textContent()).toBe('0x45, 0x71');
  });

  it('without JavaScript, shows the start state and the worked example', async () => {
    const { page } = await site.open(VID, { javaScriptEnabled: false });
    const sim = page.locator('[data-vid-sim]').first();
    expect(await sim.locator('[data-controls]').isVisible()).toBe(false);
    expect(await sim.locator('[data-field="rvi"]').textContent()).toBe('0x61');
    expect(await sim.locator('details[data-example] tbody tr').count()).toBe(13);
    expect(await sim.locator('details[data-example]').textContent()).toContain('EOI-induced VM exit (reason 45)');
  });

  it('Previous takes a step back; the controls stay put through every example step; the figure lights the box the step is at', async () => {
    const { page, errors } = await site.open(VID);
    const sim = page.locator('[data-vid-sim]').first();
    await sim.locator('[data-controls]').waitFor({ state: 'visible' });
    const buttons = sim.locator('[data-controls] button');
    const boxes = () => buttons.evaluateAll((bs) => bs.map((b) => { const r = b.getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y + scrollY)]; }));
    const before = await boxes();
    const next = sim.locator('button[data-act="example-next"]');
    const lit = () => page.locator('figure[data-figure="vidpipeline"] svg.wide [data-step].active').evaluateAll((gs) => gs.map((g) => (g as SVGGElement).dataset.step));

    await press(next);
    expect(await lit()).toEqual(['3']);
    await press(next);
    expect(await lit()).toEqual(['4']);
    expect(await sim.locator('[data-field="svi"]').textContent()).toBe('0x61');
    await press(sim.locator('button[data-act="previous"]'));
    expect(await sim.locator('[data-field="svi"]').textContent()).toBe('0x00');
    expect(await sim.locator('[data-field="recognized"]').textContent()).toBe('yes, 0x61');
    expect(await lit()).toEqual(['3']);
    expect(await next.textContent()).toBe('Next example step (2 of 13)');
    for (let i = 0; i < 12; i++) {
      await press(next);
      expect(await boxes(), `after step ${i + 2}`).toEqual(before);
    }
    // Step 13 is the EOI of 0x31, which is in the EOI-exit bitmap: the exit branch lights.
    expect(await lit()).toEqual(['6', '7', 'set']);
    await press(sim.locator('button[data-act="previous"]'), 'Enter', 13);
    expect(await sim.locator('button[data-act="previous"]').getAttribute('aria-disabled')).toBe('true');
    expect(await sim.locator('[data-field="rvi"]').textContent()).toBe('0x61');
    expect(await boxes()).toEqual(before);
    expect(errors).toEqual([]);
  });
});
