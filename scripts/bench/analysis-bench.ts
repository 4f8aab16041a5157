/**
 * What keeping the base run in the analysis worker saves (src/renderer/src/analysis), on the
 * shipped data: the 1.5-hour drive from the 12 county centres (30/60/90 min), as the e2e tests run
 * it. Each bench times what a worker computes for one request, before (the worker ran the base run
 * again for every request, which is the baseline) and after (it builds on the run it kept).
 *
 * `analysis-preview` — a what-if preview while a proposed facility is dragged across 泰顺 (20
 * positions, one per timed run): before, a numbers-only run of the changed request plus its equity
 * review; after, analyseScenario on the kept base (one incremental addition plus the review).
 * `analysis-siting` — 3 best new sites in the mountain counties: before, the base run (with its
 * layers and equity review, as the worker ran it) and the siting; after, the siting alone.
 * `analysis-compare` — the split view of "as is" and "one new site in 泰顺": before, two full runs;
 * after, both as scenarios on the kept base.
 */
import {
  analyseCoverage,
  analyseScenario,
  scenarioRequest,
  type CoverageAnalysis,
} from '../../src/core/analysis/analyse-coverage';
import { runCoverage, type CoverageData } from '../../src/core/coverage/run-coverage';
import { equitySummary } from '../../src/core/equity/equity-summary';
import { siteFacilities } from '../../src/core/equity/siting';
import type { CoverageFacility, CoverageRequest } from '../../src/shared/coverage';
import { DEFAULT_TRAVEL_PROFILES } from '../../src/shared/travel-profiles';
import { loadCoverageData, loadFacilities } from '../cli/coverage-data';
import { defineBench, type Bench } from './bench-types';
import { whatIfPositions } from './equity-bench';

const PROFILES = DEFAULT_TRAVEL_PROFILES;
/** Gaps the worker lists with a preview and with a run. */
const PREVIEW_GAPS = 20;
const RUN_GAPS = 50;

interface AnalysisContext {
  data: CoverageData;
  request: CoverageRequest;
  /** The run the worker keeps after computing it (with its layers and equity review). */
  base: CoverageAnalysis;
  positions: CoverageFacility[];
  next: Map<string, number>;
}

async function setup(): Promise<AnalysisContext> {
  const data = loadCoverageData();
  const facilities = (await loadFacilities('county-centres', 'wgs84')).facilities
    .map(({ id, name, lon, lat }) => ({ id, name, lon, lat }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const request: CoverageRequest = {
    method: 'network',
    profile: 'drive',
    thresholdsMin: [30, 60, 90],
    radiiM: [],
    facilities,
  };
  const base = analyseCoverage(data, request, PROFILES, { equity: { gapLimit: RUN_GAPS } })!;
  return { data, request, base, positions: whatIfPositions(), next: new Map() };
}

function nextChange(c: AnalysisContext, key: string) {
  const k = c.next.get(key) ?? 0;
  c.next.set(key, k + 1);
  return { proposed: [c.positions[k % c.positions.length]!], closed: [] };
}

function previewBench(): Bench {
  return defineBench<AnalysisContext>({
    id: 'analysis-preview',
    title: 'What-if preview in the worker, drive 30/60/90 from 12 county centres + 1 dragged across 泰顺',
    runs: 20,
    setup,
    cases: [
      {
        name: 'before: the changed request run again (numbers only) + equity review',
        baseline: true,
        run: (c) => {
          const run = runCoverage(c.data, scenarioRequest(c.request, nextChange(c, 'before')), PROFILES, {
            numbersOnly: true,
          })!;
          return equitySummary(run, c.data.grid, { gapLimit: PREVIEW_GAPS });
        },
      },
      {
        name: 'after: analyseScenario on the kept base run (incremental) + equity review',
        run: (c) =>
          analyseScenario(c.data, PROFILES, c.base, nextChange(c, 'after'), {
            numbersOnly: true,
            equity: { gapLimit: PREVIEW_GAPS },
          }),
      },
    ],
  });
}

function sitingBench(): Bench {
  const site = (c: AnalysisContext, base: CoverageAnalysis) =>
    siteFacilities(c.data, PROFILES, base, { area: 'mountain', n: 3 });
  return defineBench<AnalysisContext>({
    id: 'analysis-siting',
    title: '3 best new sites in the mountain counties on the drive 30/60/90 run, as the worker computes them',
    runs: 3,
    setup,
    cases: [
      {
        name: 'before: the base run again (with layers and equity review) + siting',
        baseline: true,
        run: (c) => site(c, analyseCoverage(c.data, c.request, PROFILES, { equity: { gapLimit: RUN_GAPS } })!),
      },
      { name: 'after: siting on the kept base run', run: (c) => site(c, c.base) },
    ],
  });
}

function compareBench(): Bench {
  const newSite = (c: AnalysisContext) => ({ proposed: [c.positions[10]!], closed: [] });
  return defineBench<AnalysisContext>({
    id: 'analysis-compare',
    title: 'Split view: "as is" and "one new site in 泰顺" on the drive 30/60/90 run, with their layers',
    runs: 5,
    setup,
    cases: [
      {
        name: 'before: both scenarios run in full',
        baseline: true,
        run: (c) => [
          analyseCoverage(c.data, c.request, PROFILES),
          analyseCoverage(c.data, scenarioRequest(c.request, newSite(c)), PROFILES),
        ],
      },
      {
        name: 'after: both as scenarios on the kept base run',
        run: (c) => [
          analyseScenario(c.data, PROFILES, c.base, { proposed: [], closed: [] }),
          analyseScenario(c.data, PROFILES, c.base, newSite(c)),
        ],
      },
    ],
  });
}

export function analysisBenches(): Bench[] {
  return [previewBench(), sitingBench(), compareBench()];
}
