// AVIC IPI delivery, step by step: a guest vCPU sends an IPI with AVIC active; what the processor
// does and what KVM does, for each scenario the reader picks. Pure logic, no DOM.
//
// Sources (Linux 6.12.118 as shipped in Debian linux-source-6.12, a 6.12.y stable tree, not upstream
// v6.12; line numbers from that tree; line references: 6.12.118):
//   avic.c     = arch/x86/kvm/svm/avic.c        svm.c  = arch/x86/kvm/svm/svm.c
//   lapic.c    = arch/x86/kvm/lapic.c           svm.h  = arch/x86/include/asm/svm.h
//   uapi svm.h = arch/x86/include/uapi/asm/svm.h kvm_main.c = virt/kvm/kvm_main.c
//   irq_comm.c = arch/x86/kvm/irq_comm.c        x86.c = arch/x86/kvm/x86.c
// and the project's vetted hardware notes (shared/facts/hardware.md, section B). No AMD manual text was available: what the processor
// does is known only from KVM's comments, and each such step says so (basis 'kvm-comment'), or is
// our inference from names and comments (basis 'inferred').

export type Delivery = 'fixed-edge' | 'fixed-level' | 'nmi' | 'init';

export interface Scenario {
  /**
   * Target vCPU loaded on a host CPU (IsRunning = 1 in its physical APIC ID table entry) and executing
   * guest code. IsRunning alone means only "loaded": a loaded vCPU handling an exit in KVM keeps it set.
   */
  running: boolean;
  /** Target's physical APIC ID table entry has Valid = 1. */
  valid: boolean;
  delivery: Delivery;
}

export const DEFAULT_SCENARIO: Scenario = { running: true, valid: true, delivery: 'fixed-edge' };

export const DELIVERY_LABELS: Record<Delivery, string> = {
  'fixed-edge': 'Fixed, edge-triggered',
  'fixed-level': 'Fixed, level-triggered',
  nmi: 'NMI',
  init: 'INIT',
};

/** The example IPI: vCPU 0 sends to APIC ID 3 in xAPIC physical mode. */
export const SENDER = 0;
export const TARGET = 3;
export const VECTOR = 0xfd;
// ICR low word per delivery mode (APIC_INT_LEVELTRIG to APIC_VECTOR_MASK, apicdef.h:85-99): vector 7:0, delivery mode 10:8
// (APIC_DM_NMI 0x400, APIC_DM_INIT 0x500), level 14 (APIC_INT_ASSERT 0x4000), trigger 15
// (APIC_INT_LEVELTRIG 0x8000).
export const ICR_LOW: Record<Delivery, number> = {
  'fixed-edge': 0x000000fd,
  'fixed-level': 0x0000c0fd,
  nmi: 0x00000400,
  init: 0x0000c500,
};
// xAPIC: destination in ICR2 bits 31:24 (apicdef.h:101 GET_XAPIC_DEST_FIELD).
export const ICR_HIGH = TARGET << 24;

// enum avic_ipi_failure_cause, svm.h:262-268
export const CAUSE_INVALID_INT_TYPE = 0;
export const CAUSE_TARGET_NOT_RUNNING = 1;
export const CAUSE_INVALID_TARGET = 2;
const CAUSE_NAMES = ['AVIC_IPI_FAILURE_INVALID_INT_TYPE', 'AVIC_IPI_FAILURE_TARGET_NOT_RUNNING', 'AVIC_IPI_FAILURE_INVALID_TARGET'] as const;
// SVM_EXIT_AVIC_INCOMPLETE_IPI, uapi/asm/svm.h:99
export const SVM_EXIT_AVIC_INCOMPLETE_IPI = 0x401;

export type Actor = 'guest' | 'cpu' | 'kvm' | 'target';
export const ACTOR_LABELS: Record<Actor, string> = {
  guest: `Guest, vCPU ${SENDER}`,
  cpu: 'Processor (AVIC)',
  kvm: 'KVM',
  target: `Target, vCPU ${TARGET}`,
};

