import { LINUX_6_12_TREE_LABEL } from './kernelTree.ts';

// Decoder for the `inhibits=` mask printed by the kvm_apicv_inhibit_changed trace event.
// Pure data and functions: no DOM, no Astro. The browser script and the component both use it.
//
// The mask is `kvm->arch.apicv_inhibit_reasons` (an unsigned long), and bit N is the enum member at
// position N of `enum kvm_apicv_inhibit`: no member has an explicit value, so the position is the bit
// (6.12.118 arch/x86/include/asm/kvm_host.h:1200-1282 `enum kvm_apicv_inhibit`; set_or_clear_apicv_inhibit()
// uses __set_bit(reason), 6.12.118 arch/x86/kvm/x86.c:9537-9549). The enum order changed between versions, so the same mask can mean
// different reasons: the reader has to pick the version the trace came from.
//
// Provenance of every table below:
// - v6.12: read in Debian's linux-source-6.12, 6.12.118 (LINUX_6_12_TREE_READ in kernelTree.ts).
//   Line references without their own version are for that tree: line references: 6.12.118.
// - v6.1, v6.5, v6.6, v6.8: third-party Git imports of release tarballs, read file by file. Git blob ids
//   are given so anyone can check them against kernel.org trees. The v6.5 kvm_host.h blob 3bc146dfd38d,
//   mmu.c blob ec169f5c7dce and vmx.c blob df461f387e20 are exactly the "index" base blobs of the RFC's
//   diff, so the RFC was written against these files.
// - The RFC: content/patches/rfc-inhibit-apicv-l2-apic-access.patch (hunks 1, 4 and 5).

/** Bare member names (without the `APICV_INHIBIT_REASON_` prefix), in enum order: index = bit. */
export type ReasonList = readonly string[];

export const PREFIX = 'APICV_INHIBIT_REASON_';

// v6.1.y. kvm_host.h blobs f05ebaa26f0f (6.1-rc7), ef8cabfbe854 (6.1.20), d0229323ca63 (6.1.158): all
// three have this order (enum at kvm_host.h:1080-1148 in 6.1.20). No PHYSICAL_ID_ALIASED or
// LOGICAL_ID_ALIASED yet, so APIC_ID_MODIFIED is bit 4, not 5.
const V6_1: ReasonList = [
  'DISABLE', // 0
  'HYPERV', // 1
  'ABSENT', // 2
  'BLOCKIRQ', // 3
  'APIC_ID_MODIFIED', // 4
  'APIC_BASE_MODIFIED', // 5
  'NESTED', // 6: first of the "relevant only to AMD's AVIC" group
  'IRQWIN', // 7
  'PIT_REINJ', // 8
  'SEV', // 9
];

// v6.5 (kvm_host.h blob 3bc146dfd38d, enum at :1147-1227), v6.6.9 (blob fb9f5fa96cc9, enum at :1164) and
// v6.8 (blob d271ba20a0b2, enum at :1198): same twelve members in the same order; bit 0 is still
// spelled DISABLE.
const V6_5: ReasonList = [
  'DISABLE', // 0   kvm_host.h:1157 (v6.5)
  'HYPERV', // 1    :1163
  'ABSENT', // 2    :1169
  'BLOCKIRQ', // 3  :1175
  'PHYSICAL_ID_ALIASED', // 4 :1181
  'APIC_ID_MODIFIED', // 5    :1188
  'APIC_BASE_MODIFIED', // 6  :1189
  'NESTED', // 7    :1202, first of the AVIC-only group
  'IRQWIN', // 8    :1209
  'PIT_REINJ', // 9 :1215
  'SEV', // 10      :1220
  'LOGICAL_ID_ALIASED', // 11 :1226
];

