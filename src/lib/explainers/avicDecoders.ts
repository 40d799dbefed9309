// AMD AVIC decoders: physical APIC ID table entry, VMCB int_ctl, and the EXITINFO fields of the two
// AVIC #VMEXITs. Pure logic, no DOM. Every bit position, mask and enum value names its source.
//
// Sources (Linux 6.12.118 as shipped in Debian linux-source-6.12, a 6.12.y stable tree, not upstream
// v6.12; line numbers from that tree; line references: 6.12.118):
//   svm.h      = arch/x86/include/asm/svm.h
//   uapi svm.h = arch/x86/include/uapi/asm/svm.h
//   apicdef.h  = arch/x86/include/asm/apicdef.h
//   lapic.h    = arch/x86/kvm/lapic.h
//   avic.c     = arch/x86/kvm/svm/avic.c
//   svm.c      = arch/x86/kvm/svm/svm.c
// No AMD manual text was available: every layout comes from Linux's definitions and KVM's decoding.

export type Flag = 'reserved' | 'warning';

export interface DecodedRow {
  /** Bit range, e.g. "63" or "51:12". */
  bits: string;
  field: string;
  value: string;
  meaning: string;
  /** file:line in Linux 6.12.118 */
  source: string;
  /** Set when the row needs attention; the meaning text then starts with a word saying why. */
  flag?: Flag;
}

export interface Decoded {
  ok: true;
  /** One sentence, announced to screen readers. */
  summary: string;
  rows: DecodedRow[];
  /** What KVM makes of the value, sentence by sentence. */
  notes: string[];
}

export interface DecodeError {
  ok: false;
  error: string;
}

export type DecodeResult = Decoded | DecodeError;

// ---------------------------------------------------------------------------------------------
// Parsing and formatting

export type ParseResult = { ok: true; value: bigint } | { ok: false; error: string };

const HEX_RE = /^[0-9a-f]+$/i;

function parseHexPart(text: string): bigint | null {
  const t = text.replace(/^0x/i, '');
  if (t.length === 0 || t.length > 64 || !HEX_RE.test(t)) return null;
  return BigInt('0x' + t);
}

/**
 * Parses a hexadecimal value of at most `bits` bits. Accepts an optional 0x prefix, spaces and
 * underscores as digit separators, and (for 64-bit values) the "high:low" form KVM's tracepoints print
 * for the ICR (e.g. "0x03000000:000000fd"). Never throws.
 */
export function parseHex(input: string, bits: 32 | 64): ParseResult {
  const text = input.trim().replace(/[\s_]/g, '');
  if (text.length === 0) return { ok: false, error: 'Enter a hexadecimal value, for example 0x1F.' };
  let value: bigint | null;
  if (text.includes(':')) {
    const parts = text.split(':');
    if (bits !== 64 || parts.length !== 2) {
      return { ok: false, error: 'The high:low form needs exactly two 32-bit halves and applies only to 64-bit fields.' };
    }
    const hi = parseHexPart(parts[0] ?? '');
    const lo = parseHexPart(parts[1] ?? '');
    if (hi === null || lo === null) return { ok: false, error: 'Not hexadecimal: use digits 0-9 and A-F, optionally starting with 0x.' };
    if (hi > 0xffffffffn || lo > 0xffffffffn) return { ok: false, error: 'Each half of the high:low form must fit in 32 bits.' };
    value = (hi << 32n) | lo;
  } else {
    value = parseHexPart(text);
    if (value === null) return { ok: false, error: 'Not hexadecimal: use digits 0-9 and A-F, optionally starting with 0x.' };
  }
  if (value >> BigInt(bits) !== 0n) return { ok: false, error: `The value is wider than ${bits} bits.` };
  return { ok: true, value };
}

/** 0x-prefixed upper-case hex, zero-padded to `digits` when given. */
export function hex(value: bigint | number, digits = 0): string {
  return '0x' + value.toString(16).toUpperCase().padStart(digits, '0');
}

const bit = (v: bigint, n: number): number => Number((v >> BigInt(n)) & 1n);
const field = (v: bigint, hi: number, lo: number): bigint => (v >> BigInt(lo)) & ((1n << BigInt(hi - lo + 1)) - 1n);

// ---------------------------------------------------------------------------------------------
// (a) Physical APIC ID table entry

// svm.h:248 AVIC_PHYSICAL_ID_ENTRY_HOST_PHYSICAL_ID_MASK = GENMASK_ULL(11, 0)
export const PHYS_HOST_ID_MASK = 0xfffn;
// svm.h:249 AVIC_PHYSICAL_ID_ENTRY_BACKING_PAGE_MASK = 0xFFFFFFFFFFULL << 12 (bits 51:12)
export const PHYS_BACKING_PAGE_MASK = 0xffffffffffn << 12n;
// svm.h:250 AVIC_PHYSICAL_ID_ENTRY_IS_RUNNING_MASK = 1ULL << 62
export const PHYS_IS_RUNNING_BIT = 62;
// svm.h:251 AVIC_PHYSICAL_ID_ENTRY_VALID_MASK = 1ULL << 63
export const PHYS_VALID_BIT = 63;
// Bits 61:52 have no definition in v6.12 svm.h. Upstream @01f492e1 adds bit 61,
// AVIC_PHYSICAL_ID_ENTRY_GA_LOG_INTR, a KVM-only flag "never propagated to hardware-visible tables".
export const PHYS_UNDEFINED_MASK = ((1n << 10n) - 1n) << 52n;

export interface PhysicalIdEntry {
  hostPhysicalApicId: number;
  backingPage: bigint;
  isRunning: boolean;
  valid: boolean;
  undefinedBits: bigint;
}

export function splitPhysicalIdEntry(entry: bigint): PhysicalIdEntry {
  return {
    hostPhysicalApicId: Number(entry & PHYS_HOST_ID_MASK),
    backingPage: entry & PHYS_BACKING_PAGE_MASK,
    isRunning: bit(entry, PHYS_IS_RUNNING_BIT) === 1,
    valid: bit(entry, PHYS_VALID_BIT) === 1,
    undefinedBits: entry & PHYS_UNDEFINED_MASK,
  };
}