/**
 * guest: what the guest does; kvm-code: read in KVM's code in Linux 6.12.118; kvm-comment: processor behaviour
 * that only KVM's comments describe; inferred: our reading of names and comments, not confirmed.
 */
export type Basis = 'guest' | 'kvm-code' | 'kvm-comment' | 'inferred';
export const BASIS_LABELS: Record<Basis, string> = {
  guest: 'Guest action',
  'kvm-code': 'KVM code, Linux 6.12.118',
  'kvm-comment': 'Hardware behaviour known only from KVM\u2019s comments',
  inferred: 'Our inference from names and comments, not confirmed',
};

export interface Link {
  href: string;
  label: string;
}

export interface Step {
  id: string;
  actor: Actor;
  title: string;
  /** One or two sentences. */
  text: string;
  basis: Basis;
  /** file:line in Linux 6.12.118 */
  source: string;
  link?: Link;
}

export interface ExitInfo {
  code: number;
  cause: number;
  causeName: string;
  exitInfo1: string;
  exitInfo2: string;
}

export interface Walkthrough {
  scenario: Scenario;
  steps: Step[];
  /** The sender's #VMEXIT, or null when the IPI is delivered without one. */
  exit: ExitInfo | null;
  /** One sentence: how the IPI ends. */
  outcome: string;
  /** False when the running choice makes no difference (no target vCPU exists). */
  runningApplies: boolean;
}

const PAGES = {
  doorbell: { href: '/avic/doorbell/', label: 'The AVIC doorbell' },
  doorbellKvm: { href: '/avic/doorbell/#avic_ring_doorbell', label: 'avic_ring_doorbell()' },
  notRunning: { href: '/avic/doorbell/#when-the-target-is-not-running', label: 'When the target is not running' },
  exits: { href: '/avic/exits/#incomplete-ipi-0x401', label: 'Incomplete IPI (0x401)' },
  causes: { href: '/avic/exits/#failure-causes-and-kvms-handling', label: 'Failure causes and KVM\u2019s handling' },
  entry: { href: '/avic/physical-id-table/#entry-layout', label: 'Physical APIC ID table entry' },
  keeping: { href: '/avic/physical-id-table/#how-kvm-keeps-entries-current', label: 'How KVM keeps entries current' },
} satisfies Record<string, Link>;

const hex = (v: number, digits: number) => '0x' + v.toString(16).toUpperCase().padStart(digits, '0');

export function icrText(delivery: Delivery): string {
  return `${hex(ICR_HIGH, 8)}:${hex(ICR_LOW[delivery], 8).slice(2)}`;
}

function exitInfo(cause: number, delivery: Delivery, withIndex: boolean): ExitInfo {
  const exitInfo2 = withIndex ? `${hex(cause, 8)}:${hex(TARGET, 8).slice(2)}` : `${hex(cause, 8)} in bits 63:32`;
  return {
    code: SVM_EXIT_AVIC_INCOMPLETE_IPI,
    cause,
    causeName: CAUSE_NAMES[cause] ?? `cause ${cause}`,
    exitInfo1: icrText(delivery),
    exitInfo2,
  };
}

function sendStep(s: Scenario): Step {
  const what =
    s.delivery === 'nmi' ? 'an NMI' : s.delivery === 'init' ? 'an INIT' : `vector ${hex(VECTOR, 2)} (${DELIVERY_LABELS[s.delivery].toLowerCase()})`;
  return {
    id: 'icr-write',
    actor: 'guest',
    title: 'The sender writes its ICR',
    text: `vCPU ${SENDER} sends ${what} to APIC ID ${TARGET}: it writes ICR2 (${hex(ICR_HIGH, 8)}, destination in bits 31:24) and then the ICR low word (${hex(ICR_LOW[s.delivery], 8)}), physical destination mode, no shorthand. The writes go to its backing page, and KVM's comments describe the processor acting on them without an exit unless delivery fails.`,
    basis: 'guest',
    source: 'apicdef.h:77-101 APIC_ICR to GET_XAPIC_DEST_FIELD; avic.c:124-128, 512-516, 545-546 comments: "redirects the access", "hardware has handled", "The exit is a trap"',
  };
}

