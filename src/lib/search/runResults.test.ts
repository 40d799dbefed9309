import { describe, expect, it } from 'vitest';
import { RunResults, type RunResult } from './runResults.ts';

const r = (id: string, words: number[], from: string): RunResult & { from: string } => ({ id, words, from });

describe('RunResults', () => {
  // Two runs of one query: the typed words (run 0) and a relaxed query (run 1), both returning page "a".
  const typed = [r('a', [5, 40], 'typed'), r('b', [7], 'typed')];
  const relaxed = [r('a', [40, 90], 'relaxed'), r('c', [1], 'relaxed')];

  const collect = (order: 'in order' | 'reversed') => {
    const runs = new RunResults<ReturnType<typeof r>>();
    const [first, second] = [runs.start(), runs.start()];
    if (order === 'in order') {
      runs.add(first, typed);
      runs.add(second, relaxed);
    } else {
      runs.add(second, relaxed);
      runs.add(first, typed);
    }
    return runs;
  };

  it.each(['in order', 'reversed'] as const)('gives each record the result of the earliest run started, whichever finished first (%s)', (order) => {
    const runs = collect(order);
    expect(runs.result('a')?.from).toBe('typed');
    expect(runs.result('c')?.from).toBe('relaxed');
    expect(runs.result('z')).toBeUndefined();
  });

  it.each(['in order', 'reversed'] as const)('matches the words of every run, in page order (%s)', (order) => {
    expect(collect(order).words('a')).toEqual([5, 40, 90]);
  });

  it('keeps a run result over one found outside the runs, and adds that one when no run returned the record', () => {
    const runs = collect('reversed');
    runs.addIfAbsent(r('a', [3], 'card'));
    runs.addIfAbsent(r('d', [2], 'card'));
    expect(runs.result('a')?.from).toBe('typed');
    expect(runs.words('a')).toEqual([5, 40, 90]);
    expect([runs.has('d'), runs.result('d')?.from, runs.words('d')]).toEqual([true, 'card', [2]]);
  });
});
