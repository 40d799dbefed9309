// Virtual-interrupt delivery (Intel APICv) as a pure state machine.
//
// The rules follow the SDM pseudocode of "APIC Virtualization and Virtual Interrupts" (older Vol. 3C
// edition, Chapter 29) as modelled by Bochs, bochs-emu/Bochs@783b58fd bochs/cpu/vapic.cc, and as
// summarised in the project's vetted hardware notes (shared/facts/hardware.md, sections A.5 and A.6). Function names in the comments
// are the Bochs functions each rule is taken from. Linux file:line references are to Linux 6.12.118
// (the Debian 6.12.y tree), not upstream v6.12; line references: 6.12.118.
//
// Modelled: VIRR, VISR, RVI, SVI, VTPR, VPPR, the EOI-exit bitmap and the posted-interrupt
// descriptor's PIR and ON. Simplifications (stated in the UI too):
// - The guest is always interruptible: RFLAGS.IF = 1, no STI or MOV SS blocking, and "interrupt-window
//   exiting" = 0, so a recognised virtual interrupt can be delivered. `evaluate` still takes the
//   interrupt-window control so the rule itself is visible and tested.
// - "Virtual-interrupt delivery" = 1 throughout. (With VID = 0, TPR virtualization compares VTPR[7:4]
//   with the TPR threshold instead: SDM §29.1.2, Bochs VMX_TPR_Virtualization, vapic.cc:297.)
// - Vectors 0-15 are not accepted in VIRR, VISR, PIR or the EOI-exit bitmap: they are simply not
//   modelled. The one rule for them we do model is that a self-IPI with a vector below 16 is not
//   virtualized (APIC-write exit; Bochs VMX_Write_VICR and Virtualize_X2APIC_Write).
// - "VM entry" (the evaluate action) models only what VM entry does to this state: PPR virtualization,
//   then evaluation. Loading RVI and SVI from the VMCS is implicit, since they are held here directly.
// - The posted-interrupt sender is KVM's software path (vmx_deliver_posted_interrupt); SN, NV and NDST
//   (used by VT-d and IPI-virtualization senders) are not modelled.

/** Bits are kept as sorted lists of vector numbers (0-255). */
export type VectorSet = readonly number[];

export interface VidState {
  /** Virtual IRR: vectors requested (virtual-APIC page 200H-270H, SDM §29.1.1). */
  readonly virr: VectorSet;
  /** Virtual ISR: vectors in service (virtual-APIC page 100H-170H, SDM §29.1.1). */
  readonly visr: VectorSet;
  /** Requesting virtual interrupt, guest interrupt status bits 7:0 (VMCS 0x0810; Linux vmx.h:492 vmx_get_rvi). */
  readonly rvi: number;
  /** Servicing virtual interrupt, guest interrupt status bits 15:8 (Linux vmx.c:6849 vmx_hwapic_isr_update). */
  readonly svi: number;
  /** Virtual TPR, virtual-APIC page offset 080H (SDM §29.1.1). */
  readonly vtpr: number;
  /** Virtual PPR, virtual-APIC page offset 0A0H (SDM §29.1.1). */
  readonly vppr: number;
  /** EOI-exit bitmap, VMCS EOI_EXIT_BITMAP0-3 (0x201C-0x2022; Linux asm/vmx.h:243-250). */
  readonly eoiExitBitmap: VectorSet;
  /** Posted-interrupt requests, descriptor bits 255:0 (`pir`, Linux asm/posted_intr.h:14; Bochs vapic.cc PID comment). */
  readonly pir: VectorSet;
  /** Outstanding notification, descriptor bit 256 (POSTED_INTR_ON 0, Linux asm/posted_intr.h:6). */
  readonly on: boolean;
  /** Whether the last evaluation recognised a pending virtual interrupt (Bochs BX_EVENT_PENDING_VMX_VIRTUAL_INTR). */
  readonly recognized: boolean;
}

