import { describe, expect, it } from 'vitest';
import { decodeIncompleteIpi, parseHex } from './avicDecoders.ts';
import {
  announce,
  clampStep,
  DEFAULT_SCENARIO,
  ICR_LOW,
  OUTCOME_SCENARIOS,
  parseScenario,
  walkthrough,
  type Delivery,
  type Scenario,
} from './avicIpiStepper.ts';

const ids = (s: Scenario) => walkthrough(s).steps.map((x) => x.id);
const ALL: Scenario[] = (['fixed-edge', 'fixed-level', 'nmi', 'init'] as Delivery[]).flatMap((delivery) =>
  [true, false].flatMap((valid) => [true, false].map((running) => ({ running, valid, delivery }))),
);

describe('fixed, edge-triggered IPI to a valid target', () => {
  it('running: table lookup, IRR, signal to the host CPU, delivery; no exit', () => {
    const w = walkthrough({ running: true, valid: true, delivery: 'fixed-edge' });
    expect(w.steps.map((s) => s.id)).toEqual(['icr-write', 'table-lookup', 'set-irr', 'doorbell', 'delivered']);
    expect(w.exit).toBeNull();
    expect(w.outcome).toContain('no #VMEXIT');
  });
  it('not running: IRR set, then 0x401 TARGET_NOT_RUNNING, and KVM kicks the target', () => {
    const w = walkthrough({ running: false, valid: true, delivery: 'fixed-edge' });
    expect(w.steps.map((s) => s.id)).toEqual(['icr-write', 'table-lookup', 'set-irr', 'exit-not-running', 'kvm-handler', 'kick', 'wake', 'resume']);
    expect(w.exit).toEqual({
      code: 0x401,
      cause: 1,
      causeName: 'AVIC_IPI_FAILURE_TARGET_NOT_RUNNING',
      exitInfo1: '0x03000000:000000FD',
      exitInfo2: '0x00000001:00000003',
    });
    expect(w.steps.find((s) => s.id === 'kvm-handler')!.text).toContain('avic_kick_target_vcpus()');
    expect(w.steps.find((s) => s.id === 'wake')!.text).toContain('kvm_vcpu_wake_up()');
  });
  it('the exit information it shows decodes, with the decoder, to the same cause and index', () => {
    const w = walkthrough({ running: false, valid: true, delivery: 'fixed-edge' });
    const i1 = parseHex(w.exit!.exitInfo1, 64);
    const i2 = parseHex(w.exit!.exitInfo2, 64);
    if (!i1.ok || !i2.ok) throw new Error('unparsable');
    const d = decodeIncompleteIpi(i1.value, i2.value, 'xapic-flat');
    expect(d.summary).toContain('AVIC_IPI_FAILURE_TARGET_NOT_RUNNING');
    expect(d.notes.join(' ')).toContain('kvm_get_vcpu_by_id()');
  });
});

describe('what the KVM comments do and do not promise about the processor', () => {
  const step = (id: string) => walkthrough({ running: true, valid: true, delivery: 'fixed-edge' }).steps.find((s) => s.id === id)!;
  it('the IRR step does not present IRR-before-IsRunning as a guarantee; it names the barrier comment and erratum #1235', () => {
    const t = step('set-irr').text;
    expect(t).not.toMatch(/writes the IRR before it reads IsRunning/);
    expect(t).toContain('needs a barrier');
    expect(t).toContain('erratum #1235');
  });
  it('IsRunning is explained as "loaded", set and cleared only by avic_vcpu_load()/avic_vcpu_put()', () => {
    const t = step('doorbell').text;
    expect(t).toContain('loaded');
    expect(t).toContain('avic_vcpu_put()');
    expect(t).toContain('not on VM entry or exit');
  });
});

describe('invalid target', () => {
  it('fixed edge: 0x401 INVALID_TARGET, KVM emulates, no vCPU matches; running does not apply', () => {
    for (const running of [true, false]) {
      const w = walkthrough({ running, valid: false, delivery: 'fixed-edge' });
      expect(w.steps.map((s) => s.id)).toEqual(['icr-write', 'table-lookup', 'exit-invalid-target', 'kvm-emulate', 'no-target']);
      expect(w.exit?.cause).toBe(2);
      expect(w.runningApplies).toBe(false);
    }
  });
  it('the cause-2 mapping is labelled as our inference', () => {
    const w = walkthrough({ running: true, valid: false, delivery: 'fixed-edge' });
    expect(w.steps.find((s) => s.id === 'exit-invalid-target')!.basis).toBe('inferred');
  });
  it('other delivery modes: emulated and dropped, cause 0 or 2 left open', () => {
    const w = walkthrough({ running: false, valid: false, delivery: 'nmi' });
    expect(w.steps.map((s) => s.id)).toEqual(['icr-write', 'exit-int-type', 'kvm-emulate', 'no-target']);
    expect(w.exit?.causeName).toContain('not stated which');
    expect(w.runningApplies).toBe(false);
  });
});