// 6.12.118: `enum kvm_apicv_inhibit` at arch/x86/include/asm/kvm_host.h:1200-1282; NR_APICV_INHIBIT_REASONS
// (kvm_host.h:1281) is 12.
const V6_12: ReasonList = [
  'DISABLED', // 0  :1210
  'HYPERV', // 1    :1216
  'ABSENT', // 2    :1222
  'BLOCKIRQ', // 3  :1228
  'PHYSICAL_ID_ALIASED', // 4 :1234
  'APIC_ID_MODIFIED', // 5    :1241
  'APIC_BASE_MODIFIED', // 6  :1242
  'NESTED', // 7    :1255, first of the AVIC-only group
  'IRQWIN', // 8    :1262
  'PIT_REINJ', // 9 :1268
  'SEV', // 10      :1273
  'LOGICAL_ID_ALIASED', // 11 :1279
];

/** The RFC's new member (patch hunk 1, kvm_host.h @@ -1188 +1188 @@). */
export const RFC_REASON = 'L2_PASSTHROUGH_ACCESS';

/** The RFC inserts its reason right after APIC_BASE_MODIFIED, shifting every later member up by one. */
export function withRfc(list: ReasonList): ReasonList {
  const at = list.indexOf('APIC_BASE_MODIFIED');
  if (at < 0) throw new Error('enum has no APIC_BASE_MODIFIED');
  return [...list.slice(0, at + 1), RFC_REASON, ...list.slice(at + 1)];
}

// Required-inhibit masks: a reason outside the vendor's mask is dropped before the bit is recorded
// (6.12.118 x86.c:10188 `if (!(kvm_x86_ops.required_apicv_inhibits & BIT(reason))) return;`; v6.1 x86.c
// tests the vendor's check_apicv_inhibit_reasons() hook instead, same effect).
// VMX: 6.12.118 vmx/main.c:10-17 VMX_REQUIRED_APICV_INHIBITS; v6.5 vmx/vmx.c:8184-8193; v6.6.9 vmx.c:8194;
// v6.8 vmx.c:8205; v6.1 vmx/vmx.c vmx_check_apicv_inhibit_reasons() (no PHYSICAL_ID_ALIASED yet).
const VMX_COMMON = ['DISABLE', 'DISABLED', 'ABSENT', 'HYPERV', 'BLOCKIRQ', 'PHYSICAL_ID_ALIASED', 'APIC_ID_MODIFIED', 'APIC_BASE_MODIFIED'];
// AVIC: 6.12.118 svm/svm.h:697-711 AVIC_REQUIRED_APICV_INHIBITS lists all twelve; v6.5 svm.h:675-689,
// v6.6.9 svm.h:626, v6.8 svm.h:628 likewise; v6.1 svm/avic.c avic_check_apicv_inhibit_reasons() lists all ten.
// RFC: hunks 4 (svm.h) and 5 (vmx.c) add L2_PASSTHROUGH_ACCESS to both masks.

export type VersionId = 'v6.1' | 'v6.5' | 'v6.6' | 'v6.8' | 'v6.12' | 'rfc-v6.5' | 'rfc-v6.12';

export interface KernelVersion {
  id: VersionId;
  label: string;
  reasons: ReasonList;
  /** Members honoured by Intel (VMX). */
  vmx: readonly string[];
  /** Members honoured by AMD (AVIC): every member in every version offered here. */
  avic: readonly string[];
  /** Where the VMX mask is defined at this version. */
  vmxWhere: string;
  /** Whether this version's tracepoint prints reason names after the hex mask. */
  printsNames: boolean;
  /** A sentence on provenance and caveats, shown under the result. */
  note: string;
}

function version(id: VersionId, label: string, reasons: ReasonList, vmxWhere: string, printsNames: boolean, note: string): KernelVersion {
  return {
    id,
    label,
    reasons,
    vmx: reasons.filter((r) => VMX_COMMON.includes(r) || r === RFC_REASON),
    avic: reasons,
    vmxWhere,
    printsNames,
    note,
  };
}

