import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { FeatureCollection, Point } from 'geojson';
import { COUNTIES } from '../src/shared/counties';
import type { ProjectProps } from '../src/shared/projects';
import { expect, openApp, test } from './fixtures';

const projects = JSON.parse(
  readFileSync(join(__dirname, '..', 'data', 'geo', 'projects.geojson'), 'utf8'),
) as FeatureCollection<Point | null, ProjectProps>;

const metresBetween = ([lon1, lat1]: number[], [lon2, lat2]: number[]) => {
  const rad = Math.PI / 180;
  const x = (lon2! - lon1!) * rad * Math.cos(((lat1! + lat2!) / 2) * rad);
  const y = (lat2! - lat1!) * rad;
  return Math.hypot(x, y) * 6_371_000;
};

async function waitForCatalogue(page: Page) {
  await page.getByTestId('tab-projects').click();
  await expect(page.getByTestId('project-count')).toContainText(`/ ${projects.features.length}`);
}

test('searching a project by name flies to it and shows its investment', async ({ page }) => {
  const target = projects.features.find((f) => f.properties.name === '龙港市人民医院建设工程');
  expect(target?.geometry).toBeTruthy();
  await openApp(page);
  await waitForCatalogue(page);

  await page.getByTestId('search-input').fill('龙港市人民医院建设工程');
  await expect(page.getByTestId('search-results')).toContainText('龙港市人民医院建设工程');
  await page.getByTestId('search-input').press('Enter');

  const detail = page.getByTestId('detail-panel');
  await expect(page.getByTestId('detail-title')).toHaveText('龙港市人民医院建设工程');
  await expect(page.getByTestId('detail-investment-total')).toHaveText(String(target!.properties.investmentTotal));
  await expect(page.getByTestId('detail-investment-plan')).toHaveText(String(target!.properties.investmentPlan));
  await expect(detail).toContainText('龙港市');

  // The camera ends over the project's point, zoomed in.
  await expect
    .poll(async () => {
      const view = await page.evaluate(() => {
        const map = window.__outuMap!;
        const c = map.getCenter();
        return { center: [c.lng, c.lat], zoom: map.getZoom(), moving: map.isMoving() };
      });
      return !view.moving && view.zoom >= 12 && metresBetween(view.center, target!.geometry!.coordinates) < 200;
    })
    .toBe(true);
});

test('filtering to the mountain counties leaves only their projects in the table', async ({ page }) => {
  const mountainNames = COUNTIES.filter((c) => c.mountain).map((c) => c.name);
  const mountainAdcodes = COUNTIES.filter((c) => c.mountain).map((c) => c.adcode);
  const expected = projects.features.filter(
    (f) => f.properties.countyAdcode !== null && mountainAdcodes.includes(f.properties.countyAdcode),
  );
  expect(expected.length).toBeGreaterThan(0);

  await openApp(page);
  await waitForCatalogue(page);
  await page.getByTestId('toggle-table').click();
  await expect(page.locator('[data-testid="project-table"] tbody tr[data-row-key]')).toHaveCount(
    projects.features.length,
  );

  await page.getByTestId('project-mountain-only').check();
  const rows = page.locator('[data-testid="project-table"] tbody tr[data-row-key]');
  await expect(rows).toHaveCount(expected.length);
  const counties = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[4]?.textContent ?? ''));
  for (const county of counties) expect(mountainNames).toContain(county);
  const seqs = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-row-key'))));
  expect(seqs.sort((a, b) => a - b)).toEqual(expected.map((f) => f.properties.seq).sort((a, b) => a - b));

  await expect(page.getByTestId('project-count')).toContainText(`${expected.length} / ${projects.features.length}`);
});

const importFixture = (name: string) => join(__dirname, 'fixtures', 'import', name);

async function importFile(page: Page, file: string, crs: 'wgs84' | 'gcj02' | 'bd09') {
  const dialog = page.getByTestId('import-dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('import-choose').click();
  await (await chooser).setFiles(file);
  await expect(dialog.getByTestId('import-file-info')).toBeVisible();
  await expect(dialog.getByTestId('map-lon')).toHaveValue('经度');
  await expect(dialog.getByTestId('map-lat')).toHaveValue('纬度');
  await dialog.getByTestId(`crs-${crs}`).check();
  await dialog.getByTestId('import-check').click();
}

/** Facilities stored in IndexedDB, read directly: what survives a restart. */
function storedFacilityCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('outu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('facilities').objectStore('facilities').count();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
        };
      }),
  );
}

test('a GCJ-02 CSV with a bad row is refused whole; the fixed file lands where expected and stays', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('tab-facilities').click();
  const sets = page.locator('[data-testid="facility-sets"] li');
  await expect(sets).toHaveCount(1); // the 12 county public service centres
  await expect.poll(() => storedFacilityCount(page)).toBe(12);

  // 1. One bad row in the middle: a clear error list, nothing imported.
  await page.getByTestId('import-facilities').click();
  await importFile(page, importFixture('facilities-gcj02-bad.csv'), 'gcj02');
  const errors = page.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  await expect(errors.getByTestId('import-error-row')).toHaveCount(1);
  await expect(errors.getByTestId('import-error-row')).toContainText('7');
  await expect(errors.getByTestId('import-error-row')).toContainText('纬度');
  await expect(errors.getByTestId('import-error-row')).toContainText('二十八');
  await expect(errors).toContainText('未导入任何数据');
  await expect(page.getByTestId('import-confirm')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(sets).toHaveCount(1);
  expect(await storedFacilityCount(page)).toBe(12);

  // 2. The fixed file (GBK-encoded) imports: 10 facilities, converted from GCJ-02.
  await page.getByTestId('import-facilities').click();
  await importFile(page, importFixture('facilities-gcj02.csv'), 'gcj02');
  await expect(page.getByTestId('import-ready')).toContainText('10');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('10');
  await page.keyboard.press('Escape');
  await expect(sets).toHaveCount(2);
  await expect.poll(() => storedFacilityCount(page)).toBe(22);

  // 3. The first row sits at its WGS-84 position (about 500 m from the GCJ-02 numbers in the file).
  await page.getByTestId('search-input').fill('【示例】鹿城卫生服务点 01');
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('detail-title')).toHaveText('【示例】鹿城卫生服务点 01');
  await expect(page.getByTestId('detail-panel')).toContainText('120.637697, 28.000075');
  await expect
    .poll(() =>
      page.evaluate(() => {
        const map = window.__outuMap!;
        if (map.isMoving()) return [];
        const at = map.project([120.637697, 28.000075]);
        return map
          .queryRenderedFeatures(
            [
              [at.x - 4, at.y - 4],
              [at.x + 4, at.y + 4],
            ],
            { layers: ['facility-point'] },
          )
          .map((f) => f.properties.name);
      }),
    )
    .toContain('【示例】鹿城卫生服务点 01');

  // 4. Importing the same file again replaces it: still 22, still two sets.
  await page.getByTestId('import-facilities').click();
  await importFile(page, importFixture('facilities-gcj02.csv'), 'gcj02');
  await expect(page.getByTestId('import-dialog')).toContainText('以前导入过');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sets).toHaveCount(2);
  expect(await storedFacilityCount(page)).toBe(22);

  // 5. After a restart everything is still there.
  await page.reload();
  await openApp(page);
  await page.getByTestId('tab-facilities').click();
  await expect(sets).toHaveCount(2);
  await expect(page.getByTestId('facility-count')).toContainText('22 / 22');
  await page.getByTestId('toggle-table').click();
  await expect(page.locator('[data-testid="facility-table"] tbody tr[data-row-key]')).toHaveCount(22);
});
