import { describe, expect, it } from 'vitest';
import { MAX_REV_HISTORY, type FieldRecord } from '../../shared/field';
import { annotation, edit, photo, position, progress, tombstone } from './test-records';
import { canonicalRecord, validateFieldRecord } from './validate-record';

/** A deep copy of `record` with `path` (dot separated) set to `value`, or removed when value is `DELETE`. */
const DELETE = Symbol('delete');
function mutate(record: FieldRecord, path: string, value: unknown): unknown {
  const copy = structuredClone(record) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop()!;
  let target = copy;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  if (value === DELETE) delete target[last];
  else target[last] = value;
  return copy;
}

describe('validateFieldRecord', () => {
  it('accepts valid records of every kind, tombstones and edited records', () => {
    const records: FieldRecord[] = [
      annotation('a1'),
      annotation('a2', { attachedTo: null, accuracyM: null, positionSource: 'map', lon: -180, lat: 90 }),
      annotation('a3', { attachedTo: { kind: 'facility', id: 'import-abc:12' } }),
      photo('p1', 'a1'),
      photo('p2', 'a1', {
        thumbSha256: 'b'.repeat(64),
        width: null,
        height: null,
        takenAt: null,
        exifLon: null,
        exifLat: null,
      }),
      progress('g1'),
      progress('g2', { percent: 0, date: '2024-02-29', status: 'problem' }),
      position(7),
      {
        ...position(8),
        body: { ...position(8).body, original: { lon: null, lat: null, geocodePrecision: 'citywide' } },
      },
      tombstone(edit(annotation('a4'), 'x2', { note: '' }), 'x3'),
    ];
    for (const record of records) expect([record.id, validateFieldRecord(record)]).toEqual([record.id, null]);
  });

  it.each([
    ['kind', 'note', /kind must be one of/],
    ['id', '', /id must be a non-empty string/],
    ['rev', 7, /rev must be a non-empty string/],
    ['revs', [], /revs must be a non-empty array/],
    ['revs', ['x', 'x'], /must not repeat/],
    ['revs', ['a1-r1', 3], /non-empty strings/],
    ['revs', ['other'], /revs must end with rev/],
    ['revs', ['a1-r1', 'a0'], /revs must end with rev/],
    ['createdAt', 'yesterday', /createdAt must be an ISO date-time/],
    ['updatedAt', '2024-13-45T99:00:00Z', /updatedAt must be an ISO date-time/],
    ['createdBy', null, /createdBy must be a string/],
    ['deleted', 'no', /deleted must be true or false/],
    ['body', null, /body must be an object/],
    ['extra', 1, /unknown field extra/],
    ['updatedBy', DELETE, /updatedBy is missing/],
    ['body.title', 3, /body.title must be a string/],
    ['body.status', 'done', /body.status must be one of/],
    ['body.category', 'parks', /body.category must be one of/],
    ['body.lon', 181, /body.lon must be a number from -180 to 180/],
    ['body.lat', -90.5, /body.lat must be a number/],
    ['body.lon', Number.NaN, /body.lon/],
    ['body.lat', '27.9', /body.lat/],
    ['body.accuracyM', -1, /body.accuracyM must be a number ≥ 0/],
    ['body.accuracyM', Number.POSITIVE_INFINITY, /body.accuracyM/],
    ['body.positionSource', 'gps', /body.positionSource/],
    ['body.attachedTo', { kind: 'project', seq: 1.5 }, /body.attachedTo seq must be an integer/],
    ['body.attachedTo', { kind: 'facility', id: '' }, /body.attachedTo id must be a non-empty string/],
    ['body.attachedTo', { kind: 'county', id: 'x' }, /body.attachedTo kind must be project or facility/],
    ['body.attachedTo', { kind: 'project', seq: 1, x: 1 }, /body.attachedTo unknown field x/],
    ['body.attachedTo', 'project:1', /body.attachedTo must be null or an object/],
    ['body.note', DELETE, /body.note is missing/],
    ['body.extra', 1, /unknown field body.extra/],
  ])('rejects an annotation with %s = %o', (path, value, reason) => {
    expect(validateFieldRecord(mutate(annotation('a1'), path, value))).toMatch(reason);
  });

  it.each([
    ['body.annotationId', '', /annotationId/],
    ['body.size', -1, /body.size must be an integer/],
    ['body.size', 2.5, /body.size/],
    ['body.sha256', 'A'.repeat(64), /body.sha256 must be a lower-case SHA-256/],
    ['body.sha256', 'a'.repeat(63), /body.sha256/],
    ['body.thumbSha256', 'xyz', /body.thumbSha256/],
    ['body.width', 0, /body.width/],
    ['body.takenAt', '1 May 2024', /body.takenAt must be an ISO date-time/],
    ['body.exifLat', null, /exifLon and body.exifLat must both be set/],
    ['body.exifLon', 200, /body.exifLon/],
    ['body.mimeType', '', /body.mimeType/],
  ])('rejects a photo with %s = %o', (path, value, reason) => {
    expect(validateFieldRecord(mutate(photo('p1', 'a1'), path, value))).toMatch(reason);
  });

  it.each([
    ['body.percent', 101, /body.percent must be a number from 0 to 100/],
    ['body.percent', -0.1, /body.percent/],
    ['body.date', '2024-5-1', /body.date must be a date YYYY-MM-DD/],
    ['body.date', '2023-02-29', /body.date/],
    ['body.date', '2024-04-30T00:00:00Z', /body.date/],
    ['body.status', 'existing', /body.status/],
    ['body.projectSeq', -1, /body.projectSeq/],
  ])('rejects progress with %s = %o', (path, value, reason) => {
    expect(validateFieldRecord(mutate(progress('g1'), path, value))).toMatch(reason);
  });

  it.each([
    ['id', 'position:8', /id must be position:7/],
    ['body.projectSeq', 8, /id must be position:8/],
    ['body.original', null, /body.original must be an object/],
    ['body.original.geocodePrecision', 'street', /body.original geocodePrecision/],
    ['body.original.lon', 999, /body.original lon/],
    ['body.lat', 91, /body.lat/],
  ])('rejects a position with %s = %o', (path, value, reason) => {
    expect(validateFieldRecord(mutate(position(7), path, value))).toMatch(reason);
  });

  it('rejects non-objects and over-long lineages', () => {
    expect(validateFieldRecord(null)).toMatch(/must be an object/);
    expect(validateFieldRecord([annotation('a1')])).toMatch(/must be an object/);
    const revs = Array.from({ length: MAX_REV_HISTORY + 1 }, (_, i) => `r${i}`);
    expect(validateFieldRecord({ ...annotation('a1'), revs, rev: revs.at(-1) })).toMatch(/more than 200 revs/);
  });
});

describe('canonicalRecord', () => {
  it('drops storage-only top-level fields, orders keys and keeps unknown body fields for validation', () => {
    const record = { zz: 1, ...annotation('a1') } as FieldRecord;
    const canonical = canonicalRecord(record);
    expect(Object.keys(canonical)).toEqual([
      'kind',
      'id',
      'rev',
      'revs',
      'createdAt',
      'createdBy',
      'updatedAt',
      'updatedBy',
      'deleted',
      'body',
    ]);
    expect(validateFieldRecord(canonical)).toBeNull();
    const withExtraBody = { ...record, body: { ...record.body, x: 1 } } as unknown as FieldRecord;
    expect(validateFieldRecord(canonicalRecord(withExtraBody))).toMatch(/unknown field body.x/);
  });

  it('copies instead of sharing arrays and nested objects', () => {
    const record = annotation('a1');
    const canonical = canonicalRecord(record) as typeof record;
    canonical.revs.push('x');
    (canonical.body.attachedTo as { seq: number }).seq = 99;
    expect(record.revs).toEqual(['a1-r1']);
    expect(record.body.attachedTo).toEqual({ kind: 'project', seq: 12 });
  });
});
