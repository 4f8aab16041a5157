/**
 * Nearest road vertex for a point, on a kdbush index. Used to tell whether imported points sit on
 * the (WGS-84) road network or are shifted off it by a wrong coordinate system.
 */
import type { Geometry } from 'geojson';
import KDBush from 'kdbush';

/** Wenzhou's latitude: scaling longitudes by cos(28°) makes index distances isotropic there. */
const REFERENCE_LAT = 28;
const KX = Math.cos((REFERENCE_LAT * Math.PI) / 180);
const M_PER_DEG = 111_195;

export interface RoadVertexIndex {
  readonly size: number;
  /** Metres to the nearest vertex, or Infinity when none is within maxMetres. */
  nearestMetres(lon: number, lat: number, maxMetres: number): number;
}

/** Flat [lon0, lat0, lon1, lat1, …] of every line vertex, for buildRoadVertexIndex. */
export function lineVertices(geometries: Iterable<Geometry | null | undefined>): Float64Array {
  const out: number[] = [];
  const add = (line: number[][]): void => {
    for (const [x, y] of line) if (x !== undefined && y !== undefined) out.push(x, y);
  };
  for (const g of geometries) {
    if (g?.type === 'LineString') add(g.coordinates);
    else if (g?.type === 'MultiLineString') g.coordinates.forEach(add);
  }
  return Float64Array.from(out);
}

export function buildRoadVertexIndex(flatLonLat: ArrayLike<number>): RoadVertexIndex {
  const n = Math.floor(flatLonLat.length / 2);
  const index = new KDBush(Math.max(n, 1));
  for (let i = 0; i < n; i++) index.add((flatLonLat[2 * i] ?? 0) * KX, flatLonLat[2 * i + 1] ?? 0);
  if (n === 0) index.add(Infinity, Infinity);
  index.finish();
  const { ids, coords, nodeSize } = index;

  /**
   * Branch-and-bound walk of kdbush's implicit tree (the layout geokdbush also relies on):
   * ranges are [left, right] sorted alternately by x and y around their middle element.
   */
  function nearestDeg(qx: number, qy: number, maxDeg: number): number {
    let best2 = maxDeg * maxDeg;
    const stack: number[] = [0, ids.length - 1, 0, 0];
    while (stack.length > 0) {
      const bound2 = stack.pop() ?? 0;
      const axis = stack.pop() ?? 0;
      const right = stack.pop() ?? 0;
      const left = stack.pop() ?? 0;
      if (bound2 >= best2) continue;
      if (right - left <= nodeSize) {
        for (let i = left; i <= right; i++) {
          const dx = (coords[2 * i] ?? 0) - qx;
          const dy = (coords[2 * i + 1] ?? 0) - qy;
          best2 = Math.min(best2, dx * dx + dy * dy);
        }
        continue;
      }
      const m = (left + right) >> 1;
      const mx = coords[2 * m] ?? 0;
      const my = coords[2 * m + 1] ?? 0;
      best2 = Math.min(best2, (mx - qx) ** 2 + (my - qy) ** 2);
      const delta = axis === 0 ? qx - mx : qy - my;
      const nextAxis = 1 - axis;
      // Far side pushed first (searched last) with the squared distance to the splitting line as bound.
      if (delta < 0) {
        stack.push(m + 1, right, nextAxis, delta * delta, left, m - 1, nextAxis, 0);
      } else {
        stack.push(left, m - 1, nextAxis, delta * delta, m + 1, right, nextAxis, 0);
      }
    }
    return best2 < maxDeg * maxDeg ? Math.sqrt(best2) : Infinity;
  }

  return {
    size: n,
    nearestMetres(lon, lat, maxMetres) {
      const d = nearestDeg(lon * KX, lat, maxMetres / M_PER_DEG);
      return d * M_PER_DEG;
    },
  };
}
