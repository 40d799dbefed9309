// Each test names the rule it checks in arch/x86/kvm/vmx/nested.c ("nested.c" below).
// Line references: 6.12.118 (Debian's linux-source-6.12).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import {
  ALL_LINKS,
  DEFAULT_QUERY,
  EXITS,
  RULES,
  SCENARIOS,
  entryCheck,
  evaluate,
  shortVerdict,
  vmcs02InterceptsX2apicMsr,
  type Query,
  type Vmcs12,
} from './nestedExitExplorer.ts';
import { kernelTreeVersion } from '../kernelVersion.ts';
import { LINUX_6_12_TREE_READ } from './kernelTree.ts';

// A valid vmcs12 with every relevant control off.
const OFF: Vmcs12 = {
  extIntExiting: false,
  intrWindowExiting: false,
  hltExiting: false,
  tprShadow: false,
  msrBitmaps: false,
  virtApicAccesses: false,
  ept: false,
  virtX2apic: false,
  apicRegVirt: false,
  vid: false,
};
// The smallest valid vmcs12 with VID: VID needs external-interrupt exiting and the TPR shadow (nested_exit_on_intr()
// and CPU_BASED_TPR_SHADOW checks, nested.c:827, 845).
const VID_OK: Partial<Vmcs12> = { vid: true, extIntExiting: true, tprShadow: true };

function q(exit: number, v: Partial<Vmcs12> = {}, rest: Partial<Omit<Query, 'exit' | 'vmcs12'>> = {}): Query {
  return { exit, vmcs12: { ...OFF, ...v }, msr: 0x830, l1InterceptsMsr: false, hvL2TlbFlush: false, ...rest };
}
const who = (query: Query) => evaluate(query).verdict;

describe('nested_vmx_reflect_vmexit(): L0 first, then L1 (nested_vmx_l0_wants_exit(), nested.c:6641-6647)', () => {
  it('asks nested_vmx_l0_wants_exit() first and stops there when L0 wants the exit', () => {
    const o = evaluate(q(48, { ept: true }));
    expect(o.steps.map((s) => [s.fn, s.answer])).toEqual([['nested_vmx_l0_wants_exit()', true]]);
  });
  it('asks nested_vmx_l1_wants_exit() second when L0 does not want it', () => {
    const o = evaluate(q(10));
    expect(o.steps.map((s) => [s.fn, s.answer])).toEqual([
      ['nested_vmx_l0_wants_exit()', false],
      ['nested_vmx_l1_wants_exit()', true],
    ]);
    expect(o.steps[0]!.at).toBe('nested.c:6480-6483'); // the `default:` case
  });
});

describe('EXTERNAL_INTERRUPT (1): nested_vmx_l0_wants_exit() returns true (nested.c:6436-6437)', () => {
  it('L0 keeps it when vmcs12 has external-interrupt exiting', () => {
    const o = evaluate(q(1, { extIntExiting: true }));
    expect(o.verdict).toBe('L0');
    expect(o.rule?.at).toBe('nested.c:6436-6437'); // EXTERNAL_INTERRUPT
    expect(o.notes.join(' ')).toContain('makes up a new EXTERNAL_INTERRUPT exit to L1'); // nested.c:4392-4410
  });
  it('L0 keeps it when vmcs12 has no external-interrupt exiting; L1\'s interrupts go into L2 (nested_exit_on_intr(), nested.c:4397-4398)', () => {
    const o = evaluate(q(1, { extIntExiting: false }));
    expect(o.verdict).toBe('L0');
    expect(o.notes.join(' ')).toContain('injects it into L2');
  });
});

describe('INTERRUPT_WINDOW (7): vmcs12 interrupt-window exiting (nested.c:6509-6510)', () => {
  it('reflected to L1 when vmcs12 sets the control', () => expect(who(q(7, { intrWindowExiting: true }))).toBe('L1'));
  it('L0 handles it when vmcs12 does not (the window was L0\'s, vmx_enable_irq_window(), vmx.c:4960-4963)', () => {
    const o = evaluate(q(7));
    expect(o.verdict).toBe('L0');
    expect(o.rule?.at).toBe('nested.c:6509-6510'); // CPU_BASED_INTR_WINDOW_EXITING
  });
});

