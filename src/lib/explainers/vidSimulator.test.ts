import { describe, expect, it } from 'vitest';
import {
  figureSteps,
  applyAction,
  exitText,
  stateRows,
  evaluate,
  formatVectors,
  hex2,
  highestVector,
  isRecognized,
  makeState,
  parseHexByte,
  parseModelledVector,
  setupVtpr,
  stepDeliver,
  stepEoi,
  stepEvaluate,
  stepNotify,
  stepPost,
  stepSelfIpi,
  stepTprWrite,
  toggleSetupBit,
  virtualPpr,
  workedExample,
  type VidState,
} from './vidSimulator.ts';

/** A state with every field given explicitly, for rules that must not depend on makeState. */
function raw(over: Partial<VidState>): VidState {
  return { ...makeState(), ...over };
}

describe('evaluation of pending virtual interrupts (SDM 29.2.1)', () => {
  it('recognises an interrupt when RVI[7:4] > VPPR[7:4]', () => {
    expect(isRecognized(0x61, 0x40)).toBe(true);
    expect(stepEvaluate(raw({ rvi: 0x61, vppr: 0x40, virr: [0x61] })).state.recognized).toBe(true);
  });

  it('does not recognise it when the classes are equal (0x45 against VPPR 0x40)', () => {
    expect(isRecognized(0x45, 0x40)).toBe(false);
    expect(isRecognized(0x4f, 0x40)).toBe(false);
  });

  it('compares classes, not whole vectors', () => {
    expect(isRecognized(0x5f, 0x50)).toBe(false);
    expect(isRecognized(0x60, 0x5f)).toBe(true);
  });

  it('recognises nothing while "interrupt-window exiting" is 1', () => {
    expect(isRecognized(0x61, 0x40, true)).toBe(false);
    expect(evaluate(raw({ rvi: 0x61, vppr: 0x40 }), true).recognized).toBe(false);
  });

  it('VM entry performs PPR virtualization before evaluating, so a stale VPPR does not hide RVI (SDM 29.1.3)', () => {
    // VPPR 0x70 left on the page, but VTPR 0x20 and no interrupt in service: VM entry recomputes VPPR 0x20.
    const { state, message } = stepEvaluate(raw({ rvi: 0x61, virr: [0x61], vtpr: 0x20, svi: 0, vppr: 0x70 }));
    expect(state.vppr).toBe(0x20);
    expect(state.recognized).toBe(true);
    expect(message).toContain('0x70 becomes 0x20');
  });

  it('VM entry keeps VPPR at SVI & F0H when the in-service class is above VTPR', () => {
    const { state } = stepEvaluate(raw({ rvi: 0x61, virr: [0x61], visr: [0x65], svi: 0x65, vtpr: 0x20, vppr: 0 }));
    expect(state.vppr).toBe(0x60);
    expect(state.recognized).toBe(false);
  });

  it('with an empty VIRR, RVI is 0 and nothing is recognised even with VPPR 0', () => {
    const s = makeState({ virr: [] });
    expect(s.rvi).toBe(0);
    expect(stepEvaluate(s).state.recognized).toBe(false);
  });
});

describe('virtual-interrupt delivery (SDM 29.2.2)', () => {
  const ready = evaluate(makeState({ virr: [0x31, 0x61], vtpr: 0x40 }));

  it('moves RVI to VISR and SVI, sets VPPR to its class, clears the VIRR bit and lowers RVI', () => {
    const { state } = stepDeliver(ready);
    expect(state.visr).toEqual([0x61]);
    expect(state.svi).toBe(0x61);
    expect(state.vppr).toBe(0x60);
    expect(state.virr).toEqual([0x31]);
    expect(state.rvi).toBe(0x31);
    expect(state.recognized).toBe(false);
  });

  it('sets RVI to 0 when the delivered vector was the last VIRR bit', () => {
    const { state } = stepDeliver(evaluate(makeState({ virr: [0x31] })));
    expect(state.virr).toEqual([]);
    expect(state.rvi).toBe(0);
  });

  it('delivers nothing if no interrupt was recognised', () => {
    const before = makeState({ virr: [0x61] });
    const r = stepDeliver(before);
    expect(r.state).toEqual(before);
    expect(r.message).toContain('Nothing is delivered');
  });
});

