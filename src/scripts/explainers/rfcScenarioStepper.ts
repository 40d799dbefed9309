// Turns each failure-scenario stepper from two full lists into one step at a time. The steps are
// rendered at build time; this only shows and hides them, so it imports no step data.
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
    const radios = [...root.querySelectorAll<HTMLInputElement>('[data-variant-radio]')];
    const blocks = new Map<Variant, HTMLElement>();
    for (const b of root.querySelectorAll<HTMLElement>('[data-variant]')) blocks.set(b.dataset.variant as Variant, b);
    if (!controls || !prev || !next || !position || !live || radios.length === 0 || blocks.size === 0) continue;

    const items = (v: Variant) => [...(blocks.get(v)?.querySelectorAll<HTMLLIElement>('li[data-step]') ?? [])];
    const ids = (v: Variant) => items(v).map((li) => li.dataset.step ?? '');
    let variant = (radios.find((r) => r.checked)?.value ?? 'base') as Variant;
    let index = 0;

    const show = (speak: boolean) => {
      const list = items(variant);
      index = clampIndex(index, list.length);
      for (const [v, block] of blocks) block.hidden = v !== variant;
      list.forEach((li, i) => (li.hidden = i !== index));
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
    show(false);
  }
}
