/** Every benchmark `npm run bench` knows; add new ones here. */
import type { Bench } from './bench-types';
import { coverageBench } from './coverage-bench';
import { equityBenches } from './equity-bench';
import { filterBench } from './filter-bench';
import { importBench } from './import-bench';
import { fieldBench } from './field-bench';

export function registeredBenches(): Bench[] {
  return [importBench(), filterBench(), coverageBench(), ...equityBenches(), fieldBench()];
}
