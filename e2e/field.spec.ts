import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, launchProfile, newProfileDir, openApp, test } from './fixtures';
import { fieldTables, setAuthor, storedPhotoHashes, addAnnotationOnMap } from './field-helpers';

const photo = (name: string) => join(__dirname, 'fixtures', 'photos', name);
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function exportPackage(page: Page, path: string) {
  const download = page.waitForEvent('download');
  await page.getByTestId('exchange-export').click();
  await (await download).saveAs(path);
  await expect(page.getByTestId('exchange-message')).toContainText('已导出');
}

async function importPackage(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('exchange-import').click();
  await (await chooser).setFiles(path);
}

test('an annotation with two photos is still there after a reload; EXIF position offered; undo/redo', async ({
  page,
}) => {
  await openApp(page);
  await setAuthor(page, '张三');
  await addAnnotationOnMap(page);
  await page.getByTestId('annotation-title').fill('瓯海区体育中心工地');
  await page.getByTestId('annotation-status').selectOption('under-construction');
  await page.getByTestId('annotation-save').click();
  await expect(page.getByTestId('field-item')).toContainText('瓯海区体育中心工地');

  await page.getByTestId('photo-input').setInputFiles([photo('site-a.jpg'), photo('site-b.jpg')]);
  await expect(page.getByTestId('photo-thumb')).toHaveCount(2);
  // site-a.jpg carries GPS (27.9939 N, 120.6994 E): offered as the annotation's position.
  await expect(page.getByTestId('exif-offer')).toContainText('site-a.jpg');
  const clicked = await page.getByTestId('annotation-position').textContent();
  await page.getByTestId('exif-use').click();
  await expect(page.getByTestId('annotation-position')).toHaveText('120.699400, 27.993900');

  await page.getByTestId('field-undo').click();
  await expect(page.getByTestId('annotation-position')).toHaveText(clicked!);
  await page.getByTestId('field-redo').click();
  await expect(page.getByTestId('annotation-position')).toHaveText('120.699400, 27.993900');

  await openApp(page);
  await page.getByTestId('tab-field').click();
  await expect(page.getByTestId('field-item')).toHaveCount(1);
  await page.getByTestId('field-item').click();
  await expect(page.getByTestId('annotation-title')).toHaveValue('瓯海区体育中心工地');
  await expect(page.getByTestId('photo-thumb')).toHaveCount(2);
  expect((await storedPhotoHashes(page)).sort()).toEqual(
    [sha256(photo('site-a.jpg')), sha256(photo('site-b.jpg'))].sort(),
  );
  const rendered = await page
    .locator('[data-testid=photo-thumb] img')
    .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
  expect(rendered.every((w) => w > 0 && w <= 320)).toBe(true);
});

test('a file that is not an image is refused with its name; the others are kept', async ({ page }) => {
  await openApp(page);
  await setAuthor(page, '张三');
  await addAnnotationOnMap(page);
  await page.getByTestId('photo-input').setInputFiles([
    { name: 'site-b.jpg', mimeType: 'image/jpeg', buffer: readFileSync(photo('site-b.jpg')) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
  ]);
  await expect(page.getByTestId('photo-thumb')).toHaveCount(1);
  await expect(page.getByTestId('error-banner')).toContainText('notes.txt');
});

async function searchProject(page: Page, name: string) {
  await page.getByTestId('search-input').fill(name);
  await expect(page.getByTestId('search-results')).toContainText(name);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('detail-title')).toHaveText(name);
}

