import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export type GeoJsonReadError =
  | { code: 'not-json'; detail: string }
  | { code: 'not-geojson'; detail: string }
  | { code: 'no-features' }
  | { code: 'bad-coordinates'; featureIndex: number }
  | { code: 'projected-crs'; crs: string };

export type GeoJsonReadResult =
  | { ok: true; collection: FeatureCollection; bbox: [number, number, number, number] }
  | { ok: false; error: GeoJsonReadError };

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}

function isLonLat(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

/** Named CRS that are plain longitude/latitude; anything else is projected and refused. */
const LON_LAT_CRS = /(CRS84|EPSG:+4326|EPSG:+4490|EPSG:+4979)$/i;

/**
 * Reads a GeoJSON text as the map can show it: a FeatureCollection, a Feature or a bare geometry,
 * in longitude/latitude degrees. Refuses projected coordinates (e.g. CGCS2000 3-degree zones)
 * with a reason instead of drawing them in the wrong place.
 */
export function readGeoJson(text: string): GeoJsonReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: { code: 'not-json', detail: error instanceof Error ? error.message : String(error) } };
  }
  if (!value || typeof value !== 'object') return { ok: false, error: { code: 'not-geojson', detail: typeof value } };
  const object = value as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  const crsName = object.crs?.properties?.name;
  if (typeof crsName === 'string' && !LON_LAT_CRS.test(crsName))
    return { ok: false, error: { code: 'projected-crs', crs: crsName } };

  let features: Feature[];
  if (object.type === 'FeatureCollection' && Array.isArray(object.features)) features = object.features as Feature[];
  else if (object.type === 'Feature') features = [value as Feature];
  else if (typeof object.type === 'string' && GEOMETRY_TYPES.has(object.type))
    features = [{ type: 'Feature', properties: {}, geometry: value as Geometry }];
  else return { ok: false, error: { code: 'not-geojson', detail: String(object.type) } };

  const kept: Feature[] = [];
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [index, feature] of features.entries()) {
    const geometry = feature?.geometry;
    // Features without geometry are legal GeoJSON but have nothing to draw.
    if (!geometry) continue;
    if (!GEOMETRY_TYPES.has(geometry.type))
      return { ok: false, error: { code: 'not-geojson', detail: `feature ${index}` } };
    const positions = positionsOf(geometry);
    if (!positions.every(isLonLat)) return { ok: false, error: { code: 'bad-coordinates', featureIndex: index } };
    for (const [lon, lat] of positions as [number, number][]) {
      bbox[0] = Math.min(bbox[0], lon);
      bbox[1] = Math.min(bbox[1], lat);
      bbox[2] = Math.max(bbox[2], lon);
      bbox[3] = Math.max(bbox[3], lat);
    }
    kept.push({ ...feature, properties: feature.properties ?? {} });
  }
  if (kept.length === 0) return { ok: false, error: { code: 'no-features' } };
  return { ok: true, collection: { type: 'FeatureCollection', features: kept }, bbox };
}
