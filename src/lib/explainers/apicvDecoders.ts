// Decoders for two Intel APICv data formats:
//  (a) the 64-byte posted-interrupt descriptor, in the layout of Linux's struct pi_desc
//      (arch/x86/include/asm/posted_intr.h:12-27 in Linux 6.12.118, the Debian 6.12.y tree; every
//      file:line reference below is to that tree; line references: 6.12.118);
//  (b) the exit qualification of an APIC-access VM exit (basic exit reason 44).
// Pure functions, no DOM. Every parser returns { ok: false, error } instead of throwing.

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const hex = (n: number | bigint, width: number): string => `0x${n.toString(16).toUpperCase().padStart(width, '0')}`;

// =============================================================================================
// (a) Posted-interrupt descriptor
//
// Layout (struct pi_desc, posted_intr.h:12-27; bit ranges as commented in torvalds/linux@699f67512f04
// posted_intr.h; Bochs vapic.cc VMX_Posted_Interrupt_Processing documents only PIR and ON):
//   bytes  0-31  bits 255:0    PIR, u32 pir[8] / u64 pir64[4]; vector v is bit v (test_and_set_bit on
//                              little-endian memory: byte v/8, bit v%8; asm/posted_intr.h:46)
//   byte  32     bit  256      ON  = bit POSTED_INTR_ON (0) of `control` (posted_intr.h:6); Bochs
//                              clears it at pid_addr + 32, bit 0
//   byte  32     bit  257      SN  = bit POSTED_INTR_SN (1) of `control` (posted_intr.h:7)
//   bytes 32-33  bits 271:258  rest of u16 `notifications`: reserved
//   byte  34     bits 279:272  NV, u8 nv
//   byte  35     bits 287:280  u8 rsvd_2: reserved
//   bytes 36-39  bits 319:288  NDST, u32 ndst
//   bytes 40-63  bits 511:320  u32 rsvd[6]: reserved
// SN, NV and NDST are the extended layout used by VT-d posted interrupts and IPI virtualization; the
// processor's own posted-interrupt processing reads only PIR and ON (Bochs vapic.cc:531).

export const PI_DESC_BYTES = 64; // struct pi_desc ... __aligned(64), posted_intr.h:27

export type DescriptorFormat = 'bytes' | 'words';

export interface PiDescriptor {
  readonly bytes: readonly number[];
  /** Vectors whose PIR bit is set (bits 255:0). */
  readonly pir: readonly number[];
  readonly on: boolean;
  readonly sn: boolean;
  readonly nv: number;
  readonly ndst: number;
  /** NDST bits 15:8: the xAPIC-mode physical APIC ID (KVM: dest << 8 & 0xFF00 unless the host's x2apic_mode, posted_intr.c:97-99). */
  readonly ndstXapicId: number;
  /** The 64-bit control word (bytes 32-39), as KVM's `control` member sees it. */
  readonly control: bigint;
  /** Names of reserved ranges that are not zero. */
  readonly reservedNonZero: readonly string[];
}

/**
 * Removes an address label at the start of each line: everything up to and including the last ':'
 * (gdb "0xffff888100a3c000 <sym+64>:", "0000000000000000:" style offsets).
 */
function stripLabels(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const i = line.lastIndexOf(':');
      return i === -1 ? line : line.slice(i + 1);
    })
    .join(' ');
}

function tokens(text: string): string[] {
  return stripLabels(text)
    .split(/[\s,]+/)
    .filter((t) => t !== '');
}

function cleanToken(t: string): string {
  return t.replace(/^0x/i, '');
}

function firstBadToken(toks: readonly string[]): string | undefined {
  return toks.find((t) => !/^[0-9a-f]+$/i.test(cleanToken(t)));
}

function shorten(t: string): string {
  return t.length > 20 ? `${t.slice(0, 20)}...` : t;
}