describe('PPR virtualization', () => {
  it('VPPR = VTPR when VTPR[7:4] >= SVI[7:4], keeping VTPR low bits', () => {
    expect(virtualPpr(0x4a, 0x41)).toBe(0x4a);
    expect(virtualPpr(0x50, 0x41)).toBe(0x50);
  });

  it('VPPR = SVI & F0H when SVI is in a higher class', () => {
    expect(virtualPpr(0x20, 0x45)).toBe(0x40);
    expect(virtualPpr(0x00, 0xff)).toBe(0xf0);
  });
});

describe('EOI virtualization (SDM 29.1.4)', () => {
  const twoInService = makeState({ visr: [0x61, 0x71], virr: [0x65], vtpr: 0x00 });

  it('clears VISR[SVI], lowers SVI, runs PPR virtualization, then evaluates', () => {
    expect(twoInService.svi).toBe(0x71);
    const r = stepEoi(twoInService);
    expect(r.state.visr).toEqual([0x61]);
    expect(r.state.svi).toBe(0x61);
    expect(r.state.vppr).toBe(0x60);
    expect(r.state.recognized).toBe(false); // 0x65 is class 6, not above VPPR 0x60
    expect(r.exit).toBeUndefined();
    const r2 = stepEoi(r.state);
    expect(r2.state.svi).toBe(0);
    expect(r2.state.vppr).toBe(0x00);
    expect(r2.state.recognized).toBe(true); // now 0x65 is above VPPR 0x00
  });

  it('causes an EOI-induced exit (45) with the vector as qualification, without evaluating, if the EOI-exit bit is set', () => {
    const s = makeState({ visr: [0x31], virr: [0x51], eoiExitBitmap: [0x31], vtpr: 0x20 });
    const r = stepEoi(s);
    expect(r.exit).toEqual({ reason: 45, name: 'EOI_INDUCED', qualification: 0x31 });
    expect(r.state.visr).toEqual([]);
    expect(r.state.svi).toBe(0);
    expect(r.state.vppr).toBe(0x20);
    // RVI 0x51 is above VPPR 0x20, but no evaluation happens on this path.
    expect(r.state.recognized).toBe(false);
  });

  it('only the EOI of a vector whose bit is set exits', () => {
    const s = makeState({ visr: [0x31, 0x45], eoiExitBitmap: [0x31] });
    expect(stepEoi(s).exit).toBeUndefined();
    expect(stepEoi(stepEoi(s).state).exit?.qualification).toBe(0x31);
  });

  it('with nothing in service, an EOI leaves SVI at 0 and VPPR = VTPR', () => {
    const r = stepEoi(makeState({ vtpr: 0x30 }));
    expect(r.state.svi).toBe(0);
    expect(r.state.vppr).toBe(0x30);
    expect(r.message).toContain('clears nothing');
  });
});

describe('TPR virtualization (SDM 29.1.2, VID = 1)', () => {
  it('stores VTPR, runs PPR virtualization and evaluates: lowering TPR unmasks a pending interrupt', () => {
    const s = makeState({ virr: [0x31], vtpr: 0x40 });
    const r = stepTprWrite(s, 0x20);
    expect(r.state.vtpr).toBe(0x20);
    expect(r.state.vppr).toBe(0x20);
    expect(r.state.recognized).toBe(true);
  });

  it('raising TPR masks it again', () => {
    const s = evaluate(makeState({ virr: [0x31], vtpr: 0x00 }));
    expect(s.recognized).toBe(true);
    expect(stepTprWrite(s, 0x30).state.recognized).toBe(false);
  });

  it('VPPR follows SVI when a higher-class interrupt is in service', () => {
    const r = stepTprWrite(makeState({ visr: [0x61] }), 0x20);
    expect(r.state.vppr).toBe(0x60);
  });
});

