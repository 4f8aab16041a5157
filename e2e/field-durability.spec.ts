import { rmSync, writeFileSync } from 'node:fs';
import { writePackage } from '../src/core/field/package';
import type { FieldRecordOf } from '../src/shared/field';
import { addAnnotationOnMap, fieldTables, setAuthor } from './field-helpers';
import { expect, launchProfile, newProfileDir, openApp, test } from './fixtures';

const RECORDS = 8000;

function bigPackage(): Promise<Uint8Array> {
  const now = '2026-11-20T08:00:00.000Z';
  const records: FieldRecordOf<'annotation'>[] = Array.from({ length: RECORDS }, (_, i) => ({
    kind: 'annotation',
    id: `bulk-${i}`,
    rev: `rev-${i}`,
    revs: [`rev-${i}`],
    createdAt: now,
    createdBy: '李四',
    updatedAt: now,
    updatedBy: '李四',
    deleted: false,
    body: {
      title: `批量标注 ${i}`,
      note: '现场核查记录。'.repeat(20),
      status: 'in-service',
      category: 'sports',
      lon: 120.3 + (i % 100) * 0.005,
      lat: 27.6 + Math.floor(i / 100) * 0.005,
      accuracyM: 12,
      positionSource: 'device',
      attachedTo: null,
    },
  }));
  return writePackage({
    kind: 'changes',
    packageId: 'durability',
    createdAt: now,
    author: '李四',
    appVersion: 'test',
    dataVersion: 'test',
    since: null,
    records,
    blobs: new Map(),
  });
}

// Playwright requires an object pattern as the first parameter, even when no fixture is used.
// eslint-disable-next-line no-empty-pattern
test('a renderer killed in the middle of a large import leaves the old state or the new one, never a mix', async ({}, testInfo) => {
  const profile = newProfileDir();
  const packagePath = testInfo.outputPath('big.zip');
  writeFileSync(packagePath, await bigPackage());
  let context = await launchProfile(profile);
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    await openApp(page);
    await setAuthor(page, '张三');
    await addAnnotationOnMap(page);

    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('exchange-import').click();
    await (await chooser).setFiles(packagePath);
    // Set inside the IndexedDB transaction once it has written its first record.
    await page.waitForFunction(() => document.documentElement.dataset.fieldWriting === 'true', null, {
      polling: 10,
      timeout: 60_000,
    });
    const finishedBeforeKill = await page.getByTestId('exchange-message').isVisible();
    await page.goto('chrome://crash').catch(() => undefined);
    await context.close();

    context = await launchProfile(profile);
    page = context.pages()[0] ?? (await context.newPage());
    await openApp(page);
    const annotations = (await fieldTables(page)).annotation.length;
    const changes = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('outu');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('changes').objectStore('changes').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    const outcome = annotations === 1 ? 'old state (transaction rolled back)' : 'new state (transaction committed)';
    testInfo.annotations.push({
      type: 'outcome',
      description: `${outcome}; finished before kill: ${finishedBeforeKill}`,
    });
    console.log(`durability: ${outcome}, ${annotations} annotations, ${changes} change-log entries`);
    expect([1, RECORDS + 1]).toContain(annotations);
    // Records and their change-log entries commit together.
    expect(changes).toBe(annotations);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