// Tracepoint format: 6.12.118 trace.h:1399 `TP_printk("%s reason=%u, inhibits=0x%lx%s%s"`, the last two being
// a space and the names (kvm_print_apicv_inhibit_reasons(), 6.12.118 trace.h:1379-1381, `__print_flags`
// over APICV_INHIBIT_REASONS). v6.1.20, v6.1.158, v6.5, v6.6.9 and v6.8 (their trace.h, line 1388 or
// 1391) print only `%s reason=%u, inhibits=0x%lx`.
// The rfc-v6.12 note: set_or_clear_apicv_inhibit() has BUILD_BUG_ON(ARRAY_SIZE(apicv_inhibits) !=
// NR_APICV_INHIBIT_REASONS) (6.12.118 x86.c:9542), so a rebase must add the name to APICV_INHIBIT_REASONS.
export const VERSIONS: readonly KernelVersion[] = [
  version('v6.12', 'Linux 6.12', V6_12, 'arch/x86/kvm/vmx/main.c', true, `Read in the ${LINUX_6_12_TREE_LABEL} tree.`),
  version('v6.8', 'Linux 6.8', V6_5, 'arch/x86/kvm/vmx/vmx.c', false, 'Checked in a 6.8.0 source import; same order as 6.5.'),
  version('v6.6', 'Linux 6.6 (LTS)', V6_5, 'arch/x86/kvm/vmx/vmx.c', false, 'Checked in a 6.6.9 source import; same order as 6.5.'),
  version('v6.5', 'Linux 6.5', V6_5, 'arch/x86/kvm/vmx/vmx.c', false, "Checked in a 6.5.0 source import whose kvm_host.h is the RFC's base file."),
  version('v6.1', 'Linux 6.1 (LTS)', V6_1, 'arch/x86/kvm/vmx/vmx.c, vmx_check_apicv_inhibit_reasons()', false, 'Checked in 6.1-rc7, 6.1.20 and 6.1.158 source imports: ten members, no ID-aliasing reasons, so bits 4 and up differ from 6.5.'),
  version('rfc-v6.5', 'The RFC as posted (on 6.5)', withRfc(V6_5), 'arch/x86/kvm/vmx/vmx.c', false, 'The enum of the RFC applied to its base: the new reason is bit 7 and NESTED moves to bit 8. Never merged.'),
  version('rfc-v6.12', '6.12 + the RFC (hypothetical)', withRfc(V6_12), 'arch/x86/kvm/vmx/main.c', true, 'A hypothetical rebase: 6.12 would also need the name added to APICV_INHIBIT_REASONS (a BUILD_BUG_ON in x86.c checks its length), so the printed name is our assumption. Never merged.'),
];

export function getVersion(id: string): KernelVersion | undefined {
  return VERSIONS.find((v) => v.id === id);
}

/** Short meanings, paraphrasing the comments in `enum kvm_apicv_inhibit` (6.12.118 kvm_host.h:1200-1282; the RFC hunk 1). */
const OFF = 'enable_apicv is off or the CPU lacks support; set when the VM is created';
export const MEANINGS: Readonly<Record<string, string>> = {
  DISABLE: OFF,
  DISABLED: OFF,
  HYPERV: 'a Hyper-V guest uses SynIC AutoEOI',
  ABSENT: 'userspace has not created an in-kernel or split irqchip yet',
  BLOCKIRQ: 'KVM_GUESTDBG_BLOCKIRQ is in use',
  PHYSICAL_ID_ALIASED: 'APIC IDs do not map 1:1 to vCPUs',
  APIC_ID_MODIFIED: 'the guest changed an APIC ID from its reset value',
  APIC_BASE_MODIFIED: 'the guest moved the APIC base from its reset value',
  NESTED: 'the vCPU runs a nested guest; a per-vCPU reason that KVM never puts in the VM-wide mask this event prints',
  IRQWIN: 'SVM is waiting for an interrupt window with a virtual IRQ',
  PIT_REINJ: 'the in-kernel PIT is in reinject mode',
  SEV: 'the guest is an SEV guest',
  LOGICAL_ID_ALIASED: 'logical APIC IDs do not map 1:1 to vCPUs',
  [RFC_REASON]: 'proposed by the RFC: L2 touched L1\u2019s APIC-access page; never merged',
};

