import { LINUX_6_12_TREE_LABEL } from './kernelTree.ts';

// The failure scenario of content/docs/rfc/failure-scenario.mdx as data: one L2 access to 0xFEE00000
// under an L1 (BitVisor) that passes its local APIC through, on an Intel host with APICv, without and
// with the RFC. Pure data and functions: no DOM, no Astro.
//
// Code locations name the file and function at each version:
// - "v6.12": Debian's linux-source-6.12 at 6.12.118 (the 6.12.y stable tree; LINUX_6_12_TREE_READ in
//   kernelTree.ts), every name grepped there; the tests check each against such a tree.
// - "v6.5": the RFC's base. The RFC's diff gives its base blobs: kvm_host.h 3bc146dfd38d, mmu.c
//   ec169f5c7dce, vmx.c df461f387e20. A 6.5.0 source import has exactly these blobs, so "v6.5" here is the
//   code the RFC was written against (its svm.h blob differs; svm.h plays no part in these steps).
//   Other v6.5 files (x86.c, lapic.c, nested.c, paging_tmpl.h) were read in the same import.
// - "RFC": content/patches/rfc-inhibit-apicv-l2-apic-access.patch, applied to that base.
// - "BitVisor": core/localapic.c in the GitHub mirror matsu/bitvisor @0ea5928f57de (a mirror of the
//   Mercurial tree the reporter used; it may differ).
// Facts from the mailing-list thread name the message; inference is kept in `analysis`, never in `text`.

export type At = 'v6.12' | 'v6.5' | 'RFC' | 'BitVisor';

export interface CodeRef {
  /** Versions where this file holds this symbol with this role. */
  at: readonly At[];
  file: string;
  /** A function name (shown with "()"), or a macro or enum name. */
  symbol: string;
  kind: 'function' | 'macro' | 'enum';
  /** What happens there, a few words. */
  role: string;
}

export interface PageLink {
  href: string;
  label: string;
}

export type Actor = 'L0 (KVM)' | 'L1 (BitVisor)' | 'L2';

export interface Step {
  id: string;
  actor: Actor;
  title: string;
  /** What happens, as established by code or stated in the thread. */
  text: string;
  /** Our inference, shown labelled as analysis. */
  analysis?: string;
  /** Mailing-list messages the text relies on. */
  thread?: string;
  code: readonly CodeRef[];
  links: readonly PageLink[];
  /** Set only on steps that exist or differ because of the RFC. */
  rfc?: 'added' | 'changed';
}

const L65_12: readonly At[] = ['v6.12', 'v6.5'];
const MMU = 'arch/x86/kvm/mmu/mmu.c';
const VMX = 'arch/x86/kvm/vmx/vmx.c';
const NESTED = 'arch/x86/kvm/vmx/nested.c';
const LAPIC = 'arch/x86/kvm/lapic.c';
const X86 = 'arch/x86/kvm/x86.c';
const TMPL = 'arch/x86/kvm/mmu/paging_tmpl.h';

