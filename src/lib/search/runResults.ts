// The results of one query's engine runs (the typed query, relaxed queries, synonyms: relax.ts). The
// runs finish in an order that depends on which index chunks the browser had already loaded, so what a
// result shows must not depend on that order: a record keeps the result of the earliest run that
// returned it, whenever it finished, and its matched words are those of every run.

/** What the engine returns for one record in one run. */
export interface RunResult {
  id: string;
  /** Positions of the matched words in the record's text. */
  words: readonly number[];
}

export class RunResults<R extends RunResult> {
  #runs = 0;
  #first = new Map<string, { run: number; result: R }>();
  #words = new Map<string, Set<number>>();

  /** Numbers a run when it starts; call `add` with its results when it finishes. */
  start(): number {
    return this.#runs++;
  }

  add(run: number, results: readonly R[]): void {
    for (const result of results) {
      const seen = this.#first.get(result.id);
      if (!seen || run < seen.run) this.#first.set(result.id, { run, result });
      const words = this.#words.get(result.id) ?? new Set<number>();
      for (const w of result.words) words.add(w);
      this.#words.set(result.id, words);
    }
  }

  /** Adds a result found outside the query's runs (an answer card's own search) if no run returned it. */
  addIfAbsent(result: R): void {
    if (!this.#first.has(result.id)) this.add(Infinity, [result]);
  }

  has(id: string): boolean {
    return this.#first.has(id);
  }

  /** The result of the earliest run that returned `id`. */
  result(id: string): R | undefined {
    return this.#first.get(id)?.result;
  }

  /** Positions matched in `id` by any run, in order. */
  words(id: string): number[] {
    return [...(this.#words.get(id) ?? [])].sort((a, b) => a - b);
  }
}