/** Bit numbers set in `value & mask`, highest first. */
function setBits(value: bigint, mask: bigint): number[] {
  const out: number[] = [];
  for (let i = 63; i >= 0; i--) if (((value & mask) >> BigInt(i)) & 1n) out.push(i);
  return out;
}

export function decodePhysicalIdEntry(input: string): DecodeResult {
  const parsed = parseHex(input, 64);
  if (!parsed.ok) return parsed;
  const e = splitPhysicalIdEntry(parsed.value);
  const undefinedSet = setBits(e.undefinedBits, PHYS_UNDEFINED_MASK);
  const rows: DecodedRow[] = [
    {
      bits: '63',
      field: 'Valid',
      value: e.valid ? '1' : '0',
      meaning: e.valid ? 'The entry describes a vCPU.' : 'No vCPU behind this entry.',
      source: 'svm.h:251 AVIC_PHYSICAL_ID_ENTRY_VALID_MASK',
    },
    {
      bits: '62',
      field: 'IsRunning',
      value: e.isRunning ? '1' : '0',
      meaning: e.isRunning
        ? 'The vCPU is loaded on a host CPU; KVM sets this in avic_vcpu_load().'
        : 'The vCPU is not loaded; KVM clears this in avic_vcpu_put().',
      source: 'svm.h:250, avic.c:1103, 1144 AVIC_PHYSICAL_ID_ENTRY_IS_RUNNING_MASK',
    },
    {
      bits: '61:52',
      field: 'Not defined in v6.12',
      value: undefinedSet.length ? `bits ${undefinedSet.join(', ')} set` : '0',
      meaning: undefinedSet.length
        ? 'Reserved: Linux v6.12 defines no field here and KVM never sets these bits. (A later upstream tree uses bit 61 as a KVM-only flag that is never written to the hardware-visible table.)'
        : 'Clear, as KVM writes them.',
      source: 'svm.h:248-251 AVIC_PHYSICAL_ID_ENTRY_HOST_PHYSICAL_ID_MASK to _VALID_MASK',
      ...(undefinedSet.length ? { flag: 'reserved' as const } : {}),
    },
    {
      bits: '51:12',
      field: 'Backing page',
      value: hex(e.backingPage),
      meaning:
        e.backingPage === 0n
          ? 'No backing page address.'
          : 'Host physical address of the vCPU\u2019s backing page (4 KiB aligned). KVM writes it with __sme_set(), so with memory encryption the address includes the encryption bit.',
      source: 'svm.h:249 AVIC_PHYSICAL_ID_ENTRY_BACKING_PAGE_MASK; avic.c:346-348 __sme_set()',
    },
    {
      bits: '11:0',
      field: 'Host physical APIC ID',
      value: `${hex(e.hostPhysicalApicId)} (${e.hostPhysicalApicId})`,
      meaning: e.isRunning
        ? 'APIC ID of the host CPU the vCPU runs on: where a running target is signalled.'
        : 'APIC ID of the host CPU; only used while IsRunning is 1 (KVM comment). avic_vcpu_put() leaves the last value in place.',
      source: 'svm.h:248 AVIC_PHYSICAL_ID_ENTRY_HOST_PHYSICAL_ID_MASK; avic.c:1082, 1101-1102 "consumed iff IsRun", h_physical_id',
    },
  ];

  const notes: string[] = [];
  let summary: string;
  if (!e.valid) {
    summary = `Not valid${e.isRunning ? ', but IsRunning is set' : ''}: no vCPU with this APIC ID in KVM's table.`;
    notes.push(
      'KVM allocates the table zeroed and sets Valid, together with the backing page, once when it creates the vCPU (avic_init_backing_page()); nothing in Linux 6.12.118 clears Valid again. An invalid entry therefore means no vCPU has this APIC ID. (__GFP_ZERO, avic.c:241; AVIC_PHYSICAL_ID_ENTRY_VALID_MASK, avic.c:346-349)',
    );
    if (parsed.value !== 0n) {
      notes.push('KVM never writes an entry with Valid = 0 and other bits set: IsRunning and the host ID are only updated in entries it made valid. (avic_physical_id_cache, avic.c:1098-1105)');
    }
  } else if (e.isRunning) {
    summary = `Valid and running on host APIC ID ${e.hostPhysicalApicId}, backing page ${hex(e.backingPage)}.`;
    notes.push(
      'avic_vcpu_load() wrote this state: it put the host CPU\u2019s APIC ID in bits 11:0 and set IsRunning. "Running" here means loaded on that CPU: KVM does not touch the bit on VMRUN or #VMEXIT. A fixed, edge-triggered IPI to this vCPU is delivered without a VM exit on the sender (KVM comment in avic_kick_target_vcpus()); if the vCPU is handling an exit in KVM at that moment, it takes the interrupt at its next VMRUN (svm_complete_interrupt_delivery() comment). (avic_vcpu_load(), avic.c:1067-1108; comment before kvm_for_each_vcpu(), avic.c:513-518; comment before avic_ring_doorbell(), svm.c:3840-3844)',
    );
  } else {
    summary = `Valid, not running (last host APIC ID ${e.hostPhysicalApicId}), backing page ${hex(e.backingPage)}.`;
    notes.push(
      'The vCPU is scheduled out, about to halt, or AVIC is inhibited for it: avic_vcpu_put() cleared IsRunning. An IPI to it makes the sender exit with 0x401 AVIC_INCOMPLETE_IPI, cause TARGET_NOT_RUNNING, after the hardware has set the IRR bit (KVM comment); KVM then wakes the target. (avic.c:1111-1148, 1192-1211, 556-563)',
    );
  }
  if (e.valid && e.backingPage === 0n) {
    notes.push('KVM never writes a valid entry without a backing page address: it sets both in one write. (WRITE_ONCE(), avic.c:346-349)');
  }
  if (undefinedSet.length) {
    notes.push(`Bits ${undefinedSet.join(', ')} have no definition in Linux v6.12; KVM never sets them.`);
  }
  return { ok: true, summary, rows, notes };
}

// ---------------------------------------------------------------------------------------------
// (b) VMCB int_ctl (offset 0x60, 32 bits)

interface IntCtlField {
  hi: number;
  lo: number;
  name: string;
  macro: string;
  source: string;
  describe(value: number): string;
}

const onOff = (v: number) => (v ? 'Set.' : 'Clear.');