// Links as separate constants (not properties of one object) so bundlers can drop unused step data.
const P_accessPage: PageLink = { href: '/apicv/apic-access-page/#in-kvm', label: 'The APIC-access page in KVM' };
const P_accessSlot: PageLink = { href: '/kvm/private-memslots/#the-apic-access-page-slot', label: 'The APIC-access page slot' };
const P_whyHidden: PageLink = { href: '/kvm/private-memslots/#why-l2-must-not-see-l1s-apic-access-page', label: 'Why L2 must not see L1\u2019s APIC-access page' };
const P_apicControls: PageLink = { href: '/nested/nested-vmx/#the-apic-controls-one-by-one', label: 'Nested VMX: the APIC controls' };
const P_passthrough: PageLink = { href: '/nested/apic-passthrough/', label: 'APIC passthrough to L2' };
const P_passthroughState: PageLink = { href: '/nested/apic-passthrough/#the-state-behind-the-emulation-intel', label: 'The state behind the emulation' };
const P_bitvisorHook: PageLink = { href: '/rfc/failure-scenario/#3-bitvisor-hooks-the-apic-then-lets-go', label: 'BitVisor hooks the APIC, then lets go' };
const P_eptExits: PageLink = { href: '/kvm/fault-path/#ept-violation-and-ept-misconfiguration', label: 'EPT violation and misconfiguration' };
const P_shadowEpt: PageLink = { href: '/nested/nested-paging/#ept-on-ept-shadowing-l1s-ept12', label: 'Shadowing L1\u2019s EPT12' };
const P_path612: PageLink = { href: '/kvm/fault-path/#the-path-in-linux-612', label: 'The fault path in 6.12' };
const P_path65: PageLink = { href: '/kvm/fault-path/#the-path-at-the-rfcs-base-mid-2023', label: 'The fault path at the RFC\u2019s base' };
const P_mmioSptes: PageLink = { href: '/kvm/fault-path/#mmio-sptes', label: 'MMIO SPTEs' };
const P_toLapic: PageLink = { href: '/kvm/fault-path/#from-emulation-to-the-local-apic', label: 'From emulation to the local APIC' };
const P_rootCause: PageLink = { href: '/rfc/failure-scenario/#the-root-cause-was-never-established', label: 'The root cause was never established' };
const P_perVcpu: PageLink = { href: '/kvm/apicv-inhibits/#vm-wide-and-per-vcpu-inhibits', label: 'VM-wide and per-vCPU inhibits' };
const P_rfcReason: PageLink = { href: '/kvm/apicv-inhibits/#the-reason-the-rfc-proposed', label: 'The reason the RFC proposed' };
const P_hunk2: PageLink = { href: '/rfc/walkthrough/#hunk-2-the-new-helper-in-mmuc', label: 'Walkthrough: the new helper' };
const P_hunk45: PageLink = { href: '/rfc/walkthrough/#hunks-4-and-5-the-required-inhibit-masks', label: 'Walkthrough: the required-inhibit masks' };
const P_setting: PageLink = { href: '/kvm/apicv-inhibits/#what-setting-an-inhibit-does', label: 'What setting an inhibit does' };
const P_discussion: PageLink = { href: '/rfc/discussion/', label: 'The discussion' };
const P_outcome: PageLink = { href: '/rfc/outcome/', label: 'What happened instead' };

// 0xFEE00000 is APIC_DEFAULT_PHYS_BASE (6.12.118 arch/x86/include/asm/apicdef.h:15); the slot id is
// APIC_ACCESS_PAGE_PRIVATE_MEMSLOT (6.12.118 arch/x86/include/asm/vmx.h:502); kvm_alloc_apic_access_page()
// (6.12.118 lapic.c:2735) returns early once the slot exists, hence "once per VM"; vmx_vcpu_create()
// calls kvm_alloc_apic_access_page() only if cpu_need_virtualize_apic_accesses() (6.12.118 vmx.c:7590-7591).
const MEMSLOT: Step = {
  id: 'memslot',
  actor: 'L0 (KVM)',
  title: 'L0 creates the APIC-access page for L1',
  text: 'When L1\u2019s vCPUs are created on a host that can virtualize APIC accesses (FlexPriority; this does not depend on enable_apicv), KVM adds, once per VM, the private memslot APIC_ACCESS_PAGE_PRIVATE_MEMSLOT, one page at 0xFEE00000, and writes that page\u2019s host address into APIC_ACCESS_ADDR of vmcs01, L1\u2019s VMCS. The CPU then virtualizes L1\u2019s own xAPIC accesses.',
  code: [
    { at: L65_12, file: VMX, symbol: 'vmx_vcpu_create', kind: 'function', role: 'calls kvm_alloc_apic_access_page()' },
    { at: L65_12, file: LAPIC, symbol: 'kvm_alloc_apic_access_page', kind: 'function', role: 'creates the private slot' },
    { at: L65_12, file: VMX, symbol: 'vmx_set_apic_access_page_addr', kind: 'function', role: 'writes APIC_ACCESS_ADDR' },
  ],
  links: [P_accessPage, P_accessSlot],
};

const VMCS12: Step = {
  id: 'vmcs12',
  actor: 'L1 (BitVisor)',
  title: 'BitVisor runs L2 with no APIC virtualization',
  text: 'BitVisor sets up no APIC virtualization for its one guest: no APIC-access page, no virtual-interrupt delivery, no APIC emulation. L0 takes those controls for vmcs02 only from vmcs12, so vmcs02 has none and L1\u2019s APIC-access page is not in it.',
  thread: 'Koomsin, 9 Aug 2023 (20230809174241.36dd569d@ake-x260)',
  code: [{ at: L65_12, file: NESTED, symbol: 'prepare_vmcs02_early', kind: 'function', role: 'copies the APIC controls from vmcs12 only' }],
  links: [P_apicControls, P_passthrough],
};