export interface ParsedMask {
  /** Set bit numbers, ascending. */
  bits: number[];
  /** The mask as the tracepoint prints it, e.g. "0x80". */
  hex: string;
  /** From a pasted trace line: `set reason=N` or `cleared reason=N`. */
  event?: { action: 'set' | 'cleared'; reason: number };
  /** From a pasted trace line of a kernel that prints names: the names after the hex value. */
  printedNames?: string[];
}

export type ParseResult = { ok: true; mask: ParsedMask } | { ok: false; error: string };

/** unsigned long on x86-64 is 64 bits: at most 16 hex digits. */
const MAX_HEX_DIGITS = 16;

/**
 * Reads a mask: a bare hex number with or without 0x ("80", "0x80"), or a whole trace line containing
 * `inhibits=0x...`. The tracepoint always prints hex, so digits are hex even without 0x.
 */
export function parseInhibits(input: string): ParseResult {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Paste the inhibits= value (for example 0x80) or a whole kvm_apicv_inhibit_changed line.' };
  let digits: string;
  let rest = '';
  // `\b` after the digits: "inhibits=0xZZ" must not read as 0.
  const field = /inhibits\s*=\s*(?:0x)?([0-9a-f]+)\b(.*)$/i.exec(text);
  if (field) {
    digits = field[1]!;
    rest = field[2]!;
  } else if (/^(?:0x)?[0-9a-f]+$/i.test(text)) {
    digits = text.replace(/^0x/i, '');
  } else if (/inhibits\s*=/i.test(text)) {
    return { ok: false, error: 'The text after "inhibits=" is not a hexadecimal number.' };
  } else {
    return { ok: false, error: `"${text.length > 40 ? `${text.slice(0, 40)}\u2026` : text}" is not a hexadecimal number or a line with inhibits=0x\u2026` };
  }
  const significant = digits.replace(/^0+/, '');
  if (significant.length > MAX_HEX_DIGITS) {
    return { ok: false, error: `That is ${significant.length} hex digits; the mask is an unsigned long, at most 16 digits (64 bits).` };
  }
  const bits: number[] = [];
  for (let i = 0; i < significant.length; i++) {
    const nibble = parseInt(significant[significant.length - 1 - i]!, 16);
    for (let b = 0; b < 4; b++) if (nibble & (1 << b)) bits.push(i * 4 + b);
  }
  const mask: ParsedMask = { bits, hex: `0x${significant.toLowerCase() || '0'}` };
  const event = /\b(set|cleared)\s+reason\s*=\s*(\d+)/i.exec(text);
  if (event) mask.event = { action: event[1]!.toLowerCase() as 'set' | 'cleared', reason: Number(event[2]) };
  // After the hex value, a kernel that prints names has " NAME|NAME" (__print_flags; leftover bits
  // that match no name are appended as 0x...).
  const names = /^\s+([\w|]+)/.exec(rest);
  if (names) {
    const printed = names[1]!.split('|').filter((n) => /^[A-Z][A-Z0-9_]*$/.test(n));
    if (printed.length) mask.printedNames = printed;
  }
  return { ok: true, mask };
}

export interface DecodedBit {
  bit: number;
  /** Bare member name, or null if the bit is beyond this version's enum. */
  name: string | null;
  vmx: boolean;
  avic: boolean;
}

export interface Decoded {
  version: KernelVersion;
  hex: string;
  rows: DecodedBit[];
  /** Set bits with no member at this version. */
  beyond: number[];
  /** The event's own reason, if the input was a trace line. */
  event?: { action: 'set' | 'cleared'; reason: number; name: string | null; consistent: boolean };
  /** Plain-text warnings for the reader. */
  warnings: string[];
}

