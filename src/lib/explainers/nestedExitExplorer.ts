// "Who handles this exit?": models how KVM (L0) routes a VM exit that happens while L2 runs, following
// nested_vmx_reflect_vmexit() in arch/x86/kvm/vmx/nested.c at Linux 6.12.118. Pure data and functions, no DOM.
//
// Line references: 6.12.118 (Debian's linux-source-6.12, the tree the site's facts notes use; LINUX_6_12_TREE_READ
// in kernelTree.ts). They can differ by a few lines from upstream v6.12. "nested.c" is arch/x86/kvm/vmx/nested.c.
//
// Order of the decision, nested.c:6617-6667 (nested_vmx_reflect_vmexit):
//   1. nested_vmx_l0_wants_exit() true  -> L0 handles it            (nested.c:6641-6643)
//   2. nested_vmx_l1_wants_exit() false -> L0 handles it            (nested.c:6645-6647)
//   3. otherwise nested_vmx_vmexit() emulates the exit into L1      (nested.c:6665)
// It is called from __vmx_handle_exit() for every exit while is_guest_mode() (vmx.c:6469-6508); in guest mode
// only the preemption-timer exit may take the fastpath (vmx.c:7264-7270), so every exit modelled here does.
//
// Not modelled (the UI says so): exception/NMI exits, posted interrupts, the enlightened VMCS (except the
// VMCALL case below), a failed read of L1's MSR bitmap (kvm_vcpu_read_guest() fails, KVM then reflects,
// nested.c:6268-6269), late VM-fail (`vmx->fail`, nested.c:6630-6637), invalid L2 guest state
// (`vmx->emulation_required`, vmx.c:6501-6504), and every exit reason not in EXITS.

/** The exits offered. Codes: arch/x86/include/uapi/asm/vmx.h (line after each). */
export const EXITS = [
  { code: 1, name: 'EXTERNAL_INTERRUPT' }, // uapi/asm/vmx.h:33
  { code: 7, name: 'INTERRUPT_WINDOW' }, // uapi/asm/vmx.h:38
  { code: 10, name: 'CPUID' }, // EXIT_REASON_CPUID, uapi/asm/vmx.h:41
  { code: 12, name: 'HLT' }, // EXIT_REASON_HLT, uapi/asm/vmx.h:42
  { code: 18, name: 'VMCALL' }, // EXIT_REASON_VMCALL, uapi/asm/vmx.h:47
  { code: 31, name: 'MSR_READ' }, // uapi/asm/vmx.h:60
  { code: 32, name: 'MSR_WRITE' }, // uapi/asm/vmx.h:61
  { code: 43, name: 'TPR_BELOW_THRESHOLD' }, // uapi/asm/vmx.h:69
  { code: 44, name: 'APIC_ACCESS' }, // uapi/asm/vmx.h:70
  { code: 45, name: 'EOI_INDUCED' }, // uapi/asm/vmx.h:71
  { code: 48, name: 'EPT_VIOLATION' }, // uapi/asm/vmx.h:74
  { code: 49, name: 'EPT_MISCONFIG' }, // uapi/asm/vmx.h:75
  { code: 56, name: 'APIC_WRITE' }, // uapi/asm/vmx.h:82
] as const;

/**
 * x2APIC MSRs offered for exits 31/32. MSR = APIC_BASE_MSR (0x800, apicdef.h:150) + (xAPIC offset >> 4)
 * (X2APIC_MSR(), kvm/vmx/vmx.h:20). Offsets: APIC_ID 0x20 (apicdef.h:30), APIC_TASKPRI 0x80 (:44),
 * APIC_EOI 0xB0 (:49), APIC_ICR 0x300 (:77), APIC_SELF_IPI 0x3F0 (:126).
 */
export const MSRS = [
  { msr: 0x802, name: 'ID' },
  { msr: 0x808, name: 'TPR' },
  { msr: 0x80b, name: 'EOI' },
  { msr: 0x830, name: 'ICR' },
  { msr: 0x83f, name: 'SELF IPI' },
] as const;
const MSR_TPR = 0x808;
const MSR_EOI = 0x80b;
const MSR_SELF_IPI = 0x83f;

/** The vmcs12 controls the reader sets (what L1 wrote with VMWRITE). */
export interface Vmcs12 {
  extIntExiting: boolean;
  intrWindowExiting: boolean;
  hltExiting: boolean;
  tprShadow: boolean;
  msrBitmaps: boolean;
  virtApicAccesses: boolean;
  ept: boolean;
  virtX2apic: boolean;
  apicRegVirt: boolean;
  vid: boolean;
}
export type Vmcs12Key = keyof Vmcs12;