// All from svm.h:178-213 (6.12.118, V_TPR_MASK to X2APIC_MODE_MASK). Bits not listed are not defined there.
export const INT_CTL_FIELDS: readonly IntCtlField[] = [
  {
    hi: 3, lo: 0, name: 'V_TPR', macro: 'V_TPR_MASK 0x0f', source: 'svm.h:178; svm.c:4155-4170',
    describe: (v) => `Virtual TPR as a CR8 value: task priority ${v}, i.e. APIC TPR ${hex(v << 4, 2)}. KVM copies it to and from CR8.`,
  },
  { hi: 8, lo: 8, name: 'V_IRQ', macro: 'V_IRQ_SHIFT 8', source: 'svm.h:180-181', describe: (v) => (v ? 'Set: a virtual interrupt is pending.' : 'Clear: no virtual interrupt pending.') },
  { hi: 9, lo: 9, name: 'V_GIF', macro: 'V_GIF_SHIFT 9', source: 'svm.h:183-184', describe: (v) => `${onOff(v)} Virtual global interrupt flag.` },
  { hi: 11, lo: 11, name: 'V_NMI_PENDING', macro: 'V_NMI_PENDING_SHIFT 11', source: 'svm.h:186-187', describe: (v) => `${onOff(v)} Virtual NMI pending.` },
  { hi: 12, lo: 12, name: 'V_NMI_BLOCKING', macro: 'V_NMI_BLOCKING_SHIFT 12', source: 'svm.h:189-190', describe: (v) => `${onOff(v)} Virtual NMIs blocked.` },
  { hi: 19, lo: 16, name: 'V_INTR_PRIO', macro: 'V_INTR_PRIO_SHIFT 16', source: 'svm.h:192-193', describe: (v) => `Priority ${v} of the V_IRQ interrupt.` },
  { hi: 20, lo: 20, name: 'V_IGN_TPR', macro: 'V_IGN_TPR_SHIFT 20', source: 'svm.h:195-196', describe: (v) => `${onOff(v)} V_IRQ ignores the virtual TPR.` },
  { hi: 24, lo: 24, name: 'V_INTR_MASKING', macro: 'V_INTR_MASKING_SHIFT 24', source: 'svm.h:200-201; svm.c:1299 V_INTR_MASKING_MASK', describe: (v) => `${onOff(v)} Virtual interrupt masking; KVM's init_vmcb() always sets it.` },
  { hi: 25, lo: 25, name: 'V_GIF_ENABLE', macro: 'V_GIF_ENABLE_SHIFT 25', source: 'svm.h:203-204; svm.c:1365 V_GIF_ENABLE_MASK', describe: (v) => `${onOff(v)} Virtual GIF enabled (KVM sets it when the vgif parameter is on).` },
  { hi: 26, lo: 26, name: 'V_NMI_ENABLE', macro: 'V_NMI_ENABLE_SHIFT 26', source: 'svm.h:206-207; svm.c:1360 V_NMI_ENABLE_MASK', describe: (v) => `${onOff(v)} Virtual NMI enabled (KVM sets it when the vnmi parameter is on).` },
  { hi: 30, lo: 30, name: 'x2APIC mode', macro: 'X2APIC_MODE_SHIFT 30', source: 'svm.h:212-213; avic.c:149-150 X2APIC_MODE_MASK', describe: (v) => (v ? 'Set: x2AVIC, the guest APIC is in x2APIC mode.' : 'Clear: xAVIC (or AVIC off).') },
  { hi: 31, lo: 31, name: 'AVIC enable', macro: 'AVIC_ENABLE_SHIFT 31', source: 'svm.h:209-210; avic.c:109 AVIC_ENABLE_MASK', describe: (v) => (v ? 'Set: AVIC is active for this VMCB.' : 'Clear: AVIC is off; interrupts are injected by KVM.') },
];

/** Bits of int_ctl with no definition in v6.12 svm.h. */
export const INT_CTL_UNDEFINED_MASK: number = (() => {
  let defined = 0;
  for (const f of INT_CTL_FIELDS) for (let b = f.lo; b <= f.hi; b++) defined |= 1 << b;
  return ~defined >>> 0;
})();

export function decodeIntCtl(input: string): DecodeResult {
  const parsed = parseHex(input, 32);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const rows: DecodedRow[] = [];
  for (const f of [...INT_CTL_FIELDS].reverse()) {
    const val = Number(field(v, f.hi, f.lo));
    rows.push({
      bits: f.hi === f.lo ? `${f.hi}` : `${f.hi}:${f.lo}`,
      field: f.name,
      value: f.hi === f.lo ? `${val}` : `${val} (${hex(val)})`,
      meaning: f.describe(val),
      source: `${f.source} (${f.macro})`,
    });
  }
  const undef = setBits(v & BigInt(INT_CTL_UNDEFINED_MASK), 0xffffffffn);
  if (undef.length) {
    rows.push({
      bits: undef.join(', '),
      field: 'Not defined in v6.12',
      value: '1',
      meaning: 'Reserved: Linux v6.12 svm.h defines no int_ctl field at these bits.',
      source: 'svm.h:178-213 V_TPR_MASK to X2APIC_MODE_MASK',
      flag: 'reserved',
    });
  }

  const avic = bit(v, 31) === 1;
  const x2 = bit(v, 30) === 1;
  const vIrq = bit(v, 8) === 1;
  const notes: string[] = [];
  if (avic) {
    notes.push(
      `avic_activate_vmcb() sets bit 31${x2 ? ' and, because x2AVIC is in use for an x2APIC-mode vCPU, bit 30' : ''}; it only ever edits vmcb01, and the int_ctl KVM builds for a nested guest's vmcb02 never carries bit 31, so this is a vmcb01 value. (avic.c:101-158; svm/nested.c:657-725)`,
    );
  }
  if (x2 && !avic) {
    notes.push('KVM never writes bit 30 without bit 31: avic_activate_vmcb() and avic_deactivate_vmcb() clear both together and only the former sets them. (AVIC_ENABLE_MASK | X2APIC_MODE_MASK, avic.c:106-109, 164)');
  }
  if (avic && vIrq) {
    notes.push('KVM does not use V_IRQ while AVIC is active: svm_set_vintr() warns if it is called then ("The following fields are ignored when AVIC is enabled"). (svm.c:1680-1687)');
  }
  if (undef.length) notes.push(`Bits ${undef.join(', ')} are set but have no definition in Linux v6.12.`);

  const parts = [avic ? (x2 ? 'AVIC on, x2APIC mode (x2AVIC)' : 'AVIC on, xAPIC mode') : 'AVIC off'];
  parts.push(`V_TPR ${Number(field(v, 3, 0))}`);
  if (vIrq) parts.push(`V_IRQ pending, priority ${Number(field(v, 19, 16))}`);
  if (undef.length) parts.push(`${undef.length} undefined bit${undef.length > 1 ? 's' : ''} set`);
  return { ok: true, summary: parts.join('; ') + '.', rows, notes };
}