describe('delivery modes AVIC does not accelerate', () => {
  it('fixed level, running: 0x401 INVALID_INT_TYPE, KVM sets the IRR and rings the doorbell', () => {
    const w = walkthrough({ running: true, valid: true, delivery: 'fixed-level' });
    expect(w.steps.map((s) => s.id)).toEqual(['icr-write', 'exit-int-type', 'kvm-emulate', 'kvm-accept', 'kvm-doorbell']);
    expect(w.exit?.cause).toBe(0);
    expect(w.steps.find((s) => s.id === 'kvm-accept')!.text).toContain('svm_deliver_interrupt()');
  });
  it('fixed level, not running: KVM wakes the target', () => {
    expect(ids({ running: false, valid: true, delivery: 'fixed-level' }).at(-1)).toBe('kvm-wake');
  });
  it('NMI and INIT: kvm_vcpu_kick(), which forces a running target out or wakes a blocked one', () => {
    for (const delivery of ['nmi', 'init'] as const) {
      expect(ids({ running: true, valid: true, delivery })).toEqual(['icr-write', 'exit-int-type', 'kvm-emulate', 'kvm-accept', 'kvm-kick-running']);
      expect(ids({ running: false, valid: true, delivery }).at(-1)).toBe('kvm-kick-blocked');
    }
    expect(walkthrough({ running: true, valid: true, delivery: 'nmi' }).steps[3]!.text).toContain('kvm_inject_nmi()');
    expect(walkthrough({ running: true, valid: true, delivery: 'init' }).steps[3]!.text).toContain('KVM_APIC_INIT');
  });
  it('the ICR of each mode decodes to the intended delivery mode and trigger', () => {
    const expectMode: Record<Delivery, [number, boolean]> = { 'fixed-edge': [0, false], 'fixed-level': [0, true], nmi: [4, false], init: [5, true] };
    for (const [d, [mode, level]] of Object.entries(expectMode)) {
      const icrl = ICR_LOW[d as Delivery];
      expect((icrl >> 8) & 7, d).toBe(mode);
      expect((icrl & 0x8000) !== 0, d).toBe(level);
    }
  });
});

describe('every path', () => {
  it('starts with the ICR write and never claims processor behaviour as KVM code', () => {
    for (const s of ALL) {
      const w = walkthrough(s);
      expect(w.steps[0]!.id).toBe('icr-write');
      for (const step of w.steps) {
        if (step.actor === 'cpu') expect(['kvm-comment', 'inferred'], step.id).toContain(step.basis);
        expect(step.source, step.id).toMatch(/\.[ch]:\d+/);
        expect(step.text.length, step.id).toBeGreaterThan(40);
      }
    }
  });
  it('links only to existing AVIC pages', () => {
    const allowed = /^\/avic\/(doorbell|exits|physical-id-table)\/(#[a-z0-9_-]+)?$/;
    for (const s of ALL) for (const step of walkthrough(s).steps) if (step.link) expect(step.link.href).toMatch(allowed);
  });
  it('an exit is reported exactly when the processor cannot finish the IPI', () => {
    for (const s of ALL) expect(walkthrough(s).exit === null, JSON.stringify(s)).toBe(s.valid && s.running && s.delivery === 'fixed-edge');
  });
  it('outcome table covers the distinct paths', () => {
    const paths = new Set(OUTCOME_SCENARIOS.map((s) => ids(s).join(',')));
    expect(paths.size).toBe(OUTCOME_SCENARIOS.length);
  });
});

describe('stepping helpers', () => {
  it('clampStep keeps the index in range', () => {
    expect(clampStep(-1, 5)).toBe(0);
    expect(clampStep(7, 5)).toBe(4);
    expect(clampStep(2.6, 5)).toBe(2);
    expect(clampStep(3, 0)).toBe(0);
  });
  it('announce names the position and actor, and the outcome on the last step', () => {
    const w = walkthrough(DEFAULT_SCENARIO);
    expect(announce(w, 0)).toMatch(/^Step 1 of 5, Guest, vCPU 0: The sender writes its ICR\./);
    expect(announce(w, 0)).not.toContain('Outcome:');
    expect(announce(w, 4)).toContain('Outcome: Delivered entirely by the processor');
    expect(announce(w, 99)).toContain('Step 5 of 5');
  });
  it('parseScenario reads form values and falls back to the default delivery', () => {
    expect(parseScenario('no', 'yes', 'nmi')).toEqual({ running: false, valid: true, delivery: 'nmi' });
    expect(parseScenario('yes', 'no', 'bogus')).toEqual({ running: true, valid: false, delivery: 'fixed-edge' });
  });
});
