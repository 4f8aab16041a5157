/**
 * Nearest graph node to a point, exact in an equirectangular projection centred on Wenzhou
 * (27.9°N), where distortion across the city's extent is below 1 %.
 */
import KDBush from 'kdbush';
import type { RoutingGraph } from './graph';

export const PROJECTION_LAT = 27.9;
/** Metres per degree of latitude on a sphere of the mean Earth radius. */
const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;
const KX = Math.cos((PROJECTION_LAT * Math.PI) / 180) * M_PER_DEG;

/** The projection used: x east, y north, metres. */
export function projectMetres(lon: number, lat: number): [number, number] {
  return [lon * KX, lat * M_PER_DEG];
}

export interface NearestNode {
  node: number;
  /** Straight-line metres in the projection. */
  distanceM: number;
}

export interface NodeIndex {
  /** Usable nodes indexed. */
  readonly size: number;
  /** Nearest usable node (lowest node id among equally near ones); null if none (within maxDistanceM). */
  nearest(lon: number, lat: number, maxDistanceM?: number): NearestNode | null;
}

export function buildNodeIndex(graph: RoutingGraph, usable?: (node: number) => boolean): NodeIndex {
  const nodes: number[] = [];
  for (let u = 0; u < graph.nodeCount; u++) if (!usable || usable(u)) nodes.push(u);
  const size = nodes.length;
  const index = new KDBush(Math.max(size, 1));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const xs = new Float64Array(size);
  const ys = new Float64Array(size);
  nodes.forEach((u, i) => {
    const [x, y] = projectMetres(graph.lon[u] ?? 0, graph.lat[u] ?? 0);
    xs[i] = x;
    ys[i] = y;
    index.add(x, y);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  });
  if (size === 0) index.add(0, 0);
  index.finish();
  const found: number[] = [];

  return {
    size,
    nearest(lon, lat, maxDistanceM = Infinity) {
      if (size === 0 || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
      const [qx, qy] = projectMetres(lon, lat);
      // Any radius at least this large holds every indexed node.
      const dx = Math.max(minX - qx, 0, qx - maxX);
      const dy = Math.max(minY - qy, 0, qy - maxY);
      const covering = Math.hypot(dx, dy) + Math.hypot(maxX - minX, maxY - minY) + 1;
      const limit = Math.min(maxDistanceM, covering);
      // Growing radius: every node within r is returned, so the best of a non-empty answer is exact.
      let r = Math.min(limit, Math.max(64, Math.hypot(dx, dy) * 1.01));
      for (;;) {
        found.length = 0;
        const count = index.withinInto(qx, qy, r, found);
        if (count > 0) {
          let best = -1;
          let bestD2 = Infinity;
          for (let i = 0; i < count; i++) {
            const k = found[i] ?? 0;
            const d2 = ((xs[k] ?? 0) - qx) ** 2 + ((ys[k] ?? 0) - qy) ** 2;
            const node = nodes[k] ?? 0;
            if (d2 < bestD2 || (d2 === bestD2 && node < (nodes[best] ?? Infinity))) {
              bestD2 = d2;
              best = k;
            }
          }
          return { node: nodes[best] ?? 0, distanceM: Math.sqrt(bestD2) };
        }
        if (r >= limit) return null;
        r = Math.min(limit, r * 2);
      }
    },
  };
}
