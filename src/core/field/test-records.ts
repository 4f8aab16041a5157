/** Field records for tests (not shipped code): valid by default, overridable per field. */
import {
  positionRecordId,
  type AnnotationBody,
  type FieldRecord,
  type FieldRecordMeta,
  type FieldRecordOf,
  type PhotoBody,
  type ProgressBody,
} from '../../shared/field';
import { nextMeta } from './rev';

export const T0 = '2024-05-01T08:00:00.000Z';

function meta(id: string, rev: string, overrides: Partial<FieldRecordMeta> = {}): FieldRecordMeta {
  return { ...nextMeta(null, id, 'alice', T0, false, rev), ...overrides };
}

export function annotation(
  id: string,
  body: Partial<AnnotationBody> = {},
  overrides: Partial<FieldRecordMeta> = {},
): FieldRecordOf<'annotation'> {
  return {
    ...meta(id, `${id}-r1`, overrides),
    kind: 'annotation',
    body: {
      title: '瓯海区卫生院工地',
      note: '围挡已拆除',
      status: 'under-construction',
      category: 'health',
      lon: 120.6372,
      lat: 27.9551,
      accuracyM: 8,
      positionSource: 'device',
      attachedTo: { kind: 'project', seq: 12 },
      ...body,
    },
  };
}

export function photo(
  id: string,
  annotationId: string,
  body: Partial<PhotoBody> = {},
  overrides: Partial<FieldRecordMeta> = {},
): FieldRecordOf<'photo'> {
  return {
    ...meta(id, `${id}-r1`, overrides),
    kind: 'photo',
    body: {
      annotationId,
      name: 'IMG_0001.JPG',
      mimeType: 'image/jpeg',
      size: 3,
      sha256: 'a'.repeat(64),
      thumbSha256: null,
      width: 4032,
      height: 3024,
      takenAt: '2024-05-01T16:03:12',
      exifLon: 120.64,
      exifLat: 27.95,
      ...body,
    },
  };
}

export function progress(id: string, body: Partial<ProgressBody> = {}): FieldRecordOf<'progress'> {
  return {
    ...meta(id, `${id}-r1`),
    kind: 'progress',
    body: { projectSeq: 12, status: 'completed', percent: 100, date: '2024-04-30', note: '已竣工验收', ...body },
  };
}

export function position(projectSeq: number): FieldRecordOf<'position'> {
  const id = positionRecordId(projectSeq);
  return {
    ...meta(id, `${id}-r1`),
    kind: 'position',
    body: {
      projectSeq,
      lon: 120.7,
      lat: 28.01,
      original: { lon: 120.69, lat: 28, geocodePrecision: 'township' },
    },
  };
}

/** A new write of `record` by `author` with the given rev. */
export function edit<R extends FieldRecord>(
  record: R,
  rev: string,
  body: Partial<R['body']> = {},
  options: { author?: string; now?: string; deleted?: boolean } = {},
): R {
  const now = options.now ?? '2024-05-02T09:00:00.000Z';
  const next = nextMeta(record, record.id, options.author ?? 'bob', now, options.deleted ?? record.deleted, rev);
  return { ...record, ...next, body: { ...record.body, ...body } };
}

export function tombstone<R extends FieldRecord>(record: R, rev: string): R {
  return edit(record, rev, {}, { deleted: true });
}

export function byKey(records: readonly FieldRecord[]): Map<string, FieldRecord> {
  return new Map(records.map((r) => [`${r.kind}:${r.id}`, r]));
}
