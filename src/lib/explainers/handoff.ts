// Decoder hand-off: the URL that opens an explainer with a value filled in, e.g.
// `/kvm/apicv-inhibits/?inhibit=0x200#inhibit-decoder`. Search builds these links (pastedOutput.ts);
// each explainer's browser script parses the URL it was opened with and fills its controls.
// Pure: no DOM. The anchor (#...) is the id of the explainer's root element and says which explainer
// on the page the query parameters are for, so a page with two decoders of one kind stays unambiguous.
//
// Values travel as the reader pasted them. The explainers validate them with their own parsers and
// show their own error for bad input; this module only checks the parameters that pick a control
// (exit code, exit reason, scenario), and returns a message for those instead of throwing.

import { EXITS } from './nestedExitExplorer.ts';
import { DELIVERY_LABELS, type Delivery } from './avicIpiStepper.ts';
import { VERSIONS, type VersionId } from './inhibitDecoder.ts';

export type Handoff =
  /** `input`: an inhibits= mask or a whole kvm_apicv_inhibit_changed line; `kernel`: a VersionId. */
  | { kind: 'inhibit'; input: string; kernel?: VersionId }
  /** Exit qualification of an APIC-access exit (reason 44), hex. */
  | { kind: 'apic-access'; qualification: string }
  /** A posted-interrupt descriptor, as eight 64-bit words or 64 bytes. */
  | { kind: 'pi-descriptor'; descriptor: string; format?: 'words' | 'bytes' }
  /** An AVIC #VMEXIT; without EXITINFO values the decoder shows that exit's worked example. */
  | { kind: 'avic-exit'; exitCode: 0x401 | 0x402; info1?: string; info2?: string }
  | { kind: 'avic-int-ctl'; value: string }
  | { kind: 'avic-physical-id'; value: string }
  /** A VMX basic exit reason taken while L2 runs, by number. */
  | { kind: 'nested-exit'; exit: number }
  | { kind: 'avic-ipi'; running: boolean; valid: boolean; delivery: Delivery };

export type HandoffKind = Handoff['kind'];

export interface ExplainerPlace {
  /** Page URL, site-relative, with trailing slash. */
  path: string;
  /** Id of the explainer's root element on that page. */
  anchor: string;
  /** The explainer's title, as its component shows it. */
  title: string;
}

/** Where each explainer lives. The AVIC exit decoder appears twice on its page, once per exit code. */
export const EXPLAINERS = {
  inhibit: { path: '/kvm/apicv-inhibits/', anchor: 'inhibit-decoder', title: 'Inhibit-mask decoder' },
  'apic-access': { path: '/apicv/apic-access-page/', anchor: 'apic-access-decoder', title: 'APIC-access exit qualification decoder' },
  'pi-descriptor': { path: '/apicv/posted-interrupts/', anchor: 'pi-descriptor-decoder', title: 'Posted-interrupt descriptor decoder' },
  'avic-exit-0x401': { path: '/avic/exits/', anchor: 'avic-exit-401-decoder', title: 'AVIC exit decoder (0x401)' },
  'avic-exit-0x402': { path: '/avic/exits/', anchor: 'avic-exit-402-decoder', title: 'AVIC exit decoder (0x402)' },
  'avic-int-ctl': { path: '/avic/vmcb-fields/', anchor: 'avic-int-ctl-decoder', title: 'VMCB int_ctl decoder' },
  'avic-physical-id': { path: '/avic/physical-id-table/', anchor: 'avic-physical-id-decoder', title: 'Physical APIC ID table entry decoder' },
  'nested-exit': { path: '/nested/nested-vmx/', anchor: 'nested-exit-explorer', title: 'Who handles this exit? (nested VMX)' },
  'avic-ipi': { path: '/avic/doorbell/', anchor: 'avic-ipi-stepper', title: 'AVIC IPI delivery, step by step' },
} as const satisfies Record<string, ExplainerPlace>;

export type ExplainerKey = keyof typeof EXPLAINERS;

/** The explainer a hand-off opens. */
export function explainerOf(h: Handoff): ExplainerPlace {
  return EXPLAINERS[h.kind === 'avic-exit' ? (h.exitCode === 0x402 ? 'avic-exit-0x402' : 'avic-exit-0x401') : h.kind];
}

/** Longest value taken from a URL: longer than any input a decoder accepts, short enough to show back. */
export const MAX_VALUE_LENGTH = 600;

const hex3 = (n: number) => `0x${n.toString(16)}`;

function params(h: Handoff): [string, string][] {
  switch (h.kind) {
    case 'inhibit':
      return [['inhibit', h.input], ...(h.kernel ? [['kernel', h.kernel] as [string, string]] : [])];
    case 'apic-access':
      return [['qualification', h.qualification]];
    case 'pi-descriptor':
      return [['descriptor', h.descriptor], ...(h.format ? [['format', h.format] as [string, string]] : [])];
    case 'avic-exit':
      return [['exit', hex3(h.exitCode)], ...(h.info1 !== undefined ? [['info1', h.info1] as [string, string]] : []), ...(h.info2 !== undefined ? [['info2', h.info2] as [string, string]] : [])];
    case 'avic-int-ctl':
    case 'avic-physical-id':
      return [['value', h.value]];
    case 'nested-exit':
      return [['exit', String(h.exit)]];
    case 'avic-ipi':
      return [['running', h.running ? 'yes' : 'no'], ['valid', h.valid ? 'yes' : 'no'], ['delivery', h.delivery]];
  }
}