export interface VidExit {
  /** Basic exit reason: 45 EXIT_REASON_EOI_INDUCED, 56 EXIT_REASON_APIC_WRITE (Linux uapi/asm/vmx.h:71, :82). */
  readonly reason: 45 | 56;
  readonly name: 'EOI_INDUCED' | 'APIC_WRITE';
  /** Exit qualification: the vector for exit 45 (Bochs vapic.cc:336), the page offset for exit 56. */
  readonly qualification: number;
}

export interface StepResult {
  readonly state: VidState;
  /** Short name of the step, e.g. "EOI virtualization". */
  readonly title: string;
  /** What happened, in a sentence or two. */
  readonly message: string;
  readonly exit?: VidExit;
}

export type VidAction =
  | { readonly kind: 'evaluate' }
  | { readonly kind: 'deliver' }
  | { readonly kind: 'eoi' }
  | { readonly kind: 'tpr'; readonly value: number }
  | { readonly kind: 'selfIpi'; readonly vector: number }
  | { readonly kind: 'post'; readonly vector: number }
  | { readonly kind: 'notify' };

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Lowest vector the simulator accepts in its bitmaps; 0-15 are not modelled (see header). */
export const FIRST_MODELLED_VECTOR = 16;

/** `0x31` style, two upper-case hex digits. */
export function hex2(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** "0x31, 0x45" or "none". */
export function formatVectors(set: VectorSet): string {
  return set.length === 0 ? 'none' : set.map(hex2).join(', ');
}

/** Priority class: bits 7:4 of a vector or priority (SDM §29.2.1 compares RVI[7:4] with VPPR[7:4]). */
export function priorityClass(value: number): number {
  return (value >> 4) & 0xf;
}

/** Highest vector in the set, or 0 if it is empty ("or 0" as in Bochs vapic_clear_and_find_highest_priority_int). */
export function highestVector(set: VectorSet): number {
  return set.length === 0 ? 0 : (set[set.length - 1] ?? 0);
}

function withVector(set: VectorSet, vector: number): VectorSet {
  return set.includes(vector) ? set : [...set, vector].sort((a, b) => a - b);
}

function withoutVector(set: VectorSet, vector: number): VectorSet {
  return set.filter((v) => v !== vector);
}

function union(a: VectorSet, b: VectorSet): VectorSet {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

export type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

/**
 * Parses a byte written in hex: "31", "0x31", "31h" (case-insensitive). Never throws.
 * `what` names the field in the error message.
 */
export function parseHexByte(text: string, what: string): Parsed {
  const t = text.trim();
  const m = /^(?:0x)?([0-9a-f]{1,2})h?$/i.exec(t);
  if (t === '' || m === null || m[1] === undefined) {
    return { ok: false, error: `${what}: "${t}" is not a hex byte; write it like 0x31 (0x00 to 0xFF).` };
  }
  return { ok: true, value: parseInt(m[1], 16) };
}

/** Parses a vector for VIRR, VISR, PIR or the EOI-exit bitmap: a hex byte of at least 0x10. */
export function parseModelledVector(text: string): Parsed {
  const p = parseHexByte(text, 'Vector');
  if (!p.ok) return p;
  if (p.value < FIRST_MODELLED_VECTOR) {
    return { ok: false, error: `Vector ${hex2(p.value)}: vectors 0x00-0x0F are not modelled here; use 0x10 to 0xFF.` };
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// The architectural rules

/**
 * PPR virtualization (SDM §29.1.3; Bochs VMX_PPR_Virtualization, vapic.cc:320):
 * IF VTPR[7:4] >= SVI[7:4] THEN VPPR <- VTPR ELSE VPPR <- SVI & F0H.
 * KVM's software APIC uses the same rule with the highest ISR vector (__apic_update_ppr, lapic.c:968-981).
 */
export function virtualPpr(vtpr: number, svi: number): number {
  return priorityClass(vtpr) >= priorityClass(svi) ? vtpr & 0xff : svi & 0xf0;
}

/**
 * Evaluation of pending virtual interrupts (SDM §29.2.1; Bochs VMX_Evaluate_Pending_Virtual_Interrupts,
 * vapic.cc:279): IF "interrupt-window exiting" = 0 AND RVI[7:4] > VPPR[7:4] THEN recognise.
 * KVM uses the same comparison in vmx_has_apicv_interrupt (nested.c:3519-3525).
 */
export function isRecognized(rvi: number, vppr: number, interruptWindowExiting = false): boolean {
  return !interruptWindowExiting && priorityClass(rvi) > priorityClass(vppr);
}

export function evaluate(state: VidState, interruptWindowExiting = false): VidState {
  return { ...state, recognized: isRecognized(state.rvi, state.vppr, interruptWindowExiting) };
}

function evaluationSentence(s: VidState): string {
  if (s.recognized) {
    return `RVI ${hex2(s.rvi)} is in priority class ${priorityClass(s.rvi)}, above VPPR ${hex2(s.vppr)} (class ${priorityClass(s.vppr)}), so a virtual interrupt is recognised and can be delivered.`;
  }
  if (s.rvi === 0) return 'RVI is 0x00, so nothing is pending and no virtual interrupt is recognised.';
  return `RVI ${hex2(s.rvi)} (class ${priorityClass(s.rvi)}) is not above VPPR ${hex2(s.vppr)} (class ${priorityClass(s.vppr)}), so no virtual interrupt is recognised; ${hex2(s.rvi)} stays pending in VIRR.`;
}

/**
 * VM entry with "virtual-interrupt delivery" = 1: after loading RVI and SVI from the guest interrupt
 * status, the processor performs PPR virtualization and then evaluates pending virtual interrupts
 * (SDM §29.1.3 lists VM entry first among the PPR-virtualization triggers; §29.2.1 lists it among the
 * evaluation triggers). So a VPPR left stale on the virtual-APIC page is recomputed here.
 */
export function stepEvaluate(state: VidState): StepResult {
  const vppr = virtualPpr(state.vtpr, state.svi);
  const s = evaluate({ ...state, vppr });
  const ppr =
    vppr === state.vppr
      ? `PPR virtualization leaves VPPR at ${hex2(vppr)}`
      : `PPR virtualization recomputes VPPR from VTPR and SVI: ${hex2(state.vppr)} becomes ${hex2(vppr)}`;
  return { state: s, title: 'VM entry', message: `VM entry: ${ppr}, then the processor evaluates: ${evaluationSentence(s)}` };
}

/**
 * Virtual-interrupt delivery (SDM §29.2.2; Bochs VMX_Deliver_Virtual_Interrupt, vapic.cc:377):
 * Vector <- RVI; VISR[Vector] <- 1; SVI <- Vector; VPPR <- Vector & F0H; VIRR[Vector] <- 0;
 * RVI <- highest VIRR bit or 0; deliver Vector through the guest IDT.
 */
export function stepDeliver(state: VidState): StepResult {
  if (!state.recognized) {
    return {
      state,
      title: 'Delivery',
      message: 'Nothing is delivered: no pending virtual interrupt has been recognised. Evaluation happens only at VM entry, TPR virtualization, EOI virtualization, self-IPI virtualization and posted-interrupt processing.',
    };
  }
  const vector = state.rvi;
  const virr = withoutVector(state.virr, vector);
  const s: VidState = {
    ...state,
    visr: withVector(state.visr, vector),
    svi: vector,
    vppr: vector & 0xf0,
    virr,
    rvi: highestVector(virr),
    recognized: false,
  };
  return {
    state: s,
    title: 'Delivery',
    message: `Delivery: vector ${hex2(vector)} moves from VIRR to VISR, SVI becomes ${hex2(vector)}, VPPR becomes ${hex2(s.vppr)} and RVI becomes ${hex2(s.rvi)}${virr.length === 0 ? ' (VIRR is empty)' : ' (the highest vector left in VIRR)'}; the guest runs its handler for ${hex2(vector)} with no VM exit.`,
  };
}

/**
 * EOI virtualization (SDM §29.1.4; Bochs VMX_EOI_Virtualization, vapic.cc:336):
 * VEOI <- 0; Vector <- SVI; VISR[Vector] <- 0; SVI <- highest VISR bit or 0; PPR virtualization;
 * IF EOI_exit_bitmap[Vector] = 1 THEN EOI-induced VM exit (45), qualification Vector
 * ELSE evaluate pending virtual interrupts.
 */
export function stepEoi(state: VidState): StepResult {
  const vector = state.svi;
  const visr = withoutVector(state.visr, vector);
  const svi = highestVector(visr);
  const base: VidState = { ...state, visr, svi, vppr: virtualPpr(state.vtpr, svi) };
  const retired =
    state.visr.includes(vector)
      ? `the guest's EOI retires ${hex2(vector)} (its VISR bit is cleared)`
      : `no virtual interrupt was in service (SVI was ${hex2(vector)}), so the EOI clears nothing`;
  const head = `EOI virtualization: ${retired}, SVI becomes ${hex2(svi)} and PPR virtualization sets VPPR to ${hex2(base.vppr)}.`;
  if (state.eoiExitBitmap.includes(vector)) {
    return {
      state: { ...base, recognized: false },
      title: 'EOI virtualization, EOI-induced exit',
      message: `${head} ${hex2(vector)} is set in the EOI-exit bitmap, so instead of evaluating, the processor causes a trap-like EOI-induced VM exit (reason 45) with qualification ${hex2(vector)}; KVM's handle_apic_eoi_induced() passes the EOI on, e.g. to its I/O APIC.`,
      exit: { reason: 45, name: 'EOI_INDUCED', qualification: vector },
    };
  }
  const s = evaluate(base);
  return {
    state: s,
    title: 'EOI virtualization',
    message: `${head} ${hex2(vector)} is not in the EOI-exit bitmap, so there is no VM exit and the processor evaluates: ${evaluationSentence(s)}`,
  };
}

/**
 * TPR virtualization with VID = 1 (SDM §29.1.2; Bochs VMX_TPR_Virtualization, vapic.cc:297), after a
 * MOV to CR8, a write to APIC-access-page offset 080H or WRMSR 808H has stored `value` in VTPR:
 * PPR virtualization, then evaluate pending virtual interrupts.
 */
export function stepTprWrite(state: VidState, value: number): StepResult {
  const vtpr = value & 0xff;
  const s = evaluate({ ...state, vtpr, vppr: virtualPpr(vtpr, state.svi) });
  return {
    state: s,
    title: 'TPR virtualization',
    message: `TPR virtualization: the guest's TPR write stores ${hex2(vtpr)} in VTPR with no VM exit; PPR virtualization sets VPPR to ${hex2(s.vppr)}, then the processor evaluates: ${evaluationSentence(s)}`,
  };
}

/** SELF IPI register offset 3F0H (Linux apicdef.h:126 APIC_SELF_IPI; x2APIC MSR 83FH). */
export const APIC_SELF_IPI_OFFSET = 0x3f0;

/**
 * Self-IPI virtualization (SDM §29.1.5; Bochs VMX_Self_IPI_Virtualization, vapic.cc:367):
 * VIRR[Vector] <- 1; RVI <- max(RVI, Vector); evaluate pending virtual interrupts.
 * Only for vectors >= 16: a smaller vector written to the x2APIC SELF IPI MSR (83FH) causes an
 * APIC-write VM exit (56) with the page offset 3F0H as qualification (Bochs Virtualize_X2APIC_Write,
 * vapic.cc:485); a VICR self-IPI with such a vector exits the same way with offset 300H (VMX_Write_VICR, :428).
 */
export function stepSelfIpi(state: VidState, vector: number): StepResult {
  if (vector < 16) {
    return {
      state: { ...state, recognized: false },
      title: 'Self-IPI, not virtualized',
      message: `A self-IPI with vector ${hex2(vector)} (below 16) is not virtualized: writing it to the x2APIC SELF IPI register causes a trap-like APIC-write VM exit (reason 56) with qualification 0x3F0, and KVM emulates the write.`,
      exit: { reason: 56, name: 'APIC_WRITE', qualification: APIC_SELF_IPI_OFFSET },
    };
  }
  const s = evaluate({ ...state, virr: withVector(state.virr, vector), rvi: Math.max(state.rvi, vector) });
  return {
    state: s,
    title: 'Self-IPI virtualization',
    message: `Self-IPI virtualization: the processor sets VIRR bit ${hex2(vector)} and RVI becomes ${hex2(s.rvi)} (the larger of the old RVI and ${hex2(vector)}), with no VM exit; then it evaluates: ${evaluationSentence(s)}`,
  };
}

/**
 * A sender posts `vector`, in the order KVM's vmx_deliver_posted_interrupt uses (vmx.c:4287-4305):
 * set the PIR bit (return if it was already set), then test-and-set ON; only if ON was 0 is the
 * notification vector sent (kvm_vcpu_trigger_posted_interrupt, vmx.c:4197).
 */
export function stepPost(state: VidState, vector: number): StepResult {
  if (state.pir.includes(vector)) {
    return {
      state,
      title: 'Posting',
      message: `PIR bit ${hex2(vector)} was already set, so the sender (KVM's vmx_deliver_posted_interrupt()) returns at once: that interrupt is already pending.`,
    };
  }
  const s: VidState = { ...state, pir: withVector(state.pir, vector), on: true };
  const tail = state.on
    ? 'ON was already 1, so a notification is already on its way and none is sent.'
    : 'ON was 0, so the sender sets it and sends the notification vector to the physical CPU running the vCPU.';
  return { state: s, title: 'Posting', message: `Posting: the sender sets PIR bit ${hex2(vector)} in the descriptor. ${tail}` };
}

/**
 * Posted-interrupt processing (SDM §29.6; Bochs VMX_Posted_Interrupt_Processing, vapic.cc:531), when
 * the notification vector arrives in VMX non-root operation with "process posted interrupts" = 1:
 * clear ON; write 0 to the physical local APIC's EOI; VIRR |= PIR; PIR <- 0;
 * RVI <- max(RVI, highest PIR bit) (unchanged if PIR was empty); evaluate pending virtual interrupts.
 */
export function stepNotify(state: VidState): StepResult {
  const posted = state.pir;
  const rvi = posted.length === 0 ? state.rvi : Math.max(state.rvi, highestVector(posted));
  const s = evaluate({ ...state, on: false, virr: union(state.virr, posted), pir: [], rvi });
  const moved =
    posted.length === 0
      ? 'PIR was empty, so VIRR and RVI are unchanged'
      : `ORs PIR (${formatVectors(posted)}) into VIRR, clears PIR and sets RVI to ${hex2(rvi)}`;
  return {
    state: s,
    title: 'Posted-interrupt processing',
    message: `Posted-interrupt processing: the notification vector arrives while the guest runs, so instead of exiting the processor clears ON, dismisses the notification with an EOI to the physical APIC, ${moved}; then it evaluates: ${evaluationSentence(s)}`,
  };
}

export function applyAction(state: VidState, action: VidAction): StepResult {
  switch (action.kind) {
    case 'evaluate':
      return stepEvaluate(state);
    case 'deliver':
      return stepDeliver(state);
    case 'eoi':
      return stepEoi(state);
    case 'tpr':
      return stepTprWrite(state, action.value);
    case 'selfIpi':
      return stepSelfIpi(state, action.vector);
    case 'post':
      return stepPost(state, action.vector);
    case 'notify':
      return stepNotify(state);
  }
}

// ---------------------------------------------------------------------------------------------
// Setup: the hypervisor's view before VM entry

export interface SetupSpec {
  readonly virr?: VectorSet;
  readonly visr?: VectorSet;
  readonly vtpr?: number;
  readonly eoiExitBitmap?: VectorSet;
  readonly pir?: VectorSet;
  readonly on?: boolean;
}

/**
 * A consistent state as a hypervisor leaves it before VM entry: RVI = highest VIRR bit (KVM:
 * vmx_sync_pir_to_irr -> vmx_set_rvi(max_irr), vmx.c:6878/6948), SVI = highest VISR bit (KVM:
 * vmx_hwapic_isr_update, vmx.c:6849), VPPR by the PPR rule (KVM: __apic_update_ppr, lapic.c:968).
 * Nothing is recognised until an evaluation runs.
 */
export function makeState(spec: SetupSpec = {}): VidState {
  const sorted = (s: VectorSet | undefined): VectorSet => [...new Set(s ?? [])].sort((a, b) => a - b);
  const virr = sorted(spec.virr);
  const visr = sorted(spec.visr);
  const vtpr = (spec.vtpr ?? 0) & 0xff;
  const svi = highestVector(visr);
  return {
    virr,
    visr,
    rvi: highestVector(virr),
    svi,
    vtpr,
    vppr: virtualPpr(vtpr, svi),
    eoiExitBitmap: sorted(spec.eoiExitBitmap),
    pir: sorted(spec.pir),
    on: spec.on ?? false,
    recognized: false,
  };
}

function specOf(s: VidState): SetupSpec {
  return { virr: s.virr, visr: s.visr, vtpr: s.vtpr, eoiExitBitmap: s.eoiExitBitmap, pir: s.pir, on: s.on };
}

export type SetupField = 'virr' | 'visr' | 'eoiExitBitmap';

const FIELD_NAMES: Record<SetupField, string> = { virr: 'VIRR', visr: 'VISR', eoiExitBitmap: 'EOI-exit bitmap' };

/** The hypervisor toggles one bit; RVI, SVI and VPPR are recomputed as in makeState. */
export function toggleSetupBit(state: VidState, field: SetupField, vector: number): StepResult {
  const had = state[field].includes(vector);
  const next = had ? withoutVector(state[field], vector) : withVector(state[field], vector);
  const s = makeState({ ...specOf(state), [field]: next });
  const derived = field === 'virr' ? `RVI is now ${hex2(s.rvi)}` : field === 'visr' ? `SVI is now ${hex2(s.svi)} and VPPR ${hex2(s.vppr)}` : 'it matters at the next EOI of that vector';
  return {
    state: s,
    title: 'Setup',
    message: `Setup: ${FIELD_NAMES[field]} bit ${hex2(vector)} ${had ? 'cleared' : 'set'}; ${derived}. The processor looks at it at the next evaluation (e.g. VM entry).`,
  };
}

/** The hypervisor sets VTPR before VM entry (no TPR virtualization, no evaluation). */
export function setupVtpr(state: VidState, value: number): StepResult {
  const s = makeState({ ...specOf(state), vtpr: value });
  return {
    state: s,
    title: 'Setup',
    message: `Setup: VTPR set to ${hex2(s.vtpr)}, so VPPR is ${hex2(s.vppr)}. The processor looks at it at the next evaluation (e.g. VM entry).`,
  };
}

// ---------------------------------------------------------------------------------------------
// The worked example shown without JavaScript and replayed by "Next example step"

export const EXAMPLE_START: SetupSpec = { virr: [0x31, 0x61], vtpr: 0x40, eoiExitBitmap: [0x31] };

export const EXAMPLE_ACTIONS: readonly VidAction[] = [
  { kind: 'evaluate' },
  { kind: 'deliver' },
  { kind: 'selfIpi', vector: 0x71 },
  { kind: 'deliver' },
  { kind: 'eoi' },
  { kind: 'eoi' },
  { kind: 'tpr', value: 0x20 },
  { kind: 'deliver' },
  { kind: 'post', vector: 0x45 },
  { kind: 'notify' },
  { kind: 'deliver' },
  { kind: 'eoi' },
  { kind: 'eoi' },
];

/** Runs actions from a start state, returning one result per action. */
export function run(start: VidState, actions: readonly VidAction[]): StepResult[] {
  const out: StepResult[] = [];
  let s = start;
  for (const a of actions) {
    const r = applyAction(s, a);
    out.push(r);
    s = r.state;
  }
  return out;
}

export function workedExample(): { readonly start: VidState; readonly steps: StepResult[] } {
  const start = makeState(EXAMPLE_START);
  return { start, steps: run(start, EXAMPLE_ACTIONS) };
}

/** One-line register summary, e.g. "RVI 0x31, SVI 0x61, VPPR 0x60". */
export function registersLine(s: VidState): string {
  return `RVI ${hex2(s.rvi)}, SVI ${hex2(s.svi)}, VPPR ${hex2(s.vppr)}, VTPR ${hex2(s.vtpr)}`;
}

// ---------------------------------------------------------------------------------------------
// Display rows shared by the build-time rendering and the browser script

export interface StateRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

export function exitText(exit: VidExit | null | undefined): string {
  return exit == null ? 'none' : `${exit.reason} (${exit.name}), qualification ${hex2(exit.qualification)}`;
}

export function stateRows(s: VidState, lastExit: VidExit | null = null): StateRow[] {
  return [
    { key: 'rvi', label: 'RVI (guest interrupt status 7:0)', value: hex2(s.rvi) },
    { key: 'svi', label: 'SVI (guest interrupt status 15:8)', value: hex2(s.svi) },
    { key: 'vppr', label: 'VPPR', value: hex2(s.vppr) },
    { key: 'vtpr', label: 'VTPR', value: hex2(s.vtpr) },
    { key: 'virr', label: 'VIRR vectors', value: formatVectors(s.virr) },
    { key: 'visr', label: 'VISR vectors', value: formatVectors(s.visr) },
    { key: 'eoi', label: 'EOI-exit bitmap vectors', value: formatVectors(s.eoiExitBitmap) },
    { key: 'pir', label: 'PIR vectors (descriptor)', value: formatVectors(s.pir) },
    { key: 'on', label: 'ON (descriptor)', value: s.on ? '1' : '0' },
    { key: 'recognized', label: 'Recognised virtual interrupt', value: s.recognized ? `yes, ${hex2(s.rvi)}` : 'no' },
    { key: 'exit', label: 'VM exit caused by the last step', value: exitText(lastExit) },
  ];
}

/**
 * The boxes of the VidPipeline figure (its `data-step` keys: "1"-"7", "set", "clear") that an action
 * goes through, so the simulator can light them. Follows the figure's own text: posted-interrupt
 * processing and self-IPI set a VIRR bit (1) and evaluate (3); a TPR write evaluates (3); an EOI is EOI
 * virtualization (6) and the EOI-exit bitmap test (7), then the exit (set) or another evaluation (clear).
 * Posting alone only writes the PIR, which the figure does not draw.
 */
export function figureSteps(action: VidAction | 'setup-virr', result?: StepResult): string[] {
  if (action === 'setup-virr') return ['1', '2'];
  switch (action.kind) {
    case 'evaluate': return ['3'];
    case 'deliver': return ['4'];
    case 'tpr': return ['3'];
    case 'notify': return ['1', '3'];
    case 'selfIpi': return result?.exit ? [] : ['1', '3'];
    case 'eoi': return result?.exit?.reason === 45 ? ['6', '7', 'set'] : ['6', '7', 'clear'];
    case 'post': return [];
  }
}
