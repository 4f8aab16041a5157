/**
 * A user's own population data (points or cell centres with a head count: census blocks, a
 * WorldPop export, a street office's register) turned into a PopulationGrid on the same grid as
 * the modelled one, so every coverage view works unchanged with `source: 'imported'`.
 */
import type { FeatureCollection } from 'geojson';
import type { PopulationGrid } from '../../shared/coverage';
import { createCountyLocator } from '../geo/county-locator';
import { makePopulationGrid } from './grid';
import { DEFAULT_CELL_SIZE_M, DEFAULT_GRID_ORIGIN, gridU, gridV, type GridOrigin } from './projection';

export interface PopulationPoint {
  lon: number;
  lat: number;
  count: number;
}

export type RejectReason = 'invalid-coordinates' | 'invalid-count' | 'outside-counties';

export interface RejectedPopulationPoint extends PopulationPoint {
  /** Index into the input array. */
  index: number;
  reason: RejectReason;
}

export interface AggregateOptions {
  origin?: GridOrigin;
  /**
   * Points up to this many metres outside every county polygon (piers, reclaimed coast) still count
   * for the nearest county; default 0: only points inside a polygon count.
   */
  snapMetres?: number;
}

export interface AggregateResult {
  grid: PopulationGrid;
  /** Points that were not counted, with why: never dropped silently. */
  rejected: RejectedPopulationPoint[];
  /** Sum of `count` over the rejected points with a valid count. */
  rejectedPopulation: number;
  /**
   * Cells whose points lie in more than one county: a cell has one county, so such a cell goes to
   * the county with the most people in it (ties: the smaller adcode), moving `movedPopulation`.
   */
  mixedCells: number;
  movedPopulation: number;
}

/**
 * Sums point counts into cells of `cellSizeM` (on the default origin, so imported and modelled grids
 * align). Counts may be fractional; cells summing to 0 are not stored. Cells are ordered by (row, col).
 */
export function aggregatePopulationPoints(
  points: readonly PopulationPoint[],
  counties: FeatureCollection,
  cellSizeM: number = DEFAULT_CELL_SIZE_M,
  options: AggregateOptions = {},
): AggregateResult {
  if (!(cellSizeM > 0) || !Number.isFinite(cellSizeM))
    throw new Error(`aggregatePopulationPoints: bad cell size ${cellSizeM}`);
  const origin = options.origin ?? DEFAULT_GRID_ORIGIN;
  const locate = createCountyLocator(counties, options.snapMetres ?? 0);
  const rejected: RejectedPopulationPoint[] = [];
  let rejectedPopulation = 0;
  // cell key → (county → people)
  const cells = new Map<number, { col: number; row: number; byCounty: Map<number, number> }>();
  const KEY = 2 ** 24;

  points.forEach((p, index) => {
    const { lon, lat, count } = p;
    const reject = (reason: RejectReason): void => {
      rejected.push({ index, lon, lat, count, reason });
      if (reason !== 'invalid-count') rejectedPopulation += count;
    };
    if (!Number.isFinite(count) || count < 0) return reject('invalid-count');
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
      return reject('invalid-coordinates');
    const hit = locate(lon, lat);
    if (!hit) return reject('outside-counties');
    const col = Math.floor(gridU(origin, cellSizeM, lon));
    const row = Math.floor(gridV(origin, cellSizeM, lat));
    // West/south of the origin, or absurdly far: the grid cannot hold it.
    if (col < 0 || row < 0 || col >= KEY || row >= KEY) return reject('outside-counties');
    const key = row * KEY + col;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { col, row, byCounty: new Map() }));
    cell.byCounty.set(hit.adcode, (cell.byCounty.get(hit.adcode) ?? 0) + count);
  });

  const keys = [...cells.keys()].sort((a, b) => a - b);
  const kept: { col: number; row: number; people: number; county: number }[] = [];
  let mixedCells = 0;
  let movedPopulation = 0;
  for (const key of keys) {
    const cell = cells.get(key);
    if (!cell) continue;
    let people = 0;
    let county = 0;
    let best = -1;
    for (const [adcode, n] of cell.byCounty) {
      people += n;
      if (n > best || (n === best && adcode < county)) {
        best = n;
        county = adcode;
      }
    }
    if (cell.byCounty.size > 1) {
      mixedCells++;
      movedPopulation += people - best;
    }
    if (people > 0) kept.push({ col: cell.col, row: cell.row, people, county });
  }

  const grid = makePopulationGrid({
    cellSizeM,
    origin,
    col: Uint32Array.from(kept, (c) => c.col),
    row: Uint32Array.from(kept, (c) => c.row),
    population: Float64Array.from(kept, (c) => c.people),
    county: Uint32Array.from(kept, (c) => c.county),
    source: 'imported',
  });
  return { grid, rejected, rejectedPopulation, mixedCells, movedPopulation };
}
