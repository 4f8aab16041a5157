/**
 * Which county a point is in. Points on the coast or on an island pier often fall a little outside
 * the (generalised) county polygons, so a point within `snapMetres` of a county still counts.
 */
import type { FeatureCollection, Position } from 'geojson';

export interface CountyHit {
  adcode: number;
  /** 'nearest': outside every polygon but within snapMetres of this county's boundary. */
  how: 'inside' | 'nearest';
  /** 0 when inside. */
  distanceM: number;
}

export type CountyLocator = (lon: number, lat: number) => CountyHit | null;

interface Part {
  adcode: number;
  /** Rings as flat [x0, y0, x1, y1, …]: indexed reads, no per-vertex arrays, in the hot loops. */
  rings: Float64Array[];
  bbox: [number, number, number, number];
}

const M_PER_DEG_LAT = 111_195;

function ringsOf(geometry: unknown): Position[][][] {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (g?.type === 'Polygon') return [g.coordinates as Position[][]];
  if (g?.type === 'MultiPolygon') return g.coordinates as Position[][][];
  return [];
}

function flatRing(ring: Position[]): Float64Array {
  const flat = new Float64Array(ring.length * 2);
  ring.forEach((p, i) => {
    flat[2 * i] = p[0] ?? NaN;
    flat[2 * i + 1] = p[1] ?? NaN;
  });
  return flat;
}

function bboxOf(rings: Float64Array[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings)
    for (let i = 0; i < ring.length; i += 2) {
      const x = ring[i] as number;
      const y = ring[i + 1] as number;
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  return b;
}

/** Even–odd ray casting over all rings, so holes are handled without knowing which ring is outer. */
function inside(rings: Float64Array[], x: number, y: number): boolean {
  let result = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = ring[i] as number;
      const yi = ring[i + 1] as number;
      const xj = ring[j] as number;
      const yj = ring[j + 1] as number;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
    }
  }
  return result;
}

/** Distance in metres from a point to the rings, in a local equirectangular frame (fine below ~10 km). */
function distanceToRingsM(rings: Float64Array[], x: number, y: number): number {
  const kx = Math.cos((y * Math.PI) / 180) * M_PER_DEG_LAT;
  let best2 = Infinity;
  for (const ring of rings) {
    for (let i = 2; i < ring.length; i += 2) {
      const ax = ring[i - 2] as number;
      const ay = ring[i - 1] as number;
      const ux = ((ring[i] as number) - ax) * kx;
      const uy = ((ring[i + 1] as number) - ay) * M_PER_DEG_LAT;
      const px = (x - ax) * kx;
      const py = (y - ay) * M_PER_DEG_LAT;
      const len2 = ux * ux + uy * uy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * ux + py * uy) / len2));
      const dx = px - t * ux;
      const dy = py - t * uy;
      best2 = Math.min(best2, dx * dx + dy * dy);
    }
  }
  return Math.sqrt(best2);
}

export function createCountyLocator(counties: FeatureCollection, snapMetres = 2000): CountyLocator {
  const parts: Part[] = [];
  for (const feature of counties.features) {
    const adcode = Number(feature.properties?.['adcode']);
    if (!Number.isFinite(adcode)) continue;
    for (const polygon of ringsOf(feature.geometry)) {
      const rings = polygon.map(flatRing);
      parts.push({ adcode, rings, bbox: bboxOf(rings) });
    }
  }
  const padLat = snapMetres / M_PER_DEG_LAT;

  return (lon, lat) => {
    for (const part of parts) {
      const [x0, y0, x1, y1] = part.bbox;
      if (lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1 && inside(part.rings, lon, lat))
        return { adcode: part.adcode, how: 'inside', distanceM: 0 };
    }
    const padLon = padLat / Math.cos((lat * Math.PI) / 180);
    let best: CountyHit | null = null;
    for (const part of parts) {
      const [x0, y0, x1, y1] = part.bbox;
      if (lon < x0 - padLon || lon > x1 + padLon || lat < y0 - padLat || lat > y1 + padLat) continue;
      const d = distanceToRingsM(part.rings, lon, lat);
      if (d <= snapMetres && (!best || d < best.distanceM))
        best = { adcode: part.adcode, how: 'nearest', distanceM: d };
    }
    return best;
  };
}
