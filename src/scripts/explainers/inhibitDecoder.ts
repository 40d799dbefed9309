// Wires every inhibit-mask decoder on the page to the pure module. Text only: no innerHTML.
import { present, type View } from '../../lib/explainers/inhibitDecoder.ts';
import { el } from './dom.ts';
import { readHandoffFor, reveal } from './handoff.ts';

function render(root: HTMLElement, view: View) {
  const q = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel);
  q('[data-summary]')!.textContent = view.summary;
  const event = q('[data-event]')!;
  event.textContent = view.event;
  event.hidden = !view.event;

  const rows = q('[data-rows]')!;
  rows.replaceChildren(
    ...view.rows.map((r) => {
      const tr = el('tr');
      const name = el('td');
      name.append(el('code', r.name), el('span', r.meaning, 'meaning'));
      tr.append(el('td', r.bit), name, el('td', r.vmx), el('td', r.avic));
      return tr;
    }),
  );
  q('[data-table-wrap]')!.hidden = view.rows.length === 0;

  q('[data-vendor]')!.replaceChildren(...view.vendor.map((s) => el('li', s)));
  q('[data-warnings]')!.replaceChildren(
    ...view.warnings.map((w) => {
      const li = el('li');
      const icon = el('span', '\u26a0 ');
      icon.setAttribute('aria-hidden', 'true');
      li.append(icon, w);
      return li;
    }),
  );
  q('[data-note]')!.textContent = view.note;
  q('[data-compare]')!.replaceChildren(
    ...view.compare.map((c) => {
      const li = el('li');
      li.append(el('span', `${c.label}:`, 'label'), ' ', el('code', c.names));
      return li;
    }),
  );
  q('[data-compare-wrap]')!.hidden = view.compare.length === 0;
}

export function init() {
  for (const root of document.querySelectorAll<HTMLElement>('[data-inhibit-decoder]')) {
    if (root.dataset.ready) continue;
    root.dataset.ready = '1';
    const input = root.querySelector<HTMLInputElement>('[data-input]');
    const select = root.querySelector<HTMLSelectElement>('[data-version]');
    const controls = root.querySelector<HTMLElement>('[data-controls]');
    if (!input || !select || !controls) continue;
    controls.hidden = false;
    root.querySelector<HTMLElement>('[data-static-caption]')?.setAttribute('hidden', '');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => render(root, present(input.value, select.value));
    // Debounced while typing, so the live region is not re-announced on every keystroke.
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(update, 250);
    });
    select.addEventListener('change', update);
    for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-example-input]')) {
      button.addEventListener('click', () => {
        input.value = button.dataset.exampleInput ?? '';
        select.value = button.dataset.exampleVersion ?? select.value;
        update();
      });
    }
    update();
    // Opened from search with a value (?inhibit=...&kernel=...#<root id>): decode it.
    void readHandoffFor('inhibit', root).then((r) => {
      if (!r) return;
      if (r.ok) {
        input.value = r.handoff.input;
        if (r.handoff.kernel) select.value = r.handoff.kernel;
        update();
      } else {
        root.querySelector('[data-summary]')!.textContent = r.error;
      }
      reveal(root, input);
    });
  }
}
