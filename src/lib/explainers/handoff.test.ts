import { describe, expect, it } from 'vitest';
import { EXPLAINERS, handoffUrl, readHandoff, type Handoff } from './handoff.ts';

/** Splits a site-relative URL as `location` would. */
function parts(url: string): { search: string; hash: string } {
  const u = new URL(url, 'http://site.test');
  return { search: u.search, hash: u.hash };
}

describe('handoffUrl', () => {
  it('builds the inhibit decoder URL of the issue', () => {
    expect(handoffUrl({ kind: 'inhibit', input: '0x200' })).toBe('/kvm/apicv-inhibits/?inhibit=0x200#inhibit-decoder');
  });

  it('encodes a whole trace line so it survives the trip', () => {
    const input = 'kvm_apicv_inhibit_changed: set reason=9, inhibits=0x200 PIT_REINJ|ABSENT';
    const url = handoffUrl({ kind: 'inhibit', input, kernel: 'v6.12' });
    expect(url).not.toMatch(/[ |,]/);
    const { search, hash } = parts(url);
    expect(readHandoff('inhibit', 'inhibit-decoder', search, hash)).toEqual({ ok: true, handoff: { kind: 'inhibit', input, kernel: 'v6.12' } });
  });

  it('sends each AVIC exit code to its own decoder on /avic/exits/', () => {
    expect(handoffUrl({ kind: 'avic-exit', exitCode: 0x401, info1: '0x03000000000000fd', info2: '0x100000003' })).toBe(
      '/avic/exits/?exit=0x401&info1=0x03000000000000fd&info2=0x100000003#avic-exit-401-decoder',
    );
    expect(handoffUrl({ kind: 'avic-exit', exitCode: 0x402 })).toBe('/avic/exits/?exit=0x402#avic-exit-402-decoder');
  });

  const all: Handoff[] = [
    { kind: 'inhibit', input: '80' },
    { kind: 'apic-access', qualification: '0x10B0' },
    { kind: 'pi-descriptor', descriptor: '0x1 0x2', format: 'words' },
    { kind: 'avic-exit', exitCode: 0x402, info1: '0x100000380', info2: '0x0' },
    { kind: 'avic-int-ctl', value: '0x87000000' },
    { kind: 'avic-physical-id', value: '0xC000000105E3C004' },
    { kind: 'nested-exit', exit: 49 },
    { kind: 'avic-ipi', running: false, valid: true, delivery: 'fixed-edge' },
  ];
  it.each(all)('round-trips $kind', (h) => {
    const { search, hash } = parts(handoffUrl(h));
    const anchor = hash.slice(1);
    expect(readHandoff(h.kind, anchor, search, hash)).toEqual({ ok: true, handoff: h });
  });

  it('gives every explainer its own anchor', () => {
    const anchors = Object.values(EXPLAINERS).map((e) => e.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
  });
});

describe('readHandoff', () => {
  it('ignores a URL whose hash names another explainer, or no parameters', () => {
    expect(readHandoff('inhibit', 'inhibit-decoder', '?inhibit=0x80', '#other')).toBeNull();
    expect(readHandoff('inhibit', 'inhibit-decoder', '?inhibit=0x80', '')).toBeNull();
    expect(readHandoff('inhibit', 'inhibit-decoder', '', '#inhibit-decoder')).toBeNull();
    expect(readHandoff('nested-exit', 'nested-exit-explorer', '?qualification=1', '#nested-exit-explorer')).toBeNull();
  });

  it('passes values as given: the decoder judges them with its own parser', () => {
    expect(readHandoff('apic-access', 'apic-access-decoder', '?qualification=%3Cb%3Enot+hex', '#apic-access-decoder')).toEqual({
      ok: true,
      handoff: { kind: 'apic-access', qualification: '<b>not hex' },
    });
  });

  it('caps very long values', () => {
    const r = readHandoff('avic-int-ctl', 'x', `?value=${'f'.repeat(5000)}`, '#x');
    expect(r?.ok && r.handoff.value.length).toBe(600);
  });

  it('explains control values it cannot use instead of throwing', () => {
    expect(readHandoff('avic-exit', 'a', '?exit=0x403', '#a')).toEqual({ ok: false, error: expect.stringContaining('not 0x401 or 0x402') });
    expect(readHandoff('nested-exit', 'n', '?exit=99', '#n')).toEqual({ ok: false, error: expect.stringContaining('does not model') });
    expect(readHandoff('inhibit', 'i', '?inhibit=80&kernel=v9.9', '#i')).toEqual({ ok: false, error: expect.stringContaining('v9.9') });
    expect(readHandoff('pi-descriptor', 'p', '?descriptor=1&format=dwords', '#p')).toEqual({ ok: false, error: expect.stringContaining('dwords') });
    expect(readHandoff('avic-ipi', 's', '?delivery=smi', '#s')).toEqual({ ok: false, error: expect.stringContaining('smi') });
    expect(readHandoff('inhibit', 'i', '?inhibit=1', '#%E0%A4%A')).toBeNull();
  });

  it('takes an exit reason by number or by name', () => {
    for (const exit of ['49', 'EPT_MISCONFIG', 'exit_reason_ept_misconfig']) {
      expect(readHandoff('nested-exit', 'n', `?exit=${exit}`, '#n')).toEqual({ ok: true, handoff: { kind: 'nested-exit', exit: 49 } });
    }
  });
});
