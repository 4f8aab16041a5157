/**
 * Reading an OuTu package (layout in package-write.ts). Everything is checked before anything is
 * returned, so a caller never imports half a package: the zip, the manifest, every file's size and
 * SHA-256 against the manifest, no unlisted files, blob names, every record's shape, record counts,
 * duplicate records, photo blobs and backup tables. Any failure throws a PackageError.
 */
import { unzipSync } from 'fflate';
import { fieldRecordKey, type FieldRecord } from '../../shared/field';
import { sha256Hex } from '../import/sha256';
import { PackageError } from './package-error';
import {
  classifyPath,
  emptyCounts,
  MANIFEST_PATH,
  RECORDS_PATH,
  type PackageManifest,
  type PackagePath,
  parseManifest,
} from './package-manifest';
import { checkPhotoBlobs } from './package-write';
import { featureToRecord, parseRecordsGeoJson } from './record-features';

export interface PackageContents {
  manifest: PackageManifest;
  /** In package order (sorted by record key). */
  records: FieldRecord[];
  /** Blob bytes by SHA-256. */
  blobs: Map<string, Uint8Array>;
  /** Backup tables by name; empty for exchange packages. */
  tables: Record<string, unknown[]>;
}

/** No single file in a package comes near this; a larger declared size means a broken or hostile zip. */
const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readPackage(bytes: Uint8Array): Promise<PackageContents> {
  const entries = unzip(bytes);
  const manifestBytes = entries.get(MANIFEST_PATH);
  if (!manifestBytes) throw new PackageError('no-manifest');
  const manifest = parseManifest(text(manifestBytes, 'manifest-not-json', {}));

  const listed = new Map<string, PackagePath>();
  for (const path of Object.keys(manifest.files)) {
    const kind = classifyPath(path, manifest.kind);
    if (!kind) throw new PackageError('unexpected-file', { path });
    listed.set(path, kind);
  }
  for (const path of entries.keys())
    if (path !== MANIFEST_PATH && !listed.has(path)) throw new PackageError('unexpected-file', { path });
  if (!listed.has(RECORDS_PATH)) throw new PackageError('file-missing', { path: RECORDS_PATH });
  for (const [path, expected] of Object.entries(manifest.files)) {
    const data = entries.get(path);
    if (!data) throw new PackageError('file-missing', { path });
    if (data.length !== expected.bytes) throw new PackageError('file-mismatch', { path, detail: 'size differs' });
    const actual = await sha256Hex(data);
    if (actual !== expected.sha256) throw new PackageError('file-mismatch', { path, detail: 'SHA-256 differs' });
    const kind = listed.get(path);
    if (kind?.type === 'blob' && kind.sha256 !== actual) throw new PackageError('blob-name-mismatch', { path });
  }

  const blobs = new Map<string, Uint8Array>();
  const tables: Record<string, unknown[]> = {};
  for (const [path, kind] of listed) {
    const data = entries.get(path)!;
    if (kind.type === 'blob') blobs.set(kind.sha256, data);
    if (kind.type === 'table') tables[kind.name] = parseTable(kind.name, data);
  }
  const records = parseRecords(entries.get(RECORDS_PATH)!, manifest);
  checkPhotoBlobs(records, blobs);
  return { manifest, records, blobs, tables };
}

function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const names = new Set<string>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (names.has(file.name)) throw new PackageError('damaged', { detail: `duplicate entry ${file.name}` });
        names.add(file.name);
        if (file.originalSize > MAX_ENTRY_BYTES)
          throw new PackageError('damaged', { detail: `entry ${file.name} declares ${file.originalSize} bytes` });
        // Folder entries, added when a package is re-zipped by hand, carry no data.
        return !(file.name.endsWith('/') && file.originalSize === 0);
      },
    });
  } catch (error) {
    if (error instanceof PackageError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new PackageError(looksLikeZip(bytes) ? 'damaged' : 'not-a-zip', { detail });
  }
  return new Map(Object.entries(files));
}

/** A zip starts with a local file header or, when empty, the end-of-central-directory record. */
function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function text(
  data: Uint8Array,
  code: 'manifest-not-json' | 'records-invalid' | 'table-invalid',
  params: object,
): string {
  try {
    return decoder.decode(data);
  } catch {
    throw new PackageError(code, { ...params, detail: 'not UTF-8 text' });
  }
}

function parseRecords(data: Uint8Array, manifest: PackageManifest): FieldRecord[] {
  const features = parseRecordsGeoJson(text(data, 'records-invalid', {}));
  if (typeof features === 'string') throw new PackageError('records-invalid', { detail: features });
  const records: FieldRecord[] = [];
  const keys = new Set<string>();
  const counts = emptyCounts();
  features.forEach((feature, index) => {
    const result = featureToRecord(feature);
    if ('reason' in result)
      throw new PackageError('invalid-record', { index: index + 1, id: idOf(feature), detail: result.reason });
    const key = fieldRecordKey(result.record);
    if (keys.has(key)) throw new PackageError('duplicate-record', { key });
    keys.add(key);
    counts[result.record.kind] += 1;
    records.push(result.record);
  });
  for (const [kind, n] of Object.entries(counts) as [keyof typeof counts, number][])
    if (manifest.counts[kind] !== n)
      throw new PackageError('count-mismatch', { kind, detail: `manifest ${manifest.counts[kind]}, found ${n}` });
  return records;
}

function idOf(feature: unknown): string {
  const id = (feature as { properties?: { id?: unknown } } | null)?.properties?.id;
  return typeof id === 'string' ? id : '?';
}

function parseTable(name: string, data: Uint8Array): unknown[] {
  let rows: unknown;
  try {
    rows = JSON.parse(text(data, 'table-invalid', { name }));
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError('table-invalid', { name, detail: error instanceof Error ? error.message : String(error) });
  }
  if (!Array.isArray(rows)) throw new PackageError('table-invalid', { name, detail: 'not a JSON array' });
  return rows;
}