/**
 * Parses a descriptor.
 * - 'bytes': 64 bytes in memory order (lowest address first), as 128 hex digits; spaces, commas,
 *   newlines, 0x prefixes and a leading "address:" on each line are ignored.
 * - 'words': eight 64-bit words, lowest address first, each the little-endian value at that address
 *   (as gdb's x/8gx prints them); 0x prefixes and "address:" labels are ignored.
 */
export function parseDescriptor(text: string, format: DescriptorFormat): Result<number[]> {
  const toks = tokens(text);
  if (toks.length === 0) return { ok: false, error: 'Paste a descriptor first.' };
  const bad = firstBadToken(toks);
  if (bad !== undefined) return { ok: false, error: `"${shorten(bad)}" is not hexadecimal.` };

  if (format === 'bytes') {
    const digits = toks.map(cleanToken).join('');
    if (digits.length !== PI_DESC_BYTES * 2) {
      return {
        ok: false,
        error: `Expected 64 bytes (128 hex digits) but found ${digits.length} hex digit${digits.length === 1 ? '' : 's'}.`,
      };
    }
    const bytes: number[] = [];
    for (let i = 0; i < PI_DESC_BYTES; i++) bytes.push(parseInt(digits.slice(2 * i, 2 * i + 2), 16));
    return { ok: true, value: bytes };
  }

  if (toks.length !== 8) {
    return { ok: false, error: `Expected 8 words of 64 bits but found ${toks.length}.` };
  }
  const bytes: number[] = [];
  for (const t of toks) {
    const digits = cleanToken(t);
    if (digits.length > 16) return { ok: false, error: `"${shorten(t)}" is wider than 64 bits.` };
    let w = BigInt(`0x${digits}`);
    for (let i = 0; i < 8; i++) {
      bytes.push(Number(w & 0xffn)); // little-endian: least significant byte at the lowest address
      w >>= 8n;
    }
  }
  return { ok: true, value: bytes };
}

function byteAt(bytes: readonly number[], i: number): number {
  return bytes[i] ?? 0;
}

function leUint(bytes: readonly number[], from: number, length: number): bigint {
  let v = 0n;
  for (let i = length - 1; i >= 0; i--) v = (v << 8n) | BigInt(byteAt(bytes, from + i));
  return v;
}

/** Decodes 64 descriptor bytes (memory order). */
export function decodeDescriptor(bytes: readonly number[]): PiDescriptor {
  const pir: number[] = [];
  for (let v = 0; v < 256; v++) if ((byteAt(bytes, v >> 3) >> (v & 7)) & 1) pir.push(v);
  const b32 = byteAt(bytes, 32);
  const ndst = Number(leUint(bytes, 36, 4));
  const reservedNonZero: string[] = [];
  if ((b32 & 0xfc) !== 0 || byteAt(bytes, 33) !== 0) reservedNonZero.push('bits 271:258');
  if (byteAt(bytes, 35) !== 0) reservedNonZero.push('bits 287:280');
  if (bytes.slice(40, 64).some((b) => b !== 0)) reservedNonZero.push('bits 511:320');
  return {
    bytes,
    pir,
    on: (b32 & 1) !== 0, // POSTED_INTR_ON 0
    sn: (b32 & 2) !== 0, // POSTED_INTR_SN 1
    nv: byteAt(bytes, 34),
    ndst,
    ndstXapicId: (ndst >> 8) & 0xff,
    control: leUint(bytes, 32, 8),
    reservedNonZero,
  };
}

/** The eight little-endian 64-bit words of a descriptor, for display. */
export function descriptorWords(bytes: readonly number[]): string[] {
  const out: string[] = [];
  for (let w = 0; w < 8; w++) out.push(hex(leUint(bytes, w * 8, 8), 16));
  return out;
}

