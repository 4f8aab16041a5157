/**
 * The equity review of one coverage run, shared by the app (worker) and the CLI: Gini and Lorenz
 * curve of travel time, the Theil index split into mountain vs other, and the largest coverage
 * gaps. Cheap enough to recompute on every what-if update (one sort, one pass, one flood fill).
 *
 * Values are the run's cellMinutes (metres for a radius run; the indices do not depend on the
 * unit); people beyond the circle follow `beyond` (inequality.ts; default: capped at twice the
 * circle). Groups: "mountain" = the five mountain counties, "other" = every other cell (incl.
 * cells of an unknown county).
 */
import { MOUNTAIN_ADCODES } from '../../shared/counties';
import type { CoverageResult, PopulationGrid } from '../../shared/coverage';
import { findGaps, type CoverageGap, type Neighbourhood } from './gaps';
import {
  accessTimes,
  defaultBeyondRule,
  giniLorenz,
  sortByValue,
  theil,
  type BeyondRule,
  type LorenzCurve,
  type TheilGroup,
} from './inequality';

export interface EquityOptions {
  /** People beyond the circle: capped (default: at twice the circle) or excluded. */
  beyond?: BeyondRule;
  /** Gap contiguity (default 8). */
  neighbours?: Neighbourhood;
  /** Gaps returned (default 50). */
  gapLimit?: number;
  /** Lorenz samples (default 101: every percent). */
  lorenzPoints?: number;
}

export interface EquitySummary {
  /** The circle (last threshold) of the run, and its unit. */
  circle: number;
  unit: 'minutes' | 'metres';
  beyond: BeyondRule;
  /** People counted in the indices, and those beyond the circle capped / excluded. */
  population: number;
  cappedPopulation: number;
  excludedPopulation: number;
  /** Population-weighted mean of the values used. */
  mean: number;
  gini: number;
  /** Gini within each group. */
  giniMountain: number;
  giniOther: number;
  lorenz: LorenzCurve;
  theil: {
    total: number;
    between: number;
    within: number;
    mountain: TheilGroup;
    other: TheilGroup;
  };
  gaps: CoverageGap[];
  gapCount: number;
  uncoveredPopulation: number;
  computeMs: number;
}

const mountainCache = new WeakMap<PopulationGrid, Uint8Array>();

/** Per cell: 0 = mountain county, 1 = other (cached per grid). */
function mountainGroups(grid: PopulationGrid): Uint8Array {
  let groups = mountainCache.get(grid);
  if (groups) return groups;
  const mountain = new Set(MOUNTAIN_ADCODES);
  groups = new Uint8Array(grid.county.length);
  for (let i = 0; i < groups.length; i++) groups[i] = mountain.has(grid.county[i] as number) ? 0 : 1;
  mountainCache.set(grid, groups);
  return groups;
}

export function equitySummary(
  output: { result: CoverageResult },
  grid: PopulationGrid,
  options: EquityOptions = {},
): EquitySummary {
  const started = performance.now();
  const { result } = output;
  const { request } = result;
  const thresholds = request.method === 'network' ? request.thresholdsMin : request.radiiM;
  const circle = thresholds[thresholds.length - 1];
  if (circle === undefined) throw new Error('equity: the run has no threshold');
  if (result.cellMinutes.length !== grid.population.length) throw new Error('equity: the run is for another grid');
  const beyond = options.beyond ?? defaultBeyondRule(circle);
  const times = accessTimes(result.cellMinutes, grid.population, circle, beyond);
  const groups = mountainGroups(grid);
  const order = sortByValue(times.values, times.weights);
  const main = giniLorenz(times.values, times.weights, options.lorenzPoints ?? 101, order);
  const groupGini = (g: number) =>
    giniLorenz(
      times.values,
      times.weights,
      2,
      order.filter((i) => groups[i] === g),
    ).gini;
  const t = theil(times.values, times.weights, groups, 2);
  const gaps = findGaps(grid, result.cellMinutes, result.cellFacility, circle, request.facilities, {
    neighbours: options.neighbours ?? 8,
    limit: options.gapLimit ?? 50,
  });
  return {
    circle,
    unit: request.method === 'network' ? 'minutes' : 'metres',
    beyond,
    population: main.population,
    cappedPopulation: times.cappedPopulation,
    excludedPopulation: times.excludedPopulation,
    mean: main.mean,
    gini: main.gini,
    giniMountain: groupGini(0),
    giniOther: groupGini(1),
    lorenz: main.lorenz,
    theil: { total: t.total, between: t.between, within: t.within, mountain: t.groups[0]!, other: t.groups[1]! },
    gaps: gaps.gaps,
    gapCount: gaps.gapCount,
    uncoveredPopulation: gaps.uncoveredPopulation,
    computeMs: performance.now() - started,
  };
}