// ---------------------------------------------------------------------------------------------
// (c) AVIC #VMEXITs

// SVM_EXIT_AVIC_INCOMPLETE_IPI, SVM_EXIT_AVIC_UNACCELERATED_ACCESS: uapi/asm/svm.h:99-100
export const SVM_EXIT_AVIC_INCOMPLETE_IPI = 0x401;
export const SVM_EXIT_AVIC_UNACCELERATED_ACCESS = 0x402;

// enum avic_ipi_failure_cause, svm.h:262-268 (order = value)
export const AVIC_IPI_FAILURE_CAUSES = [
  'AVIC_IPI_FAILURE_INVALID_INT_TYPE',
  'AVIC_IPI_FAILURE_TARGET_NOT_RUNNING',
  'AVIC_IPI_FAILURE_INVALID_TARGET',
  'AVIC_IPI_FAILURE_INVALID_BACKING_PAGE',
  'AVIC_IPI_FAILURE_INVALID_IPI_VECTOR',
] as const;

// avic.c:531 (6.12.118): index = exit_info_2 & 0x1FF. (0xFF in older kernels, e.g. torvalds/linux @02ffbe63.)
export const INCOMPLETE_IPI_INDEX_MASK = 0x1ffn;

// ICR bits, apicdef.h (line numbers) and lapic.h
export const APIC_VECTOR_MASK = 0xff; // apicdef.h:99
export const APIC_MODE_MASK = 0x700; // apicdef.h:115 (delivery mode, bits 10:8)
export const APIC_DEST_LOGICAL = 0x800; // apicdef.h:88 APIC_DEST_LOGICAL; lapic.h:17 APIC_DEST_MASK 0x800
export const APIC_ICR_BUSY = 0x1000; // apicdef.h:87
export const APIC_INT_ASSERT = 0x4000; // apicdef.h:86
export const APIC_INT_LEVELTRIG = 0x8000; // apicdef.h:85
export const APIC_SHORT_MASK = 0xc0000; // lapic.h:15 (shorthand, bits 19:18)
export const APIC_BROADCAST = 0xff; // lapic.h:21
export const X2APIC_BROADCAST = 0xffffffff; // lapic.h:22

// Delivery modes by ICR bits 10:8: APIC_DM_FIXED to APIC_DM_EXTINT in apicdef.h:90-98
export const DELIVERY_MODES = ['Fixed', 'Lowest priority', 'SMI', 'Remote read', 'NMI', 'INIT', 'Start-up (SIPI)', 'ExtINT'] as const;
const DELIVERY_MACROS = ['APIC_DM_FIXED', 'APIC_DM_LOWEST', 'APIC_DM_SMI', 'APIC_DM_REMRD', 'APIC_DM_NMI', 'APIC_DM_INIT', 'APIC_DM_STARTUP', 'APIC_DM_EXTINT'] as const;
// Shorthands by ICR bits 19:18: none (lapic.h:16 APIC_DEST_NOSHORT), APIC_DEST_SELF to APIC_DEST_ALLBUT apicdef.h:78-80
export const SHORTHANDS = ['None (destination field)', 'Self', 'All including self', 'All excluding self'] as const;
const SHORTHAND_MACROS = ['APIC_DEST_NOSHORT', 'APIC_DEST_SELF', 'APIC_DEST_ALLINC', 'APIC_DEST_ALLBUT'] as const;

/** The sender's APIC mode decides how KVM reads the destination (apic_x2apic_mode(source) in avic_kick_target_vcpus_fast(), avic.c:443-476). */
export type ApicMode = 'xapic-flat' | 'xapic-cluster' | 'x2apic';
export const APIC_MODE_LABELS: Record<ApicMode, string> = {
  'xapic-flat': 'xAPIC, flat logical model',
  'xapic-cluster': 'xAPIC, cluster logical model',
  x2apic: 'x2APIC',
};

export interface Icr {
  icrl: number;
  icrh: number;
  vector: number;
  deliveryMode: number;
  logical: boolean;
  busy: boolean;
  assert: boolean;
  level: boolean;
  shorthand: number;
  /** GET_XAPIC_DEST_FIELD(icrh) in xAPIC mode (apicdef.h:101), all of icrh in x2APIC mode. */
  dest: number;
}

export function splitIcr(icr: bigint, mode: ApicMode): Icr {
  const icrl = Number(icr & 0xffffffffn);
  const icrh = Number((icr >> 32n) & 0xffffffffn);
  return {
    icrl,
    icrh,
    vector: icrl & APIC_VECTOR_MASK,
    deliveryMode: (icrl & APIC_MODE_MASK) >> 8,
    logical: (icrl & APIC_DEST_LOGICAL) !== 0,
    busy: (icrl & APIC_ICR_BUSY) !== 0,
    assert: (icrl & APIC_INT_ASSERT) !== 0,
    level: (icrl & APIC_INT_LEVELTRIG) !== 0,
    shorthand: (icrl & APIC_SHORT_MASK) >>> 18,
    dest: mode === 'x2apic' ? icrh : (icrh >>> 24) & 0xff,
  };
}

export interface KickPlan {
  path: 'fast' | 'slow' | 'none';
  /** vCPU IDs (= APIC IDs, kvm_get_vcpu_by_id(), avic.c:387-391) the fast path kicks, or logical-table indices for xAPIC. */
  targets: number[];
  text: string;
}

/**
 * What avic_kick_target_vcpus() (avic.c:500-523) does for cause TARGET_NOT_RUNNING, following
 * avic_kick_target_vcpus_fast() (avic.c:432-498).
 */
