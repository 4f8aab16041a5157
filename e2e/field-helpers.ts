import type { Page } from '@playwright/test';
import type { FieldRecord, FieldRecordKind } from '../src/shared/field';
import { expect } from './fixtures';

export async function setAuthor(page: Page, name: string) {
  await page.getByTestId('tab-field').click();
  await page.getByTestId('field-author').fill(name);
  await page.getByTestId('field-author').press('Enter');
  await expect(page.getByTestId('field-add-map')).toBeEnabled();
}

/** Adds an annotation by clicking the middle of the map; waits for its editor. */
export async function addAnnotationOnMap(page: Page) {
  await page.getByTestId('tab-field').click();
  await page.getByTestId('field-add-map').click();
  const canvas = page.locator('.maplibregl-canvas').first();
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('annotation-editor')).toBeVisible();
}

/** Every field record in the page's IndexedDB, read with the raw API (not through the app). */
export async function fieldTables(page: Page): Promise<Record<FieldRecordKind, FieldRecord[]>> {
  const rows = await page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('outu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('fieldRecords').objectStore('fieldRecords').getAll();
          request.onsuccess = () => {
            resolve(request.result);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
  const tables: Record<FieldRecordKind, FieldRecord[]> = { annotation: [], photo: [], progress: [], position: [] };
  for (const row of rows as FieldRecord[]) if (!row.deleted) tables[row.kind].push(row);
  return tables;
}

/** SHA-256 of every stored photo original (the blobs the photo records point at), computed in the page. */
export async function storedPhotoHashes(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('outu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['fieldRecords', 'blobs']);
          const records = tx.objectStore('fieldRecords').getAll();
          records.onsuccess = () => {
            const photos = (records.result as { kind: string; deleted: boolean; body: { sha256: string } }[]).filter(
              (r) => r.kind === 'photo' && !r.deleted,
            );
            const blobs = tx.objectStore('blobs');
            Promise.all(
              photos.map(
                (p) =>
                  new Promise<string>((ok, fail) => {
                    const get = blobs.get(p.body.sha256);
                    get.onsuccess = async () => {
                      const digest = await crypto.subtle.digest(
                        'SHA-256',
                        await (get.result.blob as Blob).arrayBuffer(),
                      );
                      ok(Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''));
                    };
                    get.onerror = () => fail(get.error);
                  }),
              ),
            ).then((hashes) => {
              db.close();
              resolve(hashes);
            }, reject);
          };
        };
      }),
  );
}