/**
 * Labels and positions. Bits: arch/x86/include/asm/vmx.h defines each control as
 * VMCS_CONTROL_BIT(x) = BIT(VMX_FEATURE_x & 0x1f) (vmx.h:31); VMX_FEATURE_x in asm/vmxfeatures.h.
 * Secondary controls count only with "activate secondary controls" (primary bit 31, VMX_FEATURE_SEC_CONTROLS
 * vmxfeatures.h:59)
 * set: nested_cpu_has2() tests both (nested.h:143-148). The model assumes it is set.
 */
export const CONTROLS: readonly { key: Vmcs12Key; label: string; where: string }[] = [
  { key: 'extIntExiting', label: 'External-interrupt exiting', where: 'pin-based bit 0' }, // PIN_BASED_EXT_INTR_MASK vmx.h:97, VMX_FEATURE_INTR_EXITING vmxfeatures.h:17
  { key: 'intrWindowExiting', label: 'Interrupt-window exiting', where: 'primary bit 2' }, // CPU_BASED_INTR_WINDOW_EXITING vmx.h:36, VMX_FEATURE_INTR_WINDOW_EXITING vmxfeatures.h:38
  { key: 'hltExiting', label: 'HLT exiting', where: 'primary bit 7' }, // CPU_BASED_HLT_EXITING vmx.h:38, VMX_FEATURE_HLT_EXITING vmxfeatures.h:40
  { key: 'tprShadow', label: 'Use TPR shadow', where: 'primary bit 21' }, // CPU_BASED_TPR_SHADOW vmx.h:48, VMX_FEATURE_VIRTUAL_TPR vmxfeatures.h:50
  { key: 'msrBitmaps', label: 'Use MSR bitmaps', where: 'primary bit 28' }, // CPU_BASED_USE_MSR_BITMAPS vmx.h:54, VMX_FEATURE_USE_MSR_BITMAPS vmxfeatures.h:56
  { key: 'virtApicAccesses', label: 'Virtualize APIC accesses', where: 'secondary bit 0' }, // SECONDARY_EXEC_VIRTUALIZE_APIC_ACCESSES vmx.h:64, VMX_FEATURE_VIRT_APIC_ACCESSES vmxfeatures.h:62
  { key: 'ept', label: 'Enable EPT', where: 'secondary bit 1' }, // SECONDARY_EXEC_ENABLE_EPT vmx.h:65, VMX_FEATURE_EPT vmxfeatures.h:63
  { key: 'virtX2apic', label: 'Virtualize x2APIC mode', where: 'secondary bit 4' }, // SECONDARY_EXEC_VIRTUALIZE_X2APIC_MODE vmx.h:68, VMX_FEATURE_VIRTUAL_X2APIC vmxfeatures.h:66
  { key: 'apicRegVirt', label: 'APIC-register virtualization', where: 'secondary bit 8' }, // SECONDARY_EXEC_APIC_REGISTER_VIRT vmx.h:72, VMX_FEATURE_APIC_REGISTER_VIRT vmxfeatures.h:70
  { key: 'vid', label: 'Virtual-interrupt delivery', where: 'secondary bit 9' }, // SECONDARY_EXEC_VIRTUAL_INTR_DELIVERY vmx.h:73, VMX_FEATURE_VIRT_INTR_DELIVERY vmxfeatures.h:71
];

/** One question to answer: an exit from L2 under given settings. */
export interface Query {
  exit: number;
  vmcs12: Vmcs12;
  /** ECX of the RDMSR/WRMSR (exits 31 and 32 only). */
  msr: number;
  /** The bit for this MSR in L1's bitmap: read half for exit 31, write half for exit 32. */
  l1InterceptsMsr: boolean;
  /** VMCALL is a Hyper-V TLB-flush hypercall and L1 enabled direct L2 TLB flush (exit 18 only). */
  hvL2TlbFlush: boolean;
}
export type Scenario = Omit<Query, 'exit'>;