const lookupStep = (valid: boolean): Step => ({
  id: 'table-lookup',
  actor: 'cpu',
  title: 'The processor reads the physical APIC ID table',
  text: valid
    ? `It reads entry ${TARGET} of the table the VMCB's avic_physical_id field points at. Valid is 1 and bits 51:12 hold the backing page: KVM wrote both when it created vCPU ${TARGET}.`
    : `It reads entry ${TARGET} and finds Valid = 0. In KVM that means no vCPU has APIC ID ${TARGET}: the table starts zeroed, and KVM sets Valid once, when it creates a vCPU, and never clears it.`,
  basis: 'kvm-comment',
  source: valid
    ? 'avic.c:346-349 WRITE_ONCE() (entry written); avic.c:1080-1083, 557-561 comments: "consumed iff IsRun", "set the appropriate IRR bits"'
    : 'avic.c:241 __GFP_ZERO (zeroed table), 346-349 (only write of Valid)',
  link: PAGES.entry,
});

const irrStep: Step = {
  id: 'set-irr',
  actor: 'cpu',
  title: 'The processor sets the IRR bit in the target\u2019s backing page',
  text: `It sets bit ${hex(VECTOR, 2)} of the IRR (offset 0x200) in vCPU ${TARGET}'s backing page. KVM's comments say the hardware has set the IRR bits of valid targets before a TARGET_NOT_RUNNING exit. They do not promise that the IRR is written before IsRunning is read: they say the processor needs a barrier between the two, and that its lack might be the cause of AMD erratum #1235.`,
  basis: 'kvm-comment',
  source: 'avic.c:557-561, 1204-1208 comments: "AVIC HW has already", "matching memory barrier"',
};

const doorbellStep: Step = {
  id: 'doorbell',
  actor: 'cpu',
  title: 'IsRunning is 1: the target\u2019s host CPU is signalled',
  text: `IsRunning is 1, so the processor uses the host physical APIC ID in bits 11:0 of the entry (written by avic_vcpu_load()) to notify that CPU. IsRunning = 1 means only that vCPU ${TARGET} is loaded there: KVM sets it in avic_vcpu_load() and clears it in avic_vcpu_put(), not on VM entry or exit. KVM's comments say that these fields are used while IsRunning is 1 and that hardware handles targets in guest mode; how the signal travels is not described in any source available here.`,
  basis: 'kvm-comment',
  source: 'avic.c:1081-1082, 1101-1103, 1144-1145, 512-516 AVIC_PHYSICAL_ID_ENTRY_IS_RUNNING_MASK, comments: "consumed iff IsRun", "hardware has handled"',
  link: PAGES.doorbell,
};

const deliveredStep: Step = {
  id: 'delivered',
  actor: 'target',
  title: 'The target takes the interrupt in guest mode',
  text: `vCPU ${TARGET} picks up vector ${hex(VECTOR, 2)} from its IRR without a VM exit, and vCPU ${SENDER} carries on: neither exits and KVM is not involved. Had vCPU ${TARGET} been handling an exit in KVM at that moment (still loaded, so IsRunning stays 1), it would process the IRR bit at its next VMRUN.`,
  basis: 'kvm-comment',
  source: 'avic.c:512-516, svm.c:3840-3843 comments: "hardware has handled", "Signal the doorbell"',
};

