/**
 * Coverage gaps: the people beyond the service circle, grouped into contiguous areas of the grid
 * and ranked by how many people live there.
 *
 * - A cell is in a gap when it has people and its minutes are beyond the circle (> circle,
 *   Infinity or NaN): the same rule as "not covered" in the statistics and the uncovered layer.
 * - Contiguity: 8-neighbour by default (cells touching at an edge or a corner). The modelled
 *   population follows the roads, and a valley road running diagonally across the grid is a chain
 *   of corner-touching cells: 4-neighbour contiguity would cut one remote valley into dozens of
 *   one-cell "gaps". 4-neighbour is available as an option. Cells without people never join gaps.
 * - Ranking: people, descending; ties by the lowest cell index in the gap (deterministic).
 * - county: the county holding most of the gap's people (ties: lower adcode); a gap may cross a
 *   county line, `counties` lists every county in it.
 * - centroid: population-weighted mean of the cell centres (lon, lat); bbox: the outer edges of its
 *   cells [west, south, east, north] (cells are regular lon/lat boxes, so this is exact).
 * - nearestFacility: straight-line (great-circle) metres from the centroid to the nearest facility
 *   of the run. networkMinutes: the shortest known travel time of any of its cells (the engine only
 *   knows times up to the circle plus the cell's access walk), null when none is known.
 */
import { countyByAdcode } from '../../shared/counties';
import type { PopulationGrid } from '../../shared/coverage';
import { gridLookup } from '../population/grid';
import { cornerLat, cornerLon } from '../population/projection';
import { greatCircleM } from './geo';

export type Neighbourhood = 4 | 8;

export interface GapOptions {
  /** 4 or 8 (default 8). */
  neighbours?: Neighbourhood;
  /** Keep only the largest `limit` gaps (default: all). */
  limit?: number;
}

export interface CoverageGap {
  /** 1 = most people. */
  rank: number;
  population: number;
  cellCount: number;
  /** Majority county (by people) and its name / mountain flag (0 / '' / false when unknown). */
  county: number;
  countyName: string;
  mountain: boolean;
  /** Every county in the gap with its people, most people first. */
  counties: { adcode: number; population: number }[];
  /** Population-weighted centre [lon, lat]. */
  centroid: [number, number];
  /** [west, south, east, north] of the gap's cells. */
  bbox: [number, number, number, number];
  /** Nearest facility of the run by straight line from the centroid; null when the run has none. */
  nearestFacility: { index: number; id: string; straightLineM: number } | null;
  /** Shortest known travel time (run units) of any cell of the gap, and that cell's nearest facility; null when unknown. */
  networkMinutes: number | null;
  networkFacility: number | null;
  /** Grid cell indices of the gap (ascending), for highlighting. */
  cells: Uint32Array;
}

export interface GapResult {
  gaps: CoverageGap[];
  /** All gaps found (before `limit`). */
  gapCount: number;
  /** People beyond the circle (= the sum over all gaps). */
  uncoveredPopulation: number;
}

const N4 = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
] as const;
const N8 = [...N4, [1, 1], [1, -1], [-1, 1], [-1, -1]] as const;

/** Per cell: gap label (0 … count − 1), −1 outside gaps. Labels follow the lowest cell index. */
export function labelGaps(
  grid: PopulationGrid,
  cellMinutes: ArrayLike<number>,
  circle: number,
  neighbours: Neighbourhood = 8,
): { label: Int32Array; count: number } {
  const n = grid.population.length;
  if (cellMinutes.length !== n) throw new Error(`gaps: ${cellMinutes.length} minutes for ${n} cells`);
  if (neighbours !== 4 && neighbours !== 8) throw new Error(`gaps: neighbours must be 4 or 8, got ${neighbours}`);
  const lookup = gridLookup(grid);
  const steps = neighbours === 8 ? N8 : N4;
  const label = new Int32Array(n).fill(-1);
  const inGap = (i: number) => (grid.population[i] as number) > 0 && !((cellMinutes[i] as number) <= circle);
  const stack = new Int32Array(n);
  let count = 0;
  for (let start = 0; start < n; start++) {
    if (label[start] !== -1 || !inGap(start)) continue;
    const id = count++;
    label[start] = id;
    let sp = 0;
    stack[sp++] = start;
    while (sp > 0) {
      const i = stack[--sp] as number;
      const c = grid.col[i] as number;
      const r = grid.row[i] as number;
      for (const [dc, dr] of steps) {
        const j = lookup.at(c + dc, r + dr);
        if (j < 0 || label[j] !== -1 || !inGap(j)) continue;
        label[j] = id;
        stack[sp++] = j;
      }
    }
  }
  return { label, count };
}

