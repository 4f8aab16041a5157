/**
 * The coverage engine on the shipped data: the plan's circles from real inputs (12 county centres,
 * the 2,000 sample fitness facilities), an incremental add, and the naive per-facility
 * circle-and-union method measured in the same run as the baseline.
 */
import { join } from 'node:path';
import { naiveRadiusCoverage } from '../../src/core/coverage/baseline-naive';
import { addFacilityToRun } from '../../src/core/coverage/incremental';
import {
  profileContext,
  runCoverage,
  type CoverageData,
  type CoverageRunOutput,
} from '../../src/core/coverage/run-coverage';
import type { CoverageFacility, CoverageRequest } from '../../src/shared/coverage';
import { DEFAULT_TRAVEL_PROFILES } from '../../src/shared/travel-profiles';
import { loadCoverageData, loadFacilities } from '../cli/coverage-data';
import { DEFAULT_OUT_DIR } from '../data-build/paths';
import { defineBench } from './bench-types';

interface CoverageContext {
  data: CoverageData;
  centres: CoverageFacility[];
  fitness: CoverageFacility[];
  walkBase: CoverageRunOutput;
  extra: CoverageFacility;
}

const asRequest = (
  facilities: CoverageFacility[],
  method: CoverageRequest['method'],
  profile: CoverageRequest['profile'],
  thresholds: number[],
): CoverageRequest => ({
  method,
  profile,
  thresholdsMin: method === 'network' ? thresholds : [],
  radiiM: method === 'radius' ? thresholds : [],
  facilities,
});

const toCoverageFacility = (f: { id: string; name: string; lon: number; lat: number }) => ({
  id: f.id,
  name: f.name,
  lon: f.lon,
  lat: f.lat,
});

function run(data: CoverageData, request: CoverageRequest): CoverageRunOutput {
  const output = runCoverage(data, request, DEFAULT_TRAVEL_PROFILES);
  if (!output) throw new Error('coverage run cancelled');
  return output;
}

export function coverageBench() {
  return defineBench<CoverageContext>({
    id: 'coverage',
    title: 'Coverage engine on the shipped data (modelled 250 m population grid)',
    runs: 5,
    async setup() {
      const data = loadCoverageData();
      const centres = (await loadFacilities('county-centres', 'wgs84')).facilities.map(toCoverageFacility);
      const fitness = (
        await loadFacilities(join(DEFAULT_OUT_DIR, 'samples', 'sample-sports.csv'), 'wgs84')
      ).facilities.map(toCoverageFacility);
      const walkBase = run(data, asRequest(fitness, 'network', 'walk', [5, 10]));
      // A point in 泰顺 between existing facilities: what a planner would drag around.
      const extra = { id: 'proposed', name: 'proposed', lon: 119.85, lat: 27.45 };
      return { data, centres, fitness, walkBase, extra };
    },
    cases: [
      {
        name: 'naive: turf.circle per facility + union + point-in-polygon (radius 1 km, 2,000)',
        baseline: true,
        run: (c) => naiveRadiusCoverage(c.data.grid, c.fitness, 1000),
      },
      {
        name: 'radius 1 km, 2,000 fitness facilities',
        run: (c) => run(c.data, asRequest(c.fitness, 'radius', 'walk', [500, 1000])),
      },
      {
        name: 'walk 10 min, 2,000 fitness facilities',
        run: (c) => run(c.data, asRequest(c.fitness, 'network', 'walk', [5, 10])),
      },
      {
        name: 'drive 90 min, 12 county centres',
        run: (c) => run(c.data, asRequest(c.centres, 'network', 'drive', [30, 60, 90])),
      },
      {
        name: 'add 1 facility to the walk run (incremental, no polygons)',
        run: (c) => addFacilityToRun(c.data, DEFAULT_TRAVEL_PROFILES, c.walkBase, c.extra, { withBands: false }),
      },
      {
        name: 'add 1 facility to the walk run (incremental, with polygons)',
        run: (c) => addFacilityToRun(c.data, DEFAULT_TRAVEL_PROFILES, c.walkBase, c.extra),
      },
      {
        name: 'walk profile preparation (once per session: snap 250 m cells to roads)',
        run: (c) => profileContext({ ...c.data }, 'walk', DEFAULT_TRAVEL_PROFILES.walk),
      },
    ],
  });
}
