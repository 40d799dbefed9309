// Wires every virtual-interrupt delivery simulator on the page to the pure model. Text only: no
// innerHTML; user input is parsed by the model and shown back only through textContent.
import {
  EXAMPLE_ACTIONS,
  EXAMPLE_START,
  applyAction,
  figureSteps,
  makeState,
  parseHexByte,
  parseModelledVector,
  setupVtpr,
  stateRows,
  toggleSetupBit,
  type StepResult,
  type VidAction,
  type VidExit,
  type VidState,
} from '../../lib/explainers/vidSimulator.ts';

const MAX_LOG = 40;

function wire(root: HTMLElement): void {
  const live = root.querySelector<HTMLElement>('[data-live]');
  const log = root.querySelector<HTMLOListElement>('[data-log]');
  const logWrap = root.querySelector<HTMLElement>('[data-log-wrap]');
  const controls = root.querySelector<HTMLElement>('[data-controls]');
  const vectorInput = root.querySelector<HTMLInputElement>('[data-input="vector"]');
  const tprInput = root.querySelector<HTMLInputElement>('[data-input="tpr"]');
  const nextButton = root.querySelector<HTMLButtonElement>('[data-act="example-next"]');
  const previousButton = root.querySelector<HTMLButtonElement>('[data-act="previous"]');
  if (!live || !log || !logWrap || !controls || !vectorInput || !tprInput || !nextButton || !previousButton) return;
  // The figure the simulator walks through (both its wide and tall drawings).
  const figureBoxes = [...document.querySelectorAll<SVGGElement>(`figure[data-figure="${root.dataset['figure'] ?? ''}"] [data-step]`)];

  let state: VidState = makeState(EXAMPLE_START);
  let lastExit: VidExit | null = null;
  let exampleIndex = 0;
  let shown = new Map(stateRows(state).map((r) => [r.key, r.value]));
  // Every step can be taken back: the state before each one, newest last.
  const history: { state: VidState; lastExit: VidExit | null; exampleIndex: number; lit: string[] }[] = [];
  let lit: string[] = [];

  const light = (steps: string[]) => {
    lit = steps;
    for (const box of figureBoxes) box.classList.toggle('active', steps.includes(box.dataset['step'] ?? ''));
  };
  const remember = () => {
    history.push({ state, lastExit, exampleIndex, lit });
    previousButton.setAttribute('aria-disabled', 'false');
  };

  const setNextLabel = () => {
    nextButton.textContent =
      exampleIndex < EXAMPLE_ACTIONS.length ? `Next example step (${exampleIndex + 1} of ${EXAMPLE_ACTIONS.length})` : 'Example finished';
  };

  const render = (markChanges: boolean) => {
    for (const row of stateRows(state, lastExit)) {
      const field = root.querySelector<HTMLElement>(`[data-field="${row.key}"]`);
      const badge = root.querySelector<HTMLElement>(`[data-changed="${row.key}"]`);
      if (field) field.textContent = row.value;
      if (badge) badge.hidden = !markChanges || shown.get(row.key) === row.value;
    }
    shown = new Map(stateRows(state, lastExit).map((r) => [r.key, r.value]));
    setNextLabel();
  };

  const say = (message: string) => {
    live.textContent = message;
    const item = document.createElement('li');
    item.textContent = message;
    log.append(item);
    while (log.children.length > MAX_LOG) log.firstElementChild?.remove();
    logWrap.hidden = false;
  };

  const commit = (r: StepResult, steps: string[] = []) => {
    remember();
    light(steps);
    state = r.state;
    lastExit = r.exit ?? null;
    render(true);
    say(r.message);
  };

  const fail = (input: HTMLInputElement, error: string) => {
    input.setAttribute('aria-invalid', 'true');
    live.textContent = error;
  };

  const readVector = (): number | null => {
    const p = parseModelledVector(vectorInput.value);
    if (!p.ok) {
      fail(vectorInput, p.error);
      return null;
    }
    vectorInput.removeAttribute('aria-invalid');
    return p.value;
  };

  /** Self-IPI accepts vectors below 16 too: they show the APIC-write exit. */
  const readAnyVector = (): number | null => {
    const p = parseHexByte(vectorInput.value, 'Vector');
    if (!p.ok) {
      fail(vectorInput, p.error);
      return null;
    }
    vectorInput.removeAttribute('aria-invalid');
    return p.value;
  };

  const readTpr = (): number | null => {
    const p = parseHexByte(tprInput.value, 'TPR value');
    if (!p.ok) {
      fail(tprInput, p.error);
      return null;
    }
    tprInput.removeAttribute('aria-invalid');
    return p.value;
  };

  const withVector = (f: (v: number) => StepResult, any = false, steps: (r: StepResult) => string[] = () => []) => {
    const v = any ? readAnyVector() : readVector();
    if (v === null) return;
    const r = f(v);
    commit(r, steps(r));
  };
  /** An action of the model, lighting the figure's boxes it goes through. */
  const act = (action: VidAction) => {
    const r = applyAction(state, action);
    commit(r, figureSteps(action, r));
  };

  const actions: Record<string, () => void> = {
    'example-next': () => {
      const action = EXAMPLE_ACTIONS[exampleIndex];
      if (action === undefined) {
        live.textContent = 'The worked example is finished. Use Restart example to replay it.';
        return;
      }
      const r = applyAction(state, action);
      commit({ ...r, message: `Example step ${exampleIndex + 1}. ${r.message}` }, figureSteps(action, r));
      exampleIndex += 1;
      setNextLabel();
    },
    previous: () => {
      const before = history.pop();
      if (!before) {
        live.textContent = 'Nothing to take back: this is where the simulation started.';
        return;
      }
      ({ state, lastExit, exampleIndex } = before);
      light(before.lit);
      render(true);
      say('Took back the last step.');
      previousButton.setAttribute('aria-disabled', String(history.length === 0));
    },
    evaluate: () => act({ kind: 'evaluate' }),
    deliver: () => act({ kind: 'deliver' }),
    eoi: () => act({ kind: 'eoi' }),
    notify: () => act({ kind: 'notify' }),
    'toggle-virr': () => withVector((v) => toggleSetupBit(state, 'virr', v), false, () => figureSteps('setup-virr')),
    'toggle-visr': () => withVector((v) => toggleSetupBit(state, 'visr', v)),
    'toggle-eoi': () => withVector((v) => toggleSetupBit(state, 'eoiExitBitmap', v)),
    'self-ipi': () => withVector((v) => applyAction(state, { kind: 'selfIpi', vector: v }), true, (r) => figureSteps({ kind: 'selfIpi', vector: 0 }, r)),
    post: () => withVector((v) => applyAction(state, { kind: 'post', vector: v })),
    'setup-vtpr': () => {
      const v = readTpr();
      if (v !== null) commit(setupVtpr(state, v));
    },
    tpr: () => {
      const v = readTpr();
      if (v !== null) act({ kind: 'tpr', value: v });
    },
    reset: () => {
      remember();
      light([]);
      state = makeState(EXAMPLE_START);
      lastExit = null;
      exampleIndex = 0;
      render(false);
      say('Restarted: back to the start state of the worked example.');
    },
    clear: () => {
      remember();
      light([]);
      state = makeState();
      lastExit = null;
      exampleIndex = EXAMPLE_ACTIONS.length;
      render(false);
      say('Cleared: VIRR, VISR, PIR and the EOI-exit bitmap are empty; RVI, SVI, VTPR and VPPR are 0x00.');
    },
  };

  root.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-act]');
    if (!button || !root.contains(button)) return;
    actions[button.dataset['act'] ?? '']?.();
  });

  controls.hidden = false;
  root.querySelector<HTMLDetailsElement>('details[data-example]')?.removeAttribute('open');
  render(false);
}

export function init(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-vid-sim]')) {
    if (root.dataset['ready'] === '1') continue;
    root.dataset['ready'] = '1';
    wire(root);
  }
}