/** What KVM uses an NV value for (POSTED_INTR_VECTOR and the others, arch/x86/include/asm/irq_vectors.h:87-89; the pi_desc.nv invariant POSTED_INTR_VECTOR or POSTED_INTR_WAKEUP_VECTOR, vmx.c:4894-4897). */
export function describeNv(nv: number): string {
  switch (nv) {
    case 0xf2:
      return 'POSTED_INTR_VECTOR, the notification vector KVM uses while the vCPU can run';
    case 0xf1:
      return 'POSTED_INTR_WAKEUP_VECTOR, which KVM sets while the vCPU is blocked so a device interrupt wakes it';
    default:
      return "not one of KVM's values for its own descriptors (KVM keeps NV at 0xF2 or 0xF1)";
  }
}

/** Parse and decode in one go. */
export function decodeDescriptorText(text: string, format: DescriptorFormat): Result<PiDescriptor> {
  const p = parseDescriptor(text, format);
  return p.ok ? { ok: true, value: decodeDescriptor(p.value) } : p;
}

export function formatVectorList(vs: readonly number[]): string {
  return vs.length === 0 ? 'none' : vs.map((v) => hex(v, 2)).join(', ');
}

/** One sentence for the live region. */
export function descriptorSummary(d: PiDescriptor): string {
  return `PIR vectors: ${formatVectorList(d.pir)}. ON ${d.on ? 1 : 0}, SN ${d.sn ? 1 : 0}, NV ${hex(d.nv, 2)}, NDST ${hex(d.ndst, 8)}.`;
}

/**
 * Example: vectors 0x31 and 0x45 posted, ON = 1, SN = 0, NV = POSTED_INTR_VECTOR (0xF2), NDST with
 * physical APIC ID 3 in bits 15:8 (an xAPIC-mode host).
 */
export const EXAMPLE_DESCRIPTOR_WORDS =
  '0x0002000000000000 0x0000000000000020 0x0000000000000000 0x0000000000000000\n' +
  '0x0000030000F20001 0x0000000000000000 0x0000000000000000 0x0000000000000000';

// =============================================================================================
// (b) APIC-access exit qualification (exit reason 44, EXIT_REASON_APIC_ACCESS, uapi/asm/vmx.h:70)
//
// Linux arch/x86/include/asm/vmx.h:468-475 (v6.12):
//   APIC_ACCESS_OFFSET 0xfff   bits 11:0, offset within the APIC page
//   APIC_ACCESS_TYPE   0xf000  bits 15:12, access type
// SDM (older Vol. 3C, Table 27-6): bits 11:0 are the offset for linear accesses and undefined for
// guest-physical accesses; types 0, 1, 2, 3, 10 and 15 are used, other values are not; bits 63:16 are
// reserved (cleared to 0) in that edition. Bochs vmx.h uses the same type values (0x0000, 0x1000,
// 0x2000, 0x3000). Bit 16 is not decoded: neither the edition cited nor Bochs defines it.

export const APIC_ACCESS_OFFSET = 0xfff; // asm/vmx.h:468
export const APIC_ACCESS_TYPE = 0xf000; // asm/vmx.h:469

export interface AccessType {
  readonly value: number;
  /** Linux macro, TYPE_LINEAR_APIC_INST_READ to TYPE_PHYSICAL_APIC_INST in asm/vmx.h:470-475. */
  readonly linux: string;
  /** SDM description (Table 27-6). */
  readonly description: string;
  readonly linear: boolean;
}

export const ACCESS_TYPES: readonly AccessType[] = [
  { value: 0, linux: 'TYPE_LINEAR_APIC_INST_READ', description: 'linear access, data read during instruction execution', linear: true }, // vmx.h:470
  { value: 1, linux: 'TYPE_LINEAR_APIC_INST_WRITE', description: 'linear access, data write during instruction execution', linear: true }, // vmx.h:471
  { value: 2, linux: 'TYPE_LINEAR_APIC_INST_FETCH', description: 'linear access, instruction fetch', linear: true }, // vmx.h:472
  { value: 3, linux: 'TYPE_LINEAR_APIC_EVENT', description: 'linear access (read or write) during event delivery', linear: true }, // vmx.h:473
  { value: 10, linux: 'TYPE_PHYSICAL_APIC_EVENT', description: 'guest-physical access during event delivery', linear: false }, // vmx.h:474
  { value: 15, linux: 'TYPE_PHYSICAL_APIC_INST', description: 'guest-physical access, instruction fetch or during instruction execution', linear: false }, // vmx.h:475
];