export function findGaps(
  grid: PopulationGrid,
  cellMinutes: ArrayLike<number>,
  cellFacility: ArrayLike<number> | null,
  circle: number,
  facilities: readonly { id: string; lon: number; lat: number }[],
  options: GapOptions = {},
): GapResult {
  const { label, count } = labelGaps(grid, cellMinutes, circle, options.neighbours ?? 8);
  const n = grid.population.length;
  const pop = new Float64Array(count);
  const cells = new Uint32Array(count);
  const first = new Int32Array(count).fill(-1);
  for (let i = 0; i < n; i++) {
    const g = label[i] as number;
    if (g < 0) continue;
    pop[g] = (pop[g] as number) + (grid.population[i] as number);
    cells[g] = (cells[g] as number) + 1;
    if (first[g] === -1) first[g] = i;
  }
  let uncoveredPopulation = 0;
  for (let g = 0; g < count; g++) uncoveredPopulation += pop[g] as number;
  const order = Array.from({ length: count }, (_, g) => g).sort(
    (a, b) => (pop[b] as number) - (pop[a] as number) || (first[a] as number) - (first[b] as number),
  );
  const limit = options.limit === undefined ? count : Math.max(0, Math.min(count, Math.floor(options.limit)));
  const kept = order.slice(0, limit);
  // Rank of each kept label, −1 otherwise; then one pass to collect their cells.
  const rankOf = new Int32Array(count).fill(-1);
  kept.forEach((g, k) => (rankOf[g] = k));
  const members: number[][] = kept.map(() => []);
  for (let i = 0; i < n; i++) {
    const g = label[i] as number;
    if (g >= 0 && (rankOf[g] as number) >= 0) members[rankOf[g] as number]!.push(i);
  }

  const gaps = kept.map((g, k): CoverageGap => {
    const list = members[k]!;
    const byCounty = new Map<number, number>();
    let sx = 0;
    let sy = 0;
    let minCol = Infinity;
    let minRow = Infinity;
    let maxCol = -Infinity;
    let maxRow = -Infinity;
    let best = Infinity;
    let bestFacility: number | null = null;
    for (const i of list) {
      const w = grid.population[i] as number;
      const adcode = grid.county[i] as number;
      byCounty.set(adcode, (byCounty.get(adcode) ?? 0) + w);
      sx += w * (grid.lon[i] as number);
      sy += w * (grid.lat[i] as number);
      minCol = Math.min(minCol, grid.col[i] as number);
      maxCol = Math.max(maxCol, grid.col[i] as number);
      minRow = Math.min(minRow, grid.row[i] as number);
      maxRow = Math.max(maxRow, grid.row[i] as number);
      const m = cellMinutes[i] as number;
      if (m < best) {
        best = m;
        bestFacility = cellFacility ? (cellFacility[i] as number) : null;
      }
    }
    const population = pop[g] as number;
    const counties = [...byCounty]
      .map(([adcode, people]) => ({ adcode, population: people }))
      .sort((a, b) => b.population - a.population || a.adcode - b.adcode);
    const county = counties[0]?.adcode ?? 0;
    const info = countyByAdcode(county);
    const centroid: [number, number] = [sx / population, sy / population];
    let nearestFacility: CoverageGap['nearestFacility'] = null;
    for (let index = 0; index < facilities.length; index++) {
      const f = facilities[index]!;
      const d = greatCircleM(centroid[0], centroid[1], f.lon, f.lat);
      if (!nearestFacility || d < nearestFacility.straightLineM)
        nearestFacility = { index, id: f.id, straightLineM: d };
    }
    const { origin, cellSizeM } = grid;
    return {
      rank: k + 1,
      population,
      cellCount: cells[g] as number,
      county,
      countyName: info?.name ?? '',
      mountain: info?.mountain ?? false,
      counties,
      centroid,
      bbox: [
        cornerLon(origin, cellSizeM, minCol),
        cornerLat(origin, cellSizeM, minRow),
        cornerLon(origin, cellSizeM, maxCol + 1),
        cornerLat(origin, cellSizeM, maxRow + 1),
      ],
      nearestFacility,
      networkMinutes: Number.isFinite(best) ? best : null,
      networkFacility: Number.isFinite(best) && bestFacility !== null && bestFacility >= 0 ? bestFacility : null,
      cells: Uint32Array.from(list),
    };
  });
  return { gaps, gapCount: count, uncoveredPopulation };
}
