/**
 * Coverage statistics from per-cell travel minutes: per county (COUNTIES order), the five mountain
 * counties, the other seven, the whole city, and per facility. One pass over the cells plus one
 * sort of the covered cells; typed arrays only, so it can run on every what-if drag.
 *
 * Definitions (src/shared/coverage.ts; band rule in bands.ts):
 * - covered: people in cells with minutes ≤ the last threshold T (the circle).
 * - beyond: everyone else — minutes > T, or no facility reachable at all. The network search stops
 *   at the circle, so a beyond person's time is not known (only that it exceeds T): beyond people
 *   are one block at "> T", after every covered person.
 * - p50Minutes/p90Minutes are over EVERYONE of the group (beyond people included, at "> T").
 *   When the percentile position falls among the beyond people the value is not a number: null,
 *   with p50Beyond/p90Beyond true (shown as "> T"). A median over the covered only would read as
 *   "half the people get there in X" while most of them may not get there at all.
 * - p50MinutesAmongCovered/p90MinutesAmongCovered and meanMinutesAmongCovered: over the covered
 *   people only (null when nobody is covered). The mean has no "over everyone" version: the
 *   beyond people's times are unknown.
 * - Weighted percentile P (0 < P < 100), over cells sorted by minutes with weights w (people) and
 *   cumulative weights C_1 ≤ C_2 ≤ … ≤ C_m = W, target T = W · P / 100:
 *   the value of the first cell with C_i > T (the minutes of the person at position T). If a
 *   cumulative weight hits T exactly (C_i = T, within 1e-9 · W), the result is the mean of that
 *   cell's minutes and the next cell's — the usual "average the two middle values" rule, so with
 *   equal weights p50 is the ordinary median; when that next person is beyond the circle the mean
 *   is unknown and the percentile is beyond. A cell's people are one block at one value:
 *   splitting a cell into two cells with the same minutes never changes a percentile.
 * - served (facility f): people covered whose nearest facility is f.
 * - uniquelyCovered (f): served by f and the second-nearest facility is beyond the last threshold
 *   (lost if f closes). Ties: a cell whose second-nearest is exactly as near is not unique to
 *   either. With no second-nearest information (cellSecondMinutes = null) it is NaN: unknown.
 * - Cells with zero (or negative) population are ignored; cells whose county adcode is not one of
 *   COUNTIES count in `total` only.
 */
import { COUNTIES } from '../../shared/counties';
import type { CountyStats, CoverageSummary, FacilityStats, GroupStats, PopulationGrid } from '../../shared/coverage';
import { checkThresholds } from './bands';

/** GroupStats plus the people with finite minutes (some facility reachable at all, even if beyond T). */
export interface GroupStatsWithReach extends GroupStats {
  reachable: number;
}

export interface CoverageSummaryWithReach extends CoverageSummary {
  total: GroupStatsWithReach;
  mountain: GroupStatsWithReach;
  other: GroupStatsWithReach;
  counties: (CountyStats & GroupStatsWithReach)[];
}

const N_COUNTIES = COUNTIES.length;
const G_MOUNTAIN = N_COUNTIES;
const G_OTHER = N_COUNTIES + 1;
const G_TOTAL = N_COUNTIES + 2;
const N_GROUPS = N_COUNTIES + 3;
const PERCENTILES = [50, 90] as const;
/** Percentile slots per group: [p50, p90] over everyone, then [p50, p90] over the covered. */
const SLOTS = 2 * PERCENTILES.length;

const countyGroupCache = new WeakMap<PopulationGrid, Int8Array>();

/** Per cell: index into COUNTIES, or −1 for an unknown adcode (cached per grid). */
function countyGroups(grid: PopulationGrid): Int8Array {
  let groups = countyGroupCache.get(grid);
  if (groups) return groups;
  const byAdcode = new Map(COUNTIES.map((c, i) => [c.adcode, i]));
  groups = new Int8Array(grid.county.length);
  for (let i = 0; i < groups.length; i++) groups[i] = byAdcode.get(grid.county[i] as number) ?? -1;
  countyGroupCache.set(grid, groups);
  return groups;
}

/**
 * Covered cells sorted by minutes (ties by cell index). Minutes are Float32 and non-negative, so
 * their bit patterns sort like the values: key = bits · 2^idxBits + index fits a double exactly
 * and one native Float64Array sort does the job.
 */
