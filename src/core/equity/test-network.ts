/** Tiny synthetic road networks on small grids for the equity tests (not used by the app). */
import type { TravelProfile } from '../../shared/coverage';
import { ROAD_CLASSES } from '../../shared/data-contract';
import type { TravelProfileSpec } from '../../shared/travel-profiles';
import type { CoverageData } from '../coverage/run-coverage';
import { gridOf, type TestCell } from '../coverage/test-grid';
import { routingGraphFromEdges } from '../routing/graph';

const UNNAMED = ROAD_CLASSES.indexOf('unnamed');

/** Every road at 60 km/h: an edge of L metres takes L / 1000 minutes. Access legs at 4.8 km/h. */
const SPEC: TravelProfileSpec = {
  speedsKmh: { expressway: 60, arterial: 60, provincial: 60, named: 60, unnamed: 60 },
  accessKmh: 4.8,
};
export const TEST_PROFILES: Record<TravelProfile, TravelProfileSpec> = { walk: SPEC, bike: SPEC, drive: SPEC };

/**
 * One road node exactly at each cell centre (node k = cell k, so every access leg is 0 m) plus
 * `extraNodes` (lon, lat) after them; edges [a, b, minutes].
 */
export function networkData(
  cells: readonly TestCell[],
  edges: readonly [number, number, number][],
  extraNodes: readonly [number, number][] = [],
): CoverageData {
  const grid = gridOf(cells);
  const lon = Float64Array.from([...grid.lon, ...extraNodes.map((p) => p[0])]);
  const lat = Float64Array.from([...grid.lat, ...extraNodes.map((p) => p[1])]);
  const graph = routingGraphFromEdges({
    lon,
    lat,
    edgeA: Uint32Array.from(edges, (e) => e[0]),
    edgeB: Uint32Array.from(edges, (e) => e[1]),
    lengthM: Float32Array.from(edges, (e) => e[2] * 1000),
    roadClass: Uint8Array.from(edges, () => UNNAMED),
  });
  return { graph, grid, dataVersion: 'test' };
}

/** People per cell of the valley: seven cells in 泰顺, then 1,000 people in 鹿城. */
export const VALLEY_PEOPLE = [10, 10, 50, 5, 5, 40, 30, 1000] as const;

/**
 * A valley road: cells 0–6 in 泰顺 (mountain), cell 7 in 鹿城, each 10 min from the next, one
 * road node at every cell centre.
 */
export function valleyData(): CoverageData {
  const cells: TestCell[] = VALLEY_PEOPLE.map((population, k) => ({
    col: 400 + k,
    row: 400,
    population,
    county: k < 7 ? 330329 : 330302,
  }));
  return networkData(
    cells,
    VALLEY_PEOPLE.slice(1).map((_, k) => [k, k + 1, 10] as [number, number, number]),
  );
}
