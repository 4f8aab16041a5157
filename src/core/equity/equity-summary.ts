/**
 * The equity review of one coverage run, shared by the app (worker) and the CLI: Gini and Lorenz
 * curve of travel time, the Theil index split into mountain vs other, and the largest coverage
 * gaps. Cheap enough to recompute on every what-if update (one sort, one pass, one flood fill).
 *
 * Values are the run's cellMinutes (metres for a radius run; the indices do not depend on the
 * unit); people beyond the circle follow `beyond` (inequality.ts; default: capped at twice the
 * circle). Groups: "mountain" = the five mountain counties, "other" = every other cell (incl.
 * cells of an unknown county).
 *
 * What the indices cannot say, so the summary carries it alongside (issue 12):
 * - They measure SPREAD, not level: adding a facility that makes nobody worse off can still raise
 *   the Gini (the mean falls faster than the spread). They are read next to the coverage.
 * - The beyond-circle value is an assumption: `byBeyondRule` recomputes Gini and Theil with the
 *   people beyond excluded and capped at 1.5×, 2× and 3× the circle, so a reader sees how much of
 *   the figure is the rule's.
 * - Below MEANINGFUL_COVERED_SHARE covered, `timeInequalityMeaningful` is false (see there).
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

/**
 * The covered share below which time-inequality is reported as not meaningful: one half. Below it
 * the median person is beyond the circle, so most of the weight sits at a value the rule invents
 * (capped) or is left out (excluded), and the index describes the rule or a minority, not the
 * people: a 15-minute walk to 20 hospitals covering 2 % of the city gives Gini 0.013 and a Lorenz
 * curve on the diagonal because nearly everyone is at the same invented cap. It is also the point
 * where the median over everyone stops being a number (coverage/stats.ts): the two agree.
 */
export const MEANINGFUL_COVERED_SHARE = 0.5;

/** Multiples of the circle the beyond-circle value is shown at, beside the excluded variant. */
export const BEYOND_CAP_MULTIPLES = [1.5, 2, 3] as const;

export interface InequalityVariant {
  rule: BeyondRule;
  /** People counted under this rule. */
  population: number;
  gini: number;
  theil: number;
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
  /** Of everyone living in the grid (whatever the rule): share covered / beyond the circle, 0 … 1. */
  coveredShare: number;
  beyondShare: number;
  /** False below MEANINGFUL_COVERED_SHARE covered: the indices then describe the rule, not the people. */
  timeInequalityMeaningful: boolean;
  /** Gini and Theil with the people beyond excluded, then capped at 1.5×, 2×, 3× the circle. */
  byBeyondRule: InequalityVariant[];
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

/**
 * Gini and Theil under the excluded rule and each cap multiple. One sort serves every cap: covered
 * values are ≤ the circle < any cap and the capped people tie (index order), so the order is the
 * same for all caps; the excluded variant uses it too, with the beyond people at weight 0.
 */
function beyondVariants(
  cellMinutes: ArrayLike<number>,
  population: ArrayLike<number>,
  circle: number,
): InequalityVariant[] {
  const rules: BeyondRule[] = [
    { kind: 'exclude' },
    ...BEYOND_CAP_MULTIPLES.map((k): BeyondRule => ({ kind: 'cap', capMinutes: k * circle })),
  ];
  const all = rules.map((rule) => accessTimes(cellMinutes, population, circle, rule));
  const firstCap = all[1]!;
  const order = sortByValue(firstCap.values, firstCap.weights);
  return rules.map((rule, k) => {
    const times = all[k]!;
    const { gini, population: counted } = giniLorenz(times.values, times.weights, 2, order);
    return { rule, population: counted, gini, theil: theil(times.values, times.weights).total };
  });
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
  const everyone = main.population + times.excludedPopulation;
  const beyondPopulation = times.cappedPopulation + times.excludedPopulation;
  const coveredShare = everyone > 0 ? (everyone - beyondPopulation) / everyone : NaN;
  const byBeyondRule = beyondVariants(result.cellMinutes, grid.population, circle);
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
    coveredShare,
    beyondShare: everyone > 0 ? beyondPopulation / everyone : NaN,
    timeInequalityMeaningful: coveredShare >= MEANINGFUL_COVERED_SHARE,
    byBeyondRule,
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
