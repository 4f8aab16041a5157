/**
 * The coverage analyses the app's worker and the CLI both run, so neither keeps a copy of the
 * other's orchestration: a run with its equity review, and a scenario (facilities closed or
 * proposed) on top of a finished run. Siting on a run is `siteFacilities` (equity/siting.ts) and
 * 2SFCA with its map classing is `analyseTwoStep` (two-step.ts).
 *
 * A scenario re-uses the base run where the engine allows it: facilities only added to a network
 * run go through `addFacilityToRun` (one bounded search per added facility against the stored best
 * and second-best times); a closure, or a radius run, needs the full run again.
 */
import type { FeatureCollection } from 'geojson';
import type { CoverageFacility, CoverageRequest, TravelProfile } from '../../shared/coverage';
import type { TravelProfileSpec } from '../../shared/travel-profiles';
import { addFacilityToRun } from '../coverage/incremental';
import { coverageBands } from '../coverage/polygons';
import { runCoverage, type CoverageData, type CoverageHooks, type CoverageRunOutput } from '../coverage/run-coverage';
import { uncoveredPoints } from '../coverage/uncovered';
import { equitySummary, type EquityOptions, type EquitySummary } from '../equity/equity-summary';

/** A run and its equity review (Gini, Lorenz, Theil, largest gaps). */
export interface CoverageAnalysis extends CoverageRunOutput {
  equity: EquitySummary;
}

export interface AnalysisOptions {
  /** No band polygons and no uncovered points (empty collections): live what-if previews. */
  numbersOnly?: boolean;
  /** Keep every road node's time and nearest facility (CLI --node-times). */
  keepNodeTimes?: boolean;
  equity?: EquityOptions;
}

export type AnalysisHooks = Pick<CoverageHooks, 'onProgress' | 'shouldCancel'>;

/** Changes on top of a base run, as the what-if and a saved scenario describe them. */
export interface ScenarioChange {
  /** Facilities added after the base run's own, in this order, named as they should be reported. */
  proposed: readonly CoverageFacility[];
  /** Ids of base facilities taken out. */
  closed: readonly string[];
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** One coverage run and its equity review; null when cancelled. */
export function analyseCoverage(
  data: CoverageData,
  request: CoverageRequest,
  profiles: Record<TravelProfile, TravelProfileSpec>,
  options: AnalysisOptions = {},
  hooks: AnalysisHooks = {},
): CoverageAnalysis | null {
  const run = runCoverage(data, request, profiles, {
    ...hooks,
    numbersOnly: options.numbersOnly === true,
    keepNodeTimes: options.keepNodeTimes === true,
  });
  if (!run) return null;
  return { ...run, equity: equitySummary(run, data.grid, options.equity) };
}

/** The base run's request with the closed facilities removed and the proposed ones appended. */
export function scenarioRequest(base: CoverageRequest, change: ScenarioChange): CoverageRequest {
  const closed = new Set(change.closed);
  return {
    ...base,
    facilities: [...base.facilities.filter((f) => !closed.has(f.id)), ...change.proposed],
  };
}

/** Whether the change can be applied to the base run without running it again. */
export function isIncrementalChange(base: CoverageRequest, change: ScenarioChange): boolean {
  const closed = new Set(change.closed);
  return base.method === 'network' && !base.facilities.some((f) => closed.has(f.id));
}

function thresholdsOf(request: CoverageRequest): number[] {
  return request.method === 'network' ? request.thresholdsMin : request.radiiM;
}

/**
 * The layers (band polygons, uncovered points) of a run computed with `numbersOnly`, drawn from
 * its per-cell values as a full run would have drawn them.
 */
export function withLayers<T extends CoverageRunOutput>(data: CoverageData, run: T): T {
  if (run.bands.features.length > 0 || run.uncovered.features.length > 0) return run;
  const thresholds = thresholdsOf(run.result.request);
  const values = run.result.cellMinutes;
  return {
    ...run,
    bands: coverageBands(data.grid, values, thresholds),
    uncovered: uncoveredPoints(data.grid, values, thresholds[thresholds.length - 1]!),
  };
}

/**
 * A scenario on top of a finished base run: the same figures as `analyseCoverage` on
 * `scenarioRequest(base, change)`, computed incrementally where it applies. Null when cancelled.
 */
export function analyseScenario(
  data: CoverageData,
  profiles: Record<TravelProfile, TravelProfileSpec>,
  base: CoverageRunOutput,
  change: ScenarioChange,
  options: AnalysisOptions = {},
  hooks: AnalysisHooks = {},
): CoverageAnalysis | null {
  const request = base.result.request;
  if (!isIncrementalChange(request, change))
    return analyseCoverage(data, scenarioRequest(request, change), profiles, options, hooks);
  const started = performance.now();
  let run = base;
  change.proposed.forEach((facility, k) => {
    // Only the last addition's layers are ever drawn.
    const last = k === change.proposed.length - 1;
    run = addFacilityToRun(data, profiles, run, facility, { numbersOnly: !last || options.numbersOnly === true });
  });
  if (change.proposed.length === 0) {
    // Nothing changed: the base itself (without the road-node times a CLI run may keep).
    const { nodeTimes: _unused, ...numbers } = base;
    run = options.numbersOnly ? { ...numbers, bands: EMPTY, uncovered: EMPTY } : withLayers(data, numbers);
  }
  const result = { ...run.result, computeMs: performance.now() - started };
  return { ...run, result, equity: equitySummary(run, data.grid, options.equity) };
}
