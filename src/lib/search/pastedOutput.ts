// Recognises kernel output pasted into search (tracepoint lines, exit reasons, inhibit masks) and
// says which explainer decodes it, opened with the value filled in.
// Contract shared by the search UI (which renders these as answer cards) and the explainers (which
// read their input from the URL): the URLs come from src/lib/explainers/handoff.ts.
//
// Formats, as Linux 6.12.118 (Debian) prints them (arch/x86/kvm/trace.h):
//   kvm_apicv_inhibit_changed  "%s reason=%u, inhibits=0x%lx%s%s"   (:1399; names after the mask, :1379-1381)
//   kvm_avic_incomplete_ipi    "vcpu=%u, icrh:icrl=%#010x:%08x, id=%u, index=%u"   (:1452; id is the
//                              failure cause and index exit_info_2 & 0x1FF, svm/avic.c:528-534)
//   kvm_avic_unaccelerated_access "vcpu=%u, offset=%#x(%s), %s, %s, vec=%#x"   (:1477; "trap"/"fault",
//                              "write"/"read"; svm/avic.c:729-741)
//   kvm_avic_kick_vcpu_slowpath "icrh:icrl=%#08x:%08x, index=%u"   (:1520; only reached for cause
//                              TARGET_NOT_RUNNING, svm/avic.c:556-563)
//   kvm_exit, kvm_nested_vmexit "vcpu %u reason %s%s%s rip 0x%lx info1 0x%016llx info2 0x%016llx ..."
//                              (:325; reason: VMX_EXIT_REASONS names, upper case, plus " FAILED_VMENTRY";
//                              SVM_EXIT_REASONS names, lower case, e.g. "avic_incomplete_ipi",
//                              uapi/asm/vmx.h:96-161, uapi/asm/svm.h:228-229). Older kernels print
//                              "reason %s rip 0x%lx info %llx %llx" without the vCPU: accepted too.
//   kvm_nested_vmexit_inject   "reason: %s%s%s ext_inf1: 0x%016llx ext_inf2: 0x%016llx ..." (:709)
// Numbers (exit codes, failure causes, inhibit bits) come from the explainers' own tables.

import { AVIC_IPI_FAILURE_CAUSES, SVM_EXIT_AVIC_INCOMPLETE_IPI, SVM_EXIT_AVIC_UNACCELERATED_ACCESS } from '../explainers/avicDecoders.ts';
import { explainerOf, handoffUrl, nestedExitByName, type Handoff } from '../explainers/handoff.ts';
import { decode, getVersion, parseInhibits, PREFIX as INHIBIT_PREFIX } from '../explainers/inhibitDecoder.ts';
import { EXITS } from '../explainers/nestedExitExplorer.ts';
import type { Delivery } from '../explainers/avicIpiStepper.ts';
import { AVIC_EXIT, EXIT_NAME, EXIT_PHRASE, INHIBIT_MASK, MAX_INPUT, TRACE_EVENT } from './pastedOutputCues.ts';

export interface PastedOutputMatch {
  /** What was recognised, in a reader's words, e.g. "Tracepoint kvm_apicv_inhibit_changed: set reason 9". */
  label: string;
  /** Title of the explainer that decodes it, e.g. "Inhibit-mask decoder". */
  explainerTitle: string;
  /** Site-relative URL of that explainer with the value filled in, e.g. "/kvm/apicv-inhibits/?inhibit=0x200#inhibit-decoder". */
  explainerUrl: string;
  /**
   * What the ordinary search should look for in this paste (symbols, reasons), each thing by its names:
   * the first as the kernel's code spells it, then as a trace prints it ("EXIT_REASON_EPT_MISCONFIG",
   * "EPT_MISCONFIG"). searchSite.ts makes each one concept, with the names the glossary ties to them.
   */
  terms: string[][];
  /** The tracepoint the text came from, when it was a trace line. */
  tracepoint?: string;
}

const MAX_LINES = 20;

const AVIC_EXIT_NAMES: Record<number, string> = {
  [SVM_EXIT_AVIC_INCOMPLETE_IPI]: 'AVIC_INCOMPLETE_IPI',
  [SVM_EXIT_AVIC_UNACCELERATED_ACCESS]: 'AVIC_UNACCELERATED_ACCESS',
};
const APIC_ACCESS = EXITS.find((e) => e.name === 'APIC_ACCESS')!.code;
const V6_12 = getVersion('v6.12')!;