function notRunningExitStep(s: Scenario): Step {
  const e = exitInfo(CAUSE_TARGET_NOT_RUNNING, s.delivery, true);
  return {
    id: 'exit-not-running',
    actor: 'cpu',
    title: 'IsRunning is 0: the sender exits with 0x401',
    text: `vCPU ${TARGET} is not loaded (scheduled out, about to halt, or AVIC inhibited for it: avic_vcpu_put() cleared IsRunning), so vCPU ${SENDER} takes #VMEXIT 0x401 AVIC_INCOMPLETE_IPI with EXITINFO1 = ICR ${e.exitInfo1} and EXITINFO2 = ${e.exitInfo2}: cause 1, TARGET_NOT_RUNNING, index ${TARGET}.`,
    basis: 'kvm-comment',
    source: 'uapi/asm/svm.h:99 SVM_EXIT_AVIC_INCOMPLETE_IPI; svm.h:262-268 avic_ipi_failure_cause; avic.c:528-531, 556-561, 1111-1148, 1192-1211 exit_info_1, TARGET_NOT_RUNNING, avic_vcpu_put()',
    link: PAGES.exits,
  };
}

const kvmNotRunningStep: Step = {
  id: 'kvm-handler',
  actor: 'kvm',
  title: 'KVM handles the exit: avic_incomplete_ipi_interception()',
  text: 'The handler emits the kvm_avic_incomplete_ipi tracepoint and, for cause 1, calls avic_kick_target_vcpus(). It does not touch the IRR: its comment says the hardware has already set it, so KVM only has to make the target notice.',
  basis: 'kvm-code',
  source: 'avic.c:525-534, 556-563 avic_incomplete_ipi_interception(), avic_kick_target_vcpus()',
  link: PAGES.causes,
};

const kickStep: Step = {
  id: 'kick',
  actor: 'kvm',
  title: 'KVM finds the target: avic_kick_target_vcpus()',
  text: `The fast path applies: no shorthand, and physical destination ${TARGET} is not the broadcast ID and equals the index. KVM takes vCPU ${TARGET} from kvm_get_vcpu_by_id() (vCPU ID = APIC ID while AVIC is active) and calls avic_kick_vcpu(): irr_pending = true, then svm_complete_interrupt_delivery().`,
  basis: 'kvm-code',
  source: 'avic.c:376-398, 432-458, 500-508 avic_kick_vcpu(), avic_kick_target_vcpus_fast()',
};

const completeStep: Step = {
  id: 'wake',
  actor: 'kvm',
  title: 'KVM wakes the target, or rings the doorbell',
  text: `svm_complete_interrupt_delivery(): if vCPU ${TARGET} has entered guest mode since, KVM rings the doorbell (avic_ring_doorbell() writes the host APIC ID to MSR 0xC001011B); otherwise kvm_vcpu_wake_up() wakes it if it is blocked in HLT.`,
  basis: 'kvm-code',
  source: 'svm.c:3820-3852 svm_complete_interrupt_delivery(); avic.c:356-372 avic_ring_doorbell()',
  link: PAGES.doorbellKvm,
};

const resumeStep: Step = {
  id: 'resume',
  actor: 'target',
  title: 'The target runs and takes the interrupt',
  text: `A woken vCPU ${TARGET} runs avic_vcpu_unblocking(), which calls avic_vcpu_load() and sets IsRunning again; at its next VMRUN the hardware processes the pending IRR bit. The sender's handler returned 1, so vCPU ${SENDER} is back in the guest.`,
  basis: 'kvm-comment',
  source: 'avic.c:1213-1219, 574, svm.c:3840-3843 avic_vcpu_unblocking(), "return 1", "Signal the doorbell"',
  link: PAGES.keeping,
};

