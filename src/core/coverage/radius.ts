/**
 * Straight-line ("radius") coverage: for every grid cell, the nearest facility and the nearest
 * other one, both within a maximum radius.
 *
 * Facilities go into a kdbush tree in the grid's local projection (equirectangular at 27.9°N,
 * src/core/population/projection.ts); each cell walks the tree branch-and-bound for its two nearest
 * facilities. Distances themselves are great-circle distances on the same sphere as @turf/distance
 * (R = 6,371,008.8 m, computed from the chord between unit vectors), so they carry no projection
 * error at all: the projection only decides which tree nodes can be skipped, and the pruning bound
 * is shrunk by the projection's worst east–west scale over the data (< 0.8 % over Wenzhou) plus a
 * 0.1 % margin, so no facility that could be nearer is ever skipped.
 */
import KDBush from 'kdbush';
import type { PopulationGrid } from '../../shared/coverage';
import { EARTH_RADIUS_M, GRID_LAT0, M_PER_DEG_LAT, M_PER_DEG_LON } from '../population/projection';

export interface RadiusNearest {
  /** Metres to the nearest facility; Infinity when none is within maxRadiusM. */
  distanceM: Float32Array;
  /** Index into `facilities` of the nearest (ties: the lower index); −1 when none within maxRadiusM. */
  facility: Int32Array;
  /** Metres to the nearest *other* facility within maxRadiusM (Infinity when none): for unique coverage. */
  secondDistanceM: Float32Array;
}

const RAD = Math.PI / 180;

interface UnitVectors {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

function unitVectors(lon: ArrayLike<number>, lat: ArrayLike<number>): UnitVectors {
  const n = lon.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const phi = (lat[i] as number) * RAD;
    const lambda = (lon[i] as number) * RAD;
    const c = Math.cos(phi);
    x[i] = c * Math.cos(lambda);
    y[i] = c * Math.sin(lambda);
    z[i] = Math.sin(phi);
  }
  return { x, y, z };
}

const gridVectors = new WeakMap<PopulationGrid, UnitVectors>();

function cellVectors(grid: PopulationGrid): UnitVectors {
  let v = gridVectors.get(grid);
  if (!v) gridVectors.set(grid, (v = unitVectors(grid.lon, grid.lat)));
  return v;
}

/** Great-circle metres from a squared chord between unit vectors. */
function chord2ToMetres(c2: number): number {
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(c2) / 2));
}

/** Squared chord of a great-circle distance (metres); 4 (antipodes) for Infinity. */
function metresToChord2(m: number): number {
  if (!(m < Math.PI * EARTH_RADIUS_M)) return 4;
  const c = 2 * Math.sin(m / (2 * EARTH_RADIUS_M));
  return c * c;
}

/** Minutes at a constant speed: the radius method's travel time (Infinity stays Infinity). */
export function metresToMinutes(distanceM: Float32Array, speedKmh: number): Float32Array {
  if (!(speedKmh > 0)) throw new Error(`metresToMinutes: bad speed ${speedKmh}`);
  const perMinute = (speedKmh * 1000) / 60;
  const out = new Float32Array(distanceM.length);
  for (let i = 0; i < distanceM.length; i++) out[i] = (distanceM[i] as number) / perMinute;
  return out;
}