export function kickPlan(icr: Icr, index: number, mode: ApicMode): KickPlan {
  const slow = (why: string): KickPlan => ({
    path: 'slow',
    targets: [],
    text: `${why} so KVM takes the slow path: it emits the kvm_avic_kick_vcpu_slowpath tracepoint and kicks every vCPU that kvm_apic_match_dest() matches (avic.c:510-522).`,
  });
  if (icr.shorthand !== 0) return slow('A shorthand is used,');
  if (!icr.logical) {
    const bcast = mode === 'x2apic' ? X2APIC_BROADCAST : APIC_BROADCAST;
    if (icr.dest === bcast) return slow(`Destination ${hex(icr.dest)} is the broadcast ID,`);
    if (icr.dest !== index) {
      return slow(`Destination ${icr.dest} differs from the index ${index}: KVM warns once (WARN_ON_ONCE, avic.c:455),`);
    }
    return {
      path: 'fast',
      targets: [icr.dest],
      text: `Fast path: KVM looks up vCPU ${icr.dest} with kvm_get_vcpu_by_id() (vCPU ID = APIC ID while AVIC is active) and kicks it (avic_kick_vcpu_by_physical_id(), avic.c:448-458, 384-398).`,
    };
  }
  let bitmap: number;
  let cluster: number;
  let how: string;
  if (mode === 'x2apic') {
    bitmap = icr.dest & 0xffff; // `bitmap`, avic.c:466
    cluster = (icr.dest >>> 16) << 4; // `cluster`, avic.c:467
    how = `x2APIC logical destination: cluster ${icr.dest >>> 16}, 16-bit mask ${hex(bitmap, 4)}`;
  } else if (mode === 'xapic-flat') {
    bitmap = icr.dest; // `bitmap`, avic.c:470
    cluster = 0;
    how = `xAPIC flat logical destination: 8-bit mask ${hex(bitmap, 2)}`;
  } else {
    bitmap = icr.dest & 0xf; // `bitmap`, avic.c:474
    cluster = (icr.dest >>> 4) << 2; // `cluster`, avic.c:475
    how = `xAPIC cluster logical destination: cluster ${icr.dest >>> 4}, 4-bit mask ${hex(bitmap, 1)}`;
  }
  if (bitmap === 0) {
    return { path: 'none', targets: [], text: `${how}. The mask is empty, so there is nothing to kick (unlikely(!bitmap), avic.c:478-480).` };
  }
  const targets: number[] = [];
  for (let i = 0; i < 16; i++) if ((bitmap >> i) & 1) targets.push(cluster + i);
  const list = targets.join(', ');
  const text =
    mode === 'x2apic'
      ? `Fast path. ${how}. KVM reverses the x2APIC logical-ID formula and kicks the vCPUs with x2APIC IDs ${list} through avic_kick_vcpu_by_physical_id() (avic.c:414-425).`
      : `Fast path. ${how}. KVM reads avic_logical_id_table entries ${list}, skips invalid ones and kicks the vCPU each valid entry names (avic.c:405-413).`;
  return { path: 'fast', targets, text };
}

export interface ExitInput {
  exitCode: number;
  exitInfo1: string;
  exitInfo2: string;
  mode: ApicMode;
}

export function decodeExit(input: ExitInput): DecodeResult {
  const i1 = parseHex(input.exitInfo1, 64);
  if (!i1.ok) return { ok: false, error: `EXITINFO1: ${i1.error}` };
  const i2 = parseHex(input.exitInfo2, 64);
  if (!i2.ok) return { ok: false, error: `EXITINFO2: ${i2.error}` };
  if (input.exitCode === SVM_EXIT_AVIC_INCOMPLETE_IPI) return decodeIncompleteIpi(i1.value, i2.value, input.mode);
  if (input.exitCode === SVM_EXIT_AVIC_UNACCELERATED_ACCESS) return decodeUnacceleratedAccess(i1.value, i2.value);
  return { ok: false, error: 'Choose exit code 0x401 or 0x402.' };
}

function describeDest(icr: Icr, mode: ApicMode): string {
  if (icr.shorthand !== 0) return `Ignored: the shorthand (${SHORTHANDS[icr.shorthand] ?? '?'}) chooses the targets.`;
  const where = mode === 'x2apic' ? 'all 32 bits of the high half (x2APIC)' : 'bits 63:56, i.e. ICR2 bits 31:24 (xAPIC)';
  if (!icr.logical) {
    const bcast = mode === 'x2apic' ? X2APIC_BROADCAST : APIC_BROADCAST;
    return `Physical APIC ID ${icr.dest}${icr.dest === bcast ? ' (broadcast)' : ''}, from ${where}.`;
  }
  return `Logical destination ${hex(icr.dest, mode === 'x2apic' ? 8 : 2)}, from ${where}.`;
}