export interface ApicRegister {
  readonly offset: number;
  /** Linux macro in arch/x86/include/asm/apicdef.h (v6.12). */
  readonly macro: string;
  readonly name: string;
  /** For 8-register arrays (ISR, TMR, IRR): how many 16-byte slots. */
  readonly count?: number;
}

// arch/x86/include/asm/apicdef.h at v6.12, line numbers in comments.
export const APIC_REGISTERS: readonly ApicRegister[] = [
  { offset: 0x20, macro: 'APIC_ID', name: 'Local APIC ID' }, // :30
  { offset: 0x30, macro: 'APIC_LVR', name: 'Version' }, // :32
  { offset: 0x80, macro: 'APIC_TASKPRI', name: 'Task priority (TPR)' }, // :44
  { offset: 0x90, macro: 'APIC_ARBPRI', name: 'Arbitration priority (APR)' }, // :46
  { offset: 0xa0, macro: 'APIC_PROCPRI', name: 'Processor priority (PPR)' }, // :48
  { offset: 0xb0, macro: 'APIC_EOI', name: 'EOI' }, // :49
  { offset: 0xc0, macro: 'APIC_RRR', name: 'Remote read (RRD)' }, // :51
  { offset: 0xd0, macro: 'APIC_LDR', name: 'Logical destination (LDR)' }, // :52
  { offset: 0xe0, macro: 'APIC_DFR', name: 'Destination format (DFR)' }, // :57
  { offset: 0xf0, macro: 'APIC_SPIV', name: 'Spurious-interrupt vector (SVR)' }, // :60
  { offset: 0x100, macro: 'APIC_ISR', name: 'In-service register (ISR)', count: 8 }, // :64, APIC_ISR_NR 0x8 :65
  { offset: 0x180, macro: 'APIC_TMR', name: 'Trigger-mode register (TMR)', count: 8 }, // :66
  { offset: 0x200, macro: 'APIC_IRR', name: 'Interrupt-request register (IRR)', count: 8 }, // :67
  { offset: 0x280, macro: 'APIC_ESR', name: 'Error status (ESR)' }, // :68
  { offset: 0x2f0, macro: 'APIC_LVTCMCI', name: 'LVT CMCI' }, // :76
  { offset: 0x300, macro: 'APIC_ICR', name: 'Interrupt command, low (ICR)' }, // :77
  { offset: 0x310, macro: 'APIC_ICR2', name: 'Interrupt command, high (ICR2)' }, // :100
  { offset: 0x320, macro: 'APIC_LVTT', name: 'LVT timer' }, // :103
  { offset: 0x330, macro: 'APIC_LVTTHMR', name: 'LVT thermal sensor' }, // :104
  { offset: 0x340, macro: 'APIC_LVTPC', name: 'LVT performance counter' }, // :105
  { offset: 0x350, macro: 'APIC_LVT0', name: 'LVT LINT0' }, // :106
  { offset: 0x360, macro: 'APIC_LVT1', name: 'LVT LINT1' }, // :121
  { offset: 0x370, macro: 'APIC_LVTERR', name: 'LVT error' }, // :122
  { offset: 0x380, macro: 'APIC_TMICT', name: 'Timer initial count' }, // :123
  { offset: 0x390, macro: 'APIC_TMCCT', name: 'Timer current count' }, // :124
  { offset: 0x3e0, macro: 'APIC_TDCR', name: 'Timer divide configuration' }, // :125
  { offset: 0x3f0, macro: 'APIC_SELF_IPI', name: 'Self IPI (x2APIC only)' }, // :126
];