/** Decodes a parsed mask against one version's enum and masks. */
export function decode(mask: ParsedMask, v: KernelVersion): Decoded {
  const rows = mask.bits.map((bit) => {
    const name = v.reasons[bit] ?? null;
    return { bit, name, vmx: name !== null && v.vmx.includes(name), avic: name !== null && v.avic.includes(name) };
  });
  const beyond = rows.filter((r) => r.name === null).map((r) => r.bit);
  const warnings: string[] = [];
  if (beyond.length) {
    warnings.push(`Bit${beyond.length > 1 ? 's' : ''} ${beyond.join(', ')} ${beyond.length > 1 ? 'are' : 'is'} beyond this version's enum (${v.reasons.length} members, bits 0 to ${v.reasons.length - 1}): the trace probably came from another version.`);
  }
  // 6.12.118 x86.c:10188 `required_apicv_inhibits`; v6.5/6.6/6.8 the same test; v6.1 via check_apicv_inhibit_reasons().
  if (rows.some((r) => r.name !== null && !r.vmx)) {
    warnings.push('KVM drops a reason its vendor does not honour before recording it, so a bit Intel VMX does not honour can only come from an AMD host, or from another version\u2019s enum.');
  }
  // NESTED is only returned by avic_vcpu_get_apicv_inhibit_reasons() (6.12.118 svm/avic.c:580 `APICV_INHIBIT_REASON_NESTED`;
  // also 6.1.158 avic.c:558, 6.5/6.6.9/6.8 avic.c), never passed to kvm_set_apicv_inhibit(); the
  // tracepoint prints only the VM-wide mask (6.12.118 x86.c:9549 trace_kvm_apicv_inhibit_changed).
  const nested = rows.find((r) => r.name === 'NESTED');
  if (nested) {
    const elsewhere = v.reasons.includes(RFC_REASON)
      ? 'a kernel without the RFC, where bit ' + nested.bit + ' is another reason'
      : 'another version, such as one with the RFC';
    warnings.push(`NESTED is only ever a per-vCPU reason (the AVIC vcpu_get_apicv_inhibit_reasons hook), never set in the VM-wide mask, with or without the RFC: this bit probably comes from ${elsewhere}.`);
  }
  const d: Decoded = { version: v, hex: mask.hex, rows, beyond, warnings };
  if (mask.event) {
    const { action, reason } = mask.event;
    const isSet = mask.bits.includes(reason);
    // The event fires after the bit is updated (6.12.118 x86.c:9544-9549, __set_bit then
    // trace_kvm_apicv_inhibit_changed), so "set" implies the bit is in the mask.
    const consistent = action === 'set' ? isSet : !isSet;
    d.event = { action, reason, name: v.reasons[reason] ?? null, consistent };
    if (!consistent) warnings.push(`The line says reason ${reason} was ${action}, but bit ${reason} is ${isSet ? 'set' : 'clear'} in the mask: the line looks edited or truncated.`);
  }
  if (mask.printedNames) {
    if (!v.printsNames) {
      warnings.push(`This line has reason names after the mask, but the ${v.label} tracepoint prints only the hex value: the line came from a newer kernel.`);
    } else {
      const expected = rows.flatMap((r) => (r.name ? [r.name] : []));
      const same = expected.length === mask.printedNames.length && expected.every((n) => mask.printedNames!.includes(n));
      if (!same) warnings.push(`The kernel printed ${mask.printedNames.join('|') || 'no names'}, but ${v.label} decodes this mask as ${expected.join('|') || 'nothing'}: pick the version the trace came from.`);
    }
  }
  return d;
}

/** The names the same mask would decode to under every offered version, for comparison. */
export function compareAcrossVersions(mask: ParsedMask): { id: VersionId; label: string; names: string[] }[] {
  return VERSIONS.map((v) => ({
    id: v.id,
    label: v.label,
    names: mask.bits.map((b) => v.reasons[b] ?? `bit ${b}?`),
  }));
}

