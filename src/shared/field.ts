import type { FacilityCategory } from './facilities';
import type { GeocodePrecision } from './projects';

/**
 * Field records: what staff record on site (annotations, photos, project progress, corrected
 * project positions). Every record carries the same metadata so one write path, one change log
 * and one merge rule serve all of them.
 */
export const FIELD_STATUSES = ['not-started', 'under-construction', 'completed', 'in-service', 'problem'] as const;
export type FieldStatus = (typeof FIELD_STATUSES)[number];

export const FIELD_RECORD_KINDS = ['annotation', 'photo', 'progress', 'position'] as const;
export type FieldRecordKind = (typeof FIELD_RECORD_KINDS)[number];

/** How an annotation's point was obtained. */
export const POSITION_SOURCES = ['map', 'device', 'photo', 'attached'] as const;
export type PositionSource = (typeof POSITION_SOURCES)[number];

export type AttachedTo = { kind: 'project'; seq: number } | { kind: 'facility'; id: string } | null;

export interface AnnotationBody {
  title: string;
  note: string;
  status: FieldStatus;
  category: FacilityCategory;
  /** WGS-84. */
  lon: number;
  lat: number;
  /** Horizontal accuracy in metres when the device reported one; null otherwise. */
  accuracyM: number | null;
  positionSource: PositionSource;
  attachedTo: AttachedTo;
}

/** Photo metadata; the bytes live in the blob store under `sha256` (content addressed, immutable). */
export interface PhotoBody {
  annotationId: string;
  /** File name as chosen from disk. */
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** JPEG thumbnail in the blob store; null when the image could not be decoded. */
  thumbSha256: string | null;
  width: number | null;
  height: number | null;
  /** From EXIF where present: ISO time (no zone conversion), WGS-84 position. */
  takenAt: string | null;
  exifLon: number | null;
  exifLat: number | null;
}

/** One entry of a project's progress history. */
export interface ProgressBody {
  projectSeq: number;
  status: FieldStatus;
  /** 0–100. */
  percent: number;
  /** YYYY-MM-DD, the day the progress was observed. */
  date: string;
  note: string;
}

/** A corrected project position: the project becomes `site` precision; the original is kept. */
export interface PositionBody {
  projectSeq: number;
  lon: number;
  lat: number;
  original: { lon: number | null; lat: number | null; geocodePrecision: GeocodePrecision };
}

export interface FieldBodies {
  annotation: AnnotationBody;
  photo: PhotoBody;
  progress: ProgressBody;
  position: PositionBody;
}

export interface FieldRecordMeta {
  id: string;
  /** Unique id of this write. */
  rev: string;
  /** Every rev this record has had, oldest first, ending with `rev` (capped at MAX_REV_HISTORY). */
  revs: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Deletions are tombstones so they travel in exchange packages. */
  deleted: boolean;
}

export type FieldRecordOf<K extends FieldRecordKind> = FieldRecordMeta & { kind: K; body: FieldBodies[K] };
export type FieldRecord = { [K in FieldRecordKind]: FieldRecordOf<K> }[FieldRecordKind];

export const MAX_REV_HISTORY = 200;

/** A position correction is one record per project, so two people correcting it conflict. */
export function positionRecordId(projectSeq: number): string {
  return `position:${projectSeq}`;
}

export function fieldRecordKey(record: Pick<FieldRecord, 'kind' | 'id'>): string {
  return `${record.kind}:${record.id}`;
}