function unsupportedExitStep(s: Scenario): Step {
  const e = exitInfo(CAUSE_INVALID_INT_TYPE, s.delivery, false);
  const what = s.delivery === 'fixed-level' ? 'a level-triggered fixed IPI' : `an ${DELIVERY_LABELS[s.delivery]} IPI`;
  return {
    id: 'exit-int-type',
    actor: 'cpu',
    title: `The processor does not accelerate ${what}`,
    text: `KVM's comment: AVIC hardware only virtualizes fixed, edge-triggered interrupts. vCPU ${SENDER} takes #VMEXIT 0x401 with EXITINFO1 = ICR ${e.exitInfo1} and cause 0, INVALID_INT_TYPE, in EXITINFO2 bits 63:32. Whether the processor reads the table first${s.valid ? '' : ', and which cause it reports when the target is invalid too,'} is not described in available sources; KVM handles causes 0 and 2 the same way.`,
    basis: 'kvm-comment',
    source: 'avic.c:537-543; svm.h:262-268',
    link: PAGES.causes,
  };
}

function invalidExitStep(s: Scenario): Step {
  const e = exitInfo(CAUSE_INVALID_TARGET, s.delivery, false);
  return {
    id: 'exit-invalid-target',
    actor: 'cpu',
    title: 'Invalid target: the sender exits with 0x401',
    text: `vCPU ${SENDER} takes #VMEXIT 0x401 with EXITINFO1 = ICR ${e.exitInfo1} and cause 2, INVALID_TARGET, in EXITINFO2 bits 63:32. That an entry with Valid = 0 produces this cause is our reading of the cause's name and of KVM's comment that AVIC "falls over if _any_ targets are invalid".`,
    basis: 'inferred',
    source: 'svm.h:262-268; avic.c:537-543',
    link: PAGES.causes,
  };
}

const emulateStep: Step = {
  id: 'kvm-emulate',
  actor: 'kvm',
  title: 'KVM emulates the IPI',
  text: 'avic_incomplete_ipi_interception() treats causes 0 and 2 alike. The exit is a trap (the ICR holds the value, RIP has moved on), so KVM calls kvm_apic_send_ipi(apic, icrl, icrh); if the hardware left the ICR busy bit set, it re-runs the ICR write with kvm_apic_write_nodecode(vcpu, APIC_ICR) instead.',
  basis: 'kvm-code',
  source: 'avic.c:537-555',
  link: PAGES.causes,
};

const noTargetStep: Step = {
  id: 'no-target',
  actor: 'kvm',
  title: 'No vCPU matches: the IPI is dropped',
  text: `kvm_apic_send_ipi() passes the IPI to kvm_irq_delivery_to_apic(). No vCPU has APIC ID ${TARGET}, so the lookup returns no destination and nothing is delivered. The sender's handler returns 1 and vCPU ${SENDER} resumes.`,
  basis: 'kvm-code',
  source: 'lapic.c:1530-1552, 1185-1193 kvm_apic_send_ipi(), phys_map; irq_comm.c:47-89 kvm_irq_delivery_to_apic(); avic.c:574 "return 1"',
};

function acceptStep(s: Scenario): Step {
  const texts: Record<Delivery, string> = {
    'fixed-edge': '',
    'fixed-level': `kvm_irq_delivery_to_apic() finds vCPU ${TARGET} and calls __apic_accept_irq(). For a fixed interrupt KVM sets the vector's TMR bit (level) and calls SVM's deliver_interrupt hook, svm_deliver_interrupt(): it sets the IRR bit in the backing page, then calls svm_complete_interrupt_delivery().`,
    nmi: `kvm_irq_delivery_to_apic() finds vCPU ${TARGET} and calls __apic_accept_irq(). For an NMI KVM queues it with kvm_inject_nmi() (KVM_REQ_NMI) and calls kvm_vcpu_kick().`,
    init: `kvm_irq_delivery_to_apic() finds vCPU ${TARGET} and calls __apic_accept_irq(). For INIT (edge, or level with assert) KVM records KVM_APIC_INIT in pending_events, raises KVM_REQ_EVENT and calls kvm_vcpu_kick().`,
  };
  const sources: Record<Delivery, string> = {
    'fixed-edge': '',
    'fixed-level': 'lapic.c:1317-1356 __apic_accept_irq(); svm.c:3854-3868 svm_deliver_interrupt()',
    nmi: 'lapic.c:1372-1376 APIC_DM_NMI; x86.c:975-979 kvm_inject_nmi()',
    init: 'lapic.c:1378-1386 APIC_DM_INIT',
  };
  return { id: 'kvm-accept', actor: 'kvm', title: 'KVM\u2019s APIC emulation accepts the IPI', text: texts[s.delivery], basis: 'kvm-code', source: sources[s.delivery] };
}