const hex = (n: bigint | number) => `0x${n.toString(16)}`;
const num = (text: string): bigint => BigInt(/^0x/i.test(text) ? text : /^[0-9]+$/.test(text) ? text : `0x${text}`);

function match(h: Handoff, label: string, terms: (string | string[])[], tracepoint?: string): PastedOutputMatch {
  const seen = new Set<string>();
  return {
    label,
    explainerTitle: explainerOf(h).title,
    explainerUrl: handoffUrl(h),
    terms: terms.map((t) => (typeof t === 'string' ? [t] : t)).filter((names) => !seen.has(names[0]!) && seen.add(names[0]!)),
    ...(tracepoint ? { tracepoint } : {}),
  };
}

function inhibitLine(body: string, tracepoint?: string): PastedOutputMatch {
  const input = tracepoint ? `${tracepoint}: ${body.trim()}` : body.trim();
  const parsed = parseInhibits(input);
  const terms = tracepoint ? [tracepoint] : [];
  if (!parsed.ok) {
    return match({ kind: 'inhibit', input }, `${tracepoint ?? 'Inhibit mask'} (the decoder says what it cannot read)`, [...terms, 'kvm_set_apicv_inhibit'], tracepoint);
  }
  const { mask } = parsed;
  // A kernel that prints names is 6.12 or later; without names, read the bits as 6.12 and let the
  // decoder compare versions.
  const d = decode(mask, V6_12);
  const names = mask.printedNames ?? d.rows.flatMap((r) => (r.name ? [r.name] : []));
  const event = d.event ? `${d.event.action} reason ${d.event.reason}${d.event.name ? ` (${d.event.name} on Linux 6.12)` : ''}, ` : '';
  const label = `${tracepoint ? `Tracepoint ${tracepoint}: ` : 'Inhibit mask '}${event}inhibits ${mask.hex}${names.length ? ` = ${names.join('|')}` : ''}`;
  return match(
    { kind: 'inhibit', input, ...(mask.printedNames ? { kernel: 'v6.12' as const } : {}) },
    label,
    [...terms, ...names.map((n) => [INHIBIT_PREFIX + n, n]), 'kvm_set_apicv_inhibit'],
    tracepoint,
  );
}

/** ICR delivery mode and trigger (apicdef.h: bits 10:8, bit 15) as the IPI stepper's delivery choice. */
function stepperDelivery(icrl: bigint): Delivery | undefined {
  const mode = Number((icrl >> 8n) & 7n);
  if (mode === 0) return (icrl >> 15n) & 1n ? 'fixed-level' : 'fixed-edge';
  if (mode === 4) return 'nmi';
  if (mode === 5) return 'init';
  return undefined;
}

function incompleteIpi(body: string, tracepoint: string): PastedOutputMatch[] {
  const icr = /icrh:icrl=(?:0x)?([0-9a-f]{1,8}):(?:0x)?([0-9a-f]{1,8})\b/i.exec(body);
  const id = /\bid=(\d{1,10})\b/.exec(body);
  const index = /\bindex=(\d{1,10})\b/.exec(body);
  const slowpath = tracepoint === 'kvm_avic_kick_vcpu_slowpath';
  // The slow path runs only for cause 1, TARGET_NOT_RUNNING (avic.c:556-563).
  const cause = slowpath ? 1 : id ? Number(id[1]) : undefined;
  const causeName = cause !== undefined ? AVIC_IPI_FAILURE_CAUSES[cause] : undefined;
  const terms = [tracepoint, 'AVIC_INCOMPLETE_IPI', 'avic_incomplete_ipi_interception', ...(causeName ? [causeName] : []), ...(slowpath ? ['avic_kick_target_vcpus'] : [])];
  // Both halves are hex, the high one with 0x only when %#010x prints it.
  const icrh = icr ? icr[1]!.padStart(8, '0') : undefined;
  const icrl = icr ? BigInt(`0x${icr[2]}`) : undefined;
  const info1 = icr ? `0x${icrh}${icr[2]!.padStart(8, '0')}` : undefined;
  const info2 = cause !== undefined && index ? hex((BigInt(cause) << 32n) | BigInt(index[1]!)) : undefined;
  const what = `${cause !== undefined ? `cause ${cause}${causeName ? ` (${causeName})` : ''}` : 'AVIC IPI'}${index ? `, index ${index[1]}` : ''}${icr ? `, ICR 0x${icrh}:${icr[2]!.padStart(8, '0')}` : ''}`;
  const out = [
    match({ kind: 'avic-exit', exitCode: 0x401, ...(info1 ? { info1 } : {}), ...(info2 ? { info2 } : {}) }, `Tracepoint ${tracepoint}: ${what}`, terms, tracepoint),
  ];
  // The IPI stepper models causes 0 to 2 for fixed, NMI and INIT IPIs (avicIpiStepper.ts).
  const delivery = icrl !== undefined ? stepperDelivery(icrl) : undefined;
  const stepper: Handoff | undefined =
    cause === 1 && delivery === 'fixed-edge' ? { kind: 'avic-ipi', running: false, valid: true, delivery }
    : cause === 2 && delivery ? { kind: 'avic-ipi', running: true, valid: false, delivery }
    : cause === 0 && delivery && delivery !== 'fixed-edge' ? { kind: 'avic-ipi', running: true, valid: true, delivery }
    : undefined;
  if (stepper) out.push(match(stepper, `Step through an IPI like this one (${causeName})`, terms, tracepoint));
  return out;
}