export type Verdict = 'L0' | 'L1' | 'entry-fails' | 'not-modelled';
export interface Rule {
  fn: string;
  at: string;
  code: string;
}
export interface Step {
  /** Function(s) asked, with parentheses, e.g. "nested_vmx_l0_wants_exit()". */
  fn: string;
  answer: boolean;
  at: string;
}
export interface Link {
  href: string;
  label: string;
}
export interface Outcome {
  verdict: Verdict;
  headline: string;
  reason: string;
  rule: Rule | null;
  /** The questions nested_vmx_reflect_vmexit() asked, in order. */
  steps: Step[];
  /** Whether the CPU can produce this exit under these settings (null: not assessed). */
  canOccur: boolean | null;
  occurs: string;
  notes: string[];
  links: Link[];
}

const N = 'nested.c';
const L0FN = 'nested_vmx_l0_wants_exit';
const L1FN = 'nested_vmx_l1_wants_exit';
const MSRFN = 'nested_vmx_exit_handled_msr';
const rule = (fn: string, at: string, code: string): Rule => ({ fn, at: `${N}:${at}`, code });

// nested_vmx_l0_wants_exit(), nested.c:6410-6484
const L0_EXT_INT = rule(L0FN, '6436-6437', 'case EXIT_REASON_EXTERNAL_INTERRUPT: return true;');
const L0_EPT_VIOLATION = rule(L0FN, '6440-6447', 'case EXIT_REASON_EPT_VIOLATION: return true;');
const L0_EPT_MISCONFIG = rule(L0FN, '6448-6455', 'case EXIT_REASON_EPT_MISCONFIG: return true;');
const L0_VMCALL_HV = rule(
  L0FN,
  '6473-6479',
  'case EXIT_REASON_VMCALL: return guest_hv_cpuid_has_l2_tlb_flush(vcpu) && nested_evmcs_l2_tlb_flush_enabled(vcpu) && kvm_hv_is_tlb_flush_hcall(vcpu);',
);
const L0_DEFAULT = rule(L0FN, '6480-6483', 'default: break; ... return false;');
// nested_vmx_l1_wants_exit(), nested.c:6490-6611
const L1_INTR_WINDOW = rule(L1FN, '6509-6510', 'return nested_cpu_has(vmcs12, CPU_BASED_INTR_WINDOW_EXITING);');
const L1_CPUID = rule(L1FN, '6515-6516', 'case EXIT_REASON_CPUID: return true;');
const L1_HLT = rule(L1FN, '6517-6518', 'return nested_cpu_has(vmcs12, CPU_BASED_HLT_EXITING);');
const L1_VMX_INSN = rule(L1FN, '6537-6546', 'case EXIT_REASON_VMCALL: ... return true;');
const L1_TPR = rule(L1FN, '6572-6573', 'return nested_cpu_has(vmcs12, CPU_BASED_TPR_SHADOW);');
const L1_APIC = rule(L1FN, '6574-6582', 'case EXIT_REASON_APIC_ACCESS: case EXIT_REASON_APIC_WRITE: case EXIT_REASON_EOI_INDUCED: return true;');
// nested_vmx_exit_handled_msr(), reached from nested.c:6555-6557
const MSR_NO_BITMAP = rule(MSRFN, '6249-6250', 'if (!nested_cpu_has(vmcs12, CPU_BASED_USE_MSR_BITMAPS)) return true;');
const MSR_BIT = rule(MSRFN, '6257-6270', 'return 1 & (b >> (msr_index & 7));');
// nested_vmx_check_apicv_controls(), nested.c:806-849, run by nested_vmx_run() via nested_vmx_check_controls()
// and nested_check_vm_execution_controls() (nested.c:3785-3786, 3023, 2895-2896); a failure makes L1's
// VMLAUNCH/VMRESUME fail with
// VMXERR_ENTRY_INVALID_CONTROL_FIELD.
const CHK = 'nested_vmx_check_apicv_controls';
const CHK_X2APIC_VAA = rule(CHK, '819-821', 'if (virt_x2apic_mode && VIRTUALIZE_APIC_ACCESSES) return -EINVAL;');
const CHK_VID_EXTINT = rule(CHK, '827-828', 'if (nested_cpu_has_vid(vmcs12) && !nested_exit_on_intr(vcpu)) return -EINVAL;');
const CHK_TPR = rule(CHK, '845-846', 'if (!nested_cpu_has(vmcs12, CPU_BASED_TPR_SHADOW)) return -EINVAL;');

