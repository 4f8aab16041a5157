/**
 * GeoJSON text → ImportTable. Unlike readGeoJson (which draws any geometry) every feature becomes a
 * row, so bad features are reported per row instead of failing the whole file.
 */
import { errorDetail, fileError, type FileError } from './file-errors';
import { featuresToTable, type FeatureLike } from './feature-table';
import type { ImportTable } from './import-table';

export type GeoJsonTableResult = { ok: true; table: ImportTable } | { ok: false; error: FileError };

/** Same rule as geojson-read: named CRS that are plain longitude/latitude; others are projected. */
const LON_LAT_CRS = /(CRS84|EPSG:+4326|EPSG:+4490|EPSG:+4979)$/i;

export function parseGeoJsonTable(text: string): GeoJsonTableResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: fileError('empty-file') };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, error: fileError('invalid-json', { detail: errorDetail(error) }) };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, error: fileError('not-geojson', { detail: Array.isArray(value) ? 'array' : typeof value }) };

  const object = value as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  const crsName = object.crs?.properties?.name;
  if (typeof crsName === 'string' && !LON_LAT_CRS.test(crsName))
    return { ok: false, error: fileError('projected-crs', { detail: crsName }) };

  let features: FeatureLike[];
  if (object.type === 'FeatureCollection' && Array.isArray(object.features))
    features = object.features.map((f: unknown) => (f && typeof f === 'object' ? (f as FeatureLike) : {}));
  else if (object.type === 'Feature') features = [value as FeatureLike];
  else if (typeof object.type === 'string' && 'coordinates' in object)
    features = [{ properties: {}, geometry: value as FeatureLike['geometry'] }];
  else return { ok: false, error: fileError('not-geojson', { detail: String(object.type) }) };

  if (features.length === 0) return { ok: false, error: fileError('no-rows', { detail: 'no features' }) };
  return { ok: true, table: featuresToTable(features, 'feature') };
}
