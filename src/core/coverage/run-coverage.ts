/**
 * One coverage run: facilities → per-cell minutes → statistics and map layers. The network method
 * runs ONE multi-source search from every facility at once (not one isochrone per facility);
 * the radius method uses a spatial index. Both give the same outputs.
 */
import type { FeatureCollection } from 'geojson';
import type { CoverageRequest, CoverageResult, PopulationGrid, TravelProfile } from '../../shared/coverage';
import { ROAD_CLASSES } from '../../shared/data-contract';
import type { TravelProfileSpec } from '../../shared/travel-profiles';
import type { RoutingGraph } from '../routing/graph';
import { connectedComponents } from '../routing/components';
import { multiSourceSearch } from '../routing/multi-source';
import { buildNodeIndex } from '../routing/nearest-node';
import { edgeSeconds } from '../routing/profiles';
import { coverageBands } from './polygons';
import { radiusNearest } from './radius';
import { summarise } from './stats';
import { uncoveredPoints } from './uncovered';

const EXPRESSWAY = ROAD_CLASSES.indexOf('expressway');

export interface CoverageData {
  graph: RoutingGraph;
  grid: PopulationGrid;
  dataVersion: string;
}

export type CoveragePhaseName = 'snapping' | 'routing' | 'summarising' | 'drawing';

export interface CoverageHooks {
  onProgress?: (phase: CoveragePhaseName, fraction: number) => void;
  shouldCancel?: () => boolean;
  /** Keep every road node's time and nearest facility (CLI --node-times, cross-checks). */
  keepNodeTimes?: boolean;
  /** Skip the band polygons and the heat points: numbers only, for live what-if previews. */
  numbersOnly?: boolean;
}

export interface CoverageRunOutput {
  result: CoverageResult;
  bands: FeatureCollection;
  uncovered: FeatureCollection;
  nodeTimes?: { seconds: Float64Array; source: Int32Array };
  /** Per cell: minutes (or metres) to the nearest OTHER facility; what incremental updates build on. */
  cellSecond: Float32Array;
}

/** Everything that depends only on the data and the travel profile, computed once and reused. */
export interface ProfileContext {
  seconds: Float32Array;
  mainComponent: number;
  component: Uint32Array;
  /** Per grid cell: nearest usable road node and the walking seconds to reach it. */
  cellNode: Int32Array;
  cellAccessSeconds: Float64Array;
  nodeIndex: ReturnType<typeof buildNodeIndex>;
}

const profileCache = new WeakMap<CoverageData, Map<string, ProfileContext>>();

export function profileContext(data: CoverageData, profile: TravelProfile, spec: TravelProfileSpec): ProfileContext {
  const key = `${profile}:${JSON.stringify(spec)}`;
  let byProfile = profileCache.get(data);
  if (!byProfile) profileCache.set(data, (byProfile = new Map()));
  const cached = byProfile.get(key);
  if (cached) return cached;

  const { graph, grid } = data;
  const seconds = edgeSeconds(graph, spec);
  const { component, main } = connectedComponents(graph, seconds);
  // Where a facility or a home can join the network: a node with a usable edge that is not an
  // expressway (nobody gets on an expressway between interchanges).
  const usable = new Uint8Array(graph.nodeCount);
  for (let node = 0; node < graph.nodeCount; node++) {
    for (let e = graph.offsets[node]!; e < graph.offsets[node + 1]!; e++) {
      if (Number.isFinite(seconds[e]!) && graph.roadClass[graph.edgeId[e]!] !== EXPRESSWAY) {
        usable[node] = 1;
        break;
      }
    }
  }
  const nodeIndex = buildNodeIndex(graph, (node) => usable[node] === 1);
  const accessMps = (spec.accessKmh * 1000) / 3600;
  const cellCount = grid.population.length;
  const cellNode = new Int32Array(cellCount).fill(-1);
  const cellAccessSeconds = new Float64Array(cellCount).fill(Infinity);
  for (let i = 0; i < cellCount; i++) {
    const hit = nodeIndex.nearest(grid.lon[i]!, grid.lat[i]!);
    if (!hit) continue;
    cellNode[i] = hit.node;
    cellAccessSeconds[i] = hit.distanceM / accessMps;
  }
  const context = { seconds, mainComponent: main, component, cellNode, cellAccessSeconds, nodeIndex };
  byProfile.set(key, context);
  return context;
}