/** Every rule the model cites, so a test can check each line range against a kernel tree. */
export const RULES: readonly Rule[] = [
  L0_EXT_INT, L0_EPT_VIOLATION, L0_EPT_MISCONFIG, L0_VMCALL_HV, L0_DEFAULT,
  L1_INTR_WINDOW, L1_CPUID, L1_HLT, L1_VMX_INSN, L1_TPR, L1_APIC,
  MSR_NO_BITMAP, MSR_BIT, CHK_X2APIC_VAA, CHK_VID_EXTINT, CHK_TPR,
];

// Site pages (ids and anchors checked by the unit tests against content/docs).
const LINK = {
  entry: { href: '/nested/nested-vmx/#what-vmcs12-must-satisfy', label: 'What vmcs12 must satisfy' },
  l1Gets: { href: '/nested/nested-vmx/#exits-l1-gets-nested_vmx_l1_wants_exit', label: 'Exits L1 gets' },
  intrL1: { href: '/nested/interrupts-intel/#interrupts-for-l1-while-l2-runs', label: 'Interrupts for L1 while L2 runs' },
  x2apic: { href: '/apicv/apic-access-page/#virtualize-x2apic-mode', label: 'Virtualize x2APIC mode' },
  passthrough: { href: '/nested/apic-passthrough/', label: 'L1 passes its APIC through' },
  tpr: { href: '/apicv/tpr-shadow/#the-tpr-threshold', label: 'The TPR threshold' },
  apicAccess: { href: '/apicv/apic-access-page/#apic-access-vm-exits-reason-44', label: 'APIC-access VM exits' },
  eoi: { href: '/apicv/virtual-interrupt-delivery/#eoi-virtualization-and-the-eoi-exit-bitmap', label: 'EOI virtualization' },
  apicWrite: { href: '/apicv/apic-access-page/#apic-write-emulation-and-apic-write-exits-reason-56', label: 'APIC-write exits' },
  nestedEpt: { href: '/nested/nested-paging/#ept-on-ept-shadowing-l1s-ept12', label: 'Shadowing L1\u2019s EPT12' },
  noEpt: { href: '/nested/nested-paging/#when-l1-does-not-use-ept', label: 'When L1 does not use EPT' },
  faultPath: { href: '/kvm/fault-path/#ept-violation-and-ept-misconfiguration', label: 'KVM\u2019s fault path' },
  rfcFirst: { href: '/rfc/failure-scenario/#4-the-first-direct-access-an-ept-violation-in-l0', label: 'RFC scenario: the first access' },
  rfcMisconfig: { href: '/rfc/failure-scenario/#7-later-accesses-ept-misconfigurations', label: 'RFC scenario: EPT misconfigurations' },
} satisfies Record<string, Link>;
export const ALL_LINKS: readonly Link[] = Object.values(LINK);

const HEADLINE: Record<Verdict, string> = {
  L0: 'L0 (KVM) handles it',
  L1: 'Reflected to L1',
  'entry-fails': 'No exit: L1\u2019s VM-entry to L2 fails',
  'not-modelled': 'Not modelled',
};

const hex = (n: number): string => `0x${n.toString(16).toUpperCase()}`;
export const exitName = (code: number): string | undefined => EXITS.find((e) => e.code === code)?.name;

/** nested_vmx_check_apicv_controls(), nested.c:806-849 (posted interrupts not modelled). */
export function entryCheck(v: Vmcs12): Rule | null {
  // nested.c:809-813 (nested_cpu_has_vid() and the like): nothing to check unless x2APIC virtualization, register
  // virtualization, VID (or PI) is on.
  if (!v.virtX2apic && !v.apicRegVirt && !v.vid) return null;
  if (v.virtX2apic && v.virtApicAccesses) return CHK_X2APIC_VAA; // nested_cpu_has_virt_x2apic_mode(), nested.c:819-821
  if (v.vid && !v.extIntExiting) return CHK_VID_EXTINT; // nested_exit_on_intr(), nested.c:827-828
  if (!v.tprShadow) return CHK_TPR; // CPU_BASED_TPR_SHADOW, nested.c:845-846
  return null;
}

/**
 * Would vmcs02's MSR bitmap intercept this x2APIC access? nested_vmx_prepare_msr_bitmap(), nested.c:644-746.
 * Returns null when vmcs02 uses no MSR bitmap at all (vmcs12 has no CPU_BASED_USE_MSR_BITMAPS: nested.c:653-656,
 * 3430-3433).
 */
