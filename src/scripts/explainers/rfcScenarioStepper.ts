// Turns each failure-scenario stepper from one list of both variants into one step of one variant at a
// time. The steps are rendered at build time (each shared step once, `data-variants` naming the variants
// it belongs to); this only shows and hides them, so it imports no step data.
import { announce, clampIndex, mapIndex, type Variant } from '../../lib/explainers/rfcScenarioStepper.ts';

export function init() {
  for (const root of document.querySelectorAll<HTMLElement>('[data-rfc-stepper]')) {
    if (root.dataset.ready) continue;
    root.dataset.ready = '1';
    const controls = root.querySelector<HTMLElement>('[data-controls]');
    const prev = root.querySelector<HTMLButtonElement>('[data-prev]');
    const next = root.querySelector<HTMLButtonElement>('[data-next]');
    const position = root.querySelector<HTMLElement>('[data-position]');
    const live = root.querySelector<HTMLElement>('[data-live]');
    const note = root.querySelector<HTMLElement>('[data-variant-note]');
    const radios = [...root.querySelectorAll<HTMLInputElement>('[data-variant-radio]')];
    const steps = [...root.querySelectorAll<HTMLLIElement>('li[data-step]')];
    if (!controls || !prev || !next || !position || !live || radios.length === 0 || steps.length === 0) continue;

    const items = (v: Variant) => steps.filter((li) => (li.dataset.variants ?? '').split(' ').includes(v));
    const ids = (v: Variant) => items(v).map((li) => li.dataset.step ?? '');
    let variant = (radios.find((r) => r.checked)?.value ?? 'base') as Variant;
    let index = 0;

    const show = (speak: boolean) => {
      const list = items(variant);
      index = clampIndex(index, list.length);
      for (const li of steps) li.hidden = li !== list[index];
      // The list marker shows the step's number in this variant.
      const current = list[index];
      if (current) current.value = index + 1;
      position.textContent = `Step ${index + 1} of ${list.length}`;
      prev.setAttribute('aria-disabled', String(index === 0));
      next.setAttribute('aria-disabled', String(index === list.length - 1));
      if (speak) live.textContent = announce(variant, index, list.length, list[index]?.dataset.title ?? '');
    };

    prev.addEventListener('click', () => {
      if (index > 0) {
        index--;
        show(true);
      }
    });
    next.addEventListener('click', () => {
      if (index < items(variant).length - 1) {
        index++;
        show(true);
      }
    });
    for (const radio of radios) {
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        const to = radio.value as Variant;
        index = mapIndex(ids(variant), index, ids(to));
        variant = to;
        show(true);
      });
    }
    controls.hidden = false;
    if (note) note.hidden = true;
    show(false);
  }
}
