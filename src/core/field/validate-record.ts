/**
 * Shape validation of field records arriving from outside (exchange packages, backups): every
 * field present with the right type and range, no unknown fields. Returns the first problem as a
 * short English reason (for logs and the error's detail line), or null when the record is valid.
 */
import { FACILITY_CATEGORIES } from '../../shared/facilities';
import {
  FIELD_RECORD_KINDS,
  FIELD_STATUSES,
  MAX_REV_HISTORY,
  POSITION_SOURCES,
  positionRecordId,
  type FieldRecord,
  type FieldRecordKind,
} from '../../shared/field';
import { GEOCODE_PRECISIONS } from '../../shared/projects';

/** A reason without the field path, or null. */
type Check = (value: unknown) => string | null;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const SHA256 = /^[0-9a-f]{64}$/;

const string: Check = (v) => (typeof v === 'string' ? null : 'must be a string');
const nonEmpty: Check = (v) => (typeof v === 'string' && v.length > 0 ? null : 'must be a non-empty string');
const boolean: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const sha256: Check = (v) =>
  typeof v === 'string' && SHA256.test(v) ? null : 'must be a lower-case SHA-256 hex string';
const isoTime: Check = (v) =>
  typeof v === 'string' && ISO_TIME.test(v) && Number.isFinite(Date.parse(v)) ? null : 'must be an ISO date-time';
const day: Check = (v) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDay(v) ? null : 'must be a date YYYY-MM-DD';

function isCalendarDay(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text;
}

function oneOf(values: readonly string[]): Check {
  return (v) => (typeof v === 'string' && values.includes(v) ? null : `must be one of ${values.join(', ')}`);
}

function range(min: number, max: number): Check {
  return (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? null
      : `must be a number from ${min} to ${max}`;
}

const nonNegative: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : 'must be a number ≥ 0';

function integer(min: number): Check {
  return (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min ? null : `must be an integer ≥ ${min}`);
}

function nullable(check: Check): Check {
  return (v) => (v === null ? null : check(v));
}

const lon = range(-180, 180);
const lat = range(-90, 90);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with exactly these keys; reasons carry the path (`body.percent must …`). */
function shape(spec: Record<string, Check>, path: string, value: unknown): string | null {
  if (!isObject(value)) return path ? `${path} must be an object` : 'must be an object';
  const prefix = path ? `${path}.` : '';
  for (const key of Object.keys(value)) if (!(key in spec)) return `unknown field ${prefix}${key}`;
  for (const [key, check] of Object.entries(spec)) {
    if (!(key in value)) return `${prefix}${key} is missing`;
    const reason = check(value[key]);
    if (reason) return `${prefix}${key} ${reason}`;
  }
  return null;
}

const attachedTo: Check = (v) => {
  if (v === null) return null;
  if (!isObject(v)) return 'must be null or an object';
  if (v.kind === 'project') return shape({ kind: string, seq: integer(0) }, '', v);
  if (v.kind === 'facility') return shape({ kind: string, id: nonEmpty }, '', v);
  return 'kind must be project or facility';
};

const original: Check = (v) =>
  shape({ lon: nullable(lon), lat: nullable(lat), geocodePrecision: oneOf(GEOCODE_PRECISIONS) }, '', v);

/** Body fields per kind, in the order packages write them. */
const BODY_SPECS: { [K in FieldRecordKind]: Record<string, Check> } = {
  annotation: {
    title: string,
    note: string,
    status: oneOf(FIELD_STATUSES),
    category: oneOf(FACILITY_CATEGORIES),
    lon,
    lat,
    accuracyM: nullable(nonNegative),
    positionSource: oneOf(POSITION_SOURCES),
    attachedTo,
  },
  photo: {
    annotationId: nonEmpty,
    name: string,
    mimeType: nonEmpty,
    size: integer(0),
    sha256,
    thumbSha256: nullable(sha256),
    width: nullable(integer(1)),
    height: nullable(integer(1)),
    takenAt: nullable(isoTime),
    exifLon: nullable(lon),
    exifLat: nullable(lat),
  },
  progress: { projectSeq: integer(0), status: oneOf(FIELD_STATUSES), percent: range(0, 100), date: day, note: string },
  position: { projectSeq: integer(0), lon, lat, original },
};

const revs: Check = (v) => {
  if (!Array.isArray(v) || v.length === 0) return 'must be a non-empty array';
  if (v.length > MAX_REV_HISTORY) return `must not hold more than ${MAX_REV_HISTORY} revs`;
  if (v.some((rev) => typeof rev !== 'string' || rev === '')) return 'must hold non-empty strings';
  if (new Set(v).size !== v.length) return 'must not repeat a rev';
  return null;
};

const META_SPEC: Record<string, Check> = {
  kind: oneOf(FIELD_RECORD_KINDS),
  id: nonEmpty,
  rev: nonEmpty,
  revs,
  createdAt: isoTime,
  createdBy: string,
  updatedAt: isoTime,
  updatedBy: string,
  deleted: boolean,
  body: (v) => (isObject(v) ? null : 'must be an object'),
};

export function validateFieldRecord(value: unknown): string | null {
  if (!isObject(value)) return 'the record must be an object';
  const meta = shape(META_SPEC, '', value);
  if (meta) return meta;
  const record = value as Record<string, unknown> & { kind: FieldRecordKind; revs: string[]; body: object };
  if (record.revs[record.revs.length - 1] !== record.rev) return 'revs must end with rev';
  const body = shape(BODY_SPECS[record.kind], 'body', record.body);
  if (body) return body;
  if (record.kind === 'photo') {
    const photo = record.body as { exifLon: unknown; exifLat: unknown };
    if ((photo.exifLon === null) !== (photo.exifLat === null))
      return 'body.exifLon and body.exifLat must both be set or both be null';
  }
  if (record.kind === 'position') {
    const expected = positionRecordId((record.body as { projectSeq: number }).projectSeq);
    if (record.id !== expected) return `id must be ${expected} for this project`;
  }
  return null;
}

/**
 * A copy holding only the record's own fields, in a fixed order: storage may add fields (index keys)
 * that do not belong in a package, and a fixed order makes package bytes deterministic.
 */
export function canonicalRecord(record: FieldRecord): FieldRecord {
  const source = record as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(META_SPEC)) if (key in source) out[key] = source[key];
  if (Array.isArray(source.revs)) out.revs = [...(source.revs as unknown[])];
  // Left as they are when the kind or body is broken: validation reports that afterwards.
  const spec = (BODY_SPECS as Partial<Record<string, Record<string, Check>>>)[String(source.kind)];
  const body = source.body;
  if (spec && isObject(body)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(spec))
      if (key in body) copy[key] = isObject(body[key]) ? { ...body[key] } : body[key];
    for (const key of Object.keys(body)) if (!(key in spec)) copy[key] = body[key];
    out.body = copy;
  }
  return out as unknown as FieldRecord;
}
