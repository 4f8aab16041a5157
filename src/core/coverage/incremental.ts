/**
 * Adding one facility to a finished network run without redoing it: one bounded single-source
 * search from the new facility, then a per-cell minimum against the stored best and second-best
 * times. This is what makes what-if dragging interactive.
 */
import type { FeatureCollection } from 'geojson';
import type { CoverageFacility, TravelProfile } from '../../shared/coverage';
import type { TravelProfileSpec } from '../../shared/travel-profiles';
import { multiSourceSearch } from '../routing/multi-source';
import { coverageBands } from './polygons';
import { profileContext, type CoverageData, type CoverageRunOutput } from './run-coverage';
import { summarise } from './stats';
import { uncoveredPoints } from './uncovered';

export interface IncrementalOptions {
  /** Skip the polygons (the slowest part) while the user is still dragging; keeps the base's. */
  withBands?: boolean;
  /**
   * Numbers only: no polygons and no uncovered points (empty collections), as a coverage run's
   * `numbersOnly`. For chained additions, where only the last one's layers are drawn.
   */
  numbersOnly?: boolean;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function addFacilityToRun(
  data: CoverageData,
  profiles: Record<TravelProfile, TravelProfileSpec>,
  base: CoverageRunOutput,
  facility: CoverageFacility,
  options: IncrementalOptions = {},
): CoverageRunOutput {
  const started = performance.now();
  const { request } = base.result;
  if (request.method !== 'network') throw new Error('incremental updates need a network run');
  const spec = profiles[request.profile];
  const ctx = profileContext(data, request.profile, spec);
  const { grid } = data;
  const source = request.facilities.length;
  const hit = ctx.nodeIndex.nearest(facility.lon, facility.lat);
  const accessMps = (spec.accessKmh * 1000) / 3600;
  const maxSeconds = Math.max(...request.thresholdsMin) * 60;
  const search = hit
    ? multiSourceSearch(data.graph, ctx.seconds, [{ node: hit.node, seconds: hit.distanceM / accessMps, source: 0 }], {
        maxSeconds,
      })
    : null;

  const cellMinutes = new Float32Array(base.result.cellMinutes);
  const cellFacility = new Int32Array(base.result.cellFacility);
  const cellSecond = new Float32Array(base.cellSecond);
  if (search) {
    for (let i = 0; i < cellMinutes.length; i++) {
      const node = ctx.cellNode[i]!;
      if (node < 0) continue;
      const t = search.bestSeconds[node]!;
      if (!Number.isFinite(t)) continue;
      const minutes = (t + ctx.cellAccessSeconds[i]!) / 60;
      if (minutes < cellMinutes[i]!) {
        cellSecond[i] = cellMinutes[i]!;
        cellMinutes[i] = minutes;
        cellFacility[i] = source;
      } else if (minutes < cellSecond[i]!) {
        cellSecond[i] = minutes;
      }
    }
  }
  const facilities = [...request.facilities, facility];
  const isolated = [
    ...base.result.facilities.map((f) => f.isolated),
    hit ? ctx.component[hit.node] !== ctx.mainComponent : true,
  ];
  const snap = [...base.result.facilities.map((f) => f.snapDistanceM), hit?.distanceM ?? Infinity];
  const thresholds = request.thresholdsMin;
  const summary = summarise(
    grid,
    cellMinutes,
    cellFacility,
    cellSecond,
    thresholds,
    facilities.map((f) => f.id),
    isolated,
    snap,
  );
  const bands = options.numbersOnly
    ? EMPTY
    : options.withBands === false
      ? base.bands
      : coverageBands(grid, cellMinutes, thresholds);
  return {
    result: {
      ...summary,
      request: { ...request, facilities },
      cellMinutes,
      cellFacility,
      isolatedPopulation: base.result.isolatedPopulation,
      dataVersion: data.dataVersion,
      computeMs: performance.now() - started,
    },
    bands,
    uncovered: options.numbersOnly ? EMPTY : uncoveredPoints(grid, cellMinutes, thresholds[thresholds.length - 1]!),
    cellSecond,
  };
}
