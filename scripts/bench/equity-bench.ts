/**
 * The equity engine on the shipped data.
 *
 * `equity` — what-if latency: a proposed facility moved along 20 positions across 泰顺 on the
 * 1.5-hour drive run from the 12 county centres. Each timed run is one update at the next position
 * (the warm-up takes position 1, so the 20 timed runs visit all 20): addFacilityToRun without
 * polygons plus the equity summary, against the baseline of a full runCoverage (with its polygons)
 * plus the summary per update.
 *
 * `equity-siting` — best N = 1, 5, 10 new sites in the five mountain counties (drive 90, default
 * candidates: every k-th road node, ≤ 1,000), each run from scratch (candidate searches + lazy
 * greedy). Baseline: the naive way to find even one site, a full incremental coverage update
 * (addFacilityToRun, no polygons) for every candidate, keeping the best.
 */
import { addFacilityToRun } from '../../src/core/coverage/incremental';
import { runCoverage, type CoverageData, type CoverageRunOutput } from '../../src/core/coverage/run-coverage';
import { equitySummary } from '../../src/core/equity/equity-summary';
import { siteFacilities, sitingCandidates, type SitingCandidate } from '../../src/core/equity/siting';
import { createCountyLocator } from '../../src/core/geo/county-locator';
import type { CoverageFacility, CoverageRequest } from '../../src/shared/coverage';
import { DEFAULT_TRAVEL_PROFILES } from '../../src/shared/travel-profiles';
import { loadCoverageData, loadFacilities, readCounties } from '../cli/coverage-data';
import { defineBench, type Bench } from './bench-types';

const TAISHUN = 330329;
/** A line across 泰顺 from the south-west to the north-east, checked against the county polygon. */
const FROM: [number, number] = [119.76, 27.42];
const TO: [number, number] = [120.04, 27.54];
const POSITIONS = 20;

interface BaseContext {
  data: CoverageData;
  centres: CoverageFacility[];
}

async function baseContext(): Promise<BaseContext> {
  const data = loadCoverageData();
  const centres = (await loadFacilities('county-centres', 'wgs84')).facilities
    .map(({ id, name, lon, lat }) => ({ id, name, lon, lat }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { data, centres };
}

const drive = (facilities: CoverageFacility[], thresholdsMin: number[]): CoverageRequest => ({
  method: 'network',
  profile: 'drive',
  thresholdsMin,
  radiiM: [],
  facilities,
});

function run(data: CoverageData, request: CoverageRequest): CoverageRunOutput {
  const output = runCoverage(data, request, DEFAULT_TRAVEL_PROFILES);
  if (!output) throw new Error('coverage run cancelled');
  return output;
}

interface WhatIfContext extends BaseContext {
  base: CoverageRunOutput;
  positions: CoverageFacility[];
  /** Next position per case. */
  next: Map<string, number>;
}

export function whatIfPositions(): CoverageFacility[] {
  const locate = createCountyLocator(readCounties(), 0);
  return Array.from({ length: POSITIONS }, (_, k) => {
    const t = k / (POSITIONS - 1);
    const lon = FROM[0] + (TO[0] - FROM[0]) * t;
    const lat = FROM[1] + (TO[1] - FROM[1]) * t;
    if (locate(lon, lat)?.adcode !== TAISHUN) throw new Error(`what-if position ${lon}, ${lat} is not in 泰顺`);
    return { id: 'proposed', name: 'proposed', lon, lat };
  });
}

function nextPosition(c: WhatIfContext, key: string): CoverageFacility {
  const k = c.next.get(key) ?? 0;
  c.next.set(key, k + 1);
  return c.positions[k % c.positions.length]!;
}

function whatIfBench(): Bench<unknown> {
  const thresholds = [30, 60, 90];
  return defineBench<WhatIfContext>({
    id: 'equity',
    title: `Equity what-if: a proposed facility moved along ${POSITIONS} positions in 泰顺 (drive 30/60/90, 12 county centres + 1)`,
    runs: POSITIONS,
    async setup() {
      const ctx = await baseContext();
      const base = run(ctx.data, drive(ctx.centres, thresholds));
      return { ...ctx, base, positions: whatIfPositions(), next: new Map() };
    },
    cases: [
      {
        name: 'full runCoverage (with polygons) + equity summary, per position',
        baseline: true,
        run: (c) => {
          const output = run(c.data, drive([...c.centres, nextPosition(c, 'full')], thresholds));
          return equitySummary(output, c.data.grid);
        },
      },
      {
        name: 'addFacilityToRun (no polygons) + equity summary, per position',
        run: (c) => {
          const output = addFacilityToRun(c.data, DEFAULT_TRAVEL_PROFILES, c.base, nextPosition(c, 'incremental'), {
            withBands: false,
          });
          return equitySummary(output, c.data.grid);
        },
      },
      {
        name: 'addFacilityToRun (no polygons) alone, per position',
        run: (c) =>
          addFacilityToRun(c.data, DEFAULT_TRAVEL_PROFILES, c.base, nextPosition(c, 'add'), { withBands: false }),
      },
      {
        name: 'equity summary alone (Gini, Lorenz, Theil, top 50 gaps)',
        run: (c) => equitySummary(c.base, c.data.grid),
      },
    ],
  });
}

interface SitingContext extends BaseContext {
  base: CoverageRunOutput;
  candidates: SitingCandidate[];
}

function sitingBench(): Bench<unknown> {
  const site = (c: SitingContext, n: number) => {
    const result = siteFacilities(c.data, DEFAULT_TRAVEL_PROFILES, c.base, { area: 'mountain', n });
    if (!result) throw new Error('siting cancelled');
    return result;
  };
  return defineBench<SitingContext>({
    id: 'equity-siting',
    title:
      'Best new sites in the five mountain counties (drive 90 min, 12 county centres kept, ≤ 1,000 road-node candidates)',
    runs: 3,
    async setup() {
      const ctx = await baseContext();
      const base = run(ctx.data, drive(ctx.centres, [90]));
      const { candidates } = sitingCandidates(ctx.data, DEFAULT_TRAVEL_PROFILES, 'drive', { area: 'mountain' });
      return { ...ctx, base, candidates };
    },
    cases: [
      {
        name: 'naive N = 1: addFacilityToRun (no polygons) per candidate, keep the best',
        baseline: true,
        run: (c) => {
          let best = -1;
          let bestCovered = -Infinity;
          c.candidates.forEach((cand, k) => {
            const out = addFacilityToRun(c.data, DEFAULT_TRAVEL_PROFILES, c.base, cand, { withBands: false });
            if (out.result.mountain.covered > bestCovered) {
              bestCovered = out.result.mountain.covered;
              best = k;
            }
          });
          return { best, bestCovered };
        },
      },
      { name: 'siting N = 1 (candidate searches + lazy greedy)', run: (c) => site(c, 1) },
      { name: 'siting N = 5', run: (c) => site(c, 5) },
      { name: 'siting N = 10', run: (c) => site(c, 10) },
    ],
  });
}

export function equityBenches(): Bench[] {
  return [whatIfBench(), sitingBench()];
}