export function vmcs02InterceptsX2apicMsr(v: Vmcs12, msr: number, write: boolean, l1Intercepts: boolean): boolean | null {
  if (!v.msrBitmaps) return null;
  // enable_x2apic_msr_intercepts(), nested.c:684: every x2APIC MSR starts intercepted (the vmcs01 bitmap is ignored
  // for them, nested_vmx_disable_intercept_for_x2apic_msr(), nested.c:584-589).
  if (!v.virtX2apic || l1Intercepts) return true; // holes only under virtualize x2APIC mode (nested_cpu_has_virt_x2apic_mode(), nested.c:686), and only where L1's bit is clear
  if (!write && v.apicRegVirt) return false; // nested_cpu_has_apic_reg_virt(), nested.c:687-699: reads of 0x800-0x8FF taken from L1's bitmap
  if (msr === MSR_TPR) return false; // `APIC_TASKPRI`, nested.c:701-704: TPR read and write follow L1's bitmap
  if (write && v.vid && (msr === MSR_EOI || msr === MSR_SELF_IPI)) return false; // nested_cpu_has_vid(), nested.c:706-715
  return true;
}

interface Occurs {
  canOccur: boolean | null;
  occurs: string;
}
const yes = (occurs: string): Occurs => ({ canOccur: true, occurs });
const no = (occurs: string): Occurs => ({ canOccur: false, occurs });

function whetherItOccurs(q: Query): Occurs {
  const v = q.vmcs12;
  switch (q.exit) {
    case 1:
      return yes('Always possible: vmcs02\u2019s pin-based controls are vmcs01\u2019s OR vmcs12\u2019s pin_based_vm_exec_control (nested.c:2385-2387), and KVM requires external-interrupt exiting, PIN_BASED_EXT_INTR_MASK, in vmcs01 (vmx/vmx.h:537-539).');
    case 7:
      return v.intrWindowExiting
        ? yes('Possible: vmcs02 takes interrupt-window exiting from vmcs12 (CPU_BASED_INTR_WINDOW_EXITING, nested.c:2403-2406).')
        : yes('Only if L0 asks for a window itself: nested VM-entry drops vmcs01\u2019s CPU_BASED_INTR_WINDOW_EXITING before OR-ing in vmcs12\u2019s (nested.c:2403-2406), and vmx_enable_irq_window() sets it in the loaded VMCS, here vmcs02 (vmx.c:4960-4963).');
    case 12:
      return v.hltExiting
        ? yes('Possible: vmcs02\u2019s primary controls are vmcs01\u2019s OR vmcs12\u2019s cpu_based_vm_exec_control (nested.c:2402-2406).')
        : yes('Possible while L0 intercepts HLT: KVM requires HLT exiting, CPU_BASED_HLT_EXITING, in vmcs01 (vmx/vmx.h:545-546) and drops it only if HLT exits are disabled for the VM, kvm_hlt_in_guest() (vmx.c:4540-4541).');
    case 31:
    case 32: {
      const hit = vmcs02InterceptsX2apicMsr(v, q.msr, q.exit === 32, q.l1InterceptsMsr);
      if (hit === null)
        return yes('Possible: vmcs12 uses no MSR bitmap, so vmcs02 uses none either (CPU_BASED_USE_MSR_BITMAPS, nested.c:653-656, 3430-3433) and every RDMSR and WRMSR exits.');
      return hit
        ? yes(`Possible: vmcs02\u2019s merged MSR bitmap intercepts ${hex(q.msr)} (enable_x2apic_msr_intercepts() in nested_vmx_prepare_msr_bitmap(), nested.c:684-716).`)
        : no(`Does not occur: nested_vmx_prepare_msr_bitmap() clears the intercept for ${hex(q.msr)} in vmcs02 because L1\u2019s bitmap does not intercept it (nested_vmx_disable_intercept_for_x2apic_msr(), nested.c:686-716), so the CPU virtualizes the access under vmcs12\u2019s x2APIC controls instead of exiting.`);
    }
    case 43:
      if (!v.tprShadow)
        return no('Does not occur: vmcs02 takes \u201cuse TPR shadow\u201d only from vmcs12 (CPU_BASED_TPR_SHADOW, nested.c:2405-2406), and without it there is no TPR virtualization.');
      if (v.vid) return no('Does not occur: with virtual-interrupt delivery the CPU does not use the TPR threshold (SDM, TPR virtualization).');
      return yes('Possible when L2 lowers its virtual TPR below vmcs12\u2019s threshold, which vmcs02 uses (vmcs12->tpr_threshold, nested.c:2409-2410).');
    case 44:
      return v.virtApicAccesses
        ? yes('Possible: vmcs02 takes \u201cvirtualize APIC accesses\u201d and the APIC-access page from vmcs12.')
        : no('Does not occur: vmcs02 takes \u201cvirtualize APIC accesses\u201d only from vmcs12 (SECONDARY_EXEC_VIRTUALIZE_APIC_ACCESSES, nested.c:2441-2455). L2\u2019s accesses to its APIC page are then ordinary memory accesses: an EPT violation or misconfiguration that L0 keeps.');
    case 45:
      return v.vid
        ? yes('Possible for vectors set in vmcs12\u2019s EOI-exit bitmap, which vmcs02 uses (eoi_exit_bitmap0-3, nested.c:2639-2644).')
        : no('Does not occur: EOI virtualization needs virtual-interrupt delivery, which vmcs02 takes only from vmcs12 (SECONDARY_EXEC_VIRTUAL_INTR_DELIVERY, nested.c:2441-2455).');
    case 56:
      return (v.virtApicAccesses && (v.apicRegVirt || v.vid)) || (v.virtX2apic && v.vid)
        ? yes('Possible: some of L2\u2019s APIC writes are virtualized and then need the hypervisor (SDM, APIC-write emulation).')
        : no('Does not occur: APIC-write exits follow virtualized writes, which need virtualize APIC accesses with APIC-register virtualization or VID, or virtualize x2APIC mode with VID (SDM); vmcs02 takes all of them only from vmcs12.');
    case 48:
    case 49:
      return yes('Possible, assuming L0 itself uses EPT (kvm_intel.ept=1, the default: enable_ept, vmx.c:98-99).');
    default:
      return { canOccur: null, occurs: '' };
  }
}