const TOUCH: Step = {
  id: 'touch',
  actor: 'L2',
  title: 'L2 touches 0xFEE00000',
  text: 'Under UEFI, BitVisor traps the APIC page through its EPT only while it starts the application processors, then removes the hook. After that, L2 reads and writes the page at 0xFEE00000 directly, as plain guest-physical accesses that L0\u2019s shadow EPT for L2 has not mapped yet.',
  analysis: 'That BitVisor\u2019s EPT12 then maps L2\u2019s 0xFEE00000 to L1\u2019s 0xFEE00000 is our reading of \u201cunhook\u201d plus \u201cdirect access\u201d; the thread does not show BitVisor\u2019s EPT entries.',
  thread: 'Koomsin, 8 Aug 2023 (20230808164532.09337d49@ake-x260)',
  code: [
    { at: ['BitVisor'], file: 'core/localapic.c', symbol: 'localapic_init2', kind: 'function', role: 'registers an MMIO hook on 0xFEE00000' },
    { at: ['BitVisor'], file: 'core/localapic.c', symbol: 'handle_ap_start', kind: 'function', role: 'unregisters it after AP start-up' },
  ],
  links: [P_bitvisorHook, P_passthrough],
};

const EPT_VIOLATION: Step = {
  id: 'ept-violation',
  actor: 'L0 (KVM)',
  title: 'EPT violation in L0',
  text: 'The access exits to L0 with an EPT violation. L0 always handles these itself and reflects one to L1 only when EPT12 lacks the mapping; here it has one. L0\u2019s shadow-EPT fault handler walks EPT12 to L1\u2019s guest-physical 0xFEE00000 and asks for the page behind it.',
  code: [
    { at: L65_12, file: NESTED, symbol: 'nested_vmx_l0_wants_exit', kind: 'function', role: 'keeps EPT_VIOLATION in L0' },
    { at: L65_12, file: VMX, symbol: 'handle_ept_violation', kind: 'function', role: 'enters the MMU' },
    { at: L65_12, file: TMPL, symbol: 'FNAME(page_fault)', kind: 'function', role: 'walks EPT12, calls kvm_faultin_pfn()' },
  ],
  links: [P_eptExits, P_shadowEpt],
};

const HIDE: Step = {
  id: 'hide',
  actor: 'L0 (KVM)',
  title: 'The private memslot is hidden from L2',
  text: 'L1\u2019s 0xFEE00000 lies in the private APIC-access memslot. Because the vCPU is in guest mode, KVM does not map that page into L2\u2019s tables: it handles the fault as one with no memslot (KVM_PFN_NOSLOT). At v6.5 every private slot was hidden from L2 this way; since v6.10 only the APIC-access slot is.',
  code: [
    { at: ['v6.12'], file: MMU, symbol: 'kvm_faultin_pfn', kind: 'function', role: 'APIC-access slot in guest mode: kvm_handle_noslot_fault()' },
    { at: ['v6.5'], file: MMU, symbol: '__kvm_faultin_pfn', kind: 'function', role: 'invisible slot in guest mode: slot = NULL, pfn = KVM_PFN_NOSLOT' },
    { at: ['v6.5'], file: MMU, symbol: 'kvm_faultin_pfn', kind: 'function', role: 'no slot left: kvm_handle_noslot_fault()' },
  ],
  links: [P_whyHidden, P_path612, P_path65],
};

const MMIO_SPTE: Step = {
  id: 'mmio-spte',
  actor: 'L0 (KVM)',
  title: 'An MMIO SPTE for L2; the access is emulated',
  text: 'kvm_handle_noslot_fault() caches the address as MMIO. Unless MMIO caching is off or the frame is beyond the host\u2019s address width, mmu_set_spte() then installs an MMIO SPTE in L2\u2019s shadow EPT, on EPT a deliberately misconfigured entry, and returns RET_PF_EMULATE: this first access is emulated at once.',
  code: [
    { at: L65_12, file: MMU, symbol: 'kvm_handle_noslot_fault', kind: 'function', role: 'caches the MMIO access' },
    { at: L65_12, file: TMPL, symbol: 'FNAME(fetch)', kind: 'function', role: 'calls mmu_set_spte()' },
    { at: L65_12, file: MMU, symbol: 'mmu_set_spte', kind: 'function', role: 'no-slot pfn: mark_mmio_spte(), RET_PF_EMULATE' },
  ],
  links: [P_mmioSptes, P_shadowEpt],
};