describe('self-IPI virtualization (SDM 29.1.5)', () => {
  it('sets the VIRR bit, raises RVI and evaluates', () => {
    const r = stepSelfIpi(makeState({ virr: [0x31], visr: [0x61] }), 0x71);
    expect(r.state.virr).toEqual([0x31, 0x71]);
    expect(r.state.rvi).toBe(0x71);
    expect(r.state.recognized).toBe(true);
  });

  it('does not lower RVI when the new vector is lower', () => {
    const r = stepSelfIpi(makeState({ virr: [0x71] }), 0x31);
    expect(r.state.virr).toEqual([0x31, 0x71]);
    expect(r.state.rvi).toBe(0x71);
  });

  it('a vector below 16 is not virtualized: APIC-write exit (56) at offset 0x3F0, state unchanged', () => {
    const s = makeState({ virr: [0x31] });
    const r = stepSelfIpi(s, 0x0f);
    expect(r.exit).toEqual({ reason: 56, name: 'APIC_WRITE', qualification: 0x3f0 });
    expect(r.state.virr).toEqual([0x31]);
    expect(r.state.rvi).toBe(0x31);
  });
});

describe('posting and posted-interrupt processing (SDM 29.6)', () => {
  it('posting sets the PIR bit and ON', () => {
    const r = stepPost(makeState(), 0x45);
    expect(r.state.pir).toEqual([0x45]);
    expect(r.state.on).toBe(true);
    expect(r.message).toContain('ON was 0');
  });

  it('a second post while ON is 1 sends no new notification', () => {
    const r = stepPost(makeState({ pir: [0x45], on: true }), 0x51);
    expect(r.state.pir).toEqual([0x45, 0x51]);
    expect(r.message).toContain('ON was already 1');
  });

  it('if the PIR bit is already set, ON is left alone (KVM returns early)', () => {
    const r = stepPost(makeState({ pir: [0x45], on: false }), 0x45);
    expect(r.state.on).toBe(false);
  });

  it('processing clears ON, ORs PIR into VIRR, clears PIR, sets RVI = max(RVI, highest PIR) and evaluates', () => {
    const s = makeState({ virr: [0x31], visr: [0x31], pir: [0x45, 0x51], on: true });
    const r = stepNotify(s);
    expect(r.state.on).toBe(false);
    expect(r.state.pir).toEqual([]);
    expect(r.state.virr).toEqual([0x31, 0x45, 0x51]);
    expect(r.state.rvi).toBe(0x51);
    expect(r.state.recognized).toBe(true);
  });

  it('RVI is not lowered when the posted vectors are below it', () => {
    const r = stepNotify(makeState({ virr: [0x81], pir: [0x45], on: true }));
    expect(r.state.rvi).toBe(0x81);
    expect(r.state.virr).toEqual([0x45, 0x81]);
  });

  it('with an empty PIR, RVI and VIRR are unchanged', () => {
    const s = makeState({ virr: [0x31], on: true });
    const r = stepNotify(s);
    expect(r.state.rvi).toBe(0x31);
    expect(r.state.virr).toEqual([0x31]);
    expect(r.state.on).toBe(false);
  });
});

describe('setup and helpers', () => {
  it('makeState derives RVI, SVI and VPPR from VIRR, VISR and VTPR', () => {
    const s = makeState({ virr: [0x61, 0x31], visr: [0x51], vtpr: 0x20 });
    expect(s.virr).toEqual([0x31, 0x61]);
    expect(s.rvi).toBe(0x61);
    expect(s.svi).toBe(0x51);
    expect(s.vppr).toBe(0x50);
    expect(s.recognized).toBe(false);
  });

  it('toggling bits recomputes RVI and SVI, and setupVtpr recomputes VPPR', () => {
    let s = toggleSetupBit(makeState(), 'virr', 0x31).state;
    expect(s.rvi).toBe(0x31);
    s = toggleSetupBit(s, 'virr', 0x31).state;
    expect(s.rvi).toBe(0);
    s = toggleSetupBit(s, 'visr', 0x61).state;
    expect([s.svi, s.vppr]).toEqual([0x61, 0x60]);
    s = toggleSetupBit(s, 'eoiExitBitmap', 0x61).state;
    expect(s.eoiExitBitmap).toEqual([0x61]);
    expect(setupVtpr(s, 0x7a).state.vppr).toBe(0x7a);
  });

  it('highestVector returns 0 for an empty set', () => {
    expect(highestVector([])).toBe(0);
    expect(highestVector([0x10, 0xfe])).toBe(0xfe);
  });

  it('parses hex bytes and rejects anything else with a message', () => {
    expect(parseHexByte('0x31', 'V')).toEqual({ ok: true, value: 0x31 });
    expect(parseHexByte(' 31 ', 'V')).toEqual({ ok: true, value: 0x31 });
    expect(parseHexByte('ffh', 'V')).toEqual({ ok: true, value: 0xff });
    for (const bad of ['', 'zz', '0x100', '<b>', '-1']) {
      const p = parseHexByte(bad, 'V');
      expect(p.ok).toBe(false);
    }
    const low = parseModelledVector('0x0f');
    expect(low.ok).toBe(false);
    expect(low.ok ? '' : low.error).toContain('not modelled');
    expect(parseModelledVector('0x10')).toEqual({ ok: true, value: 0x10 });
  });

  it('formats vectors', () => {
    expect(hex2(0x5)).toBe('0x05');
    expect(formatVectors([])).toBe('none');
    expect(formatVectors([0x31, 0xab])).toBe('0x31, 0xAB');
  });
});

