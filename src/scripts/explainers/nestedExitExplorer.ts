// Browser wiring for NestedExitExplorer.astro: reads the form, asks the pure module, rewrites the result.
// Builds DOM with textContent only. Works for every [data-nested-exit-explorer] on the page.
// The pure module (mostly explanatory text, ~14 KB minified) is loaded on first use, not up front: the page
// already shows the default result, rendered at build time.
import type { Outcome, Query, Scenario, Vmcs12 } from '../../lib/explainers/nestedExitExplorer.ts';
import { el } from './dom.ts';
import { readHandoffFor, reveal } from './handoff.ts';

type Model = typeof import('../../lib/explainers/nestedExitExplorer.ts');
let model: Promise<Model> | undefined;
const load = (): Promise<Model> => (model ??= import('../../lib/explainers/nestedExitExplorer.ts'));

function readQuery(m: Model, form: HTMLFormElement): Query {
  const box = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.checked === true;
  const num = (name: string) => Number((form.elements.namedItem(name) as HTMLSelectElement | null)?.value);
  const vmcs12 = {} as Vmcs12;
  for (const c of m.CONTROLS) vmcs12[c.key] = box(c.key);
  return { exit: num('exit'), vmcs12, msr: num('msr'), l1InterceptsMsr: box('l1InterceptsMsr'), hvL2TlbFlush: box('hvL2TlbFlush') };
}

function applyScenario(m: Model, form: HTMLFormElement, s: Scenario): void {
  const set = (name: string, on: boolean) => {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLInputElement) input.checked = on;
  };
  for (const c of m.CONTROLS) set(c.key, s.vmcs12[c.key]);
  set('l1InterceptsMsr', s.l1InterceptsMsr);
  set('hvL2TlbFlush', s.hvL2TlbFlush);
  const msr = form.elements.namedItem('msr');
  if (msr instanceof HTMLSelectElement) msr.value = String(s.msr);
}

function code(text: string): HTMLElement {
  return el('code', text);
}

/** Rewrites the details under the live summary (same structure as the component's static markup). */
function render(root: HTMLElement, o: Outcome): void {
  const summary = root.querySelector<HTMLElement>('[data-nee-summary]');
  const details = root.querySelector<HTMLElement>('[data-nee-details]');
  if (!summary || !details) return;
  summary.dataset.verdict = o.verdict;
  const text = `${o.headline}. ${o.reason}`;
  if (summary.textContent !== text) {
    summary.replaceChildren(el('strong', o.headline + '.', 'nee-headline'), ' ' + o.reason);
  }
  const parts: Node[] = [];
  if (o.rule) {
    const p = el('p', 'Decided by ');
    p.append(code(`${o.rule.fn}()`), ', ', code(o.rule.at), ': ', code(o.rule.code));
    parts.push(p);
  }
  if (o.steps.length) {
    const ol = el('ol', undefined, 'nee-steps');
    for (const s of o.steps) {
      const li = el('li');
      li.append(code(s.fn), ` \u2192 ${String(s.answer)} (`, code(s.at), ')');
      ol.append(li);
    }
    parts.push(ol);
  }
  if (o.occurs) parts.push(el('p', `${o.canOccur === false ? '\u26a0 ' : ''}${o.occurs}`, 'nee-occurs'));
  if (o.notes.length) {
    const ul = el('ul');
    for (const n of o.notes) ul.append(el('li', n));
    parts.push(ul);
  }
  if (o.links.length) {
    const p = el('p', 'Read more: ');
    o.links.forEach((l, i) => {
      const a = el('a', l.label);
      a.href = l.href;
      p.append(...(i ? [', ', a] : [a]));
    });
    parts.push(p);
  }
  details.replaceChildren(...parts);
}

/** True if the browser restored form state that differs from the markup's defaults. */
function restored(form: HTMLFormElement): boolean {
  return [...form.elements].some(
    (e) =>
      (e instanceof HTMLInputElement && e.checked !== e.defaultChecked) ||
      (e instanceof HTMLSelectElement && [...e.options].some((o) => o.selected !== o.defaultSelected)),
  );
}

function fail(root: HTMLElement): void {
  const summary = root.querySelector<HTMLElement>('[data-nee-summary]');
  if (summary) summary.textContent = 'The explorer could not load its logic. Reload the page to try again.';
}

export function init(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-nested-exit-explorer]')) {
    if (root.dataset.ready) continue;
    root.dataset.ready = '1';
    const form = root.querySelector('form');
    if (!form) continue;
    const update = (scenario?: string) =>
      load()
        .then((m) => {
          const s = m.SCENARIOS.find((x) => x.id === scenario);
          if (s) applyScenario(m, form, s.scenario);
          render(root, m.evaluate(readQuery(m, form)));
        })
        .catch(() => fail(root));
    form.addEventListener('change', () => void update());
    form.addEventListener('submit', (e) => e.preventDefault());
    for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-scenario]')) {
      button.hidden = false;
      button.addEventListener('click', () => void update(button.dataset.scenario));
    }
    if (restored(form)) void update();
    // Opened with ?exit=<reason number or name>#<root id>: answer for that exit.
    const exit = form.elements.namedItem('exit');
    void readHandoffFor('nested-exit', root).then((r) => {
      if (!r) return;
      if (r.ok && exit instanceof HTMLSelectElement) {
        exit.value = String(r.handoff.exit);
        void update();
      } else if (!r.ok) {
        const summary = root.querySelector<HTMLElement>('[data-nee-summary]');
        if (summary) summary.textContent = r.error;
      }
      reveal(root, exit instanceof HTMLElement ? exit : null);
    });
  }
}
