/**
 * Writing an OuTu package (exchange package or full backup): one zip holding
 *
 *   manifest.json        what the package is, record counts, SHA-256 and size of every other file
 *   records.geojson      the field records, one GeoJSON Feature each (see record-features.ts)
 *   blobs/<sha256>       photo and thumbnail bytes, named by their own SHA-256
 *   tables/<name>.json   backups only: other database tables as JSON arrays
 *
 * The bytes depend only on the input: records sorted by key, paths sorted (manifest first), fixed
 * file times. Photos are stored uncompressed (JPEG is compressed already), text is deflated.
 */
import { zipSync, type Zippable } from 'fflate';
import { fieldRecordKey, type FieldRecord } from '../../shared/field';
import { sha256Hex } from '../import/sha256';
import { PackageError } from './package-error';
import {
  blobPath,
  checkManifest,
  emptyCounts,
  MANIFEST_PATH,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  RECORDS_PATH,
  TABLE_NAME,
  tablePath,
  type PackageFileEntry,
  type PackageKind,
  type PackageManifest,
} from './package-manifest';
import { recordsToGeoJsonText } from './record-features';
import { canonicalRecord, validateFieldRecord } from './validate-record';

export interface PackageInput {
  kind: PackageKind;
  packageId: string;
  createdAt: string;
  author: string;
  appVersion: string;
  dataVersion: string;
  since: string | null;
  records: readonly FieldRecord[];
  /** Photo and thumbnail bytes by SHA-256. Every photo record that is not deleted needs its blobs. */
  blobs: ReadonlyMap<string, Uint8Array>;
  /** Backups only. */
  tables?: Readonly<Record<string, readonly unknown[]>>;
}

/** Local-time fields, so the DOS time fflate writes is the same in every time zone. */
const FIXED_MTIME = new Date(1980, 0, 1, 12, 0, 0);

const encoder = new TextEncoder();

/** Checks the same things readPackage checks and throws the same PackageError codes. */
export async function writePackage(input: PackageInput): Promise<Uint8Array> {
  const records = sortedRecords(input.records);
  checkPhotoBlobs(records, input.blobs);

  const files = new Map<string, { data: Uint8Array; level: 0 | 6 }>();
  files.set(RECORDS_PATH, { data: encoder.encode(recordsToGeoJsonText(records)), level: 6 });
  for (const [sha256, data] of input.blobs) {
    if ((await sha256Hex(data)) !== sha256) throw new PackageError('blob-name-mismatch', { path: blobPath(sha256) });
    files.set(blobPath(sha256), { data, level: 0 });
  }
  for (const [name, rows] of Object.entries(input.tables ?? {})) {
    if (input.kind !== 'backup' || !TABLE_NAME.test(name))
      throw new PackageError('unexpected-file', { path: tablePath(name) });
    if (!Array.isArray(rows)) throw new PackageError('table-invalid', { name });
    files.set(tablePath(name), { data: encoder.encode(tableText(rows)), level: 6 });
  }

  const paths = [...files.keys()].sort();
  const listing: Record<string, PackageFileEntry> = {};
  for (const path of paths) {
    const data = files.get(path)!.data;
    listing[path] = { sha256: await sha256Hex(data), bytes: data.length };
  }
  const counts = emptyCounts();
  for (const record of records) counts[record.kind] += 1;
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    kind: input.kind,
    packageId: input.packageId,
    createdAt: input.createdAt,
    author: input.author,
    appVersion: input.appVersion,
    dataVersion: input.dataVersion,
    since: input.since,
    counts,
    files: listing,
  };
  checkManifest(manifest);

  const zippable: Zippable = {
    [MANIFEST_PATH]: [encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`), { level: 6, mtime: FIXED_MTIME }],
  };
  for (const path of paths) {
    const file = files.get(path)!;
    zippable[path] = [file.data, { level: file.level, mtime: FIXED_MTIME }];
  }
  return zipSync(zippable);
}

function sortedRecords(input: readonly FieldRecord[]): FieldRecord[] {
  const byKey = new Map<string, FieldRecord>();
  input.forEach((raw, index) => {
    const record = canonicalRecord(raw);
    const reason = validateFieldRecord(record);
    if (reason) throw new PackageError('invalid-record', { index: index + 1, id: String(raw?.id), detail: reason });
    const key = fieldRecordKey(record);
    if (byKey.has(key)) throw new PackageError('duplicate-record', { key });
    byKey.set(key, record);
  });
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

/** Blobs a record needs in the package: the image and its thumbnail, unless the photo is deleted. */
export function requiredBlobs(record: FieldRecord): string[] {
  if (record.kind !== 'photo' || record.deleted) return [];
  return record.body.thumbSha256 ? [record.body.sha256, record.body.thumbSha256] : [record.body.sha256];
}

export function checkPhotoBlobs(records: readonly FieldRecord[], blobs: { has(sha256: string): boolean }): void {
  for (const record of records)
    for (const sha256 of requiredBlobs(record))
      if (!blobs.has(sha256)) throw new PackageError('missing-blob', { id: record.id, sha256 });
}

/** One row per line, like records.geojson. */
function tableText(rows: readonly unknown[]): string {
  return rows.length === 0 ? '[]\n' : `[\n${rows.map((row) => JSON.stringify(row) ?? 'null').join(',\n')}\n]\n`;
}
