/** Every benchmark `npm run bench` knows; add new ones here. */
import { analysisBenches } from './analysis-bench';
import type { Bench } from './bench-types';
import { coverageBench } from './coverage-bench';
import { equityBenches } from './equity-bench';
import { filterBench } from './filter-bench';
import { importBench } from './import-bench';
import { sheetBenches } from './sheet-bench';

/**
 * The field bench drives the renderer's Dexie write path, which needs DOM types: it is type-checked
 * by tsconfig.bench.json and loaded by path here so tsconfig.node.json does not follow it.
 */
const FIELD_BENCH_MODULE = './field-bench';

export async function registeredBenches(): Promise<Bench[]> {
  const { fieldBench } = (await import(FIELD_BENCH_MODULE)) as { fieldBench: () => Bench };
  return [
    importBench(),
    filterBench(),
    coverageBench(),
    ...equityBenches(),
    fieldBench(),
    ...sheetBenches(),
    ...analysisBenches(),
  ];
}