const MISCONFIG: Step = {
  id: 'misconfig',
  actor: 'L0 (KVM)',
  title: 'Later accesses: EPT misconfiguration',
  text: 'Every later L2 access to the page hits the MMIO SPTE and exits with EPT_MISCONFIG. For L2 the fast-MMIO shortcut is skipped; the MMU recognises the MMIO SPTE and sends the instruction to the emulator.',
  thread: 'Koomsin, 8 Aug 2023 (20230808164532.09337d49@ake-x260)',
  code: [
    { at: L65_12, file: VMX, symbol: 'handle_ept_misconfig', kind: 'function', role: 'kvm_mmu_page_fault() with the reserved-bit error code' },
    { at: L65_12, file: MMU, symbol: 'handle_mmio_page_fault', kind: 'function', role: 'MMIO SPTE found: RET_PF_EMULATE' },
  ],
  links: [P_eptExits, P_mmioSptes],
};

const EMULATE: Step = {
  id: 'emulate',
  actor: 'L0 (KVM)',
  title: 'Emulation into L1\u2019s local APIC',
  text: 'The emulator treats the APIC page as MMIO and offers the access to the vCPU\u2019s in-kernel local APIC first. apic_mmio_write() and kvm_lapic_reg_write() perform the register write and its side effects: an ICR write sends an IPI, an EOI write retires the in-service vector. KVM keeps one LAPIC per vCPU, the one it emulates for L1, which BitVisor has handed to L2.',
  thread: 'Christopherson, 8 Aug 2023 (ZNLUQ6ZtugOjmlZR@google.com)',
  code: [
    { at: L65_12, file: X86, symbol: 'vcpu_is_mmio_gpa', kind: 'function', role: 'the APIC page is always MMIO' },
    { at: L65_12, file: X86, symbol: 'vcpu_mmio_write', kind: 'function', role: 'the in-kernel LAPIC first' },
    { at: L65_12, file: LAPIC, symbol: 'apic_mmio_write', kind: 'function', role: 'checks the range and the width' },
    { at: L65_12, file: LAPIC, symbol: 'kvm_lapic_reg_write', kind: 'function', role: 'the register write and its side effects' },
  ],
  links: [P_toLapic, P_passthroughState],
};

const OUTCOME: Step = {
  id: 'outcome',
  actor: 'L2',
  title: 'Interrupts go missing',
  text: 'With enable_apicv=Y, a Linux L2 panics with \u201cIO-APIC + timer doesn\u2019t work!\u201d or stalls in SMP bring-up, and kvm-unit-tests\u2019 apic test fails its self-IPI and broadcast tests, then stalls. With enable_apicv=N the interrupt problem does not occur. The thread never established why.',
  analysis: 'A candidate, not confirmed: on VMX, APICv stays active for L1\u2019s LAPIC while L2 runs, so an emulated EOI updates hardware APICv state (SVI) in whichever VMCS is loaded, vmcs02 rather than vmcs01. At v6.5, apic_clear_isr() calls vmx_hwapic_isr_update(), which writes the current VMCS; Linux 6.12.118 (Debian) defers that write until vmcs01 is loaded again, a stable backport of 04bc93cf49d1 (v6.14; in 6.12.y since 6.12.17) that upstream v6.12 lacks. That commit fixes this class of bug for exactly this configuration; 982caaa11504 (v6.14, not in 6.12.118) fixes the delivery side, an IRQ for L1 left pending at nested VM-exit. Nobody has tested either against this case.',
  thread: 'Koomsin, 8 and 25 Aug 2023 (20230808164532.09337d49@ake-x260, CV1BMBF456FC.2DQLVV84L6TAP@localhost.localdomain)',
  code: [
    { at: L65_12, file: LAPIC, symbol: 'apic_clear_isr', kind: 'function', role: 'with APICv active: the vendor SVI hook' },
    { at: ['v6.5'], file: VMX, symbol: 'vmx_hwapic_isr_update', kind: 'function', role: 'writes SVI in the loaded VMCS' },
    { at: ['v6.12'], file: VMX, symbol: 'vmx_hwapic_isr_update', kind: 'function', role: 'defers SVI to vmcs01 while L2 runs (backport of 04bc93cf49d1; not in upstream v6.12)' },
  ],
  links: [P_rootCause, P_perVcpu, P_passthroughState],
};

/** The path as merged: the same at the RFC's base (v6.5) and in v6.12, apart from where the fault-path checks live. */
export const BASE_STEPS: readonly Step[] = [MEMSLOT, VMCS12, TOUCH, EPT_VIOLATION, HIDE, MMIO_SPTE, MISCONFIG, EMULATE, OUTCOME];

