/** Small geometry helpers on WGS-84 lon/lat; all pure. */
import type { Geometry, Position } from 'geojson';

export type Bbox = [number, number, number, number];

export function round6(v: number): number {
  // Adding 0 turns -0 into 0 so "-0" never leaks into the JSON.
  return Math.round(v * 1e6) / 1e6 + 0;
}

export function roundPosition(p: Position): [number, number] {
  return [round6(p[0] ?? NaN), round6(p[1] ?? NaN)];
}

/** Same geometry with every vertex rounded to 6 decimals (≈ 0.1 m) and extra ordinates dropped. */
export function roundGeometry(g: Geometry): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundPosition(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(roundPosition) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(roundPosition)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(roundPosition))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map(roundGeometry) };
  }
}

function eachPosition(g: Geometry, fn: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      fn(g.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach(fn);
      return;
    case 'MultiLineString':
    case 'Polygon':
      g.coordinates.forEach((r) => r.forEach(fn));
      return;
    case 'MultiPolygon':
      g.coordinates.forEach((p) => p.forEach((r) => r.forEach(fn)));
      return;
    case 'GeometryCollection':
      g.geometries.forEach((c) => eachPosition(c, fn));
  }
}

export function geometriesBbox(geometries: Iterable<Geometry>): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) {
    eachPosition(g, (p) => {
      const [x = NaN, y = NaN] = p;
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    });
  }
  if (!Number.isFinite(b[0])) throw new Error('bbox of an empty geometry set');
  return b;
}

export function unionBbox(a: Bbox, b: Bbox): Bbox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

const EARTH_RADIUS_KM = 6371.0088;

export function haversineKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const [lon1 = 0, lat1 = 0] = a;
  const [lon2 = 0, lat2 = 0] = b;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function lineLengthKm(coords: readonly Position[]): number {
  let km = 0;
  for (let i = 1; i < coords.length; i++) {
    const a = coords[i - 1];
    const b = coords[i];
    if (a && b) km += haversineKm(a, b);
  }
  return km;
}

/** Web-Mercator tile column/row containing a lon/lat at zoom z (clamped to the valid range). */
export function lonLatToTile(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const latRad = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

/** Inclusive tile ranges [xMin, yMin, xMax, yMax] covering a bbox at zoom z. */
export function bboxTileRange(b: Bbox, z: number): [number, number, number, number] {
  const [x0, y0] = lonLatToTile(b[0], b[3], z);
  const [x1, y1] = lonLatToTile(b[2], b[1], z);
  return [x0, y0, x1, y1];
}