describe('CPUID (10): always L1 (EXIT_REASON_CPUID, nested.c:6515-6516)', () => {
  it('reflected whatever vmcs12 says', () => {
    expect(who(q(10))).toBe('L1');
    expect(who(q(10, { hltExiting: true, msrBitmaps: true }))).toBe('L1');
  });
});

describe('HLT (12): vmcs12 HLT exiting (CPU_BASED_HLT_EXITING, nested.c:6517-6518)', () => {
  it('reflected to L1 with HLT exiting', () => expect(who(q(12, { hltExiting: true }))).toBe('L1'));
  it('L0 handles it without; the exit still happens because vmcs01 requires HLT exiting (CPU_BASED_HLT_EXITING, vmx/vmx.h:545-546)', () => {
    const o = evaluate(q(12));
    expect(o.verdict).toBe('L0');
    expect(o.canOccur).toBe(true);
  });
});

describe('EXIT_REASON_VMCALL (18): Hyper-V case in L0 (nested.c:6473-6479), else always L1 (nested.c:6537-6546)', () => {
  it('reflected to L1 for an ordinary VMCALL', () => {
    const o = evaluate(q(18));
    expect(o.verdict).toBe('L1');
    expect(o.rule?.at).toBe('nested.c:6537-6546'); // EXIT_REASON_VMCALL
  });
  it('L0 handles a Hyper-V L2 TLB-flush hypercall that L1 enabled', () => {
    const o = evaluate(q(18, {}, { hvL2TlbFlush: true }));
    expect(o.verdict).toBe('L0');
    expect(o.rule?.at).toBe('nested.c:6473-6479'); // EXIT_REASON_VMCALL
  });
});

describe('MSR_READ (31) / MSR_WRITE (32) of x2APIC MSRs: nested_vmx_exit_handled_msr() (nested.c:6242-6273)', () => {
  for (const exit of [31, 32]) {
    it(`${exit}: reflected to L1 when vmcs12 uses no MSR bitmap (CPU_BASED_USE_MSR_BITMAPS, nested.c:6249-6250)`, () => {
      const o = evaluate(q(exit, { msrBitmaps: false }));
      expect(o.verdict).toBe('L1');
      expect(o.rule?.at).toBe('nested.c:6249-6250'); // CPU_BASED_USE_MSR_BITMAPS
    });
    it(`${exit}: reflected to L1 when L1's bitmap bit is set (vmcs12->msr_bitmap, nested.c:6257-6270)`, () =>
      expect(who(q(exit, { msrBitmaps: true }, { l1InterceptsMsr: true }))).toBe('L1'));
    it(`${exit}: L0 handles it when L1's bitmap bit is clear; it emulates L1's own APIC`, () => {
      const o = evaluate(q(exit, { msrBitmaps: true }, { l1InterceptsMsr: false }));
      expect(o.verdict).toBe('L0');
      expect(o.rule?.at).toBe('nested.c:6257-6270'); // vmcs12->msr_bitmap
      expect(o.canOccur).toBe(true); // no virtualize x2APIC mode: vmcs02 intercepts 0x800-0x8FF (enable_x2apic_msr_intercepts(), nested.c:684)
      expect(o.notes.join(' ')).toContain('L1\u2019s APIC');
    });
  }
  it('the reason names the half of the bitmap: write half for MSR_WRITE (nested.c:6258-6259)', () => {
    expect(evaluate(q(32, { msrBitmaps: true }, { msr: 0x80b })).reason).toContain('writes to 0x80B');
    expect(evaluate(q(31, { msrBitmaps: true }, { msr: 0x808 })).reason).toContain('reads of 0x808');
  });
  it('MSRs outside 0x800-0x8FF are not modelled', () => {
    expect(who(q(31, {}, { msr: 0x1b }))).toBe('not-modelled');
    expect(who(q(32, {}, { msr: Number.NaN }))).toBe('not-modelled');
  });
});