export interface RegisterAt {
  readonly register: ApicRegister | null;
  /** Slot index within ISR/TMR/IRR (0-7), when the register is an array. */
  readonly index?: number;
  /** Byte offset inside the 16-byte slot (0-15). */
  readonly byteInSlot: number;
  readonly text: string;
}

/** Names the register whose 16-byte slot contains `offset` (APIC registers are 16-byte aligned). */
export function registerAt(offset: number): RegisterAt {
  const slot = offset & ~0xf;
  const byteInSlot = offset & 0xf;
  for (const r of APIC_REGISTERS) {
    const count = r.count ?? 1;
    if (slot >= r.offset && slot < r.offset + 16 * count) {
      const index = (slot - r.offset) >> 4;
      let text = `${r.macro}: ${r.name}`;
      if (r.count !== undefined) text += `, word ${index} (vectors ${index * 32}-${index * 32 + 31})`;
      if (byteInSlot >= 4) text += `; byte ${byteInSlot} of its 16-byte slot, past the 32-bit register`;
      else if (byteInSlot !== 0) text += `; byte ${byteInSlot} of the register`;
      const base = { register: r, byteInSlot, text };
      return r.count !== undefined ? { ...base, index } : base;
    }
  }
  return { register: null, byteInSlot, text: `no register at ${hex(slot, 3)} in apicdef.h's list (0x020-0x3F0)` };
}

export interface Qualification {
  readonly raw: bigint;
  readonly offset: number;
  /** null when the access type says bits 11:0 are undefined (guest-physical access). */
  readonly register: RegisterAt | null;
  readonly typeValue: number;
  readonly type: AccessType | null;
  /** Bits 63:16 are not zero. */
  readonly upperBits: bigint;
  /** What KVM 6.12's handle_apic_access() does with it (vmx.c:5677-5697). */
  readonly kvm: string;
}

export function decodeQualification(raw: bigint): Qualification {
  const low = Number(raw & 0xffffn);
  const offset = low & APIC_ACCESS_OFFSET;
  const typeValue = (low & APIC_ACCESS_TYPE) >> 12;
  const type = ACCESS_TYPES.find((t) => t.value === typeValue) ?? null;
  const linear = type?.linear ?? true;
  const fastEoi = typeValue === 1 && offset === 0xb0; // TYPE_LINEAR_APIC_INST_WRITE && offset == APIC_EOI, vmx.c:5690-5691
  return {
    raw,
    offset,
    register: linear ? registerAt(offset) : null,
    typeValue,
    type,
    upperBits: raw >> 16n,
    kvm: fastEoi
      ? 'With the fasteoi module parameter (default on), KVM treats this as an EOI: it calls kvm_lapic_set_eoi() and skips the instruction without emulating it. In KVM 6.12 an APIC-access exit only happens while APICv is active, and then an EOI write within bytes 0xB0-0xB3 is virtualized without any exit, so this qualification means an EOI write the processor did not virtualize, such as an 8-byte store.'
      : 'KVM emulates the faulting instruction with kvm_emulate_instruction().',
  };
}

/** Parses a qualification: hex, optional 0x, up to 64 bits. Never throws. */
export function parseQualification(text: string): Result<bigint> {
  const t = text.trim().replace(/_/g, '');
  const m = /^(?:0x)?([0-9a-f]{1,16})$/i.exec(t);
  if (m === null || m[1] === undefined) {
    return { ok: false, error: t === '' ? 'Enter an exit qualification in hex, e.g. 0x10B0.' : `"${shorten(t)}" is not a hex number of at most 64 bits.` };
  }
  return { ok: true, value: BigInt(`0x${m[1]}`) };
}

export function decodeQualificationText(text: string): Result<Qualification> {
  const p = parseQualification(text);
  return p.ok ? { ok: true, value: decodeQualification(p.value) } : p;
}

export function typeText(q: Qualification): string {
  return q.type === null
    ? `${q.typeValue}: not a value the SDM uses for this exit`
    : `${q.typeValue}: ${q.type.description} (${q.type.linux})`;
}