function networkMinutes(
  data: CoverageData,
  request: CoverageRequest,
  spec: TravelProfileSpec,
  hooks: CoverageHooks,
): {
  cellMinutes: Float32Array;
  cellFacility: Int32Array;
  cellSecondMinutes: Float32Array;
  isolated: boolean[];
  snapDistanceM: number[];
  isolatedPopulation: number;
  nodeTimes: { seconds: Float64Array; source: Int32Array };
} | null {
  const { graph, grid } = data;
  hooks.onProgress?.('snapping', 0);
  const ctx = profileContext(data, request.profile, spec);
  const accessMps = (spec.accessKmh * 1000) / 3600;
  const seeds: { node: number; seconds: number; source: number }[] = [];
  const isolated: boolean[] = [];
  const snapDistanceM: number[] = [];
  request.facilities.forEach((facility, source) => {
    const hit = ctx.nodeIndex.nearest(facility.lon, facility.lat);
    if (!hit) {
      isolated.push(true);
      snapDistanceM.push(Infinity);
      return;
    }
    isolated.push(ctx.component[hit.node] !== ctx.mainComponent);
    snapDistanceM.push(hit.distanceM);
    seeds.push({ node: hit.node, seconds: hit.distanceM / accessMps, source });
  });
  const maxMinutes = Math.max(...request.thresholdsMin);
  hooks.onProgress?.('routing', 0);
  const search = multiSourceSearch(graph, ctx.seconds, seeds, {
    // Cells add their own access leg, so search a little past the largest threshold is not needed:
    // a node beyond it cannot give a cell within it.
    maxSeconds: maxMinutes * 60,
    secondBest: true,
    onProgress: (fraction) => hooks.onProgress?.('routing', fraction),
    shouldCancel: hooks.shouldCancel,
  });
  if (search.cancelled) return null;

  const cellCount = grid.population.length;
  const cellMinutes = new Float32Array(cellCount).fill(Infinity);
  const cellSecondMinutes = new Float32Array(cellCount).fill(Infinity);
  const cellFacility = new Int32Array(cellCount).fill(-1);
  let isolatedPopulation = 0;
  for (let i = 0; i < cellCount; i++) {
    const node = ctx.cellNode[i]!;
    if (node < 0) continue;
    if (ctx.component[node] !== ctx.mainComponent) isolatedPopulation += grid.population[i]!;
    const access = ctx.cellAccessSeconds[i]!;
    const best = search.bestSeconds[node]!;
    if (Number.isFinite(best)) {
      cellMinutes[i] = (best + access) / 60;
      cellFacility[i] = search.bestSource[node]!;
    }
    const second = search.secondSeconds[node]!;
    if (Number.isFinite(second)) cellSecondMinutes[i] = (second + access) / 60;
  }
  return {
    cellMinutes,
    cellFacility,
    cellSecondMinutes,
    isolated,
    snapDistanceM,
    isolatedPopulation,
    nodeTimes: { seconds: search.bestSeconds, source: search.bestSource },
  };
}

function radiusMinutes(data: CoverageData, request: CoverageRequest) {
  // Radius runs report distances: thresholds are metres and "minutes" hold metres / 1000 × 60 / 4.8,
  // i.e. straight-line walking minutes, so both methods fill the same statistics.
  const maxRadius = Math.max(...request.radiiM);
  const near = radiusNearest(data.grid, request.facilities, maxRadius);
  return {
    cellDistanceM: near.distanceM,
    cellFacility: near.facility,
    cellSecondDistanceM: near.secondDistanceM,
  };
}

export function runCoverage(
  data: CoverageData,
  request: CoverageRequest,
  profiles: Record<TravelProfile, TravelProfileSpec>,
  hooks: CoverageHooks = {},
): CoverageRunOutput | null {
  const started = performance.now();
  const { grid } = data;
  const ids = request.facilities.map((f) => f.id);
  let cellValues: Float32Array;
  let cellFacility: Int32Array;
  let cellSecond: Float32Array;
  let thresholds: number[];
  let isolated: boolean[] = ids.map(() => false);
  let snapDistanceM: number[] = ids.map(() => 0);
  let isolatedPopulation = 0;
  let nodeTimes: CoverageRunOutput['nodeTimes'];

  if (request.method === 'network') {
    const out = networkMinutes(data, request, profiles[request.profile], hooks);
    if (!out) return null;
    ({
      cellMinutes: cellValues,
      cellFacility,
      cellSecondMinutes: cellSecond,
      isolated,
      snapDistanceM,
      isolatedPopulation,
    } = out);
    if (hooks.keepNodeTimes) nodeTimes = out.nodeTimes;
    thresholds = [...request.thresholdsMin];
  } else {
    const out = radiusMinutes(data, request);
    cellValues = out.cellDistanceM;
    cellFacility = out.cellFacility;
    cellSecond = out.cellSecondDistanceM;
    thresholds = [...request.radiiM];
  }
  if (hooks.shouldCancel?.()) return null;

  hooks.onProgress?.('summarising', 0);
  const summary = summarise(grid, cellValues, cellFacility, cellSecond, thresholds, ids, isolated, snapDistanceM);
  hooks.onProgress?.('drawing', 0);
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const bands = hooks.numbersOnly ? empty : coverageBands(grid, cellValues, thresholds);
  const uncovered = hooks.numbersOnly ? empty : uncoveredPoints(grid, cellValues, thresholds[thresholds.length - 1]!);
  const result: CoverageResult = {
    ...summary,
    request,
    cellMinutes: cellValues,
    cellFacility,
    isolatedPopulation,
    dataVersion: data.dataVersion,
    computeMs: performance.now() - started,
  };
  const output: CoverageRunOutput = { result, bands, uncovered, cellSecond };
  if (nodeTimes) output.nodeTimes = nodeTimes;
  return output;
}
