// Wires the posted-interrupt descriptor decoders (PiDescriptorDecoder.astro) and the APIC-access
// qualification decoders (ApicAccessDecoder.astro). Each component imports only its own init function,
// so the bundler drops the other decoder's code. Text only: no innerHTML; pasted text reaches the page
// only through textContent, after parsing by the pure module.
import {
  decodeDescriptorText,
  decodeQualificationText,
  descriptorRows,
  descriptorSummary,
  formatDescriptorBytes,
  formatDescriptorWords,
  parseDescriptor,
  qualificationRows,
  qualificationSummary,
  type DecodedRow,
  type DescriptorFormat,
  type Result,
} from '../../lib/explainers/apicvDecoders.ts';
import { readHandoffFor, reveal } from './handoff.ts';

const MONO_COLUMNS = new Set([0, 2]);

function fillRows(tbody: HTMLElement, rows: readonly DecodedRow[]): void {
  const trs = rows.map((r) => {
    const tr = document.createElement('tr');
    [r.bits, r.field, r.value, r.meaning].forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (MONO_COLUMNS.has(i)) td.className = 'mono';
      tr.append(td);
    });
    return tr;
  });
  tbody.replaceChildren(...trs);
}

interface Parts {
  form: HTMLFormElement;
  text: HTMLInputElement | HTMLTextAreaElement;
  live: HTMLElement;
  tbody: HTMLElement;
}

function parts(root: HTMLElement): Parts | null {
  const form = root.querySelector<HTMLFormElement>('form[data-form]');
  const text = root.querySelector<HTMLInputElement | HTMLTextAreaElement>('[data-text]');
  const live = root.querySelector<HTMLElement>('[data-live]');
  const tbody = root.querySelector<HTMLElement>('[data-rows]');
  return form && text && live && tbody ? { form, text, live, tbody } : null;
}

function show<T>(p: Parts, result: Result<T>, rows: (v: T) => DecodedRow[], summary: (v: T) => string): boolean {
  if (!result.ok) {
    p.text.setAttribute('aria-invalid', 'true');
    p.live.textContent = `Cannot decode: ${result.error}`;
    p.tbody.replaceChildren();
    return false;
  }
  p.text.removeAttribute('aria-invalid');
  fillRows(p.tbody, rows(result.value));
  p.live.textContent = `Decoded: ${summary(result.value)}`;
  return true;
}

function wireDescriptor(root: HTMLElement): void {
  const p = parts(root);
  if (!p) return;
  const radios = [...root.querySelectorAll<HTMLInputElement>('input[data-format]')];
  const format = (): DescriptorFormat => (radios.find((r) => r.checked)?.value === 'bytes' ? 'bytes' : 'words');
  let current = format();

  for (const radio of radios) {
    radio.addEventListener('change', () => {
      const next = format();
      const parsed = parseDescriptor(p.text.value, current);
      if (parsed.ok) p.text.value = next === 'bytes' ? formatDescriptorBytes(parsed.value) : formatDescriptorWords(parsed.value);
      current = next;
    });
  }
  p.form.addEventListener('submit', (event) => {
    event.preventDefault();
    show(p, decodeDescriptorText(p.text.value, format()), descriptorRows, descriptorSummary);
  });
  p.form.hidden = false;
  // Opened with ?descriptor=...&format=words|bytes#<root id>: decode it.
  void readHandoffFor('pi-descriptor', root).then((r) => {
    if (!r) return;
    if (r.ok) {
      const wanted = r.handoff.format ?? 'words';
      for (const radio of radios) radio.checked = radio.value === wanted;
      current = wanted;
      p.text.value = r.handoff.descriptor;
      p.form.requestSubmit();
    } else {
      p.live.textContent = `Cannot decode: ${r.error}`;
    }
    reveal(root, p.text);
  });
}

function wireQualification(root: HTMLElement): void {
  const p = parts(root);
  const kvm = root.querySelector<HTMLElement>('[data-kvm]');
  const kvmText = root.querySelector<HTMLElement>('[data-kvm-text]');
  if (!p || !kvm || !kvmText) return;
  p.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const result = decodeQualificationText(p.text.value);
    const ok = show(p, result, qualificationRows, qualificationSummary);
    kvm.hidden = !ok;
    if (result.ok) kvmText.textContent = result.value.kvm;
  });
  p.form.hidden = false;
  // Opened with ?qualification=...#<root id>: decode it.
  void readHandoffFor('apic-access', root).then((r) => {
    if (!r) return;
    if (r.ok) {
      p.text.value = r.handoff.qualification;
      p.form.requestSubmit();
    } else {
      p.live.textContent = `Cannot decode: ${r.error}`;
    }
    reveal(root, p.text);
  });
}

function initAll(kind: 'descriptor' | 'qualification', wire: (root: HTMLElement) => void): void {
  for (const root of document.querySelectorAll<HTMLElement>(`[data-decoder="${kind}"]`)) {
    if (root.dataset['ready'] === '1') continue;
    root.dataset['ready'] = '1';
    wire(root);
  }
}

export function initDescriptorDecoders(): void {
  initAll('descriptor', wireDescriptor);
}

export function initQualificationDecoders(): void {
  initAll('qualification', wireQualification);
}
