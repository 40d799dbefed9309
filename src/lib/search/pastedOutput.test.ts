// One case per format the kernel prints (arch/x86/kvm/trace.h in Linux 6.12.118), written from the
// TP_printk format strings, plus bare exit reasons, inhibit masks and input that is none of them.
import { describe, expect, it } from 'vitest';
import { readHandoff, type HandoffKind } from '../explainers/handoff.ts';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { recognizePastedOutput } from './pastedOutput.ts';
import { mayBePastedOutput } from './pastedOutputCues.ts';

/** The hand-off the explainer would read from a match's URL. */
function handoffOf(url: string, kind: HandoffKind) {
  const u = new URL(url, 'http://site.test');
  return readHandoff(kind, u.hash.slice(1), u.search, u.hash);
}

/**
 * The recogniser, checking on every input of these tests that the search UI would have loaded it: text
 * it recognises anything in must pass mayBePastedOutput, or search would never show the card.
 */
function recognize(text: string) {
  const found = recognizePastedOutput(text);
  if (found.length) expect(mayBePastedOutput(text), text).toBe(true);
  return found;
}

describe('tracepoint lines', () => {
  it('kvm_apicv_inhibit_changed from 6.12, with the ftrace prefix and the printed names', () => {
    const line = '  qemu-system-x86-4021  [003] .....  1234.567890: kvm_apicv_inhibit_changed: set reason=9, inhibits=0x200 PIT_REINJ';
    const [m, ...rest] = recognize(line);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({
      explainerTitle: 'Inhibit-mask decoder',
      tracepoint: 'kvm_apicv_inhibit_changed',
      label: 'Tracepoint kvm_apicv_inhibit_changed: set reason 9 (PIT_REINJ on Linux 6.12), inhibits 0x200 = PIT_REINJ',
    });
    // The reason by its code name and by the name the trace prints, one thing.
    expect(m!.terms).toContainEqual(['APICV_INHIBIT_REASON_PIT_REINJ', 'PIT_REINJ']);
    expect(m!.explainerUrl).toMatch(/^\/kvm\/apicv-inhibits\/\?.*#inhibit-decoder$/);
    expect(handoffOf(m!.explainerUrl, 'inhibit')).toEqual({
      ok: true,
      handoff: { kind: 'inhibit', input: 'kvm_apicv_inhibit_changed: set reason=9, inhibits=0x200 PIT_REINJ', kernel: 'v6.12' },
    });
  });

  it('kvm_apicv_inhibit_changed from a kernel that prints only the mask (the example of the issue)', () => {
    const [m] = recognize('kvm_apicv_inhibit_changed: set reason=9, inhibits=0x200');
    expect(handoffOf(m!.explainerUrl, 'inhibit')).toEqual({ ok: true, handoff: { kind: 'inhibit', input: 'kvm_apicv_inhibit_changed: set reason=9, inhibits=0x200' } });
    expect(m!.terms).toContainEqual(['APICV_INHIBIT_REASON_PIT_REINJ', 'PIT_REINJ']);
  });

  it('a cleared event that leaves the mask empty', () => {
    const [m] = recognize('kvm_apicv_inhibit_changed: cleared reason=2, inhibits=0x0');
    expect(m!.label).toBe('Tracepoint kvm_apicv_inhibit_changed: cleared reason 2 (ABSENT on Linux 6.12), inhibits 0x0');
  });

  it('kvm_avic_incomplete_ipi: ICR into EXITINFO1, cause and index into EXITINFO2, and the IPI stepper', () => {
    const ms = recognize('kvm_avic_incomplete_ipi: vcpu=0, icrh:icrl=0x03000000:000000fd, id=1, index=3');
    expect(ms.map((m) => m.explainerTitle)).toEqual(['AVIC exit decoder (0x401)', 'AVIC IPI delivery, step by step']);
    expect(ms[0]!.label).toBe('Tracepoint kvm_avic_incomplete_ipi: cause 1 (AVIC_IPI_FAILURE_TARGET_NOT_RUNNING), index 3, ICR 0x03000000:000000fd');
    expect(handoffOf(ms[0]!.explainerUrl, 'avic-exit')).toEqual({
      ok: true,
      handoff: { kind: 'avic-exit', exitCode: 0x401, info1: '0x03000000000000fd', info2: '0x100000003' },
    });
    expect(handoffOf(ms[1]!.explainerUrl, 'avic-ipi')).toEqual({ ok: true, handoff: { kind: 'avic-ipi', running: false, valid: true, delivery: 'fixed-edge' } });
    expect(ms[0]!.terms).toContainEqual(['AVIC_IPI_FAILURE_TARGET_NOT_RUNNING']);
  });

  it('kvm_avic_incomplete_ipi for an NMI that AVIC does not accelerate (cause 0)', () => {
    const ms = recognize('kvm_avic_incomplete_ipi: vcpu=2, icrh:icrl=0x01000000:00000400, id=0, index=1');
    expect(handoffOf(ms[1]!.explainerUrl, 'avic-ipi')).toEqual({ ok: true, handoff: { kind: 'avic-ipi', running: true, valid: true, delivery: 'nmi' } });
  });

  it('kvm_avic_unaccelerated_access: offset and write bit into EXITINFO1, vector into EXITINFO2', () => {
    const [m, ...rest] = recognize('kvm_avic_unaccelerated_access: vcpu=1, offset=0x380(APIC_TMICT), trap, write, vec=0x0');
    expect(rest).toEqual([]);
    expect(m!.label).toBe('Tracepoint kvm_avic_unaccelerated_access: offset 0x380 (APIC_TMICT), write');
    expect(handoffOf(m!.explainerUrl, 'avic-exit')).toEqual({ ok: true, handoff: { kind: 'avic-exit', exitCode: 0x402, info1: '0x100000380', info2: '0x0' } });
  });

  it('kvm_avic_kick_vcpu_slowpath: only reached for TARGET_NOT_RUNNING', () => {
    const [m] = recognize('kvm_avic_kick_vcpu_slowpath: icrh:icrl=0xff000000:000000fd, index=0');
    expect(handoffOf(m!.explainerUrl, 'avic-exit')).toEqual({ ok: true, handoff: { kind: 'avic-exit', exitCode: 0x401, info1: '0xff000000000000fd', info2: '0x100000000' } });
  });

  it('kvm_exit on VMX (6.12 format): the nested exit explorer, for EPT_MISCONFIG', () => {
    const ms = recognize('kvm_exit: vcpu 0 reason EPT_MISCONFIG rip 0xffffffff81000000 info1 0x0000000000000000 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000');
    expect(ms).toHaveLength(1);
    expect(ms[0]!.label).toBe('Tracepoint kvm_exit: exit reason 49 EPT_MISCONFIG (if L2 was running)');
    expect(ms[0]!.terms).toEqual([['kvm_exit'], ['EXIT_REASON_EPT_MISCONFIG', 'EPT_MISCONFIG']]);
    expect(handoffOf(ms[0]!.explainerUrl, 'nested-exit')).toEqual({ ok: true, handoff: { kind: 'nested-exit', exit: 49 } });
  });

  it('kvm_exit in the older format without the vCPU, as the issue quotes it', () => {
    const ms = recognize('kvm_exit: reason EPT_MISCONFIG rip 0xffffffffa0012345 info 0 0');
    expect(handoffOf(ms[0]!.explainerUrl, 'nested-exit')).toEqual({ ok: true, handoff: { kind: 'nested-exit', exit: 49 } });
  });

  it('kvm_nested_vmexit with APIC_ACCESS: the qualification decoder gets info1', () => {
    const ms = recognize('kvm_nested_vmexit: vcpu 1 reason APIC_ACCESS rip 0xffffffff8106a1b2 info1 0x00000000000010b0 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000');
    expect(ms.map((m) => m.explainerTitle)).toEqual(['APIC-access exit qualification decoder', 'Who handles this exit? (nested VMX)']);
    expect(handoffOf(ms[0]!.explainerUrl, 'apic-access')).toEqual({ ok: true, handoff: { kind: 'apic-access', qualification: '0x00000000000010b0' } });
    expect(ms[1]!.label).toContain('exit from L2');
  });

  it('kvm_exit on SVM: avic_incomplete_ipi with info1 and info2', () => {
    const [m] = recognize('kvm_exit: vcpu 0 reason avic_incomplete_ipi rip 0xffffffff8105c8e6 info1 0x03000000000000fd info2 0x0000000100000003 intr_info 0x00000000 error_code 0x00000000');
    expect(handoffOf(m!.explainerUrl, 'avic-exit')).toEqual({
      ok: true,
      handoff: { kind: 'avic-exit', exitCode: 0x401, info1: '0x03000000000000fd', info2: '0x0000000100000003' },
    });
  });

  it('kvm_nested_vmexit_inject: an exit reflected to L1', () => {
    const [m] = recognize('kvm_nested_vmexit_inject: reason: EPT_VIOLATION ext_inf1: 0x0000000000000181 ext_inf2: 0x0000000000000000 ext_int: 0x00000000 ext_int_err: 0x00000000');
    expect(m!.label).toBe('Tracepoint kvm_nested_vmexit_inject: exit reason 48 EPT_VIOLATION (exit reflected to L1)');
  });

  it('several pasted lines give one match per explainer URL', () => {
    const ms = recognize(
      'kvm_apicv_inhibit_changed: set reason=9, inhibits=0x200\nkvm_exit: vcpu 0 reason EPT_MISCONFIG rip 0x1 info1 0x0 info2 0x0\nkvm_exit: vcpu 0 reason EPT_MISCONFIG rip 0x1 info1 0x0 info2 0x0',
    );
    expect(ms.map((m) => m.tracepoint)).toEqual(['kvm_apicv_inhibit_changed', 'kvm_exit']);
  });
});

describe('bare values', () => {
  it('exit reason names, with or without EXIT_REASON_', () => {
    for (const q of ['EPT_MISCONFIG', 'EXIT_REASON_EPT_MISCONFIG', 'why do I see EPT_MISCONFIG exits']) {
      const ms = recognize(q);
      expect(ms.map((m) => m.explainerUrl)).toEqual(['/nested/nested-vmx/?exit=49#nested-exit-explorer']);
    }
  });

  it('exit reason numbers and one-word names only next to "exit reason"', () => {
    expect(recognize('exit reason 44')[0]!.label).toBe('VMX exit reason 44 APIC_ACCESS: who handles it while L2 runs');
    expect(recognize('basic exit reason 12')[0]!.explainerUrl).toBe('/nested/nested-vmx/?exit=12#nested-exit-explorer');
    expect(recognize('HLT exit from L2')[0]!.explainerUrl).toBe('/nested/nested-vmx/?exit=12#nested-exit-explorer');
    expect(recognize('HLT')).toEqual([]);
    expect(recognize('CPUID')).toEqual([]);
    expect(recognize('44')).toEqual([]);
  });

  it('SVM exit codes 0x401 and 0x402, by number or name', () => {
    expect(recognize('0x401').map((m) => m.explainerUrl)).toEqual(['/avic/exits/?exit=0x401#avic-exit-401-decoder']);
    expect(recognize('SVM_EXIT_AVIC_UNACCELERATED_ACCESS').map((m) => m.explainerUrl)).toEqual(['/avic/exits/?exit=0x402#avic-exit-402-decoder']);
    expect(recognize('avic_incomplete_ipi vs 0x402').map((m) => m.label)).toEqual(['SVM exit code 0x401 AVIC_INCOMPLETE_IPI', 'SVM exit code 0x402 AVIC_UNACCELERATED_ACCESS']);
  });

  it('an inhibit mask', () => {
    const [m] = recognize('inhibits=0x44');
    expect(m!.label).toBe('Inhibit mask inhibits 0x44 = ABSENT|APIC_BASE_MODIFIED');
    expect(m!.explainerUrl).toBe('/kvm/apicv-inhibits/?inhibit=0x44#inhibit-decoder');
    expect(recognize('apicv inhibit mask 0x80')[0]!.explainerUrl).toBe('/kvm/apicv-inhibits/?inhibit=0x80#inhibit-decoder');
  });
});

describe('bad input', () => {
  it.each([
    '',
    'posted interrupts',
    'what happens to an interrupt meant for L1 when the vCPU is running L2',
    'kvm_set_apicv_inhibit',
    'APICV_INHIBIT_REASON_HYPERV',
    '0x4010',
    'kvm_exit: vcpu 0 reason CR_ACCESS rip 0x1 info1 0x0 info2 0x0',
    'kvm_exit: vcpu 0 reason',
    'kvm_mmio: mmio write len 4 gpa 0xfee000b0 val 0x0',
    '<script>alert(1)</script> kvm_avic_incomplete_ipi',
    '\u{1F600} 仮想割り込み',
    '.*+?^${}()|[]\\',
  ])('%j: no match and no exception', (q) => {
    expect(recognize(q)).toEqual([]);
  });

  it('a damaged inhibit line still goes to the decoder, which explains what is wrong', () => {
    const [m] = recognize('kvm_apicv_inhibit_changed: set reason=9, inhibits=0xZZ');
    expect(m!.label).toContain('the decoder says what it cannot read');
  });

  it('a 2,000-character query and a huge paste return quickly with at most the first lines read', () => {
    expect(recognize('a'.repeat(2000))).toEqual([]);
    const lines = Array.from({ length: 500 }, (_, i) => `kvm_exit: vcpu ${i} reason HLT rip 0x1 info1 0x0 info2 0x0`).join('\n');
    expect(recognize(lines)).toHaveLength(1);
    expect(recognize('kvm_exit: ' + 'reason '.repeat(10000))).toEqual([]);
  });
});

describe('mayBePastedOutput: whether the UI loads the recogniser', () => {
  it('passes every trace line of the search question set (the recogniser reads those an explainer decodes)', () => {
    const questions = yaml.load(readFileSync('tests/search/questions.yaml', 'utf8')) as { query: string; kind: string }[];
    const traces = questions.filter((q) => q.kind === 'trace').map((q) => q.query);
    expect(traces.length).toBeGreaterThan(20);
    for (const line of traces) expect(mayBePastedOutput(line), line).toBe(true);
  });

  it('turns away most questions and keywords of the question set, which then never load the explainers’ tables', () => {
    const questions = yaml.load(readFileSync('tests/search/questions.yaml', 'utf8')) as { query: string; kind: string }[];
    const plain = questions.filter((q) => q.kind === 'question' || q.kind === 'keyword').map((q) => q.query);
    // A few name an exit ("EOI exit bitmap", "which KVM exit counters"): loading for those costs only bytes.
    expect(plain.filter(mayBePastedOutput).length).toBeLessThan(plain.length / 20);
    for (const q of ['why was the patch rejected', 'posted interrupts', 'kvm_set_apicv_inhibit', 'what is exit 44', 'RVI']) expect(mayBePastedOutput(q), q).toBe(false);
  });
});
