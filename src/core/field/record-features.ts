/**
 * records.geojson: one GeoJSON Feature per field record, so the file also opens in QGIS or any
 * other GIS (annotations and position corrections show as points; photo and progress records have
 * null geometry and appear as attribute-only rows).
 *
 *   { "type": "Feature",
 *     "geometry": { "type": "Point", "coordinates": [lon, lat] } | null,
 *     "properties": { "recordKind", "id", "rev", "revs", "createdAt", "createdBy",
 *                     "updatedAt", "updatedBy", "deleted", "body": { …the kind's body… } } }
 *
 * The geometry is derived from the body (annotation and position: body.lon/lat); on reading it
 * must agree with the body. `body` stays one nested object (most GIS tools show it as JSON text)
 * so records come back exactly as written.
 */
import type { Feature, Point } from 'geojson';
import type { FieldRecord } from '../../shared/field';
import { canonicalRecord, validateFieldRecord } from './validate-record';

export interface RecordProperties {
  recordKind: FieldRecord['kind'];
  id: string;
  rev: string;
  revs: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  deleted: boolean;
  body: FieldRecord['body'];
}

export type RecordFeature = Feature<Point | null, RecordProperties>;

const PROPERTY_KEYS = [
  'recordKind',
  'id',
  'rev',
  'revs',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'deleted',
  'body',
] as const;

export function recordGeometry(record: FieldRecord): Point | null {
  if (record.kind === 'annotation' || record.kind === 'position')
    return { type: 'Point', coordinates: [record.body.lon, record.body.lat] };
  return null;
}

export function recordToFeature(record: FieldRecord): RecordFeature {
  const r = canonicalRecord(record);
  return {
    type: 'Feature',
    geometry: recordGeometry(r),
    properties: {
      recordKind: r.kind,
      id: r.id,
      rev: r.rev,
      revs: r.revs,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
      deleted: r.deleted,
      body: r.body,
    },
  };
}

/** One feature per line: compact, yet readable and diff-friendly. */
export function recordsToGeoJsonText(records: readonly FieldRecord[]): string {
  const lines = records.map((record) => JSON.stringify(recordToFeature(record)));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record in a feature, or the reason it is not a valid one. */
export function featureToRecord(value: unknown): { record: FieldRecord } | { reason: string } {
  if (!isObject(value) || value.type !== 'Feature') return { reason: 'not a GeoJSON Feature' };
  for (const key of Object.keys(value))
    if (!['type', 'geometry', 'properties'].includes(key)) return { reason: `unknown feature member ${key}` };
  const props = value.properties;
  if (!isObject(props)) return { reason: 'properties must be an object' };
  for (const key of Object.keys(props))
    if (!(PROPERTY_KEYS as readonly string[]).includes(key)) return { reason: `unknown property ${key}` };
  const { recordKind, ...meta } = props;
  const candidate = { ...meta, kind: recordKind };
  const reason = validateFieldRecord(candidate);
  if (reason) return { reason };
  const record = canonicalRecord(candidate as FieldRecord);
  if (!('geometry' in value)) return { reason: 'geometry is missing' };
  if (!geometryMatches(value.geometry, recordGeometry(record)))
    return { reason: 'geometry does not match the record body' };
  return { record };
}

function geometryMatches(actual: unknown, expected: Point | null): boolean {
  if (expected === null) return actual === null;
  if (!isObject(actual) || actual.type !== 'Point' || !Array.isArray(actual.coordinates)) return false;
  const [lon, lat, ...rest] = actual.coordinates as unknown[];
  return rest.length === 0 && lon === expected.coordinates[0] && lat === expected.coordinates[1];
}

/** Parses records.geojson; a string reason for a broken file, or per-feature results. */
export function parseRecordsGeoJson(text: string): unknown[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features))
    return 'not a GeoJSON FeatureCollection';
  return value.features;
}
