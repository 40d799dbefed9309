// Wires each AVIC IPI stepper on the page: scenario choice, Previous / Next, announcements.
// The default scenario's steps are rendered at build time; the pure module (mostly explanatory text)
// is imported when the reader approaches the stepper, so nothing heavy loads up front.
// DOM is built with textContent only; links come from the module's constants.
import type { Step, Walkthrough } from '../../lib/explainers/avicIpiStepper.ts';
import { el } from './dom.ts';
import { readHandoffFor, reveal } from './handoff.ts';

type Lib = typeof import('../../lib/explainers/avicIpiStepper.ts');
let libPromise: Promise<Lib> | undefined;
const lib = (): Promise<Lib> => (libPromise ??= import('../../lib/explainers/avicIpiStepper.ts'));

function stepItem(m: Lib, s: Step): HTMLLIElement {
  const li = el('li', undefined, `step actor-${s.actor}`);
  const head = el('p', undefined, 'step-head');
  head.append(el('span', m.ACTOR_LABELS[s.actor], 'actor'), ' ', el('strong', s.title), el('span', ' (current step)', 'current-mark'));
  const meta = el('p', undefined, 'step-meta');
  meta.append(el('span', m.BASIS_LABELS[s.basis], `basis basis-${s.basis}`), ' · ', el('span', s.source, 'src'));
  if (s.link) {
    const a = el('a', s.link.label);
    a.href = s.link.href;
    meta.append(' · ', a);
  }
  li.append(head, el('p', s.text, 'step-text'), meta);
  return li;
}

function wire(root: HTMLElement): void {
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel);
  const controls = q<HTMLElement>('[data-controls]');
  const nav = q<HTMLElement>('[data-nav]');
  const list = q<HTMLOListElement>('[data-steps]');
  const live = q<HTMLElement>('[data-live]');
  const position = q<HTMLElement>('[data-position]');
  const outcome = q<HTMLElement>('[data-outcome]');
  const name = q<HTMLElement>('[data-scenario-name]');
  const na = q<HTMLElement>('[data-na]');
  const runningSet = q<HTMLFieldSetElement>('[data-running-set]');
  const delivery = q<HTMLSelectElement>('[data-delivery]');
  const prev = q<HTMLButtonElement>('[data-go="prev"]');
  const next = q<HTMLButtonElement>('[data-go="next"]');
  if (!controls || !nav || !list || !live || !position || !outcome || !name || !delivery || !prev || !next) return;
  controls.hidden = false;
  nav.hidden = false;
  root.addEventListener('focusin', () => void lib(), { once: true });
  root.addEventListener('pointerover', () => void lib(), { once: true });

  const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const checked = (group: string) => radios.find((r) => r.name.endsWith(`-${group}`) && r.checked)?.value ?? 'yes';
  /** The walkthrough shown; undefined until the module is loaded (the list is then the build's default). */
  let w: Walkthrough | undefined;
  let current = 0;
  const count = () => list!.children.length;

  function show(): void {
    [...list!.children].forEach((li, i) => {
      (li as HTMLElement).hidden = i > current;
      if (i === current) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    });
    const last = current === count() - 1;
    outcome!.hidden = !last;
    position!.textContent = `Step ${current + 1} of ${count()}`;
    prev!.setAttribute('aria-disabled', String(current === 0));
    next!.setAttribute('aria-disabled', String(last));
  }

  async function walk(): Promise<[Lib, Walkthrough]> {
    const m = await lib();
    w ??= m.walkthrough(m.parseScenario(checked('running'), checked('valid'), delivery!.value));
    return [m, w];
  }

  async function rebuild(speak = true): Promise<void> {
    const m = await lib();
    w = m.walkthrough(m.parseScenario(checked('running'), checked('valid'), delivery!.value));
    current = 0;
    list!.replaceChildren(...w.steps.map((s) => stepItem(m, s)));
    outcome!.replaceChildren(el('strong', 'Outcome:'), ` ${w.outcome}`);
    name!.textContent = `Scenario: ${m.scenarioLabel(w.scenario)}`;
    if (runningSet) runningSet.disabled = !w.runningApplies;
    if (na) na.hidden = w.runningApplies;
    show();
    if (speak) live!.textContent = `Scenario: ${m.scenarioLabel(w.scenario)}, ${w.steps.length} steps. ${m.announce(w, 0)}`;
  }

  /** Moves by `to` steps (a number), or to the first or last step. */
  async function go(to: number | 'first' | 'last'): Promise<void> {
    const [m, walkthrough] = await walk();
    const target = to === 'last' ? count() - 1 : to === 'first' ? 0 : m.clampStep(current + to, count());
    if (target === current) return;
    current = target;
    show();
    live!.textContent = to === 'last' ? `All ${count()} steps shown. Outcome: ${walkthrough.outcome}` : m.announce(walkthrough, current);
  }

  for (const r of radios) r.addEventListener('change', () => void rebuild());
  delivery.addEventListener('change', () => void rebuild());
  prev.addEventListener('click', () => void go(-1));
  next.addEventListener('click', () => void go(1));
  q('[data-go="restart"]')?.addEventListener('click', () => void go('first'));
  q('[data-go="all"]')?.addEventListener('click', () => void go('last'));
  show();
  // The browser may restore the form on back navigation: rebuild silently if it is not the default.
  if (radios.some((r) => r.checked !== r.defaultChecked) || delivery.selectedOptions[0]?.defaultSelected === false) void rebuild(false);
  // Opened with ?running=yes|no&valid=yes|no&delivery=...#<root id> (e.g. from a pasted
  // kvm_avic_incomplete_ipi line): show that scenario.
  void readHandoffFor('avic-ipi', root).then(async (r) => {
    if (!r) return;
    if (r.ok) {
      const h = r.handoff;
      for (const radio of radios) {
        if (radio.name.endsWith('-running')) radio.checked = radio.value === (h.running ? 'yes' : 'no');
        if (radio.name.endsWith('-valid')) radio.checked = radio.value === (h.valid ? 'yes' : 'no');
      }
      delivery.value = h.delivery;
      await rebuild();
    } else {
      name.textContent = r.error;
    }
    reveal(root, delivery);
  });
}

export function init(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-avic-ipi]:not([data-ready])')) {
    root.dataset.ready = '';
    wire(root);
  }
}