describe('worked example', () => {
  const { start, steps } = workedExample();

  it('starts with RVI 0x61 pending against VPPR 0x40', () => {
    expect([start.rvi, start.svi, start.vppr]).toEqual([0x61, 0, 0x40]);
  });

  it('delivers 0x61, 0x71, 0x31 and 0x45, and ends in an EOI-induced exit for 0x31', () => {
    const delivered = steps.filter((r) => r.title === 'Delivery').map((r) => r.state.svi);
    expect(delivered).toEqual([0x61, 0x71, 0x31, 0x45]);
    const last = steps[steps.length - 1];
    expect(last?.exit).toEqual({ reason: 45, name: 'EOI_INDUCED', qualification: 0x31 });
    expect(last?.state).toMatchObject({ rvi: 0, svi: 0, vppr: 0x20, virr: [], visr: [] });
  });

  it('applyAction dispatches every kind', () => {
    const s = makeState({ virr: [0x31] });
    expect(applyAction(s, { kind: 'tpr', value: 0x10 }).title).toBe('TPR virtualization');
    expect(applyAction(s, { kind: 'selfIpi', vector: 0x20 }).title).toBe('Self-IPI virtualization');
    expect(applyAction(s, { kind: 'post', vector: 0x20 }).title).toBe('Posting');
    expect(applyAction(s, { kind: 'notify' }).title).toBe('Posted-interrupt processing');
  });
});

describe('state rows', () => {
  it('show registers in hex, vector lists, and the last exit', () => {
    const s = stepEoi(makeState({ visr: [0x31], eoiExitBitmap: [0x31], virr: [0x45] }));
    const rows = Object.fromEntries(stateRows(s.state, s.exit ?? null).map((r) => [r.key, r.value]));
    expect(rows).toMatchObject({ rvi: '0x45', svi: '0x00', vppr: '0x00', virr: '0x45', visr: 'none', eoi: '0x31', recognized: 'no' });
    expect(rows['exit']).toBe('45 (EOI_INDUCED), qualification 0x31');
    expect(exitText(stepSelfIpi(makeState(), 3).exit)).toBe('56 (APIC_WRITE), qualification 0x3F0');
  });
});

describe('figureSteps', () => {
  it('names the figure boxes an action goes through, the EOI branch by its exit', () => {
    const eoiExit = { state: makeState(), title: 'EOI', message: '', exit: { reason: 45, name: 'EOI_INDUCED', qualification: 0x31 } } as const;
    const eoiNoExit = { state: makeState(), title: 'EOI', message: '' };
    expect(figureSteps({ kind: 'evaluate' })).toEqual(['3']);
    expect(figureSteps({ kind: 'deliver' })).toEqual(['4']);
    expect(figureSteps({ kind: 'eoi' }, eoiExit)).toEqual(['6', '7', 'set']);
    expect(figureSteps({ kind: 'eoi' }, eoiNoExit)).toEqual(['6', '7', 'clear']);
    expect(figureSteps({ kind: 'notify' })).toEqual(['1', '3']);
    expect(figureSteps({ kind: 'post', vector: 0x45 })).toEqual([]);
    expect(figureSteps('setup-virr')).toEqual(['1', '2']);
  });
});