export function offsetText(q: Qualification): string {
  return q.register === null
    ? `${hex(q.offset, 3)}, undefined for a guest-physical access`
    : `${hex(q.offset, 3)}, ${q.register.text}`;
}

/** One sentence for the live region. */
export function qualificationSummary(q: Qualification): string {
  return `Offset ${offsetText(q)}. Access type ${typeText(q)}.${q.upperBits !== 0n ? ' Bits 63:16 are not zero.' : ''}`;
}

export const EXAMPLE_QUALIFICATION = '0x10B0';

export { hex as hexPadded };

// =============================================================================================
// Table rows shared by the build-time rendering and the browser script

export interface DecodedRow {
  readonly bits: string;
  readonly field: string;
  readonly value: string;
  readonly meaning: string;
}

export function descriptorRows(d: PiDescriptor): DecodedRow[] {
  return [
    {
      bits: '255:0',
      field: 'PIR',
      value: formatVectorList(d.pir),
      meaning: d.pir.length === 0 ? 'No posted requests.' : 'Posted requests; processing ORs them into VIRR.',
    },
    {
      bits: '256',
      field: 'ON',
      value: d.on ? '1' : '0',
      meaning: d.on ? 'A notification is outstanding; KVM\'s sender sends no further one.' : 'No notification outstanding; the next post sets ON.',
    },
    {
      bits: '257',
      field: 'SN',
      value: d.sn ? '1' : '0',
      meaning: d.sn ? 'Suppress notification: KVM sets it at vCPU reset and while the vCPU is preempted.' : 'Notifications allowed.',
    },
    { bits: '279:272', field: 'NV', value: hex(d.nv, 2), meaning: `${describeNv(d.nv)}.` },
    {
      bits: '319:288',
      field: 'NDST',
      value: hex(d.ndst, 8),
      meaning: `As KVM writes it: physical APIC ID ${hex(d.ndstXapicId, 2)} in bits 15:8 for a host in xAPIC mode; the whole value for a host in x2APIC mode.`,
    },
    {
      bits: '271:258, 287:280, 511:320',
      field: 'Reserved',
      value: d.reservedNonZero.length === 0 ? 'all zero' : `not zero: ${d.reservedNonZero.join(', ')}`,
      meaning: 'Reserved in struct pi_desc.',
    },
  ];
}

export function qualificationRows(q: Qualification): DecodedRow[] {
  return [
    {
      bits: '11:0',
      field: 'Offset',
      value: hex(q.offset, 3),
      meaning: q.register === null ? 'Undefined for a guest-physical access.' : `${q.register.text}.`,
    },
    {
      bits: '15:12',
      field: 'Access type',
      value: String(q.typeValue),
      meaning: q.type === null ? 'Not a value the SDM uses for this exit.' : `${q.type.linux}: ${q.type.description}.`,
    },
    {
      bits: '63:16',
      field: 'Reserved',
      value: q.upperBits === 0n ? '0' : hex(q.upperBits, 1),
      meaning: q.upperBits === 0n ? 'Cleared to 0.' : 'Not zero; reserved (cleared to 0) in the SDM edition cited, not decoded here.',
    },
  ];
}

/** The 64 bytes as 4 lines of 16 hex bytes, memory order. */
export function formatDescriptorBytes(bytes: readonly number[]): string {
  const lines: string[] = [];
  for (let i = 0; i < PI_DESC_BYTES; i += 16) {
    lines.push(bytes.slice(i, i + 16).map((b) => b.toString(16).padStart(2, '0')).join(' '));
  }
  return lines.join('\n');
}

/** The 64 bytes as 8 words, 4 per line. */
export function formatDescriptorWords(bytes: readonly number[]): string {
  const w = descriptorWords(bytes);
  return `${w.slice(0, 4).join(' ')}\n${w.slice(4).join(' ')}`;
}