/** Decide who handles exit q.exit from L2, as nested_vmx_reflect_vmexit() does. */
export function evaluate(q: Query): Outcome {
  const v = q.vmcs12;
  const name = exitName(q.exit);
  const base = { steps: [] as Step[], canOccur: null, occurs: '', notes: [] as string[] };
  if (name === undefined) {
    return {
      ...base,
      verdict: 'not-modelled',
      headline: HEADLINE['not-modelled'],
      reason: `Exit reason ${String(q.exit)} is not one this explorer models. Read nested_vmx_l0_wants_exit() and nested_vmx_l1_wants_exit() in nested.c:6410-6611.`,
      rule: null,
      links: [LINK.l1Gets],
    };
  }
  const isMsr = q.exit === 31 || q.exit === 32;
  // x2APIC range 0x800-0x8FF: APIC_BASE_MSR (apicdef.h:150) to APIC_BASE_MSR + 0xff (x86.c:3894; enable_x2apic_msr_intercepts(), nested.c:600-604).

  if (isMsr && !(Number.isInteger(q.msr) && q.msr >= 0x800 && q.msr <= 0x8ff)) {
    return {
      ...base,
      verdict: 'not-modelled',
      headline: HEADLINE['not-modelled'],
      reason: 'Only x2APIC MSRs (0x800-0x8FF) are modelled; other MSRs also depend on L0\u2019s own bitmap for vmcs01.',
      rule: null,
      links: [LINK.x2apic],
    };
  }
  const failed = entryCheck(v);
  if (failed) {
    return {
      ...base,
      verdict: 'entry-fails',
      headline: HEADLINE['entry-fails'],
      reason: 'These vmcs12 settings break a VM-entry check, so L1\u2019s VMLAUNCH or VMRESUME fails with \u201cinvalid control field\u201d (nested_vmx_check_controls(), nested.c:3785-3786) and L2 never runs.',
      rule: failed,
      links: [LINK.entry],
    };
  }

  // Question 1, nested_vmx_l0_wants_exit(), nested.c:6641-6643.
  let l0: Rule = L0_DEFAULT;
  let l0Wants = false;
  if (q.exit === 1) [l0, l0Wants] = [L0_EXT_INT, true];
  else if (q.exit === 48) [l0, l0Wants] = [L0_EPT_VIOLATION, true];
  else if (q.exit === 49) [l0, l0Wants] = [L0_EPT_MISCONFIG, true];
  else if (q.exit === 18) [l0, l0Wants] = [L0_VMCALL_HV, q.hvL2TlbFlush]; // CONFIG_KVM_HYPERV; without it: default, false
  const steps: Step[] = [{ fn: `${L0FN}()`, answer: l0Wants, at: l0.at }];

  let decided: Rule = l0;
  let l1Wants = false;
  let reason: string;
  if (l0Wants) {
    reason =
      q.exit === 1
        ? 'A physical interrupt arrived while L2 ran; L0 owns physical interrupts, whatever vmcs12 says. The code notes that \u201cexternal interrupts are never reflected to L1\u201d (comment on EXTERNAL_INTERRUPT, nested.c:6650-6654).'
        : q.exit === 48
          ? '\u201cL0 always deals with the EPT violation\u201d (EPT_VIOLATION case, nested.c:6440-6446): the fault is in EPT tables that L0 maintains for L2.'
          : q.exit === 49
            ? 'L2 never uses L1\u2019s EPT directly, only tables L0 built, so \u201cany problems with the structure of the table is L0\u2019s fault\u201d (EPT_MISCONFIG case, nested.c:6448-6454).'
            : 'A Hyper-V L2 TLB-flush hypercall that L1 enabled direct L2 TLB flush for: \u201cHyper-V L2 TLB flush hypercall is handled by L0\u201d (nested.c:6475-6478, kvm_hv_is_tlb_flush_hcall()).';
  } else {
    // Question 2, nested_vmx_l1_wants_exit(), nested.c:6645-6647.
    switch (q.exit) {
      case 7:
        [decided, l1Wants] = [L1_INTR_WINDOW, v.intrWindowExiting];
        reason = l1Wants
          ? 'vmcs12 has interrupt-window exiting: the window is L1\u2019s.'
          : 'vmcs12 has no interrupt-window exiting, so the window was L0\u2019s own request.';
        break;
      case 10:
        [decided, l1Wants] = [L1_CPUID, true];
        reason = 'CPUID exits always go to L1, which emulates CPUID for its guest.';
        break;
      case 12:
        [decided, l1Wants] = [L1_HLT, v.hltExiting];
        reason = l1Wants ? 'vmcs12 has HLT exiting.' : 'vmcs12 has no HLT exiting; the exit came from L0\u2019s own control, so L0 emulates the HLT.';
        break;
      case 18:
        [decided, l1Wants] = [L1_VMX_INSN, true];
        reason = 'VMX instructions, VMCALL included, always go to L1: this \u201callows 3-level nesting\u201d (EXIT_REASON_VMCALL case, nested.c:6537-6545).';
        break;
      case 31:
      case 32:
        if (!v.msrBitmaps) {
          [decided, l1Wants] = [MSR_NO_BITMAP, true];
          reason = 'vmcs12 uses no MSR bitmap, so for L1 every RDMSR and WRMSR in L2 exits.';
        } else {
          [decided, l1Wants] = [MSR_BIT, q.l1InterceptsMsr];
          reason = `L1\u2019s MSR bitmap ${l1Wants ? 'intercepts' : 'does not intercept'} ${q.exit === 32 ? 'writes to' : 'reads of'} ${hex(q.msr)} (${q.exit === 32 ? 'write' : 'read'} half, low MSR range).`;
        }
        break;
      case 43:
        [decided, l1Wants] = [L1_TPR, v.tprShadow];
        reason = l1Wants ? 'vmcs12 uses the TPR shadow, so the TPR threshold is L1\u2019s.' : 'vmcs12 does not use the TPR shadow.';
        break;
      default: // 44, 45, 56
        [decided, l1Wants] = [L1_APIC, true];
        reason = 'The controls behind APIC-access, APIC-write and EOI-induced exits \u201conly come from vmcs12\u201d (APIC_ACCESS case, nested.c:6574-6581), so these exits always go to L1.';
    }
    steps.push({ fn: decided.fn === MSRFN ? `${L1FN}() \u2192 ${MSRFN}()` : `${L1FN}()`, answer: l1Wants, at: decided.at });
  }
  const verdict: Verdict = !l0Wants && l1Wants ? 'L1' : 'L0';
  const { canOccur, occurs } = whetherItOccurs(q);
  return { verdict, headline: HEADLINE[verdict], reason, rule: decided, steps, canOccur, occurs, ...extras(q, verdict) };
}

