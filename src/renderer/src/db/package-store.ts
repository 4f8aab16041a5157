import { mergeWrites, planMerge, resolveConflict, type MergeConflict } from '../../../core/field/merge';
import { PackageError } from '../../../core/field/package-error';
import { readPackage, writePackage } from '../../../core/field/package';
import { requiredBlobs } from '../../../core/field/package-write';
import { newRev } from '../../../core/field/rev';
import { fieldRecordKey, type FieldRecord } from '../../../shared/field';
import { commitRecords, keysChangedLocallySince } from './field-store';
import type { BlobRow, OutuDb } from './outu-db';

export interface PackageOrigin {
  author: string;
  appVersion: string;
  dataVersion: string;
  now?: string;
}

async function blobBytes(rows: readonly (BlobRow | undefined)[]): Promise<Map<string, Uint8Array>> {
  const blobs = new Map<string, Uint8Array>();
  for (const row of rows) if (row) blobs.set(row.sha256, new Uint8Array(await row.blob.arrayBuffer()));
  return blobs;
}

/** The blobs the given records refer to (originals and thumbnails of photos that are not deleted). */
async function blobsFor(db: OutuDb, records: readonly FieldRecord[]): Promise<Map<string, Uint8Array>> {
  return blobBytes(await db.blobs.bulkGet([...new Set(records.flatMap(requiredBlobs))]));
}

/**
 * "My changes since …" (or every record when `since` is null) as one package: the current state of
 * each record this profile changed, tombstones included, with the photo bytes they need.
 */
export async function exportChanges(db: OutuDb, since: string | null, origin: PackageOrigin) {
  const all = await db.fieldRecords.toArray();
  const keys = since === null ? null : await keysChangedLocallySince(db, since);
  const records = keys ? all.filter((r) => keys.has(fieldRecordKey(r))) : all;
  const bytes = await writePackage({
    kind: 'changes',
    packageId: newRev(),
    createdAt: origin.now ?? new Date().toISOString(),
    author: origin.author,
    appVersion: origin.appVersion,
    dataVersion: origin.dataVersion,
    since,
    records,
    blobs: await blobsFor(db, records),
  });
  return { bytes, records: records.length };
}

export interface ImportOutcome {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: MergeConflict[];
  author: string;
}

function blobRows(records: readonly FieldRecord[], blobs: ReadonlyMap<string, Uint8Array>): BlobRow[] {
  const types = new Map<string, string>();
  for (const r of records) {
    if (r.kind !== 'photo') continue;
    types.set(r.body.sha256, r.body.mimeType);
    if (r.body.thumbSha256) types.set(r.body.thumbSha256, 'image/jpeg');
  }
  return [...blobs].map(([sha256, bytes]) => {
    const type = types.get(sha256) ?? 'application/octet-stream';
    return { sha256, type, size: bytes.length, blob: new Blob([bytes.slice()], { type }) };
  });
}

/**
 * Merges another person's package: new records are added, records that only they changed are
 * taken, records both changed come back as conflicts for the user (nothing written for them yet).
 * The package is checked whole before anything is written; a bad one throws PackageError.
 */
export async function importChanges(
  db: OutuDb,
  bytes: Uint8Array,
  context: { author: string; onWriting?: () => void },
): Promise<ImportOutcome> {
  const pkg = await readPackage(bytes);
  if (pkg.manifest.kind !== 'changes') throw new PackageError('not-outu-package', { detail: 'backup' });
  const local = await db.fieldRecords.bulkGet(pkg.records.map((r) => [r.kind, r.id] as [FieldRecord['kind'], string]));
  const localMap = new Map<string, FieldRecord>();
  for (const record of local) if (record) localMap.set(fieldRecordKey(record), record);
  const plan = planMerge(localMap, pkg.records);
  const writes = mergeWrites(plan);
  await commitRecords(db, writes, {
    author: context.author,
    label: pkg.manifest.author,
    origin: 'import',
    blobs: blobRows(writes, pkg.blobs),
    ...(context.onWriting ? { onWriting: context.onWriting } : {}),
  });
  return {
    added: plan.add.length,
    updated: plan.fastForward.length + plan.converged.length,
    unchanged: plan.unchanged.length + plan.localNewer.length,
    conflicts: plan.conflicts,
    author: pkg.manifest.author,
  };
}

/** Stores the user's choices for conflicts as new revisions (one undoable transaction). */
export async function resolveConflicts(
  db: OutuDb,
  conflicts: readonly MergeConflict[],
  choices: ReadonlyMap<string, 'local' | 'incoming'>,
  who: { author: string; label: string; now?: string },
  incomingBlobs?: ReadonlyMap<string, Uint8Array>,
) {
  const now = who.now ?? new Date().toISOString();
  const records = conflicts.flatMap(({ local, incoming }) => {
    const choice = choices.get(fieldRecordKey(local));
    return choice ? [resolveConflict(local, incoming, choice, { author: who.author, now, rev: newRev() })] : [];
  });
  return commitRecords(db, records, {
    author: who.author,
    label: who.label,
    origin: 'resolve',
    ...(incomingBlobs ? { blobs: blobRows(records, incomingBlobs) } : {}),
  });
}

/** Tables a backup carries besides field records and blobs. Coverage runs are a cache; projects are shipped data. */
const BACKUP_TABLES = [
  'settings',
  'layerState',
  'facilitySets',
  'facilities',
  'scenarios',
  'indicatorRecords',
  'changes',
] as const;

/** The whole local database in one file. */
export async function createBackup(db: OutuDb, origin: PackageOrigin): Promise<Uint8Array> {
  const records = await db.fieldRecords.toArray();
  const blobs = await blobBytes(await db.blobs.toArray());
  const tables: Record<string, unknown[]> = {};
  for (const name of BACKUP_TABLES) tables[name] = await db.table(name).toArray();
  return writePackage({
    kind: 'backup',
    packageId: newRev(),
    createdAt: origin.now ?? new Date().toISOString(),
    author: origin.author,
    appVersion: origin.appVersion,
    dataVersion: origin.dataVersion,
    since: null,
    records,
    blobs,
    tables,
  });
}

/**
 * Replaces the local database with a backup, in one transaction: if the file is bad nothing is
 * touched (it is checked whole first), if the write fails the old data stays.
 */
export async function restoreBackup(db: OutuDb, bytes: Uint8Array): Promise<{ records: number; blobs: number }> {
  const pkg = await readPackage(bytes);
  if (pkg.manifest.kind !== 'backup') throw new PackageError('not-outu-package', { detail: 'changes' });
  const tables = [...BACKUP_TABLES.map((name) => db.table(name)), db.fieldRecords, db.blobs];
  const blobs = blobRows(pkg.records, pkg.blobs);
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
    for (const name of BACKUP_TABLES) await db.table(name).bulkPut(pkg.tables[name] ?? []);
    await db.fieldRecords.bulkPut(pkg.records);
    await db.blobs.bulkPut(blobs);
  });
  return { records: pkg.records.length, blobs: blobs.length };
}
