// Wires each AVIC decoder on the page to the pure module. The page already shows a decoded worked
// example (rendered at build time), so the module, mostly explanatory text, is imported only when a
// reader approaches a decoder; nothing heavy loads up front. Output is built with textContent only.
import type { ApicMode, DecodeResult } from '../../lib/explainers/avicDecoders.ts';
import { el } from './dom.ts';
import { readHandoffFor, reveal } from './handoff.ts';

type Lib = typeof import('../../lib/explainers/avicDecoders.ts');
let libPromise: Promise<Lib> | undefined;
const lib = (): Promise<Lib> => (libPromise ??= import('../../lib/explainers/avicDecoders.ts'));

const MODES: readonly string[] = ['xapic-flat', 'xapic-cluster', 'x2apic'];

function wire(root: HTMLElement): void {
  const kind = root.dataset.avicDecoder;
  const input = (name: string) => root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-input="${name}"]`);
  const summary = root.querySelector<HTMLElement>('[data-summary]');
  const table = root.querySelector<HTMLElement>('[data-table]');
  const rows = root.querySelector<HTMLElement>('[data-rows]');
  const notes = root.querySelector<HTMLElement>('[data-notes]');
  const controls = root.querySelector<HTMLElement>('[data-controls]');
  const example = root.querySelector<HTMLElement>('[data-example]');
  const only401 = root.querySelector<HTMLElement>('[data-only-401]');
  if (!summary || !table || !rows || !notes || !controls) return;
  controls.hidden = false;
  if (example) example.hidden = true;
  if (only401) only401.hidden = input('code')?.value === '0x402';
  // Start fetching the module as soon as the reader comes near the decoder.
  root.addEventListener('focusin', () => void lib(), { once: true });
  root.addEventListener('pointerover', () => void lib(), { once: true });

  const textInputs = [...root.querySelectorAll<HTMLInputElement>('input[data-input]')];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  function decode(m: Lib): DecodeResult {
    if (kind === 'physical-id') return m.decodePhysicalIdEntry(input('value')?.value ?? '');
    if (kind === 'int-ctl') return m.decodeIntCtl(input('value')?.value ?? '');
    const modeValue = input('mode')?.value ?? '';
    const mode = (MODES.includes(modeValue) ? modeValue : 'xapic-flat') as ApicMode;
    return m.decodeExit({
      exitCode: input('code')?.value === '0x402' ? 0x402 : 0x401,
      exitInfo1: input('info1')?.value ?? '',
      exitInfo2: input('info2')?.value ?? '',
      mode,
    });
  }

  async function render(announceNow: boolean, loadExample = false): Promise<void> {
    const mine = ++generation;
    const m = await lib();
    if (mine !== generation) return; // a later event has already rendered
    if (loadExample) {
      if (kind === 'exit') {
        const ex = input('code')?.value === '0x402' ? m.EXAMPLES.unaccelerated : m.EXAMPLES.incompleteIpi;
        const i1 = input('info1');
        const i2 = input('info2');
        if (i1) i1.value = ex.exitInfo1;
        if (i2) i2.value = ex.exitInfo2;
      } else {
        const v = input('value');
        if (v) v.value = kind === 'physical-id' ? m.EXAMPLES.physicalId : m.EXAMPLES.intCtl;
      }
    }
    const r = decode(m);
    const errorField = !r.ok && r.error.startsWith('EXITINFO2') ? 'info2' : !r.ok && r.error.startsWith('EXITINFO1') ? 'info1' : null;
    for (const t of textInputs) {
      if (!r.ok && (errorField === null || t.dataset.input === errorField)) t.setAttribute('aria-invalid', 'true');
      else t.removeAttribute('aria-invalid');
    }
    table!.hidden = !r.ok;
    rows!.replaceChildren();
    notes!.replaceChildren();
    if (r.ok) {
      for (const row of r.rows) {
        const tr = el('tr', undefined, row.flag ? `flag flag-${row.flag}` : '');
        tr.setAttribute('role', 'row');
        const field = el('td');
        if (row.flag) {
          const mark = el('span', '⚠ ');
          mark.setAttribute('aria-hidden', 'true');
          field.append(mark);
        }
        field.append(row.field);
        const meaning = el('td', row.meaning);
        meaning.append(el('span', row.source, 'src'));
        const cells = [el('td', row.bits, 'mono'), field, el('td', row.value, 'mono'), meaning];
        for (const c of cells) c.setAttribute('role', 'cell');
        tr.append(...cells);
        rows!.append(tr);
      }
      for (const n of r.notes) notes!.append(el('li', n));
    }
    const text = r.ok ? r.summary : r.error;
    // The summary is the live region: while typing, update it once the reader pauses.
    clearTimeout(timer);
    const show = () => {
      if (summary!.textContent !== text) summary!.textContent = text;
      summary!.classList.toggle('error', !r.ok);
    };
    if (announceNow) show();
    else timer = setTimeout(show, 400);
  }

  for (const t of textInputs) t.addEventListener('input', () => void render(false));
  input('mode')?.addEventListener('change', () => void render(true));
  input('code')?.addEventListener('change', () => {
    if (only401) only401.hidden = input('code')?.value === '0x402';
    void render(true, true);
  });
  root.querySelector('[data-action="example"]')?.addEventListener('click', () => void render(true, true));
  // Browsers may restore edited fields on back navigation: decode them if they differ from the example.
  if (textInputs.some((t) => t.value !== t.defaultValue) || (input('code') as HTMLSelectElement | null)?.selectedOptions[0]?.defaultSelected === false) {
    void render(true);
  }
  // Opened from search with values (?value=... or ?exit=0x401&info1=...&info2=...#<root id>): decode them.
  void readHandoffFor(kind === 'exit' ? 'avic-exit' : kind === 'int-ctl' ? 'avic-int-ctl' : 'avic-physical-id', root).then(async (r) => {
    if (!r) return;
    if (!r.ok) {
      summary.textContent = r.error;
      summary.classList.add('error');
    } else if (r.handoff.kind === 'avic-exit') {
      const h = r.handoff;
      const code = input('code');
      if (code) code.value = h.exitCode === 0x402 ? '0x402' : '0x401';
      if (only401) only401.hidden = h.exitCode === 0x402;
      const given = h.info1 !== undefined || h.info2 !== undefined;
      // Without exit information, show that exit's worked example.
      if (given) {
        const i1 = input('info1');
        const i2 = input('info2');
        if (i1) i1.value = h.info1 ?? '';
        if (i2) i2.value = h.info2 ?? '';
      }
      await render(true, !given);
    } else {
      const v = input('value');
      if (v) v.value = r.handoff.value;
      await render(true);
    }
    reveal(root, textInputs[0] ?? null);
  });
}

export function init(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-avic-decoder]:not([data-ready])')) {
    root.dataset.ready = '';
    wire(root);
  }
}