describe('vmcs02 MSR bitmap for x2APIC MSRs: nested_vmx_prepare_msr_bitmap() (nested.c:644-746)', () => {
  const x2 = { ...OFF, msrBitmaps: true, virtX2apic: true, tprShadow: true };
  it('no bitmap in vmcs12: vmcs02 uses none (CPU_BASED_USE_MSR_BITMAPS, nested.c:653-656)', () =>
    expect(vmcs02InterceptsX2apicMsr({ ...OFF }, 0x808, false, false)).toBeNull());
  it('without virtualize x2APIC mode every x2APIC MSR stays intercepted (enable_x2apic_msr_intercepts(), nested_cpu_has_virt_x2apic_mode(), nested.c:684, 686)', () =>
    expect(vmcs02InterceptsX2apicMsr({ ...OFF, msrBitmaps: true }, 0x808, true, false)).toBe(true));
  it('L1 intercepting keeps the intercept (vmx_test_msr_bitmap_read(), nested.c:593-597)', () =>
    expect(vmcs02InterceptsX2apicMsr(x2, 0x808, true, true)).toBe(true));
  it('TPR 0x808 read and write pass when L1 does not intercept (APIC_TASKPRI, nested.c:701-704)', () => {
    expect(vmcs02InterceptsX2apicMsr(x2, 0x808, false, false)).toBe(false);
    expect(vmcs02InterceptsX2apicMsr(x2, 0x808, true, false)).toBe(false);
  });
  it('other reads pass only with APIC-register virtualization (nested_cpu_has_apic_reg_virt(), nested.c:687-699)', () => {
    expect(vmcs02InterceptsX2apicMsr(x2, 0x830, false, false)).toBe(true);
    expect(vmcs02InterceptsX2apicMsr({ ...x2, apicRegVirt: true }, 0x830, false, false)).toBe(false);
  });
  it('EOI and SELF IPI writes pass only with VID (nested_cpu_has_vid(), nested.c:706-715)', () => {
    expect(vmcs02InterceptsX2apicMsr(x2, 0x80b, true, false)).toBe(true);
    expect(vmcs02InterceptsX2apicMsr({ ...x2, vid: true }, 0x80b, true, false)).toBe(false);
    expect(vmcs02InterceptsX2apicMsr({ ...x2, vid: true }, 0x83f, true, false)).toBe(false);
  });
  it('ICR writes are never passed through for L2 (no nested_vmx_disable_intercept_for_x2apic_msr() for them, nested.c:686-716)', () =>
    expect(vmcs02InterceptsX2apicMsr({ ...x2, vid: true, apicRegVirt: true }, 0x830, true, false)).toBe(true));
  it('when the hole is open, the MSR exit does not occur though the code would give it to L0', () => {
    const o = evaluate(q(32, { msrBitmaps: true, virtX2apic: true, ...VID_OK }, { msr: 0x80b }));
    expect(o.verdict).toBe('L0');
    expect(o.canOccur).toBe(false);
  });
});

describe('TPR_BELOW_THRESHOLD (43): vmcs12 use TPR shadow (nested.c:6572-6573)', () => {
  it('reflected to L1 with the TPR shadow, and possible without VID', () => {
    const o = evaluate(q(43, { tprShadow: true }));
    expect(o.verdict).toBe('L1');
    expect(o.canOccur).toBe(true);
  });
  it('L0 by the code without the TPR shadow, but the exit cannot occur (vmcs02 has no CPU_BASED_TPR_SHADOW, nested.c:2405-2406)', () => {
    const o = evaluate(q(43));
    expect(o.verdict).toBe('L0');
    expect(o.canOccur).toBe(false);
  });
  it('does not occur with VID, which does not use the threshold (SDM)', () => {
    const o = evaluate(q(43, VID_OK));
    expect(o.verdict).toBe('L1');
    expect(o.canOccur).toBe(false);
  });
});