test('moving a project to its real site makes it site precision, keeps the original, survives a reload', async ({
  page,
}) => {
  await openApp(page);
  await setAuthor(page, '王五');
  await page.getByTestId('tab-projects').click();
  await searchProject(page, '龙港市人民医院建设工程');
  const detail = page.getByTestId('detail-panel');
  await expect(detail).toContainText('县级（县政府驻地）');

  await page.getByTestId('position-start').click();
  const marker = page.getByTestId('correction-marker');
  const box = (await marker.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height + 40, { steps: 8 });
  await page.mouse.up();
  await page.getByTestId('position-save').click();

  await expect(detail).toContainText('具体地点');
  await expect(page.getByTestId('position-correction')).toContainText('王五');
  await expect(page.getByTestId('position-correction')).toContainText('县级');

  await openApp(page);
  await page.getByTestId('tab-projects').click();
  await searchProject(page, '龙港市人民医院建设工程');
  await expect(page.getByTestId('detail-panel')).toContainText('具体地点');
  const [position] = (await fieldTables(page)).position;
  expect(position).toMatchObject({
    deleted: false,
    updatedBy: '王五',
    body: { original: { geocodePrecision: 'county' } },
  });
});

test('a package exported, the profile cleared, the package imported: everything is back, photos byte-identical', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await setAuthor(page, '张三');
  await addAnnotationOnMap(page);
  await page.getByTestId('annotation-title').fill('泰顺县文化礼堂');
  await page.getByTestId('annotation-save').click();
  await page.getByTestId('photo-input').setInputFiles([photo('site-a.jpg'), photo('site-b.jpg')]);
  await expect(page.getByTestId('photo-thumb')).toHaveCount(2);
  await page.getByTestId('tab-projects').click();
  await searchProject(page, '龙港市人民医院建设工程');
  await page.getByTestId('progress-percent').fill('40');
  await page.getByTestId('progress-note').fill('主体结构封顶');
  await page.getByTestId('progress-add').click();
  await expect(page.getByTestId('progress-history')).toContainText('主体结构封顶');
  const before = await fieldTables(page);

  await page.getByTestId('tab-field').click();
  const packagePath = testInfo.outputPath('field.zip');
  await exportPackage(page, packagePath);

  const fresh = newProfileDir();
  const other = await launchProfile(fresh);
  try {
    const page2 = other.pages()[0] ?? (await other.newPage());
    await openApp(page2);
    expect((await fieldTables(page2)).annotation).toHaveLength(0);
    await setAuthor(page2, '李四');
    await importPackage(page2, packagePath);
    await expect(page2.getByTestId('exchange-message')).toContainText('新增 4');
    const after = await fieldTables(page2);
    for (const kind of ['annotation', 'photo', 'progress'] as const)
      expect(after[kind].map((r) => r.rev).sort()).toEqual(before[kind].map((r) => r.rev).sort());
    expect((await storedPhotoHashes(page2)).sort()).toEqual(
      [sha256(photo('site-a.jpg')), sha256(photo('site-b.jpg'))].sort(),
    );
    await page2.getByTestId('field-item').click();
    await expect(page2.getByTestId('photo-thumb')).toHaveCount(2);

    // The same package again changes nothing.
    await importPackage(page2, packagePath);
    await expect(page2.getByTestId('exchange-message')).toContainText('新增 0，更新 0，未变 4，冲突 0');
  } finally {
    await other.close();
    rmSync(fresh, { recursive: true, force: true });
  }
});

async function editTitle(page: Page, title: string) {
  await page.getByTestId('tab-field').click();
  await page.getByTestId('field-item').first().click();
  await page.getByTestId('annotation-title').fill(title);
  await page.getByTestId('annotation-save').click();
  await expect(page.getByTestId('field-item').first()).toContainText(title);
}