/** Follow-up notes and reading for each exit. */
function extras(q: Query, verdict: Verdict): { notes: string[]; links: Link[] } {
  const v = q.vmcs12;
  switch (q.exit) {
    case 1:
      return {
        notes: [
          v.extIntExiting
            ? 'If an interrupt for L1 is then pending, L0 makes up a new EXTERNAL_INTERRUPT exit to L1, because vmcs12 has external-interrupt exiting (vmx_check_nested_events(), nested.c:4392-4410).'
            : 'If an interrupt for L1 is then pending, L0 injects it into L2, because vmcs12 has no external-interrupt exiting (nested_exit_on_intr(), nested.c:4397-4398; KVM_REQ_EVENT, vmx.c:6937-6941).',
        ],
        links: [LINK.intrL1],
      };
    case 7:
    case 12:
      return { notes: [], links: [LINK.intrL1] };
    case 10:
    case 18:
      return { notes: [], links: [LINK.l1Gets] };
    case 31:
    case 32:
      return {
        notes:
          verdict === 'L0'
            ? ['L0 emulates the access on the vCPU\u2019s in-kernel local APIC, the one it emulates for L1 (kvm_x2apic_msr_read()/kvm_x2apic_msr_write(), lapic.c:3367-3387): L2 is using L1\u2019s APIC.']
            : [],
        links: [LINK.x2apic, LINK.passthrough],
      };
    case 43:
      return { notes: [], links: [LINK.tpr] };
    case 44:
      return { notes: [], links: [LINK.apicAccess, LINK.passthrough] };
    case 45:
      return { notes: [], links: [LINK.eoi] };
    case 56:
      return { notes: [], links: [LINK.apicWrite] };
    case 48:
      return {
        notes: [
          v.ept
            ? 'L0 walks L1\u2019s EPT12 for the address. If EPT12 does not map it, L0 makes up an EPT violation (or misconfiguration) exit to L1 with nested_ept_inject_page_fault() (nested.c:416-485): a new exit, not this one reflected.'
            : 'vmcs12 does not enable EPT, so L2\u2019s guest-physical addresses are L1\u2019s, and L0 maps them in its own tables with separate roots for guest mode.',
          'If the address is L1\u2019s APIC page, L0 emulates the access: the path of the 2023 RFC\u2019s failure scenario.',
        ],
        links: [v.ept ? LINK.nestedEpt : LINK.noEpt, LINK.faultPath, LINK.rfcFirst],
      };
    default: // 49
      return {
        notes: [
          'KVM marks emulated MMIO with deliberately misconfigured entries (MMIO SPTEs), so repeated L2 accesses to emulated MMIO, such as L1\u2019s APIC page, exit this way.',
          ...(v.ept ? ['If the walk of L1\u2019s EPT12 finds reserved bits (PFERR_RSVD_MASK), L0 makes up an EPT misconfiguration exit to L1 (nested.c:446-448).'] : []),
        ],
        links: [LINK.faultPath, LINK.rfcMisconfig],
      };
  }
}