/** The site-relative URL that opens the explainer with the hand-off's values. */
export function handoffUrl(h: Handoff): string {
  const place = explainerOf(h);
  const query = new URLSearchParams(params(h)).toString();
  return `${place.path}${query ? `?${query}` : ''}#${place.anchor}`;
}

/** What an explainer does with the URL it was opened with. */
export type HandoffRead<K extends HandoffKind> =
  | { ok: true; handoff: Extract<Handoff, { kind: K }> }
  | { ok: false; error: string }
  /** The URL carries nothing for this explainer (no hash naming it, or no parameters). */
  | null;

function value(q: URLSearchParams, name: string): string | undefined {
  const v = q.get(name);
  return v === null ? undefined : v.slice(0, MAX_VALUE_LENGTH);
}

/** Exit reason by number ("49") or name ("EPT_MISCONFIG", "EXIT_REASON_EPT_MISCONFIG"), among the explorer's exits. */
export function nestedExitByName(text: string): number | undefined {
  const t = text.trim();
  if (/^\d{1,3}$/.test(t)) {
    const n = Number(t);
    return EXITS.some((e) => e.code === n) ? n : undefined;
  }
  const name = t.toUpperCase().replace(/^EXIT_REASON_/, '');
  return EXITS.find((e) => e.name === name)?.code;
}

const yesNo = (v: string | undefined): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);

function read(kind: HandoffKind, q: URLSearchParams): HandoffRead<HandoffKind> {
  switch (kind) {
    case 'inhibit': {
      const input = value(q, 'inhibit');
      if (input === undefined) return null;
      const kernel = value(q, 'kernel');
      if (kernel !== undefined && !VERSIONS.some((v) => v.id === kernel)) {
        return { ok: false, error: `The link names kernel "${kernel}", which this decoder does not know; pick the version below.` };
      }
      return { ok: true, handoff: { kind, input, ...(kernel ? { kernel: kernel as VersionId } : {}) } };
    }
    case 'apic-access': {
      const qualification = value(q, 'qualification');
      return qualification === undefined ? null : { ok: true, handoff: { kind, qualification } };
    }
    case 'pi-descriptor': {
      const descriptor = value(q, 'descriptor');
      if (descriptor === undefined) return null;
      const format = value(q, 'format');
      if (format !== undefined && format !== 'words' && format !== 'bytes') {
        return { ok: false, error: `The link's format "${format}" is neither "words" nor "bytes".` };
      }
      return { ok: true, handoff: { kind, descriptor, ...(format ? { format } : {}) } };
    }
    case 'avic-exit': {
      const exit = value(q, 'exit');
      if (exit === undefined) return null;
      const code = /^(?:0x)?40([12])$/i.exec(exit.trim());
      if (!code) return { ok: false, error: `The link's exit code "${exit}" is not 0x401 or 0x402, the two AVIC exits this decoder reads.` };
      const info1 = value(q, 'info1');
      const info2 = value(q, 'info2');
      return { ok: true, handoff: { kind, exitCode: code[1] === '2' ? 0x402 : 0x401, ...(info1 !== undefined ? { info1 } : {}), ...(info2 !== undefined ? { info2 } : {}) } };
    }
    case 'avic-int-ctl':
    case 'avic-physical-id': {
      const v = value(q, 'value');
      return v === undefined ? null : { ok: true, handoff: { kind, value: v } };
    }
    case 'nested-exit': {
      const exit = value(q, 'exit');
      if (exit === undefined) return null;
      const code = nestedExitByName(exit);
      if (code === undefined) {
        return { ok: false, error: `The link asks about exit reason "${exit}", which this explorer does not model; it offers ${EXITS.map((e) => `${e.code} ${e.name}`).join(', ')}.` };
      }
      return { ok: true, handoff: { kind, exit: code } };
    }
    case 'avic-ipi': {
      const running = yesNo(value(q, 'running'));
      const valid = yesNo(value(q, 'valid'));
      const delivery = value(q, 'delivery');
      if (running === undefined && valid === undefined && delivery === undefined) return null;
      if (delivery !== undefined && !(delivery in DELIVERY_LABELS)) {
        return { ok: false, error: `The link's delivery mode "${delivery}" is not one of ${Object.keys(DELIVERY_LABELS).join(', ')}.` };
      }
      return { ok: true, handoff: { kind, running: running ?? true, valid: valid ?? true, delivery: (delivery as Delivery | undefined) ?? 'fixed-edge' } };
    }
  }
}

/**
 * Reads the hand-off for the explainer whose root element has id `anchor` from a page URL's search
 * and hash (as `location.search` and `location.hash` give them). Null unless the hash names this
 * explainer and the URL has its parameters. Never throws.
 */
export function readHandoff<K extends HandoffKind>(kind: K, anchor: string, search: string, hash: string): HandoffRead<K> {
  let target: string;
  try {
    target = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return null;
  }
  if (target !== anchor) return null;
  return read(kind, new URLSearchParams(search)) as HandoffRead<K>;
}
