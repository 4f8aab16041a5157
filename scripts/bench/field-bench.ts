/**
 * Field records in IndexedDB (fake-indexeddb under Node: slower than Chromium's IndexedDB, but the
 * ratios between cases hold) — 1,000 annotations with one photo each (a real 33 KB JPEG made
 * unique per annotation, so content addressing cannot deduplicate it):
 * - saving them through the write path, one user action (transaction + change log) per annotation,
 *   hashing the photo bytes as the app does;
 * - exporting everything as one package and importing it into an empty profile.
 * Baseline: one Dexie bulkPut of the same records and blobs, with no change log and no checks.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { sha256Hex } from '../../src/core/import/sha256';
import type { AnnotationBody, FieldRecord, PhotoBody } from '../../src/shared/field';
import { commitEdits } from '../../src/renderer/src/db/field-store';
import { OutuDb, type BlobRow } from '../../src/renderer/src/db/outu-db';
import { exportChanges, importChanges } from '../../src/renderer/src/db/package-store';
import { defineBench } from './bench-types';

const COUNT = 1000;
const JPEG = readFileSync(join(__dirname, '..', '..', 'e2e', 'fixtures', 'photos', 'site-a.jpg'));

interface FieldContext {
  photos: Uint8Array[];
  packageBytes: Uint8Array;
  filled: OutuDb;
}

let dbCount = 0;
async function freshDb(): Promise<OutuDb> {
  const db = new OutuDb(`bench-${dbCount++}`, undefined, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
}

const annotationBody = (i: number): AnnotationBody => ({
  title: `现场核查 ${i}`,
  note: '主体结构已完成，外立面施工中。'.repeat(3),
  status: 'under-construction',
  category: 'sports',
  lon: 120.3 + (i % 40) * 0.01,
  lat: 27.6 + Math.floor(i / 40) * 0.01,
  accuracyM: 8,
  positionSource: 'device',
  attachedTo: null,
});

/** A valid JPEG per index: bytes after the end-of-image marker are ignored by decoders. */
function uniqueJpeg(i: number): Uint8Array {
  const tail = new TextEncoder().encode(`outu-bench-${i}`);
  const bytes = new Uint8Array(JPEG.length + tail.length);
  bytes.set(JPEG);
  bytes.set(tail, JPEG.length);
  return bytes;
}

const photoBody = (i: number, sha256: string, size: number): PhotoBody => ({
  annotationId: `a-${i}`,
  name: `IMG_${i}.jpg`,
  mimeType: 'image/jpeg',
  size,
  sha256,
  thumbSha256: null,
  width: 640,
  height: 480,
  takenAt: '2026-11-20T10:15:00',
  exifLon: 120.6994,
  exifLat: 27.9939,
});

async function saveAll(db: OutuDb, photos: readonly Uint8Array[]): Promise<void> {
  for (let i = 0; i < photos.length; i++) {
    const bytes = photos[i]!;
    const sha256 = await sha256Hex(bytes);
    await commitEdits(
      db,
      [
        { kind: 'annotation', id: `a-${i}`, body: annotationBody(i) },
        { kind: 'photo', id: `p-${i}`, body: photoBody(i, sha256, bytes.length) },
      ],
      {
        author: '张三',
        label: 'bench',
        origin: 'edit',
        blobs: [{ sha256, type: 'image/jpeg', size: bytes.length, blob: new Blob([bytes.slice()]) }],
      },
    );
  }
}

const origin = { author: '张三', appVersion: 'bench', dataVersion: 'bench' };

export function fieldBench() {
  return defineBench<FieldContext>({
    id: 'field',
    title: `Field records: ${COUNT.toLocaleString('en')} annotations with one photo each (fake-indexeddb)`,
    runs: 3,
    async setup() {
      const photos = Array.from({ length: COUNT }, (_, i) => uniqueJpeg(i));
      const filled = await freshDb();
      await saveAll(filled, photos);
      const { bytes } = await exportChanges(filled, null, origin);
      const photoMiB = photos.reduce((sum, p) => sum + p.length, 0) / 2 ** 20;
      // Once, in the parent run (memory is measured in child processes that run setup again).
      if (!process.send)
        console.log(
          `  package: ${(bytes.length / 2 ** 20).toFixed(1)} MiB for ${COUNT * 2} records ` +
            `(photo bytes ${photoMiB.toFixed(1)} MiB stored uncompressed; records.geojson deflated)`,
        );
      return { photos, packageBytes: bytes, filled };
    },
    cases: [
      {
        name: 'baseline: one bulkPut of the same records and blobs (no log, no checks)',
        baseline: true,
        async run({ photos }) {
          const db = await freshDb();
          const now = new Date().toISOString();
          const records: FieldRecord[] = [];
          const blobs: BlobRow[] = [];
          for (let i = 0; i < photos.length; i++) {
            const bytes = photos[i]!;
            const sha256 = await sha256Hex(bytes);
            const meta = {
              rev: `r${i}`,
              revs: [`r${i}`],
              createdAt: now,
              createdBy: '张三',
              updatedAt: now,
              updatedBy: '张三',
              deleted: false,
            };
            records.push({ ...meta, kind: 'annotation', id: `a-${i}`, body: annotationBody(i) });
            records.push({ ...meta, kind: 'photo', id: `p-${i}`, body: photoBody(i, sha256, bytes.length) });
            blobs.push({ sha256, type: 'image/jpeg', size: bytes.length, blob: new Blob([bytes.slice()]) });
          }
          await db.transaction('rw', db.fieldRecords, db.blobs, async () => {
            await db.fieldRecords.bulkPut(records);
            await db.blobs.bulkPut(blobs);
          });
          db.close();
        },
      },
      {
        name: 'save: 1,000 user actions through the write path (records + photo + change log)',
        async run({ photos }) {
          const db = await freshDb();
          await saveAll(db, photos);
          db.close();
        },
      },
      {
        name: 'export everything as one package (zip)',
        async run({ filled }) {
          return (await exportChanges(filled, null, origin)).bytes.length;
        },
      },
      {
        name: 'import that package into an empty profile (verify + merge + write)',
        async run({ packageBytes }) {
          const db = await freshDb();
          const outcome = await importChanges(db, packageBytes, { author: '李四' });
          if (outcome.added !== COUNT * 2) throw new Error(`imported ${outcome.added}`);
          db.close();
        },
      },
    ],
  });
}
