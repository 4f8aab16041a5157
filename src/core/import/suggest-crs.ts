/**
 * "Your points look shifted": most Chinese online maps publish GCJ-02 (百度: BD-09), and a list
 * copied from them but declared WGS-84 lands a few hundred metres off every road. For each
 * hypothesis the points are converted and their median distance to the nearest road vertex is
 * compared; the road network is WGS-84.
 */
import { COORDINATE_SYSTEMS, type CoordinateSystem } from '../../shared/facilities';
import type { RoadVertexIndex } from '../geo/road-vertex-index';
import { toWgs84, type LonLat } from './convert-crs';

export interface CrsSuggestion {
  /** Median metres to the nearest road vertex per hypothesis (capped at `capMetres`). */
  medians: Record<CoordinateSystem, number>;
  /** The hypothesis with the smallest median. */
  best: CoordinateSystem;
  /** Set only when `best` is clearly better than the chosen system; the UI then offers to switch. */
  suggest: CoordinateSystem | null;
  sampled: number;
}

export interface SuggestOptions {
  /** Suggest only when best median < ratio × the chosen one's. */
  ratio?: number;
  /** Fewer points than this say too little about a systematic shift. */
  minPoints?: number;
  /** Enough to see a systematic shift; keeps the check instant for 50,000 rows. */
  maxSample?: number;
  /** Distances are capped: a point far from any road (mountains, sea) should not dominate. */
  capMetres?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** Evenly spaced sample (deterministic, keeps the file's spatial spread). */
function sample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)] as T);
}

/**
 * `points` are as they are in the file (before any conversion); `chosen` is what the user picked.
 * Returns null when there are too few points or no road vertices to judge by.
 */
export function suggestCrs(
  points: readonly LonLat[],
  roads: RoadVertexIndex,
  chosen: CoordinateSystem,
  options: SuggestOptions = {},
): CrsSuggestion | null {
  const { ratio = 0.6, minPoints = 5, maxSample = 500, capMetres = 3000 } = options;
  const picked = sample(points, maxSample);
  if (picked.length < minPoints || roads.size === 0) return null;
  const medians = {} as Record<CoordinateSystem, number>;
  for (const crs of COORDINATE_SYSTEMS) {
    const distances = picked.map((p) => {
      const [lon, lat] = toWgs84(p, crs);
      return Math.min(roads.nearestMetres(lon, lat, capMetres), capMetres);
    });
    medians[crs] = median(distances);
  }
  const best = COORDINATE_SYSTEMS.reduce((a, b) => (medians[b] < medians[a] ? b : a));
  const suggest = best !== chosen && medians[best] < ratio * medians[chosen] ? best : null;
  return { medians, best, suggest, sampled: picked.length };
}