/** One-line summary per vendor, e.g. "Intel VMX: inhibited by ABSENT." */
export function vendorSummary(d: Decoded): { vmx: string; avic: string } {
  const line = (vendor: string, names: string[], unit: string) =>
    names.length ? `${vendor}: ${unit} off VM-wide (${names.join(', ')}).` : `${vendor}: none of these bits inhibits ${unit} VM-wide.`;
  return {
    vmx: line('Intel VMX', d.rows.filter((r) => r.vmx).map((r) => r.name!), 'APICv'),
    avic: line('AMD AVIC', d.rows.filter((r) => r.avic).map((r) => r.name!), 'AVIC'),
  };
}

/** The RFC demo, offered as a one-click example: the RFC's new reason at bit 7 on its 6.5 base. */
export const EXAMPLE = { version: 'rfc-v6.5' as VersionId, input: 'kvm_apicv_inhibit_changed: set reason=7, inhibits=0x80' };

/**
 * What the decoder opens on (rendered at build time, and the initial state with JavaScript): a line
 * Linux 6.12 prints on an AMD host when the in-kernel PIT enters reinject mode: kvm_pit_set_reinject()
 * calls `kvm_set_apicv_inhibit(kvm, APICV_INHIBIT_REASON_PIT_REINJ)` (6.12.118 i8254.c:307-308); Intel
 * drops the reason before recording it, at the `required_apicv_inhibits` check (6.12.118 x86.c:10188).
 */
export const DEFAULT_EXAMPLE = { version: 'v6.12' as VersionId, input: 'kvm_apicv_inhibit_changed: set reason=9, inhibits=0x200 PIT_REINJ' };

/** Everything the UI shows for one input, as plain strings: shared by the build-time render and the script. */
export interface View {
  ok: boolean;
  /** The sentence for the live region. */
  summary: string;
  /** "This event set reason 7 (L2_PASSTHROUGH_ACCESS)." or ''. */
  event: string;
  rows: { bit: string; name: string; meaning: string; vmx: string; avic: string }[];
  vendor: string[];
  warnings: string[];
  note: string;
  compare: { label: string; names: string }[];
}

const yesNo = (b: boolean) => (b ? '\u2713 yes' : '\u2717 no');

export function present(input: string, versionId: string): View {
  const v = getVersion(versionId) ?? VERSIONS[0]!;
  const parsed = parseInhibits(input);
  if (!parsed.ok) {
    return { ok: false, summary: parsed.error, event: '', rows: [], vendor: [], warnings: [], note: v.note, compare: [] };
  }
  const d = decode(parsed.mask, v);
  const named = d.rows.flatMap((r) => (r.name ? [r.name] : []));
  const n = d.rows.length;
  const summary = n === 0
    ? `${v.label}: ${d.hex} has no reason set, so nothing inhibits APICv or AVIC VM-wide.`
    : `${v.label}: ${d.hex} has ${n} bit${n > 1 ? 's' : ''} set${named.length ? `, ${named.join(', ')}` : ''}${d.beyond.length ? `, ${d.beyond.length} beyond the enum` : ''}.${d.warnings.length ? ` ${d.warnings.length} warning${d.warnings.length > 1 ? 's' : ''}.` : ''}`;
  const event = d.event
    ? `This event ${d.event.action} reason ${d.event.reason} (${d.event.name ?? 'not a member at this version'}).`
    : '';
  return {
    ok: true,
    summary,
    event,
    rows: d.rows.map((r) => ({
      bit: String(r.bit),
      name: r.name ? PREFIX + r.name : '(beyond the enum)',
      meaning: r.name ? MEANINGS[r.name] ?? '' : `${v.label} defines bits 0 to ${v.reasons.length - 1} only`,
      vmx: r.name ? yesNo(r.vmx) : '\u2014',
      avic: r.name ? yesNo(r.avic) : '\u2014',
    })),
    vendor: n ? Object.values(vendorSummary(d)) : [],
    warnings: d.warnings,
    note: `${v.note} VMX mask: ${v.vmxWhere}.`,
    compare: n ? compareAcrossVersions(parsed.mask).filter((c) => c.id !== v.id).map((c) => ({ label: c.label, names: c.names.join(', ') })) : [],
  };
}
