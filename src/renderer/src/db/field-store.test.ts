import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationBody, FieldRecordOf } from '../../../shared/field';
import {
  changesOf,
  commitEdits,
  fieldRecordsOf,
  keysChangedLocallySince,
  redoTransaction,
  undoTransaction,
} from './field-store';
import { OutuDb } from './outu-db';

const annotationBody = (over: Partial<AnnotationBody> = {}): AnnotationBody => ({
  title: '鹿城区体育馆',
  note: '',
  status: 'under-construction',
  category: 'sports',
  lon: 120.65,
  lat: 28.01,
  accuracyM: null,
  positionSource: 'map',
  attachedTo: null,
  ...over,
});

const who = { author: '张三', label: 'test' };
const annotationTitle = async (db: OutuDb) =>
  ((await db.fieldRecords.get(['annotation', 'a1'])) as FieldRecordOf<'annotation'> | undefined)?.body.title;

describe('field store: one write path, change log, undo', () => {
  const opened: OutuDb[] = [];
  const openDb = async () => {
    const db = new OutuDb(`field-${opened.length}`, undefined, { indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(db);
    await db.open();
    return db;
  };
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  it('logs every write with before and after, one txId per action', async () => {
    const db = await openDb();
    const created = await commitEdits(db, [{ kind: 'annotation', id: 'a1', body: annotationBody() }], {
      ...who,
      origin: 'edit',
      now: '2026-11-20T10:00:00.000Z',
    });
    const moved = await commitEdits(db, [{ kind: 'annotation', id: 'a1', body: annotationBody({ lon: 120.7 }) }], {
      ...who,
      origin: 'edit',
      now: '2026-11-20T11:00:00.000Z',
    });
    const [first] = await changesOf(db, created.txId);
    const [second] = await changesOf(db, moved.txId);
    expect(first?.before).toBeNull();
    expect(first?.after.body).toMatchObject({ lon: 120.65 });
    expect(second?.before?.rev).toBe(first?.after.rev);
    expect(second?.after.revs).toEqual([first?.after.rev, second?.after.rev]);
    expect(second?.after).toMatchObject({
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T11:00:00.000Z',
    });
  });

  it('skips a write that changes nothing (no log entry, no new rev)', async () => {
    const db = await openDb();
    await commitEdits(db, [{ kind: 'annotation', id: 'a1', body: annotationBody() }], { ...who, origin: 'edit' });
    const again = await commitEdits(db, [{ kind: 'annotation', id: 'a1', body: annotationBody() }], {
      ...who,
      origin: 'edit',
    });
    expect(again.changed).toBe(0);
    expect(await db.changes.count()).toBe(1);
  });

  it('undo restores the earlier state, redo reapplies it, both as new revisions', async () => {
    const db = await openDb();
    await commitEdits(db, [{ kind: 'annotation', id: 'a1', body: annotationBody({ title: 'v1' }) }], {
      ...who,
      origin: 'edit',
    });
    const edit = await commitEdits(db, [{ kind: 'annotation', id: 'a1', body: annotationBody({ title: 'v2' }) }], {
      ...who,
      origin: 'edit',
    });
    const undo = await undoTransaction(db, edit.txId, who);
    expect(await annotationTitle(db)).toBe('v1');
    await redoTransaction(db, edit.txId, who);
    const record = await db.fieldRecords.get(['annotation', 'a1']);
    expect(await annotationTitle(db)).toBe('v2');
    expect(record?.revs).toHaveLength(4);
    await undoTransaction(db, undo.txId, who); // undoing the undo is a redo too
    expect(await annotationTitle(db)).toBe('v2');
  });

  it('undoing a creation leaves a tombstone; undoing a deletion brings the record back', async () => {
    const db = await openDb();
    const created = await commitEdits(db, [{ kind: 'annotation', id: 'a1', body: annotationBody() }], {
      ...who,
      origin: 'edit',
    });
    await undoTransaction(db, created.txId, who);
    expect(await fieldRecordsOf(db, 'annotation')).toHaveLength(0);
    expect(await fieldRecordsOf(db, 'annotation', { includeDeleted: true })).toHaveLength(1);

    await redoTransaction(db, created.txId, who);
    const removal = await commitEdits(db, [{ kind: 'annotation', id: 'a1', body: annotationBody(), deleted: true }], {
      ...who,
      origin: 'edit',
    });
    expect(await fieldRecordsOf(db, 'annotation')).toHaveLength(0);
    await undoTransaction(db, removal.txId, who);
    expect(await fieldRecordsOf(db, 'annotation')).toHaveLength(1);
  });

  it('undoes a multi-record action (annotation with its photo) as one step', async () => {
    const db = await openDb();
    const tx = await commitEdits(
      db,
      [
        { kind: 'annotation', id: 'a1', body: annotationBody() },
        {
          kind: 'photo',
          id: 'p1',
          body: {
            annotationId: 'a1',
            name: 'x.jpg',
            mimeType: 'image/jpeg',
            size: 3,
            sha256: 'f'.repeat(64),
            thumbSha256: null,
            width: null,
            height: null,
            takenAt: null,
            exifLon: null,
            exifLat: null,
          },
        },
      ],
      {
        ...who,
        origin: 'edit',
        blobs: [{ sha256: 'f'.repeat(64), type: 'image/jpeg', size: 3, blob: new Blob([new Uint8Array([1, 2, 3])]) }],
      },
    );
    expect(tx.changed).toBe(2);
    await undoTransaction(db, tx.txId, who);
    expect(await fieldRecordsOf(db, 'annotation')).toHaveLength(0);
    expect(await fieldRecordsOf(db, 'photo')).toHaveLength(0);
    // Blobs stay: content addressed, so a redo needs no bytes.
    expect(await db.blobs.count()).toBe(1);
  });

  it('lists records changed by this profile since a time, not records that arrived by import', async () => {
    const db = await openDb();
    await commitEdits(db, [{ kind: 'annotation', id: 'old', body: annotationBody() }], {
      ...who,
      origin: 'edit',
      now: '2026-11-01T00:00:00.000Z',
    });
    await commitEdits(db, [{ kind: 'annotation', id: 'new', body: annotationBody() }], {
      ...who,
      origin: 'edit',
      now: '2026-11-20T00:00:00.000Z',
    });
    await commitEdits(db, [{ kind: 'annotation', id: 'theirs', body: annotationBody() }], {
      ...who,
      origin: 'import',
      now: '2026-11-21T00:00:00.000Z',
    });
    expect([...(await keysChangedLocallySince(db, '2026-11-10T00:00:00.000Z'))]).toEqual(['annotation:new']);
    expect((await keysChangedLocallySince(db, null)).size).toBe(2);
  });

  it('a failed action stores nothing: records and log roll back together', async () => {
    const db = await openDb();
    const bad = { kind: 'annotation', id: 'a2', body: annotationBody() } as const;
    await expect(
      commitEdits(db, [{ kind: 'annotation', id: 'a1', body: annotationBody() }, bad], {
        ...who,
        origin: 'edit',
        onWriting: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await db.fieldRecords.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });
});
