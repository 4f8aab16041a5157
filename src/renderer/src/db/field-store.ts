import type { FieldBodies, FieldRecord, FieldRecordKind, FieldRecordOf } from '../../../shared/field';
import { newRev, nextMeta } from '../../../core/field/rev';
import { stableStringify } from '../../../core/util/stable-json';
import type { BlobRow, ChangeOrigin, ChangeRow, OutuDb } from './outu-db';

/** One edit of one record: its new body, or a deletion (the record stays as a tombstone). */
export type FieldEdit = {
  [K in FieldRecordKind]: { kind: K; id: string; body: FieldBodies[K]; deleted?: boolean };
}[FieldRecordKind];

export interface WriteContext {
  author: string;
  label: string;
  origin: ChangeOrigin;
  /** Injected by tests for reproducible times. */
  now?: string;
  /** Photo/thumbnail bytes the records refer to; content addressed, so re-adding is harmless. */
  blobs?: readonly BlobRow[];
  /** Called inside the transaction once it has started writing (durability tests watch for it). */
  onWriting?: () => void;
}

export interface WriteResult {
  txId: string;
  changed: number;
}

/** Key order does not matter: a body read back from a package has canonical order, an edited one may not. */
const sameRecordContent = (a: FieldRecord, body: unknown, deleted: boolean) =>
  a.deleted === deleted && stableStringify(a.body) === stableStringify(body);

/**
 * The one write path for field records. Every user action is one IndexedDB transaction that
 * writes the records, their blobs and a change-log entry per record, so the database holds either
 * all of an action or none of it, and undo and exchange see exactly what happened.
 */
export async function commitEdits(
  db: OutuDb,
  edits: readonly FieldEdit[],
  context: WriteContext,
): Promise<WriteResult> {
  const now = context.now ?? new Date().toISOString();
  const records: FieldRecord[] = [];
  return writeTransaction(db, context, async (log) => {
    for (const edit of edits) {
      const before = (await db.fieldRecords.get([edit.kind, edit.id])) ?? null;
      const deleted = edit.deleted ?? false;
      if (before && sameRecordContent(before, edit.body, deleted)) continue;
      if (!before && deleted) continue;
      const meta = nextMeta(before, edit.id, context.author, now, deleted);
      const after = { ...meta, kind: edit.kind, body: edit.body } as FieldRecord;
      records.push(after);
      await log(before, after);
    }
    return records.length;
  });
}

/**
 * Stores records exactly as given (rev and lineage included): merged package contents and
 * resolved conflicts. Goes through the same transaction and change log as an edit.
 */
export async function commitRecords(
  db: OutuDb,
  records: readonly FieldRecord[],
  context: WriteContext,
): Promise<WriteResult> {
  return writeTransaction(db, context, async (log) => {
    let changed = 0;
    for (const record of records) {
      const before = (await db.fieldRecords.get([record.kind, record.id])) ?? null;
      if (before?.rev === record.rev) continue;
      await log(before, record);
      changed += 1;
    }
    return changed;
  });
}

async function writeTransaction(
  db: OutuDb,
  context: WriteContext,
  body: (log: (before: FieldRecord | null, after: FieldRecord) => Promise<void>) => Promise<number>,
): Promise<WriteResult> {
  const txId = newRev();
  const at = context.now ?? new Date().toISOString();
  let signalled = false;
  const changed = await db.transaction('rw', db.fieldRecords, db.blobs, db.changes, async () => {
    if (context.blobs?.length) {
      const known = new Set(
        (await db.blobs.bulkGet(context.blobs.map((b) => b.sha256))).flatMap((row) => (row ? [row.sha256] : [])),
      );
      const fresh = context.blobs.filter((b) => !known.has(b.sha256));
      if (fresh.length) await db.blobs.bulkPut([...fresh]);
    }
    return body(async (before, after) => {
      await db.fieldRecords.put(after);
      const entry: ChangeRow = {
        txId,
        at,
        author: context.author,
        origin: context.origin,
        label: context.label,
        kind: after.kind,
        id: after.id,
        before,
        after,
      };
      await db.changes.add(entry);
      if (!signalled) {
        signalled = true;
        context.onWriting?.();
      }
    });
  });
  return { txId, changed };
}

/** The change-log entries of one transaction, in the order they were written. */
export async function changesOf(db: OutuDb, txId: string): Promise<ChangeRow[]> {
  return db.changes.where('txId').equals(txId).sortBy('seq');
}

/**
 * Undoes one transaction by writing each record's earlier state as a new change (a record the
 * transaction created becomes a tombstone). Returns the new transaction, itself undoable.
 */
export async function undoTransaction(db: OutuDb, txId: string, context: Omit<WriteContext, 'origin'>) {
  const entries = (await changesOf(db, txId)).reverse();
  const edits = entries.map((entry) =>
    entry.before
      ? editOf(entry.before, entry.before.deleted)
      : ({ ...editOf(entry.after, true), body: entry.after.body } as FieldEdit),
  );
  return commitEdits(db, edits, { ...context, origin: 'undo' });
}

/** Writes again the states a transaction produced (after it was undone). */
export async function redoTransaction(db: OutuDb, txId: string, context: Omit<WriteContext, 'origin'>) {
  const entries = await changesOf(db, txId);
  return commitEdits(
    db,
    entries.map((entry) => editOf(entry.after, entry.after.deleted)),
    { ...context, origin: 'redo' },
  );
}

function editOf(record: FieldRecord, deleted: boolean): FieldEdit {
  return { kind: record.kind, id: record.id, body: record.body, deleted } as FieldEdit;
}

export async function fieldRecordsOf<K extends FieldRecordKind>(
  db: OutuDb,
  kind: K,
  options: { includeDeleted?: boolean } = {},
): Promise<FieldRecordOf<K>[]> {
  const rows = (await db.fieldRecords.where('kind').equals(kind).toArray()) as FieldRecordOf<K>[];
  return options.includeDeleted ? rows : rows.filter((r) => !r.deleted);
}

/**
 * Keys of the records this profile's own writes touched since `since` (ISO time; null = ever):
 * edits, undo/redo and conflict choices, not records that merely arrived in someone's package.
 */
export async function keysChangedLocallySince(db: OutuDb, since: string | null): Promise<Set<string>> {
  const collection = since ? db.changes.where('at').aboveOrEqual(since) : db.changes.toCollection();
  const keys = new Set<string>();
  await collection.each((entry) => {
    if (entry.origin !== 'import' && entry.origin !== 'restore') keys.add(`${entry.kind}:${entry.id}`);
  });
  return keys;
}

export async function readBlob(db: OutuDb, sha256: string): Promise<Blob | null> {
  return (await db.blobs.get(sha256))?.blob ?? null;
}