export function decodeIncompleteIpi(info1: bigint, info2: bigint, mode: ApicMode): Decoded {
  const icr = splitIcr(info1, mode);
  const cause = Number(info2 >> 32n); // avic.c:530: id = exit_info_2 >> 32
  const index = Number(info2 & INCOMPLETE_IPI_INDEX_MASK); // exit_info_2 & 0x1FF, avic.c:531
  const ignoredLow = info2 & 0xffffffffn & ~INCOMPLETE_IPI_INDEX_MASK;
  const causeName = AVIC_IPI_FAILURE_CAUSES[cause];
  const dm = DELIVERY_MODES[icr.deliveryMode] ?? '?';
  const shorthand = SHORTHANDS[icr.shorthand] ?? '?';
  // Fixed and lowest-priority IPIs carry a vector (APIC_DM_LOWEST, APIC_DM_FIXED in __apic_accept_irq(), lapic.c:1327-1356).
  const badVector = icr.vector < 16 && icr.deliveryMode <= 1;
  const rows: DecodedRow[] = [
    { bits: 'INFO1 63:32', field: 'ICR high (icrh)', value: hex(icr.icrh, 8), meaning: describeDest(icr, mode), source: 'exit_info_1 >> 32, GET_XAPIC_DEST_FIELD(): avic.c:528, 443-446, apicdef.h:101' },
    { bits: 'INFO1 31:0', field: 'ICR low (icrl)', value: hex(icr.icrl, 8), meaning: 'Vector, delivery mode, destination mode, status, level, trigger and shorthand, below.', source: 'exit_info_1, avic.c:529' },
    {
      bits: 'INFO1 7:0', field: 'Vector', value: `${hex(icr.vector, 2)} (${icr.vector})`,
      meaning: badVector
        ? 'Warning: vectors below 16 are not valid interrupt vectors (cause 4 reports such IPIs).'
        : icr.deliveryMode <= 1
          ? 'Interrupt vector.'
          : icr.deliveryMode === 6
            ? 'Start-up vector: KVM\u2019s emulation stores it as sipi_vector.'
            : 'Not used by KVM\u2019s emulation of this delivery mode.',
      source: 'apicdef.h:99 APIC_VECTOR_MASK; avic.c:567-568 INVALID_IPI_VECTOR case; lapic.c:1326-1396 switch (delivery_mode)', ...(badVector ? { flag: 'warning' as const } : {}),
    },
    { bits: 'INFO1 10:8', field: 'Delivery mode', value: `${icr.deliveryMode}`, meaning: `${dm} (${DELIVERY_MACROS[icr.deliveryMode]}).${icr.deliveryMode === 0 ? '' : ' AVIC hardware only virtualizes fixed, edge-triggered IPIs (KVM comment).'}`, source: 'apicdef.h:90-98 APIC_DM_FIXED to APIC_DM_EXTINT; avic.c:540-541 "only virtualizes Fixed, Edge-Triggered"' },
    { bits: 'INFO1 11', field: 'Destination mode', value: icr.logical ? '1' : '0', meaning: icr.logical ? 'Logical (APIC_DEST_LOGICAL).' : 'Physical (APIC_DEST_PHYSICAL).', source: 'apicdef.h:88-89' },
    { bits: 'INFO1 12', field: 'Delivery status (busy)', value: icr.busy ? '1' : '0', meaning: icr.busy ? 'Set: the hardware left the ICR busy bit set.' : 'Idle.', source: 'apicdef.h:87 APIC_ICR_BUSY' },
    { bits: 'INFO1 14', field: 'Level', value: icr.assert ? '1' : '0', meaning: icr.assert ? 'Assert.' : 'De-assert.', source: 'apicdef.h:86 APIC_INT_ASSERT' },
    { bits: 'INFO1 15', field: 'Trigger mode', value: icr.level ? '1' : '0', meaning: icr.level ? 'Level-triggered. AVIC hardware only virtualizes edge-triggered fixed IPIs (KVM comment).' : 'Edge-triggered.', source: 'apicdef.h:85 APIC_INT_LEVELTRIG; avic.c:540-541 "only virtualizes Fixed, Edge-Triggered"' },
    { bits: 'INFO1 19:18', field: 'Shorthand', value: `${icr.shorthand}`, meaning: `${shorthand} (${SHORTHAND_MACROS[icr.shorthand] ?? '?'}).`, source: 'apicdef.h:78-80 APIC_DEST_SELF to APIC_DEST_ALLBUT; lapic.h:15-16 APIC_SHORT_MASK, APIC_DEST_NOSHORT' },
    {
      bits: 'INFO2 63:32', field: 'Failure cause (id)', value: `${cause}`,
      meaning: causeName ? `${causeName} (enum avic_ipi_failure_cause).` : 'Warning: not a value of enum avic_ipi_failure_cause; KVM logs "Unknown avic incomplete IPI interception".',
      source: 'svm.h:262-268 avic_ipi_failure_cause; avic.c:530 exit_info_2 >> 32', ...(causeName ? {} : { flag: 'warning' as const }),
    },
    { bits: 'INFO2 8:0', field: 'Index', value: `${index}`, meaning: 'Table index reported by the hardware; KVM traces it and, for a physical destination, expects it to equal the destination ID.', source: 'avic.c:531, 455' },
  ];
  if (ignoredLow !== 0n) {
    rows.push({
      bits: 'INFO2 31:9', field: 'Not read by KVM v6.12', value: hex(ignoredLow >> 9n),
      meaning: 'Reserved: KVM masks the index with 0x1FF and ignores these bits (older kernels used 0xFF).', source: 'avic.c:531 exit_info_2 & 0x1FF', flag: 'reserved',
    });
  }

  const notes: string[] = [];
  const emulate = icr.busy
    ? 'The ICR busy bit is set, so KVM re-runs the whole ICR write with kvm_apic_write_nodecode(vcpu, APIC_ICR), which also clears the bit (avic.c:547-552).'
    : 'The exit is a trap (the ICR holds the value, RIP has moved on), so KVM only sends the IPI: kvm_apic_send_ipi(apic, icrl, icrh) (avic.c:545-554).';
  switch (cause) {
    case 0:
    case 2:
      notes.push(
        `KVM emulates the IPI: its comment says AVIC hardware only virtualizes fixed, edge-triggered interrupts and gives up if any target is invalid (INVALID_TARGET case, avic.c:537-543). ${emulate}`,
      );
      break;
    case 1: {
      notes.push('The hardware has already set the IRR bits of the valid targets (KVM comment "set the appropriate IRR bits", avic.c:557-561); KVM only has to make them notice, with avic_kick_target_vcpus().');
      notes.push(kickPlan(icr, index, mode).text);
      notes.push('Each kicked vCPU gets avic_kick_vcpu(): irr_pending = true, then svm_complete_interrupt_delivery() rings the doorbell if it is in guest mode, or wakes it (avic.c:376-382; svm.c:3820-3852).');
      break;
    }
    case 3:
      notes.push('KVM only warns once, WARN_ONCE() "Invalid backing page", and does nothing else (avic.c:564-566).');
      break;
    case 4:
      notes.push('KVM ignores the IPI: its comment reads "Invalid IPI with vector < 16" (INVALID_IPI_VECTOR case, avic.c:567-569).');
      break;
    default:
      notes.push('KVM does not know this cause and logs it with vcpu_unimpl() (avic.c:570-571).');
  }
  notes.push('Either way the handler, avic_incomplete_ipi_interception(), returns 1 and the sender re-enters the guest (avic.c:525-574).');
  const summary = `0x401 incomplete IPI: ${causeName ?? `unknown cause ${cause}`}; ${dm.toLowerCase()} IPI, vector ${hex(icr.vector, 2)}, ${icr.shorthand ? `shorthand ${shorthand.toLowerCase()}` : icr.logical ? `logical destination ${hex(icr.dest)}` : `physical destination ${icr.dest}`}, index ${index}.`;
  return { ok: true, summary, rows, notes };
}

