/** Times each case of a bench (median and p95 of N runs after a warm-up) and formats the table. */
import { table } from '../data-build/report';
import type { Bench } from './bench-types';
import type { MemoryResult } from './memory';
import { formatMiB, formatMs, formatRatio, median, p95 } from './stats';

export interface CaseResult {
  name: string;
  baseline: boolean;
  samples: number[];
  medianMs: number;
  p95Ms: number;
  memory: MemoryResult | null;
}

export interface RunOptions {
  /** Overrides the bench's own run count (e.g. for tests). */
  runs?: number;
  /** Measures one case's memory; omitted = no memory columns filled. */
  measureMemory?: (caseName: string) => Promise<MemoryResult | null>;
}

export async function runBench(bench: Bench, options: RunOptions = {}): Promise<CaseResult[]> {
  if (bench.cases.filter((c) => c.baseline).length !== 1)
    throw new Error(`bench ${bench.id}: needs exactly one baseline`);
  const runs = options.runs ?? bench.runs;
  const context = await bench.setup();
  const results: CaseResult[] = [];
  // Baseline first, so it is measured under the same conditions as the rest of this run.
  const ordered = [...bench.cases].sort((a, b) => Number(!!b.baseline) - Number(!!a.baseline));
  for (const benchCase of ordered) {
    await benchCase.run(context);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await benchCase.run(context);
      samples.push(performance.now() - started);
    }
    const memory = options.measureMemory ? await options.measureMemory(benchCase.name) : null;
    results.push({
      name: benchCase.name,
      baseline: !!benchCase.baseline,
      samples,
      medianMs: median(samples),
      p95Ms: p95(samples),
      memory,
    });
  }
  return results;
}

export function resultTable(results: readonly CaseResult[]): string {
  const baseline = results.find((r) => r.baseline);
  return table(
    ['case', 'median', 'p95', 'vs baseline', 'peak RSS', 'heap Δ'],
    results.map((r) => [
      r.baseline ? `${r.name} (baseline)` : r.name,
      formatMs(r.medianMs),
      formatMs(r.p95Ms),
      formatRatio(r.medianMs, baseline?.medianMs ?? NaN),
      formatMiB(r.memory?.peakRss ?? null),
      formatMiB(r.memory?.heapDelta ?? null),
    ]),
  );
}