describe('APIC_ACCESS (44), EOI_INDUCED (45), APIC_WRITE (56): always L1 (nested.c:6574-6582)', () => {
  it('44 is reflected with virtualize APIC accesses, and possible', () => {
    const o = evaluate(q(44, { virtApicAccesses: true }));
    expect([o.verdict, o.canOccur, o.rule?.at]).toEqual(['L1', true, 'nested.c:6574-6582']); // APIC_ACCESS
  });
  it('44 cannot occur without virtualize APIC accesses in vmcs12 (SECONDARY_EXEC_VIRTUALIZE_APIC_ACCESSES, nested.c:2441-2455)', () =>
    expect(evaluate(q(44)).canOccur).toBe(false));
  it('45 is reflected and possible with VID', () => {
    const o = evaluate(q(45, VID_OK));
    expect([o.verdict, o.canOccur]).toEqual(['L1', true]);
  });
  it('45 cannot occur without VID', () => expect(evaluate(q(45, { tprShadow: true })).canOccur).toBe(false));
  it('56 is possible with virtualize APIC accesses plus APIC-register virtualization', () => {
    const o = evaluate(q(56, { virtApicAccesses: true, apicRegVirt: true, tprShadow: true }));
    expect([o.verdict, o.canOccur]).toEqual(['L1', true]);
  });
  it('56 is possible with virtualize x2APIC mode plus VID', () =>
    expect(evaluate(q(56, { virtX2apic: true, ...VID_OK })).canOccur).toBe(true));
  it('56 cannot occur with only virtualize APIC accesses (TPR writes are virtualized without exit 56)', () =>
    expect(evaluate(q(56, { virtApicAccesses: true })).canOccur).toBe(false));
});

describe('EPT_VIOLATION (48), EPT_MISCONFIG (49): always L0 (nested.c:6440-6455)', () => {
  for (const ept of [true, false]) {
    it(`48 stays in L0 with EPT ${ept ? 'on' : 'off'} in vmcs12`, () => {
      const o = evaluate(q(48, { ept }));
      expect(o.verdict).toBe('L0');
      expect(o.rule?.at).toBe('nested.c:6440-6447'); // EPT_VIOLATION
    });
    it(`49 stays in L0 with EPT ${ept ? 'on' : 'off'} in vmcs12`, () => {
      const o = evaluate(q(49, { ept }));
      expect(o.verdict).toBe('L0');
      expect(o.rule?.at).toBe('nested.c:6448-6455'); // EPT_MISCONFIG
    });
  }
  it('with nested EPT, a miss in EPT12 becomes a new exit L0 makes up (nested_ept_inject_page_fault, nested.c:416-485)', () =>
    expect(evaluate(q(48, { ept: true })).notes.join(' ')).toContain('nested_ept_inject_page_fault'));
  it('EPT_MISCONFIG links to the RFC failure scenario', () =>
    expect(evaluate(q(49)).links.map((l) => l.href)).toContain('/rfc/failure-scenario/#7-later-accesses-ept-misconfigurations'));
});

describe('VM-entry checks: nested_vmx_check_apicv_controls() (nested.c:806-849)', () => {
  it('nothing to check without x2APIC virtualization, register virtualization or VID (nested_cpu_has_vid() and the like, nested.c:809-813)', () =>
    expect(entryCheck({ ...OFF, virtApicAccesses: true })).toBeNull());
  it('virtualize x2APIC mode with virtualize APIC accesses fails (nested_cpu_has_virt_x2apic_mode(), nested.c:819-821)', () => {
    const o = evaluate(q(10, { virtX2apic: true, virtApicAccesses: true, tprShadow: true }));
    expect(o.verdict).toBe('entry-fails');
    expect(o.rule?.at).toBe('nested.c:819-821'); // nested_cpu_has_virt_x2apic_mode()
  });
  it('VID without external-interrupt exiting fails (nested_exit_on_intr(), nested.c:827-828)', () =>
    expect(evaluate(q(45, { vid: true, tprShadow: true })).rule?.at).toBe('nested.c:827-828')); // nested_exit_on_intr()
  it('APIC-register virtualization without the TPR shadow fails (CPU_BASED_TPR_SHADOW, nested.c:845-846)', () =>
    expect(evaluate(q(44, { virtApicAccesses: true, apicRegVirt: true })).rule?.at).toBe('nested.c:845-846')); // CPU_BASED_TPR_SHADOW
});