function emulatedFinishStep(s: Scenario): Step {
  if (s.delivery === 'fixed-level') {
    return s.running
      ? {
          id: 'kvm-doorbell',
          actor: 'kvm',
          title: 'KVM rings the doorbell',
          text: `vCPU ${TARGET} is in guest mode, so svm_complete_interrupt_delivery() calls avic_ring_doorbell(), which writes the target's host APIC ID to MSR 0xC001011B; the target takes the interrupt without an exit (KVM comment). If it leaves guest mode first, it processes the IRR at its next VMRUN.`,
          basis: 'kvm-code',
          source: 'svm.c:3838-3845 avic_ring_doorbell(); avic.c:356-372 avic_ring_doorbell()',
          link: PAGES.doorbellKvm,
        }
      : {
          id: 'kvm-wake',
          actor: 'kvm',
          title: 'KVM wakes the target',
          text: `vCPU ${TARGET} is not in guest mode, so svm_complete_interrupt_delivery() calls kvm_vcpu_wake_up(); the woken vCPU finds the IRR bit when KVM checks for wake events, and the hardware processes it at the next VMRUN.`,
          basis: 'kvm-code',
          source: 'svm.c:3845-3851 kvm_vcpu_wake_up()',
          link: PAGES.notRunning,
        };
  }
  const what = s.delivery === 'nmi' ? 'injects the queued NMI (KVM_REQ_NMI, process_nmi())' : 'processes the pending INIT (KVM_REQ_EVENT, kvm_apic_accept_events())';
  return s.running
    ? {
        id: 'kvm-kick-running',
        actor: 'kvm',
        title: 'KVM forces the target out of guest mode',
        text: `vCPU ${TARGET} is in guest mode, so kvm_vcpu_kick() sends a reschedule IPI to its host CPU to make it exit. Before re-entering the guest, KVM ${what}. No doorbell is involved: AVIC carries only fixed interrupts.`,
        basis: 'kvm-code',
        source: 'kvm_main.c:3955-3990 kvm_vcpu_kick(); x86.c:10395-10396 process_nmi(), 10468 kvm_apic_accept_events()',
      }
    : {
        id: 'kvm-kick-blocked',
        actor: 'kvm',
        title: 'KVM wakes the target',
        text: `kvm_vcpu_kick() first tries kvm_vcpu_wake_up(), which wakes vCPU ${TARGET} if it is blocked. On its next entry KVM ${what}.`,
        basis: 'kvm-code',
        source: 'kvm_main.c:3939-3948 kvm_vcpu_wake_up(), 3959; x86.c:10395-10396 process_nmi(), 10468 kvm_apic_accept_events()',
      };
}