// APIC register offsets, apicdef.h (line numbers at v6.12)
interface ApicRegister {
  offset: number;
  name: string;
  desc: string;
  line: number;
}
export const APIC_REGISTERS: readonly ApicRegister[] = [
  { offset: 0x20, name: 'APIC_ID', desc: 'APIC ID', line: 30 },
  { offset: 0x30, name: 'APIC_LVR', desc: 'version', line: 32 },
  { offset: 0x80, name: 'APIC_TASKPRI', desc: 'task priority (TPR)', line: 44 },
  { offset: 0x90, name: 'APIC_ARBPRI', desc: 'arbitration priority', line: 46 },
  { offset: 0xa0, name: 'APIC_PROCPRI', desc: 'processor priority (PPR)', line: 48 },
  { offset: 0xb0, name: 'APIC_EOI', desc: 'end of interrupt', line: 49 },
  { offset: 0xc0, name: 'APIC_RRR', desc: 'remote read', line: 51 },
  { offset: 0xd0, name: 'APIC_LDR', desc: 'logical destination', line: 52 },
  { offset: 0xe0, name: 'APIC_DFR', desc: 'destination format', line: 57 },
  { offset: 0xf0, name: 'APIC_SPIV', desc: 'spurious-interrupt vector', line: 60 },
  { offset: 0x280, name: 'APIC_ESR', desc: 'error status', line: 68 },
  { offset: 0x2f0, name: 'APIC_LVTCMCI', desc: 'LVT CMCI', line: 76 },
  { offset: 0x300, name: 'APIC_ICR', desc: 'interrupt command, low half', line: 77 },
  { offset: 0x310, name: 'APIC_ICR2', desc: 'interrupt command, high half', line: 100 },
  { offset: 0x320, name: 'APIC_LVTT', desc: 'LVT timer', line: 103 },
  { offset: 0x330, name: 'APIC_LVTTHMR', desc: 'LVT thermal', line: 104 },
  { offset: 0x340, name: 'APIC_LVTPC', desc: 'LVT performance counter', line: 105 },
  { offset: 0x350, name: 'APIC_LVT0', desc: 'LVT LINT0', line: 106 },
  { offset: 0x360, name: 'APIC_LVT1', desc: 'LVT LINT1', line: 121 },
  { offset: 0x370, name: 'APIC_LVTERR', desc: 'LVT error', line: 122 },
  { offset: 0x380, name: 'APIC_TMICT', desc: 'timer initial count', line: 123 },
  { offset: 0x390, name: 'APIC_TMCCT', desc: 'timer current count', line: 124 },
  { offset: 0x3e0, name: 'APIC_TDCR', desc: 'timer divide configuration', line: 125 },
  { offset: 0x3f0, name: 'APIC_SELF_IPI', desc: 'self IPI (x2APIC only)', line: 126 },
  { offset: 0x400, name: 'APIC_EFEAT', desc: 'AMD extended APIC feature', line: 136 },
  { offset: 0x410, name: 'APIC_ECTRL', desc: 'AMD extended APIC control', line: 137 },
];
// Register arrays: 8 x 32-bit words at a 16-byte stride (apicdef.h:64-67, APIC_ISR_NR 0x8), and
// APIC_EILVTn(n) = 0x500 + 0x10 * n for n < APIC_EILVT_NR_MAX = 4 (apicdef.h:138-141).
const APIC_ARRAYS = [
  { base: 0x100, count: 8, name: 'APIC_ISR', desc: 'in-service register', line: 64 },
  { base: 0x180, count: 8, name: 'APIC_TMR', desc: 'trigger-mode register', line: 66 },
  { base: 0x200, count: 8, name: 'APIC_IRR', desc: 'interrupt request register', line: 67 },
] as const;

export interface RegisterName {
  name: string;
  desc: string;
  source: string;
}

export function apicRegisterName(offset: number): RegisterName | null {
  const reg = APIC_REGISTERS.find((r) => r.offset === offset);
  if (reg) return { name: reg.name, desc: reg.desc, source: `apicdef.h:${reg.line}` };
  for (const a of APIC_ARRAYS) {
    if (offset >= a.base && offset < a.base + a.count * 0x10 && offset % 0x10 === 0) {
      const n = (offset - a.base) / 0x10;
      return {
        name: n === 0 ? a.name : `${a.name} + ${hex(n * 0x10)}`,
        desc: `${a.desc}, word ${n} (vectors ${n * 32}-${n * 32 + 31})`,
        source: `apicdef.h:${a.line}`,
      };
    }
  }
  if (offset >= 0x500 && offset <= 0x530 && offset % 0x10 === 0) {
    const n = (offset - 0x500) / 0x10;
    return { name: `APIC_EILVTn(${n})`, desc: `AMD extended LVT ${n}`, source: 'apicdef.h:138-141' };
  }
  return null;
}

// is_avic_unaccelerated_access_trap(), avic.c:699-726 (6.12.118): the offsets KVM treats as trap exits.
// Copied case by case (APIC_ID to APIC_TDCR, avic.c:704-719); every other offset is a fault.
export const AVIC_TRAP_OFFSETS: readonly number[] = [
  0x20, // APIC_ID
  0xb0, // APIC_EOI
  0xc0, // APIC_RRR
  0xd0, // APIC_LDR
  0xe0, // APIC_DFR
  0xf0, // APIC_SPIV
  0x280, // APIC_ESR
  0x300, // APIC_ICR
  0x320, // APIC_LVTT
  0x330, // APIC_LVTTHMR
  0x340, // APIC_LVTPC
  0x350, // APIC_LVT0
  0x360, // APIC_LVT1
  0x370, // APIC_LVTERR
  0x380, // APIC_TMICT
  0x3e0, // APIC_TDCR
];

export function isAvicUnacceleratedAccessTrap(offset: number): boolean {
  return AVIC_TRAP_OFFSETS.includes(offset);
}

