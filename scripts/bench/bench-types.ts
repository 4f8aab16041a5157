/** What a benchmark module registers: shared setup, then cases timed against one baseline case. */
export interface BenchCase<C> {
  name: string;
  /** Exactly one case per bench is the baseline every other case is compared with. */
  baseline?: boolean;
  /** The work to time. Its return value is kept alive while memory is measured. */
  run(context: C): unknown;
}

export interface Bench<C = unknown> {
  /** Short id, used on the command line (`npm run bench -- filter`). */
  id: string;
  title: string;
  /** Timed runs per case (after one warm-up run). */
  runs: number;
  setup(): C | Promise<C>;
  cases: BenchCase<C>[];
}

/** Erases the context type so benches with different contexts fit in one registry. */
export function defineBench<C>(bench: Bench<C>): Bench<unknown> {
  return bench as unknown as Bench<unknown>;
}