export function walkthrough(s: Scenario): Walkthrough {
  const steps: Step[] = [sendStep(s)];
  const fixedEdge = s.delivery === 'fixed-edge';
  if (!fixedEdge) {
    steps.push(unsupportedExitStep(s), emulateStep);
    if (!s.valid) {
      steps.push(noTargetStep);
      return {
        scenario: s,
        steps,
        exit: { ...exitInfo(CAUSE_INVALID_INT_TYPE, s.delivery, false), causeName: 'AVIC_IPI_FAILURE_INVALID_INT_TYPE or AVIC_IPI_FAILURE_INVALID_TARGET (not stated which)' },
        outcome: `One #VMEXIT on the sender (0x401, cause 0 or 2); KVM emulates the ${DELIVERY_LABELS[s.delivery]} IPI, finds no vCPU with APIC ID ${TARGET} and drops it.`,
        runningApplies: false,
      };
    }
    steps.push(acceptStep(s), emulatedFinishStep(s));
    const tail =
      s.delivery === 'fixed-level'
        ? s.running
          ? 'KVM sets the IRR bit itself and rings the doorbell.'
          : 'KVM sets the IRR bit itself and wakes the target.'
        : s.running
          ? 'KVM kicks the running target out of the guest and injects the event on re-entry.'
          : 'KVM wakes the target and injects the event on its next entry.';
    return {
      scenario: s,
      steps,
      exit: exitInfo(CAUSE_INVALID_INT_TYPE, s.delivery, false),
      outcome: `One #VMEXIT on the sender (0x401, cause 0, INVALID_INT_TYPE); KVM emulates the IPI. ${tail}`,
      runningApplies: true,
    };
  }
  steps.push(lookupStep(s.valid));
  if (!s.valid) {
    steps.push(invalidExitStep(s), emulateStep, noTargetStep);
    return {
      scenario: s,
      steps,
      exit: exitInfo(CAUSE_INVALID_TARGET, s.delivery, false),
      outcome: `One #VMEXIT on the sender (0x401, cause 2, INVALID_TARGET); KVM emulates the IPI, finds no vCPU with APIC ID ${TARGET} and drops it.`,
      runningApplies: false,
    };
  }
  steps.push(irrStep);
  if (s.running) {
    steps.push(doorbellStep, deliveredStep);
    return { scenario: s, steps, exit: null, outcome: 'Delivered entirely by the processor: no #VMEXIT on either vCPU.', runningApplies: true };
  }
  steps.push(notRunningExitStep(s), kvmNotRunningStep, kickStep, completeStep, resumeStep);
  return {
    scenario: s,
    steps,
    exit: exitInfo(CAUSE_TARGET_NOT_RUNNING, s.delivery, true),
    outcome: 'One #VMEXIT on the sender (0x401, cause 1, TARGET_NOT_RUNNING); the processor already set the IRR bit, KVM only wakes the target.',
    runningApplies: true,
  };
}

export function scenarioLabel(s: Scenario): string {
  const target = s.valid ? (s.running ? 'target running' : 'target not running') : 'invalid target';
  return `${DELIVERY_LABELS[s.delivery]} IPI, ${target}`;
}

/** Keeps a step index inside the walkthrough. */
export function clampStep(index: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(0, Math.trunc(index)), count - 1);
}

/** The sentence announced when step `index` becomes current. */
export function announce(w: Walkthrough, index: number): string {
  const i = clampStep(index, w.steps.length);
  const step = w.steps[i];
  if (!step) return '';
  const last = i === w.steps.length - 1 ? ` Outcome: ${w.outcome}` : '';
  return `Step ${i + 1} of ${w.steps.length}, ${ACTOR_LABELS[step.actor]}: ${step.title}. ${step.text}${last}`;
}

/** One row per distinct path, for the outcome table. */
export const OUTCOME_SCENARIOS: readonly Scenario[] = [
  { running: true, valid: true, delivery: 'fixed-edge' },
  { running: false, valid: true, delivery: 'fixed-edge' },
  { running: true, valid: false, delivery: 'fixed-edge' },
  { running: true, valid: true, delivery: 'fixed-level' },
  { running: false, valid: true, delivery: 'nmi' },
];

export function parseScenario(running: string, valid: string, delivery: string): Scenario {
  const d: Delivery = delivery === 'fixed-level' || delivery === 'nmi' || delivery === 'init' ? delivery : 'fixed-edge';
  return { running: running !== 'no', valid: valid !== 'no', delivery: d };
}

/** Unique element-id prefixes for several steppers on one page (build-time counter). */
export const nextStepperId: () => string = (() => {
  let n = 0;
  return () => `avic-ipi-${++n}`;
})();