// AVIC_UNACCEL_ACCESS_WRITE_MASK, _OFFSET_MASK, _VECTOR_MASK: svm.h:258-260
export const AVIC_UNACCEL_ACCESS_WRITE_MASK = 1n; // applied after exit_info_1 >> 32 (avic.c:736-737)
export const AVIC_UNACCEL_ACCESS_OFFSET_MASK = 0xff0n;
export const AVIC_UNACCEL_ACCESS_VECTOR_MASK = 0xffffffffn;

export function decodeUnacceleratedAccess(info1: bigint, info2: bigint): Decoded {
  const offset = Number(info1 & AVIC_UNACCEL_ACCESS_OFFSET_MASK); // avic.c:732-733
  const write = ((info1 >> 32n) & AVIC_UNACCEL_ACCESS_WRITE_MASK) === 1n; // avic.c:736-737
  const vector = Number(info2 & AVIC_UNACCEL_ACCESS_VECTOR_MASK); // avic.c:734-735
  const trap = isAvicUnacceleratedAccessTrap(offset); // is_avic_unaccelerated_access_trap(), avic.c:738
  const reg = apicRegisterName(offset);
  const unusedInfo1 = info1 & ~(AVIC_UNACCEL_ACCESS_OFFSET_MASK | (1n << 32n));
  const unusedInfo2 = info2 >> 32n;
  const regText = reg ? `${reg.name} (${reg.desc})` : 'no register at this offset in apicdef.h';
  const rows: DecodedRow[] = [
    { bits: 'INFO1 11:4', field: 'Offset', value: hex(offset, 3), meaning: `${regText}.`, source: `svm.h:259 AVIC_UNACCEL_ACCESS_OFFSET_MASK 0xFF0${reg ? `; ${reg.source}` : ''}` },
    { bits: 'INFO1 32', field: 'Write', value: write ? '1' : '0', meaning: write ? 'Write access.' : 'Read access.', source: 'svm.h:258, avic.c:736-737 AVIC_UNACCEL_ACCESS_WRITE_MASK' },
    { bits: 'INFO2 31:0', field: 'Vector', value: hex(vector), meaning: 'KVM only passes it to the kvm_avic_unaccelerated_access tracepoint.', source: 'svm.h:260 AVIC_UNACCEL_ACCESS_VECTOR_MASK; avic.c:734-741 trace_kvm_avic_unaccelerated_access()' },
    {
      bits: '-', field: 'KVM treats it as', value: trap ? 'trap' : 'fault',
      meaning: trap
        ? 'Trap: the access has already happened; KVM acts on the value now in the backing page.'
        : 'Fault: the access has not happened; KVM emulates the instruction.',
      source: 'avic.c:699-726, 742-749 is_avic_unaccelerated_access_trap(), avic_unaccel_trap_write()',
    },
  ];
  if (unusedInfo1 !== 0n) {
    rows.push({ bits: 'INFO1 other', field: 'Not read by KVM', value: hex(unusedInfo1), meaning: 'Reserved: KVM reads only bits 11:4 and bit 32 of EXITINFO1.', source: 'avic.c:732-737 exit_info_1', flag: 'reserved' });
  }
  if (unusedInfo2 !== 0n) {
    rows.push({ bits: 'INFO2 63:32', field: 'Not read by KVM', value: hex(unusedInfo2), meaning: 'Reserved: KVM masks EXITINFO2 with 0xFFFFFFFF.', source: 'svm.h:260 AVIC_UNACCEL_ACCESS_VECTOR_MASK', flag: 'reserved' });
  }

  const notes: string[] = [];
  if (trap) {
    if (!write) notes.push('A trap on a read is unexpected: KVM warns once ("svm: Handling trap read.") and carries on with the trap handling, avic_unaccel_trap_write() (avic.c:744-745).');
    if (offset === 0xc0) {
      notes.push('avic_unaccel_trap_write(): the remote-read register is read-only, so KVM ignores the write and returns (APIC_RRR case, avic.c:688-690).');
    } else {
      const extra =
        offset === 0xd0
          ? 'For the LDR it first updates the logical APIC ID table (avic_handle_ldr_update()). '
          : offset === 0xe0
            ? 'For the DFR it first invalidates the vCPU\u2019s logical APIC ID table entry (avic_handle_dfr_update()). '
            : '';
      notes.push(`avic_unaccel_trap_write(): ${extra}Then kvm_apic_write_nodecode(vcpu, ${hex(offset)}) runs the value already in the backing page through KVM's normal APIC write path (avic.c:676-697).`);
    }
  } else {
    notes.push('KVM emulates the access with kvm_emulate_instruction(vcpu, 0) (avic.c:746-749).');
  }
  const summary = `0x402 unaccelerated ${write ? 'write' : 'read'} of ${hex(offset, 3)} ${reg ? reg.name : '(no register)'}: KVM treats it as a ${trap ? 'trap' : 'fault'}.`;
  return { ok: true, summary, rows, notes };
}

// ---------------------------------------------------------------------------------------------
// Worked examples (the no-JavaScript rendering and the unit tests use them)

export const EXAMPLES = {
  // Valid | IsRunning | backing page 0x105E3C000 | host APIC ID 4
  physicalId: '0xC000000105E3C004',
  // AVIC enable | V_NMI_ENABLE | V_GIF_ENABLE | V_INTR_MASKING | V_GIF: what init_vmcb() and
  // avic_activate_vmcb() leave in vmcb01 with vnmi and vgif on, V_TPR 0. Linux 6.12.118: V_INTR_MASKING_MASK
  // svm.c:1299, V_NMI_ENABLE_MASK svm.c:1360, V_GIF_ENABLE_MASK svm.c:1365, enable_gif() svm.c:1376 (sets
  // V_GIF_MASK when vgif is on, svm.h:529-537), AVIC_ENABLE_MASK avic.c:109.
  intCtl: '0x87000200',
  // Fixed IPI, vector 0xFD, physical destination 3 (ICR2 bits 31:24); cause 1, index 3
  incompleteIpi: { exitInfo1: '0x03000000000000FD', exitInfo2: '0x0000000100000003' },
  // Write to the timer initial count register
  unaccelerated: { exitInfo1: '0x0000000100000380', exitInfo2: '0x0' },
} as const;

/** Unique element-id prefixes for several decoders on one page (build-time counter). */
export const nextDecoderId: (prefix: string) => string = (() => {
  let n = 0;
  return (prefix: string) => `${prefix}-${++n}`;
})();