const RFC_INHIBIT: Step = {
  id: 'rfc-inhibit',
  actor: 'L0 (KVM)',
  title: 'The RFC: inhibit APICv on this fault',
  text: 'The RFC moves the hiding into a new helper, __kvm_faultin_pfn_guest_mode(). It clears the slot as before and, if the slot was the APIC-access page and APICv is active VM-wide, calls kvm_set_apicv_inhibit() with the new reason APICV_INHIBIT_REASON_L2_PASSTHROUGH_ACCESS, then returns RET_PF_CONTINUE as before.',
  analysis: 'Once the MMIO SPTE exists, later accesses go through handle_mmio_page_fault() and never reach this helper, so in practice the inhibit is set on the first fault.',
  code: [
    { at: ['RFC'], file: MMU, symbol: '__kvm_faultin_pfn_guest_mode', kind: 'function', role: 'new: hides the slot, sets the inhibit' },
    { at: ['RFC'], file: MMU, symbol: '__kvm_faultin_pfn', kind: 'function', role: 'calls the helper in guest mode' },
    { at: ['RFC'], file: 'arch/x86/include/asm/kvm_host.h', symbol: 'kvm_apicv_inhibit', kind: 'enum', role: 'new member after APIC_BASE_MODIFIED' },
  ],
  links: [P_hunk2, P_rfcReason],
  rfc: 'added',
};

const RFC_APICV_OFF: Step = {
  id: 'rfc-apicv-off',
  actor: 'L0 (KVM)',
  title: 'APICv goes off for the whole VM',
  text: 'The RFC adds the reason to VMX_REQUIRED_APICV_INHIBITS, so KVM records it. The VM\u2019s mask goes from zero to non-zero: KVM sends KVM_REQ_APICV_UPDATE to every vCPU and zaps the mappings of the APIC page\u2019s frame. Each vCPU clears apicv_active before its next entry; for a vCPU in L2, the VMX control update waits for the next nested VM-exit.',
  analysis: 'As we read the diff, nothing clears the reason: APICv stays off for the rest of the VM\u2019s life. The zap also bumps the MMU invalidation counter that the fault in progress took a snapshot of, so that fault is found stale and retried (RET_PF_RETRY) without installing anything. After the vCPU has serviced KVM_REQ_APICV_UPDATE, L2\u2019s access faults again; APICv is no longer active, so no second inhibit is set, and that fault installs the MMIO SPTE of the next step. Read in the 6.12.118 fault path; we assume the base behaves the same.',
  code: [
    { at: ['RFC'], file: VMX, symbol: 'VMX_REQUIRED_APICV_INHIBITS', kind: 'macro', role: 'gains the new reason' },
    { at: ['v6.5'], file: X86, symbol: '__kvm_set_or_clear_apicv_inhibit', kind: 'function', role: 'KVM_REQ_APICV_UPDATE, kvm_zap_gfn_range()' },
    { at: ['v6.5'], file: X86, symbol: '__kvm_vcpu_update_apicv', kind: 'function', role: 'clears apicv_active' },
    { at: ['v6.5'], file: VMX, symbol: 'vmx_refresh_apicv_exec_ctrl', kind: 'function', role: 'deferred while in guest mode' },
  ],
  links: [P_setting, P_hunk45],
  rfc: 'added',
};

const RFC_OUTCOME: Step = {
  id: 'outcome',
  actor: 'L0 (KVM)',
  title: 'Interrupts are handled in software',
  text: 'The L2 access is still emulated into L1\u2019s LAPIC, but that LAPIC now runs with apicv_active false: KVM tracks the in-service and pending vectors itself and injects interrupts the software way. L1\u2019s own accesses to the page fault again after the zap and are emulated too, with no MMIO SPTE, because APICv is inhibited.',
  analysis: 'This is the state Koomsin saw working with enable_apicv=N, reached at run time for this VM only; that it removes the lost interrupts is the RFC\u2019s claim and our inference. The maintainers asked for the underlying bug instead, and the RFC was not merged.',
  thread: 'Koomsin, 8 Aug 2023; Christopherson, 7 Aug 2023 (ZNEyQM8CYSAcyt9F@google.com)',
  code: [
    { at: ['v6.5'], file: LAPIC, symbol: 'apic_clear_isr', kind: 'function', role: 'APICv inactive: software ISR bookkeeping' },
    { at: ['v6.5'], file: MMU, symbol: '__kvm_faultin_pfn', kind: 'function', role: 'L1 fault, APICv inhibited: RET_PF_EMULATE' },
  ],
  links: [P_discussion, P_outcome, P_setting],
  rfc: 'changed',
};