test('two people edit the same annotation: the import shows the conflict and the chosen version wins', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await setAuthor(page, '张三');
  await addAnnotationOnMap(page);
  const first = testInfo.outputPath('a-1.zip');
  await exportPackage(page, first);

  const profileB = newProfileDir();
  let other: BrowserContext | null = await launchProfile(profileB);
  try {
    const pageB = other.pages()[0] ?? (await other.newPage());
    await openApp(pageB);
    await setAuthor(pageB, '李四');
    await importPackage(pageB, first);
    await expect(pageB.getByTestId('exchange-message')).toContainText('新增 1');

    await editTitle(page, '张三的版本');
    await editTitle(pageB, '李四的版本');
    const fromB = testInfo.outputPath('b-1.zip');
    await exportPackage(pageB, fromB);
    await other.close();
    other = null;

    await importPackage(page, fromB);
    const dialog = page.getByTestId('conflict-dialog');
    await expect(dialog.getByTestId('conflict')).toHaveCount(1);
    await expect(dialog).toContainText('张三的版本');
    await expect(dialog).toContainText('李四的版本');
    await dialog.getByTestId('conflict-take-incoming').check();
    await dialog.getByTestId('conflict-apply').click();
    await expect(page.getByTestId('exchange-message')).toContainText('已处理 1 条冲突');
    await expect(page.getByTestId('field-item').first()).toContainText('李四的版本');

    // After the choice, the same package is no news.
    await importPackage(page, fromB);
    await expect(page.getByTestId('exchange-message')).toContainText('冲突 0');
    await expect(page.getByTestId('conflict-dialog')).toHaveCount(0);
  } finally {
    await other?.close();
    rmSync(profileB, { recursive: true, force: true });
  }
});

test('an annotation at the device position keeps its accuracy; one attached to a project names it', async ({
  page,
  context,
}) => {
  await context.setGeolocation({ longitude: 120.0862, latitude: 27.8345, accuracy: 15 });
  await openApp(page);
  await context.grantPermissions(['geolocation']);
  await setAuthor(page, '张三');
  await page.getByTestId('field-add-device').click();
  await expect(page.getByTestId('annotation-position')).toHaveText('120.086200, 27.834500');
  await expect(page.getByTestId('annotation-editor')).toContainText('设备定位 · ±15 m');

  await page.getByTestId('tab-projects').click();
  await searchProject(page, '龙港市人民医院建设工程');
  await page.getByTestId('detail-annotate').click();
  const editor = page.getByTestId('annotation-editor');
  await expect(page.getByTestId('annotation-title')).toHaveValue('龙港市人民医院建设工程');
  await expect(editor).toContainText('关联对象的位置');
  await expect(page.getByTestId('annotation-category')).toHaveValue('health');
  expect((await fieldTables(page)).annotation.map((a) => a.body)).toContainEqual(
    expect.objectContaining({ attachedTo: { kind: 'project', seq: expect.any(Number) } }),
  );
});

test('annotations export as CSV for other tools; a backup restores everything into an empty profile', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await setAuthor(page, '张三');
  await addAnnotationOnMap(page);
  await page.getByTestId('annotation-title').fill('备份测试，含逗号');
  await page.getByTestId('annotation-save').click();
  await page.getByTestId('photo-input').setInputFiles([photo('site-a.jpg')]);
  await expect(page.getByTestId('photo-thumb')).toHaveCount(1);

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('annotations-export-csv').click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
  const titleColumn = rows[0]!.indexOf('标题 (title)');
  expect(titleColumn).toBeGreaterThanOrEqual(0);
  expect(rows[1]![titleColumn]).toBe('备份测试，含逗号');

  const backupPath = testInfo.outputPath('backup.zip');
  const backupDownload = page.waitForEvent('download');
  await page.getByTestId('backup-create').click();
  await (await backupDownload).saveAs(backupPath);

  const fresh = newProfileDir();
  const other = await launchProfile(fresh);
  try {
    const page2 = other.pages()[0] ?? (await other.newPage());
    await openApp(page2);
    await page2.getByTestId('tab-field').click();
    page2.on('dialog', (dialog) => void dialog.accept());
    const chooser = page2.waitForEvent('filechooser');
    await page2.getByTestId('backup-restore').click();
    await (await chooser).setFiles(backupPath);
    // The app starts again from the restored database.
    await page2.waitForEvent('load');
    await page2.waitForFunction(() => document.documentElement.dataset.mapIdle === 'true', null, { timeout: 60_000 });
    await page2.getByTestId('tab-field').click();
    await expect(page2.getByTestId('field-author')).toHaveValue('张三');
    await expect(page2.getByTestId('field-item')).toContainText('备份测试，含逗号');
    expect(await storedPhotoHashes(page2)).toEqual([sha256(photo('site-a.jpg'))]);
  } finally {
    await other.close();
    rmSync(fresh, { recursive: true, force: true });
  }
});