function sortByMinutes(cells: Uint32Array, count: number, minutes: Float32Array): Uint32Array {
  const out = new Uint32Array(count);
  const idxBits = Math.max(1, Math.ceil(Math.log2(minutes.length + 1)));
  if (idxBits > 21) {
    out.set(cells.subarray(0, count));
    const at = (i: number): number => Math.max(0, minutes[i] as number);
    out.sort((a, b) => at(a) - at(b) || a - b);
    return out;
  }
  const bits = new Uint32Array(1);
  const asFloat = new Float32Array(bits.buffer);
  const scale = 2 ** idxBits;
  const keys = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const i = cells[k] as number;
    const m = minutes[i] as number;
    asFloat[0] = m > 0 ? m : 0;
    keys[k] = (bits[0] as number) * scale + i;
  }
  keys.sort();
  for (let k = 0; k < count; k++) out[k] = (keys[k] as number) % scale;
  return out;
}

interface GroupAcc {
  population: Float64Array;
  covered: Float64Array;
  reachable: Float64Array;
  /** Σ people · minutes over the covered. */
  minuteSum: Float64Array;
  /** bands[g * (nBands + 1) + b] */
  bands: Float64Array;
}

export function summarise(
  grid: PopulationGrid,
  cellMinutes: Float32Array,
  cellFacility: Int32Array,
  cellSecondMinutes: Float32Array | null,
  thresholdsMin: number[],
  facilityIds: string[],
  facilityIsolated?: boolean[],
  snapDistanceM?: number[],
): CoverageSummaryWithReach {
  checkThresholds(thresholdsMin);
  const n = grid.population.length;
  if (cellMinutes.length !== n || cellFacility.length !== n || (cellSecondMinutes && cellSecondMinutes.length !== n))
    throw new Error(`summarise: per-cell arrays must have ${n} entries (one per grid cell)`);
  const nb = thresholdsMin.length;
  const last = thresholdsMin[nb - 1] as number;
  const nf = facilityIds.length;
  const groups = countyGroups(grid);

  const acc: GroupAcc = {
    population: new Float64Array(N_GROUPS),
    covered: new Float64Array(N_GROUPS),
    reachable: new Float64Array(N_GROUPS),
    minuteSum: new Float64Array(N_GROUPS),
    bands: new Float64Array(N_GROUPS * (nb + 1)),
  };
  const served = new Float64Array(nf);
  const unique = new Float64Array(nf);
  const coveredCells = new Uint32Array(n);
  let coveredCount = 0;
  const memberOf = new Int32Array(3);

  for (let i = 0; i < n; i++) {
    const w = grid.population[i] as number;
    if (!(w > 0)) continue;
    let m = cellMinutes[i] as number;
    if (m < 0) m = 0;
    let band = nb;
    if (m <= last) {
      band = nb - 1;
      for (let k = 0; k < nb - 1; k++)
        if (m < (thresholdsMin[k] as number)) {
          band = k;
          break;
        }
    }
    const countyIndex = groups[i] as number;
    let members = 0;
    memberOf[members++] = G_TOTAL;
    if (countyIndex >= 0) {
      memberOf[members++] = countyIndex;
      memberOf[members++] = COUNTIES[countyIndex]?.mountain ? G_MOUNTAIN : G_OTHER;
    }
    const reachable = m < Infinity;
    for (let k = 0; k < members; k++) {
      const g = memberOf[k] as number;
      acc.population[g] = (acc.population[g] as number) + w;
      const bi = g * (nb + 1) + band;
      acc.bands[bi] = (acc.bands[bi] as number) + w;
      if (band < nb) {
        acc.covered[g] = (acc.covered[g] as number) + w;
        acc.minuteSum[g] = (acc.minuteSum[g] as number) + w * m;
      }
      if (reachable) acc.reachable[g] = (acc.reachable[g] as number) + w;
    }
    if (band < nb) {
      coveredCells[coveredCount++] = i;
      const f = cellFacility[i] as number;
      if (f >= 0 && f < nf) {
        served[f] = (served[f] as number) + w;
        if (cellSecondMinutes && !((cellSecondMinutes[i] as number) <= last)) unique[f] = (unique[f] as number) + w;
      }
    }
  }

  // Weighted percentiles in one sweep over the covered cells in minute order, for two bases at once:
  // everyone (weight total = population; beyond people sit after the last covered cell) and the
  // covered only (weight total = covered).
  const np = PERCENTILES.length;
  const result = new Float64Array(N_GROUPS * SLOTS).fill(NaN);
  /** 0 searching, 1 boundary hit (waiting for the next value), 2 done. */
  const state = new Uint8Array(N_GROUPS * SLOTS);
  const pending = new Float64Array(N_GROUPS * SLOTS);
  const cumulative = new Float64Array(N_GROUPS);
  const lastValue = new Float64Array(N_GROUPS);
  const order = sortByMinutes(coveredCells, coveredCount, cellMinutes);
  for (let k = 0; k < coveredCount; k++) {
    const i = order[k] as number;
    const w = grid.population[i] as number;
    const v = Math.max(0, cellMinutes[i] as number);
    const countyIndex = groups[i] as number;
    let members = 0;
    memberOf[members++] = G_TOTAL;
    if (countyIndex >= 0) {
      memberOf[members++] = countyIndex;
      memberOf[members++] = COUNTIES[countyIndex]?.mountain ? G_MOUNTAIN : G_OTHER;
    }
    for (let mi = 0; mi < members; mi++) {
      const g = memberOf[mi] as number;
      const after = (cumulative[g] as number) + w;
      cumulative[g] = after;
      lastValue[g] = v;
      for (let slot = 0; slot < SLOTS; slot++) {
        const s = g * SLOTS + slot;
        const st = state[s] as number;
        if (st === 2) continue;
        if (st === 1) {
          result[s] = ((pending[s] as number) + v) / 2;
          state[s] = 2;
          continue;
        }
        const total = slot < np ? (acc.population[g] as number) : (acc.covered[g] as number);
        const target = (total * (PERCENTILES[slot % np] as number)) / 100;
        if (Math.abs(after - target) <= 1e-9 * total) {
          pending[s] = v;
          state[s] = 1;
        } else if (after > target) {
          result[s] = v;
          state[s] = 2;
        }
      }
    }
  }
  for (let g = 0; g < N_GROUPS; g++)
    for (let slot = np; slot < SLOTS; slot++) {
      const s = g * SLOTS + slot;
      // Over the covered, a boundary at the very last cell (or rounding at the end): the last value.
      // Over everyone, an unfinished slot stays NaN: the percentile lies beyond the circle.
      if (state[s] !== 2 && (acc.covered[g] as number) > 0) result[s] = lastValue[g] as number;
    }

  const group = (g: number): GroupStatsWithReach => {
    const population = acc.population[g] as number;
    const covered = acc.covered[g] as number;
    const overAll = (p: number): number | null => {
      const v = result[g * SLOTS + p] as number;
      return population > 0 && !Number.isNaN(v) ? v : null;
    };
    const overCovered = (p: number): number | null => (covered > 0 ? (result[g * SLOTS + np + p] as number) : null);
    const p50Minutes = overAll(0);
    const p90Minutes = overAll(1);
    return {
      population,
      covered,
      coveredPct: population > 0 ? (100 * covered) / population : 0,
      p50Minutes,
      p50Beyond: population > 0 && p50Minutes === null,
      p90Minutes,
      p90Beyond: population > 0 && p90Minutes === null,
      meanMinutesAmongCovered: covered > 0 ? (acc.minuteSum[g] as number) / covered : null,
      p50MinutesAmongCovered: overCovered(0),
      p90MinutesAmongCovered: overCovered(1),
      bands: Array.from(acc.bands.subarray(g * (nb + 1), (g + 1) * (nb + 1))),
      reachable: acc.reachable[g] as number,
    };
  };

  const facilities: FacilityStats[] = facilityIds.map((id, f) => ({
    id,
    served: served[f] as number,
    uniquelyCovered: cellSecondMinutes ? (unique[f] as number) : NaN,
    isolated: facilityIsolated?.[f] ?? false,
    snapDistanceM: snapDistanceM?.[f] ?? 0,
  }));

  return {
    total: group(G_TOTAL),
    mountain: group(G_MOUNTAIN),
    other: group(G_OTHER),
    counties: COUNTIES.map((c, g) => ({ ...group(g), adcode: c.adcode, name: c.name, mountain: c.mountain })),
    facilities,
  };
}
