/**
 * manifest.json of an OuTu package: what the package is, who made it, how many records of each
 * kind it holds and the SHA-256 and size of every other file in it. The hashes detect damaged or
 * edited files (integrity, not authenticity: anyone can rewrite a manifest).
 */
import { FIELD_RECORD_KINDS, type FieldRecordKind } from '../../shared/field';
import { PackageError } from './package-error';

export const PACKAGE_FORMAT = 'outu-package';
/** The newest format this code reads and the one it writes. */
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_KINDS = ['changes', 'backup'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

export interface PackageFileEntry {
  sha256: string;
  bytes: number;
}

export interface PackageManifest {
  format: typeof PACKAGE_FORMAT;
  formatVersion: number;
  /** `changes`: field records changed since `since`, for another laptop. `backup`: everything. */
  kind: PackageKind;
  packageId: string;
  createdAt: string;
  author: string;
  appVersion: string;
  dataVersion: string;
  /** ISO time the changes start from; null for everything (and for backups). */
  since: string | null;
  /** Field records per kind, tombstones included. */
  counts: Record<FieldRecordKind, number>;
  /** Every file in the zip except manifest.json, by path. */
  files: Record<string, PackageFileEntry>;
}

const KEYS = [
  'format',
  'formatVersion',
  'kind',
  'packageId',
  'createdAt',
  'author',
  'appVersion',
  'dataVersion',
  'since',
  'counts',
  'files',
] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(detail: string): PackageError {
  return new PackageError('manifest-invalid', { detail });
}

/** Parses and checks manifest.json; throws PackageError. */
export function parseManifest(text: string): PackageManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PackageError('manifest-not-json', { detail: error instanceof Error ? error.message : String(error) });
  }
  checkManifest(value);
  return value;
}

/** Throws PackageError unless `value` is a manifest this version can read. */
export function checkManifest(value: unknown): asserts value is PackageManifest {
  if (!isObject(value) || value.format !== PACKAGE_FORMAT) throw new PackageError('not-outu-package');
  const version = value.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw invalid('formatVersion must be a positive integer');
  // Before any other check: a newer format may have changed the other fields.
  if (version > PACKAGE_FORMAT_VERSION) throw new PackageError('newer-format', { version });
  for (const key of Object.keys(value))
    if (!(KEYS as readonly string[]).includes(key)) throw invalid(`unknown field ${key}`);
  for (const key of KEYS) if (!(key in value)) throw invalid(`${key} is missing`);
  if (!(PACKAGE_KINDS as readonly unknown[]).includes(value.kind)) throw invalid('kind must be changes or backup');
  if (typeof value.packageId !== 'string' || value.packageId === '')
    throw invalid('packageId must be a non-empty string');
  for (const key of ['createdAt', 'author', 'appVersion', 'dataVersion'] as const)
    if (typeof value[key] !== 'string') throw invalid(`${key} must be a string`);
  if (value.since !== null && typeof value.since !== 'string') throw invalid('since must be a string or null');
  checkCounts(value.counts);
  checkFiles(value.files);
}

function checkCounts(counts: unknown): void {
  if (!isObject(counts)) throw invalid('counts must be an object');
  for (const key of Object.keys(counts))
    if (!(FIELD_RECORD_KINDS as readonly string[]).includes(key)) throw invalid(`unknown record kind ${key} in counts`);
  for (const kind of FIELD_RECORD_KINDS) {
    const n = counts[kind];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw invalid(`counts.${kind} must be an integer ≥ 0`);
  }
}

function checkFiles(files: unknown): void {
  if (!isObject(files)) throw invalid('files must be an object');
  for (const [path, entry] of Object.entries(files)) {
    if (!isObject(entry) || Object.keys(entry).length !== 2) throw invalid(`files[${path}] must be { sha256, bytes }`);
    if (typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256))
      throw invalid(`files[${path}].sha256 must be a SHA-256 hex string`);
    if (typeof entry.bytes !== 'number' || !Number.isInteger(entry.bytes) || entry.bytes < 0)
      throw invalid(`files[${path}].bytes must be an integer ≥ 0`);
  }
}

export function emptyCounts(): Record<FieldRecordKind, number> {
  return { annotation: 0, photo: 0, progress: 0, position: 0 };
}

export const RECORDS_PATH = 'records.geojson';
export const MANIFEST_PATH = 'manifest.json';
const BLOB_PATH = /^blobs\/([0-9a-f]{64})$/;
const TABLE_PATH = /^tables\/([A-Za-z0-9_-]+)\.json$/;
export const TABLE_NAME = /^[A-Za-z0-9_-]+$/;

export type PackagePath = { type: 'records' } | { type: 'blob'; sha256: string } | { type: 'table'; name: string };

/** What a path in the zip is; null for anything a package of this kind must not hold. */
export function classifyPath(path: string, kind: PackageKind): PackagePath | null {
  if (path === RECORDS_PATH) return { type: 'records' };
  const blob = BLOB_PATH.exec(path);
  if (blob?.[1]) return { type: 'blob', sha256: blob[1] };
  const table = TABLE_PATH.exec(path);
  if (table?.[1] && kind === 'backup') return { type: 'table', name: table[1] };
  return null;
}

export const blobPath = (sha256: string): string => `blobs/${sha256}`;
export const tablePath = (name: string): string => `tables/${name}.json`;