function unacceleratedAccess(body: string, tracepoint: string): PastedOutputMatch {
  const offset = /\boffset=(0x[0-9a-f]{1,8}|\d{1,10})\b/i.exec(body);
  const rw = /\b(read|write)\b/.exec(body);
  const vec = /\bvec=(0x[0-9a-f]{1,8}|\d{1,10})\b/i.exec(body);
  const reg = /\boffset=[^(\s]*\(([A-Z0-9_]+)\)/.exec(body);
  const info1 = offset ? hex(((rw?.[1] === 'write' ? 1n : 0n) << 32n) | num(offset[1]!)) : undefined;
  const info2 = vec ? hex(num(vec[1]!)) : offset ? '0x0' : undefined;
  const what = [offset ? `offset ${offset[1]}${reg ? ` (${reg[1]})` : ''}` : '', rw?.[1] ?? ''].filter(Boolean).join(', ');
  return match(
    { kind: 'avic-exit', exitCode: 0x402, ...(info1 ? { info1 } : {}), ...(info2 ? { info2 } : {}) },
    `Tracepoint ${tracepoint}${what ? `: ${what}` : ''}`,
    [tracepoint, 'AVIC_UNACCELERATED_ACCESS', 'avic_unaccelerated_access_interception', ...(reg ? [reg[1]!] : [])],
    tracepoint,
  );
}

/** An exit reason printed by kvm_exit, kvm_nested_vmexit or kvm_nested_vmexit_inject, with its exit information. */
function exitLine(reason: string, info1: string | undefined, info2: string | undefined, tracepoint: string): PastedOutputMatch[] {
  const svm = /^avic_(incomplete_ipi|unaccelerated_access)$/.exec(reason);
  if (svm) {
    const exitCode = svm[1] === 'incomplete_ipi' ? 0x401 : 0x402;
    return [
      match(
        { kind: 'avic-exit', exitCode, ...(info1 ? { info1 } : {}), ...(info2 ? { info2 } : {}) },
        `Tracepoint ${tracepoint}: SVM exit ${hex(exitCode)} ${AVIC_EXIT_NAMES[exitCode]}`,
        [tracepoint, [`SVM_EXIT_${AVIC_EXIT_NAMES[exitCode]}`, AVIC_EXIT_NAMES[exitCode]!]],
        tracepoint,
      ),
    ];
  }
  const code = /^[A-Z_]+$/.test(reason) ? nestedExitByName(reason) : undefined;
  if (code === undefined) return [];
  const name = `EXIT_REASON_${reason}`;
  const out: PastedOutputMatch[] = [];
  if (code === APIC_ACCESS && info1) {
    out.push(match({ kind: 'apic-access', qualification: info1 }, `Tracepoint ${tracepoint}: APIC_ACCESS, exit qualification ${info1}`, [tracepoint, [name, reason], 'handle_apic_access'], tracepoint));
  }
  // kvm_nested_vmexit fires for every exit while L2 runs (vmx/nested.c:6639); kvm_nested_vmexit_inject
  // when L0 emulates an exit into L1; a plain kvm_exit may or may not come from L2.
  const context =
    tracepoint === 'kvm_nested_vmexit' ? 'exit from L2'
    : tracepoint === 'kvm_nested_vmexit_inject' ? 'exit reflected to L1'
    : 'if L2 was running';
  out.push(match({ kind: 'nested-exit', exit: code }, `Tracepoint ${tracepoint}: exit reason ${code} ${reason} (${context})`, [tracepoint, [name, reason]], tracepoint));
  return out;
}

function traceLine(tracepoint: string, body: string): PastedOutputMatch[] {
  switch (tracepoint) {
    case 'kvm_apicv_inhibit_changed':
      return [inhibitLine(body, tracepoint)];
    case 'kvm_avic_incomplete_ipi':
    case 'kvm_avic_kick_vcpu_slowpath':
      return incompleteIpi(body, tracepoint);
    case 'kvm_avic_unaccelerated_access':
      return [unacceleratedAccess(body, tracepoint)];
    case 'kvm_exit':
    case 'kvm_nested_vmexit': {
      const reason = /\breason\s+([A-Za-z_]+)/.exec(body);
      if (!reason) return [];
      const info = /\binfo1\s+(0x[0-9a-f]{1,16})\s+info2\s+(0x[0-9a-f]{1,16})/i.exec(body);
      return exitLine(reason[1]!, info?.[1], info?.[2], tracepoint);
    }
    case 'kvm_nested_vmexit_inject': {
      const reason = /\breason:\s+([A-Za-z_]+)/.exec(body);
      if (!reason) return [];
      const info = /\bext_inf1:\s+(0x[0-9a-f]{1,16})\s+ext_inf2:\s+(0x[0-9a-f]{1,16})/i.exec(body);
      return exitLine(reason[1]!, info?.[1], info?.[2], tracepoint);
    }
    default:
      return [];
  }
}

/** Exit reasons and codes typed without a trace line: "EPT_MISCONFIG", "exit reason 44", "0x401". */
function bareValues(text: string): PastedOutputMatch[] {
  const out: PastedOutputMatch[] = [];
  const inhibit = INHIBIT_MASK.exec(text);
  if (inhibit) out.push(inhibitLine(inhibit[1]!));

  const svmCodes = new Set<number>();
  for (const m of text.matchAll(new RegExp(AVIC_EXIT, 'gi'))) {
    svmCodes.add(m[1] ? (m[1].toUpperCase() === 'INCOMPLETE_IPI' ? 0x401 : 0x402) : m[2] === '1' ? 0x401 : 0x402);
  }
  for (const exitCode of svmCodes) {
    const name = AVIC_EXIT_NAMES[exitCode]!;
    out.push(match({ kind: 'avic-exit', exitCode: exitCode as 0x401 | 0x402 }, `SVM exit code ${hex(exitCode)} ${name}`, [[`SVM_EXIT_${name}`, name]]));
  }

  const codes = new Set<number>();
  // Names with an underscore stand on their own (EPT_MISCONFIG); one-word names (HLT, CPUID) and
  // numbers only next to "exit reason", so a keyword search for CPUID is not taken for pasted output.
  for (const m of text.matchAll(new RegExp(EXIT_NAME, 'g'))) {
    const code = nestedExitByName(m[1]!);
    if (code !== undefined) codes.add(code);
  }
  for (const m of text.matchAll(new RegExp(EXIT_PHRASE, 'g'))) {
    const code = nestedExitByName(m[1] ?? m[2] ?? m[3]!);
    if (code !== undefined) codes.add(code);
  }
  for (const code of codes) {
    const name = EXITS.find((e) => e.code === code)!.name;
    out.push(match({ kind: 'nested-exit', exit: code }, `VMX exit reason ${code} ${name}: who handles it while L2 runs`, [[`EXIT_REASON_${name}`, name]]));
  }
  return out;
}

/** Every recognised piece of pasted kernel output in `query`, most specific first; [] when none. */
export function recognizePastedOutput(query: string): PastedOutputMatch[] {
  const text = query.slice(0, MAX_INPUT);
  const found: PastedOutputMatch[] = [];
  const lines = text.split(/\r?\n/).slice(0, MAX_LINES);
  let anyTrace = false;
  for (const line of lines) {
    // An ftrace line starts with "task-pid [cpu] flags timestamp: "; the event name ends in ": ".
    const tp = TRACE_EVENT.exec(line);
    if (!tp) continue;
    anyTrace = true;
    found.push(...traceLine(tp[1]!, tp[2]!));
  }
  if (!anyTrace) found.push(...bareValues(text));
  const seen = new Set<string>();
  return found.filter((m) => !seen.has(m.explainerUrl) && seen.add(m.explainerUrl));
}
