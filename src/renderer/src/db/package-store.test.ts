import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { PackageError } from '../../../core/field/package';
import { sha256Hex } from '../../../core/import/sha256';
import type { AnnotationBody, FieldRecordOf, PhotoBody } from '../../../shared/field';
import { commitEdits, fieldRecordsOf } from './field-store';
import { OutuDb } from './outu-db';
import { createBackup, exportChanges, importChanges, resolveConflicts, restoreBackup } from './package-store';

const body = (title: string): AnnotationBody => ({
  title,
  note: '',
  status: 'in-service',
  category: 'health',
  lon: 120.65,
  lat: 28.01,
  accuracyM: null,
  positionSource: 'map',
  attachedTo: null,
});
const origin = (author: string) => ({ author, appVersion: 'test', dataVersion: 'v1' });
const photoBytes = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 7) % 251));

async function photoBody(annotationId: string): Promise<PhotoBody> {
  return {
    annotationId,
    name: 'site.jpg',
    mimeType: 'image/jpeg',
    size: photoBytes.length,
    sha256: await sha256Hex(photoBytes),
    thumbSha256: null,
    width: null,
    height: null,
    takenAt: null,
    exifLon: null,
    exifLat: null,
  };
}

describe('exchange packages between two laptops', () => {
  const opened: OutuDb[] = [];
  const openDb = async (name: string) => {
    const db = new OutuDb(name, undefined, { indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(db);
    await db.open();
    return db;
  };
  afterEach(() => opened.splice(0).forEach((db) => db.close()));
  const edit = (author: string) => ({ author, label: 'test', origin: 'edit' as const });

  /** A shares three annotations with B; then both work offline. */
  async function twoLaptops() {
    const a = await openDb('a');
    const b = await openDb('b');
    await commitEdits(
      a,
      ['keep', 'clash', 'gone'].map((id) => ({ kind: 'annotation' as const, id, body: body(id) })),
      edit('张三'),
    );
    await importChanges(b, (await exportChanges(a, null, origin('张三'))).bytes, { author: '李四' });
    return { a, b };
  }

  it('merges one conflict, one deletion and one photo; the conflict waits for the user', async () => {
    const { a, b } = await twoLaptops();
    await commitEdits(a, [{ kind: 'annotation', id: 'clash', body: body('A 的标题') }], edit('张三'));
    await commitEdits(b, [{ kind: 'annotation', id: 'clash', body: body('B 的标题') }], edit('李四'));
    await commitEdits(b, [{ kind: 'annotation', id: 'gone', body: body('gone'), deleted: true }], edit('李四'));
    await commitEdits(b, [{ kind: 'photo', id: 'p1', body: await photoBody('keep') }], {
      ...edit('李四'),
      blobs: [
        {
          sha256: await sha256Hex(photoBytes),
          type: 'image/jpeg',
          size: photoBytes.length,
          blob: new Blob([photoBytes]),
        },
      ],
    });

    const fromB = await exportChanges(b, '2000-01-01T00:00:00.000Z', origin('李四'));
    const outcome = await importChanges(a, fromB.bytes, { author: '张三' });
    expect(outcome).toMatchObject({ added: 1, updated: 1, author: '李四' });
    expect(outcome.conflicts).toHaveLength(1);
    const [conflict] = outcome.conflicts;
    expect((conflict!.local as FieldRecordOf<'annotation'>).body.title).toBe('A 的标题');
    expect((conflict!.incoming as FieldRecordOf<'annotation'>).body.title).toBe('B 的标题');

    // Deletion arrived, photo arrived with identical bytes, conflict untouched until chosen.
    expect((await fieldRecordsOf(a, 'annotation')).map((r) => r.id).sort()).toEqual(['clash', 'keep']);
    const [photo] = await fieldRecordsOf(a, 'photo');
    const stored = await a.blobs.get(photo!.body.sha256);
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(photoBytes);
    const clash = (await a.fieldRecords.get(['annotation', 'clash'])) as FieldRecordOf<'annotation'>;
    expect(clash.body.title).toBe('A 的标题');

    await resolveConflicts(a, outcome.conflicts, new Map([['annotation:clash', 'incoming']]), {
      author: '张三',
      label: 'resolve',
    });
    const resolved = (await a.fieldRecords.get(['annotation', 'clash'])) as FieldRecordOf<'annotation'>;
    expect(resolved.body.title).toBe('B 的标题');
    expect(resolved.updatedBy).toBe('张三');

    // Re-importing the same package after the choice is a no-op.
    const changesBefore = await a.changes.count();
    const again = await importChanges(a, fromB.bytes, { author: '张三' });
    expect(again).toMatchObject({ added: 0, updated: 0, conflicts: [] });
    expect(await a.changes.count()).toBe(changesBefore);
  });

  it('importing a package twice is a no-op the second time', async () => {
    const { a, b } = await twoLaptops();
    const pkg = (await exportChanges(a, null, origin('张三'))).bytes;
    const before = await b.fieldRecords.toArray();
    const again = await importChanges(b, pkg, { author: '李四' });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3, conflicts: [] });
    expect(await b.fieldRecords.toArray()).toEqual(before);
  });

  it('"my changes since" carries only what this profile changed after that time', async () => {
    const { a, b } = await twoLaptops();
    await commitEdits(b, [{ kind: 'annotation', id: 'keep', body: body('later') }], {
      ...edit('李四'),
      now: '2030-01-02T00:00:00.000Z',
    });
    const since = await exportChanges(b, '2030-01-01T00:00:00.000Z', origin('李四'));
    expect(since.records).toBe(1);
    const outcome = await importChanges(a, since.bytes, { author: '张三' });
    expect(outcome).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
  });

  it('rejects a truncated or tampered package with a clear error and changes nothing', async () => {
    const { a, b } = await twoLaptops();
    await commitEdits(b, [{ kind: 'annotation', id: 'keep', body: body('B edit') }], edit('李四'));
    const good = (await exportChanges(b, null, origin('李四'))).bytes;
    const snapshot = async () => ({ records: await a.fieldRecords.toArray(), changes: await a.changes.count() });
    const before = await snapshot();

    const truncated = good.slice(0, Math.floor(good.length / 2));
    await expect(importChanges(a, truncated, { author: '张三' })).rejects.toBeInstanceOf(PackageError);

    const files = unzipSync(good);
    const records = new TextDecoder().decode(files['records.geojson']);
    files['records.geojson'] = new TextEncoder().encode(records.replace('B edit', 'X edit'));
    const tampered = zipSync(files);
    const error = await importChanges(a, tampered, { author: '张三' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).code).toBe('file-mismatch');
    expect(await snapshot()).toEqual(before);
  });

  it('a backup restores everything into an empty profile', async () => {
    const { b } = await twoLaptops();
    await commitEdits(b, [{ kind: 'photo', id: 'p1', body: await photoBody('keep') }], {
      ...edit('李四'),
      blobs: [
        {
          sha256: await sha256Hex(photoBytes),
          type: 'image/jpeg',
          size: photoBytes.length,
          blob: new Blob([photoBytes]),
        },
      ],
    });
    await b.settings.put({ key: 'fieldAuthor', value: '李四' });
    await b.facilitySets.put({
      id: 'import-1',
      name: 'x.csv',
      kind: 'import',
      isSample: false,
      sourceCrs: 'wgs84',
      createdAt: '',
      count: 0,
    });
    const backup = await createBackup(b, origin('李四'));

    const empty = await openDb('empty');
    await restoreBackup(empty, backup);
    expect(await empty.fieldRecords.toArray()).toEqual(await b.fieldRecords.toArray());
    expect(await empty.changes.toArray()).toEqual(await b.changes.toArray());
    expect(await empty.settings.get('fieldAuthor')).toEqual({ key: 'fieldAuthor', value: '李四' });
    expect(await empty.facilitySets.count()).toBe(1);
    const blob = await empty.blobs.get(await sha256Hex(photoBytes));
    expect(new Uint8Array(await blob!.blob.arrayBuffer())).toEqual(photoBytes);

    // A backup is not an exchange package, and vice versa: refused before anything changes.
    await expect(importChanges(empty, backup, { author: 'x' })).rejects.toBeInstanceOf(PackageError);
    const pkg = (await exportChanges(b, null, origin('李四'))).bytes;
    await expect(restoreBackup(empty, pkg)).rejects.toBeInstanceOf(PackageError);
    expect(await empty.fieldRecords.count()).toBe(await b.fieldRecords.count());
  });
});
