import { describe, expect, it } from 'vitest';
import { sidebarWindow } from './siteNav.ts';

const topic = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i === 0 ? 't' : `t/p${i}` }));
const ids = (w: { shown: readonly { id: string }[] }) => w.shown.map((p) => p.id);

describe('sidebarWindow', () => {
  it('lists a short topic whole', () => {
    expect(sidebarWindow(topic(5), 't/p3', 12)).toEqual({ shown: topic(5), hiddenBefore: 0, hiddenAfter: 0 });
  });

  it('lists the landing and a run centred on the current page of a long topic', () => {
    const w = sidebarWindow(topic(300), 't/p150', 5);
    expect(ids(w)).toEqual(['t', 't/p148', 't/p149', 't/p150', 't/p151']);
    expect(w.hiddenBefore + w.hiddenAfter + w.shown.length).toBe(300);
  });

  it('keeps the run inside the topic at its start and end', () => {
    expect(ids(sidebarWindow(topic(300), 't/p1', 4))).toEqual(['t', 't/p1', 't/p2', 't/p3']);
    const end = sidebarWindow(topic(300), 't/p299', 4);
    expect(ids(end)).toEqual(['t', 't/p297', 't/p298', 't/p299']);
    expect(end.hiddenAfter).toBe(0);
  });

  it('on the landing (or outside the topic) shows the first pages', () => {
    expect(ids(sidebarWindow(topic(300), 't', 3))).toEqual(['t', 't/p1', 't/p2']);
    expect(ids(sidebarWindow(topic(300), null, 3))).toEqual(['t', 't/p1', 't/p2']);
  });

  it('rejects a window too small to hold the landing and one page', () => {
    expect(() => sidebarWindow(topic(3), 't', 1)).toThrow(/at least 2/);
  });
});