/**
 * The same path with the RFC applied: two steps added right after the fault step, a different outcome,
 * every other step the very same object. Written out (no slicing) so bundlers can drop the data from
 * the browser script, which does not use it.
 */
export const RFC_STEPS: readonly Step[] = [MEMSLOT, VMCS12, TOUCH, EPT_VIOLATION, HIDE, RFC_INHIBIT, RFC_APICV_OFF, MMIO_SPTE, MISCONFIG, EMULATE, RFC_OUTCOME];

export type Variant = 'base' | 'rfc';

export function stepsFor(variant: Variant): readonly Step[] {
  return variant === 'rfc' ? RFC_STEPS : BASE_STEPS;
}

export const VARIANT_LABELS: Readonly<Record<Variant, string>> = {
  base: 'Without the RFC',
  rfc: 'With the RFC',
};

export interface MergedStep {
  step: Step;
  /** The variants this step belongs to, in VARIANT order ('base', 'rfc'). */
  variants: readonly Variant[];
}

/**
 * Both variants as one list, each shared step once: the page renders this list (without JavaScript it
 * is the whole story, with the variant-only steps marked) and the script shows one variant's steps.
 * Shared steps keep their order in both variants, so a two-pointer merge keeps every variant's order.
 */
export function mergedSteps(): MergedStep[] {
  const [base, rfc] = [BASE_STEPS, RFC_STEPS];
  const merged: MergedStep[] = [];
  let [i, j] = [0, 0];
  while (i < base.length || j < rfc.length) {
    if (i < base.length && base[i] === rfc[j]) {
      merged.push({ step: base[i++]!, variants: ['base', 'rfc'] });
      j++;
    } else if (i < base.length && !rfc.includes(base[i]!)) {
      merged.push({ step: base[i++]!, variants: ['base'] });
    } else if (j < rfc.length && !base.includes(rfc[j]!)) {
      merged.push({ step: rfc[j++]!, variants: ['rfc'] });
    } else {
      throw new Error('the two variants share steps in a different order');
    }
  }
  return merged;
}

/** Keeps a step index inside 0..count-1. */
export function clampIndex(index: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(Math.trunc(index), 0), count - 1);
}

/**
 * Where to land when switching variants: the same step if it exists in the other list, otherwise the
 * nearest earlier step that does (leaving an RFC-only step goes back to the fault step it follows).
 */
export function mapIndex(fromIds: readonly string[], index: number, toIds: readonly string[]): number {
  for (let i = clampIndex(index, fromIds.length); i >= 0; i--) {
    const j = toIds.indexOf(fromIds[i]!);
    if (j >= 0) return j;
  }
  return 0;
}

/** The sentence announced when a step is shown. */
export function announce(variant: Variant, index: number, count: number, title: string): string {
  return `${VARIANT_LABELS[variant]}: step ${index + 1} of ${count}, ${title}.`;
}

/** "kvm_faultin_pfn()" for functions, the bare name otherwise. */
export function symbolLabel(ref: CodeRef): string {
  return ref.kind === 'function' ? `${ref.symbol}()` : ref.kind === 'enum' ? `enum ${ref.symbol}` : ref.symbol;
}

/** Identifiers, calls and hex numbers in a sentence: `name()`, `0xFEE00000`, `SOME_NAME`, `enable_apicv=Y`. */
const CODE_TOKEN = /(\b\w+\(\)|\b0x[0-9A-Fa-f]+\b|\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?:=[YN]\b)?|\b__\w+)/g;

/** Splits a sentence into plain and code runs, so the markup can set identifiers in <code>. */
export function codeSpans(text: string): { code: boolean; text: string }[] {
  return text
    .split(CODE_TOKEN)
    .filter((part) => part !== '')
    .map((part) => ({ code: new RegExp(`^${CODE_TOKEN.source}$`).test(part), text: part }));
}

/** How a version tag reads in the code list. */
export function atLabel(at: At): string {
  return at === 'RFC' ? 'RFC patch (on v6.5)' : at === 'v6.5' ? 'v6.5 (RFC base)' : at === 'BitVisor' ? 'BitVisor (GitHub mirror)' : LINUX_6_12_TREE_LABEL;
}