describe('inputs the model does not cover', () => {
  it('an exit reason not offered is reported as not modelled, without throwing', () => {
    for (const exit of [0, 2, 9999, -1, Number.NaN]) {
      const o = evaluate(q(exit));
      expect(o.verdict).toBe('not-modelled');
      expect(o.headline).toBe('Not modelled');
    }
  });
});

describe('worked example (no-JS table)', () => {
  const row = (exit: number) => SCENARIOS.map((s) => shortVerdict(evaluate({ exit, ...s.scenario })));
  it('both scenarios pass the VM-entry checks', () => {
    for (const s of SCENARIOS) expect(entryCheck(s.scenario.vmcs12)).toBeNull();
  });
  it('APIC exits belong to L1 under APICv and do not occur under passthrough', () => {
    expect(row(44)).toEqual(['L1', 'L1 (does not occur)']);
    expect(row(45)).toEqual(['L1', 'L1 (does not occur)']);
    expect(row(56)).toEqual(['L1', 'L1 (does not occur)']);
  });
  it('an x2APIC ICR write goes to L1 under APICv and to L0 under passthrough', () => expect(row(32)).toEqual(['L1', 'L0']));
  it('the default state is an APIC-access exit reflected to L1', () => expect(evaluate(DEFAULT_QUERY).verdict).toBe('L1'));
  it('offers at least the exits the brief lists', () =>
    expect(EXITS.map((e) => e.code)).toEqual(expect.arrayContaining([1, 7, 10, 12, 18, 31, 32, 43, 44, 45, 48, 49, 56])));
});

describe('links', () => {
  it('every link the explorer can show points at an existing page and heading', () => {
    for (const link of ALL_LINKS) {
      const [path, hash] = link.href.split('#') as [string, string | undefined];
      const file = join(import.meta.dirname, '../../../content/docs', `${path.replace(/^\/|\/$/g, '')}.mdx`);
      const text = readFileSync(file, 'utf8');
      if (hash) {
        const slugger = new GithubSlugger();
        const slugs = [...text.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slugger.slug(m[1]!.replace(/`/g, '')));
        expect(slugs, link.href).toContain(hash);
      }
    }
  });
});

describe('line numbers against a kernel tree', () => {
  // A Linux 6.12 tree, if one is at hand (e.g. Debian's linux-source-6.12 unpacked): LINUX_6_12_TREE.
  // The test's name says the exact version it ran against; it accepts only the recorded one.
  const treeDir = process.env.LINUX_6_12_TREE ?? '';
  const treeVersion = treeDir && existsSync(join(treeDir, 'Makefile')) ? kernelTreeVersion(treeDir) : 'no tree';
  it.skipIf(treeVersion === 'no tree')(`every rule\u2019s line range in the ${treeVersion} tree (recorded: ${LINUX_6_12_TREE_READ}) holds the code the rule quotes`, () => {
    expect(treeVersion, `the line numbers were read at ${LINUX_6_12_TREE_READ}: re-read this tree and update kernelTree.ts`).toBe(LINUX_6_12_TREE_READ);
    const lines = readFileSync(join(treeDir, 'arch/x86/kvm/vmx/nested.c'), 'utf8').split('\n');
    for (const r of RULES) {
      const m = /^nested\.c:(\d+)-(\d+)$/.exec(r.at);
      expect(m, r.at).not.toBeNull();
      const text = lines.slice(Number(m![1]) - 1, Number(m![2])).join('\n');
      // Each identifier of four or more characters in the quoted excerpt must occur in the cited lines.
      for (const word of r.code.match(/[A-Za-z_]\w{3,}/g) ?? []) expect(text, `${r.fn} ${r.at}: ${word}`).toContain(word);
    }
  });
});