export function radiusNearest(
  grid: PopulationGrid,
  facilities: readonly { lon: number; lat: number }[],
  maxRadiusM: number,
): RadiusNearest {
  if (!(maxRadiusM >= 0)) throw new Error(`radiusNearest: bad maximum radius ${maxRadiusM}`);
  const cells = grid.lon.length;
  const distanceM = new Float32Array(cells).fill(Infinity);
  const facility = new Int32Array(cells).fill(-1);
  const secondDistanceM = new Float32Array(cells).fill(Infinity);
  const count = facilities.length;
  if (count === 0 || cells === 0) return { distanceM, facility, secondDistanceM };

  const fLon = new Float64Array(count);
  const fLat = new Float64Array(count);
  let maxAbsLat = 0;
  facilities.forEach((f, i) => {
    if (!Number.isFinite(f.lon) || !Number.isFinite(f.lat) || Math.abs(f.lat) > 90)
      throw new Error(`radiusNearest: facility ${i} has bad coordinates ${f.lon}, ${f.lat}`);
    fLon[i] = f.lon;
    fLat[i] = f.lat;
    maxAbsLat = Math.max(maxAbsLat, Math.abs(f.lat));
  });
  for (let i = 0; i < cells; i++) maxAbsLat = Math.max(maxAbsLat, Math.abs(grid.lat[i] as number));
  // True distance ≥ scale × projected distance across any splitting line (see the file comment).
  const scale = Math.min(1, Math.cos(Math.min(89.9, maxAbsLat) * RAD) / Math.cos(GRID_LAT0 * RAD)) * 0.999;
  const scale2 = scale * scale;

  const tree = new KDBush(count, 16);
  for (let i = 0; i < count; i++) tree.add((fLon[i] as number) * M_PER_DEG_LON, (fLat[i] as number) * M_PER_DEG_LAT);
  tree.finish();
  const { ids, coords, nodeSize } = tree;
  const fv = unitVectors(fLon, fLat);
  const cv = cellVectors(grid);
  // Inclusive limit, with 1e-9 relative slack so a facility exactly on the radius (as measured by
  // another haversine formula, e.g. turf) is not lost to the last bit of rounding.
  const limitM = maxRadiusM * (1 + 1e-9);
  const limitC2 = metresToChord2(limitM) * (1 + 1e-9);
  const stack = new Float64Array(4 * 128);

  // Per-query state, hoisted so `consider` is one closure for the whole run.
  let ux = 0;
  let uy = 0;
  let uz = 0;
  let b1c = limitC2;
  let b1i = -1;
  let b2c = limitC2;
  let b2i = -1;
  /** Squared projected distance beyond which no tree node can hold a candidate. */
  let pruneP2 = Infinity;
  const initialPruneP2 = limitM === Infinity ? Infinity : (limitM * limitM) / scale2 + 1;

  const consider = (j: number): void => {
    const dx = ux - (fv.x[j] as number);
    const dy = uy - (fv.y[j] as number);
    const dz = uz - (fv.z[j] as number);
    const c2 = dx * dx + dy * dy + dz * dz;
    // Candidates order by (distance, index): ties go to the lower facility index.
    if (c2 > b2c || (c2 === b2c && b2i >= 0 && j > b2i)) return;
    if (c2 < b1c || (c2 === b1c && (b1i < 0 || j < b1i))) {
      b2c = b1c;
      b2i = b1i;
      b1c = c2;
      b1i = j;
    } else {
      b2c = c2;
      b2i = j;
    }
    if (b2i >= 0) {
      const m = chord2ToMetres(b2c);
      pruneP2 = (m * m) / scale2;
    }
  };

  for (let cell = 0; cell < cells; cell++) {
    const qx = (grid.lon[cell] as number) * M_PER_DEG_LON;
    const qy = (grid.lat[cell] as number) * M_PER_DEG_LAT;
    ux = cv.x[cell] as number;
    uy = cv.y[cell] as number;
    uz = cv.z[cell] as number;
    b1c = limitC2;
    b1i = -1;
    b2c = limitC2;
    b2i = -1;
    pruneP2 = initialPruneP2;

    let sp = 0;
    stack[sp++] = 0;
    stack[sp++] = ids.length - 1;
    stack[sp++] = 0;
    stack[sp++] = 0;
    while (sp > 0) {
      const bound = stack[--sp] as number;
      const axis = stack[--sp] as number;
      const right = stack[--sp] as number;
      const left = stack[--sp] as number;
      if (bound > pruneP2) continue;
      if (right - left <= nodeSize) {
        for (let k = left; k <= right; k++) {
          const px = (coords[2 * k] as number) - qx;
          const py = (coords[2 * k + 1] as number) - qy;
          if (px * px + py * py <= pruneP2) consider(ids[k] as number);
        }
        continue;
      }
      const m = (left + right) >> 1;
      const mx = coords[2 * m] as number;
      const my = coords[2 * m + 1] as number;
      const px = mx - qx;
      const py = my - qy;
      if (px * px + py * py <= pruneP2) consider(ids[m] as number);
      const delta = axis === 0 ? qx - mx : qy - my;
      const farBound = Math.max(bound, delta * delta);
      const next = 1 - axis;
      // Far half pushed first, so the near half is searched first and tightens the bound.
      if (delta < 0) {
        stack[sp++] = m + 1;
        stack[sp++] = right;
        stack[sp++] = next;
        stack[sp++] = farBound;
        stack[sp++] = left;
        stack[sp++] = m - 1;
        stack[sp++] = next;
        stack[sp++] = bound;
      } else {
        stack[sp++] = left;
        stack[sp++] = m - 1;
        stack[sp++] = next;
        stack[sp++] = farBound;
        stack[sp++] = m + 1;
        stack[sp++] = right;
        stack[sp++] = next;
        stack[sp++] = bound;
      }
    }

    if (b1i >= 0) {
      const d1 = chord2ToMetres(b1c);
      if (d1 <= limitM) {
        distanceM[cell] = d1;
        facility[cell] = b1i;
        if (b2i >= 0) {
          const d2 = chord2ToMetres(b2c);
          if (d2 <= limitM) secondDistanceM[cell] = d2;
        }
      }
    }
  }
  return { distanceM, facility, secondDistanceM };
}
