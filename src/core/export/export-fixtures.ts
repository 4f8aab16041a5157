/** A small synthetic coverage run for the export tests (not used by the app). */
import type { FeatureCollection } from 'geojson';
import type { CoverageRequest, CoverageResult, PopulationGrid } from '../../shared/coverage';
import { translate } from '../../shared/i18n/translate';
import { DEFAULT_TRAVEL_PROFILES } from '../../shared/travel-profiles';
import { coverageBands } from '../coverage/polygons';
import { summarise } from '../coverage/stats';
import { gridOf } from '../coverage/test-grid';
import { populationSourceMeta, runExportMetadata, type RunExportMetadata } from './run-metadata';

export const FIXTURE_DATA_VERSION = 'bc02a162861d';
export const FIXTURE_GRAPH_SHA = 'a'.repeat(64);

export interface FixtureCell {
  col: number;
  row: number;
  county: number;
  population: number;
  /** Minutes (network) or metres (radius); Infinity = no facility reachable. */
  value: number;
  /** Index into the request's facilities, −1 when none. */
  facility: number;
}

/**
 * 鹿城区 3 cells (all covered), 泰顺县 3 cells (one covered, one beyond 15 min, one unreachable),
 * 龙港市 2 cells (one exactly on a threshold: 10 min is band [10, 15]).
 */
export const FIXTURE_CELLS: readonly FixtureCell[] = [
  { col: 400, row: 400, county: 330302, population: 1000, value: 3, facility: 0 },
  { col: 401, row: 400, county: 330302, population: 2000, value: 7.3, facility: 0 },
  { col: 402, row: 400, county: 330302, population: 500, value: 12, facility: 0 },
  { col: 400, row: 390, county: 330329, population: 300, value: 14.5, facility: 0 },
  { col: 401, row: 390, county: 330329, population: 700, value: Infinity, facility: -1 },
  { col: 402, row: 390, county: 330329, population: 250, value: 20, facility: 1 },
  { col: 410, row: 380, county: 330383, population: 1200, value: 0.5, facility: 1 },
  { col: 411, row: 380, county: 330383, population: 800, value: 10, facility: 1 },
];

export const FIXTURE_FACILITIES: CoverageRequest['facilities'] = [
  { id: 'import:1', name: '鹿城区社区卫生服务中心', lon: 120.65, lat: 28.01 },
  { id: 'import:2', name: '龙港市人民医院, 分院 "东"', lon: 120.55, lat: 27.58 },
];

export interface FixtureRun {
  grid: PopulationGrid;
  result: CoverageResult;
  bands: FeatureCollection;
  meta: RunExportMetadata;
}

export function fixtureRun(method: 'network' | 'radius' = 'network'): FixtureRun {
  const grid = gridOf(
    FIXTURE_CELLS.map((c) => ({ col: c.col, row: c.row, county: c.county, population: c.population })),
  );
  const thresholds = method === 'network' ? [5, 10, 15] : [500, 1000, 1500];
  const scale = method === 'network' ? 1 : 100;
  const cellMinutes = Float32Array.from(FIXTURE_CELLS, (c) => c.value * scale);
  const cellFacility = Int32Array.from(FIXTURE_CELLS, (c) => c.facility);
  const request: CoverageRequest = {
    method,
    profile: 'walk',
    thresholdsMin: method === 'network' ? thresholds : [],
    radiiM: method === 'radius' ? thresholds : [],
    facilities: FIXTURE_FACILITIES,
  };
  const summary = summarise(
    grid,
    cellMinutes,
    cellFacility,
    null,
    thresholds,
    FIXTURE_FACILITIES.map((f) => f.id),
  );
  const result: CoverageResult = {
    ...summary,
    request,
    cellMinutes,
    cellFacility,
    isolatedPopulation: 0,
    dataVersion: FIXTURE_DATA_VERSION,
    computeMs: 1,
  };
  const meta = runExportMetadata({
    result,
    appVersion: '0.1.0',
    runLabel: '卫生院 步行15分钟',
    travelProfile: DEFAULT_TRAVEL_PROFILES.walk,
    facilitySets: ['卫生院（导入）', '示例数据'],
    population: populationSourceMeta('modelled', translate),
    manifest: {
      files: {
        'graph/routing-graph.bin': { bytes: 1, sha256: FIXTURE_GRAPH_SHA },
        'counties.geojson': { bytes: 1, sha256: 'c'.repeat(64) },
      },
    },
    exportedAt: '2025-03-01T08:30:00.000Z',
  });
  return { grid, result, bands: coverageBands(grid, cellMinutes, thresholds), meta };
}