/** Two illustrative configurations for the worked example and the preset buttons. */
export const SCENARIOS: readonly { id: string; label: string; scenario: Scenario }[] = [
  {
    id: 'apicv',
    label: 'L1 uses APICv for L2',
    scenario: {
      vmcs12: {
        extIntExiting: true,
        intrWindowExiting: false,
        hltExiting: true,
        tprShadow: true,
        msrBitmaps: true,
        virtApicAccesses: true,
        ept: true,
        virtX2apic: false,
        apicRegVirt: true,
        vid: true,
      },
      msr: 0x830,
      l1InterceptsMsr: true,
      hvL2TlbFlush: false,
    },
  },
  {
    id: 'passthrough',
    label: 'L1 passes its APIC through',
    scenario: {
      vmcs12: {
        extIntExiting: false,
        intrWindowExiting: false,
        hltExiting: false,
        tprShadow: false,
        msrBitmaps: true,
        virtApicAccesses: false,
        ept: true,
        virtX2apic: false,
        apicRegVirt: false,
        vid: false,
      },
      msr: 0x830,
      l1InterceptsMsr: false,
      hvL2TlbFlush: false,
    },
  },
];

/** The default state: an APIC-access exit under the APICv configuration. */
export const DEFAULT_QUERY: Query = { exit: 44, ...SCENARIOS[0]!.scenario };

/** A short cell for the worked-example table, e.g. "L1" or "L0 (cannot occur)". */
export function shortVerdict(o: Outcome): string {
  const who = o.verdict === 'L0' ? 'L0' : o.verdict === 'L1' ? 'L1' : o.headline;
  return o.canOccur === false ? `${who} (does not occur)` : who;
}
