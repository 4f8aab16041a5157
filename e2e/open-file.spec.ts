import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const fixture = (name: string) => join(__dirname, 'fixtures', name);

async function chooseFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-file').click();
  await (await chooser).setFiles(path);
}

test('opening a GeoJSON file draws it over the basemap', async ({ page }) => {
  await openApp(page);
  await chooseFile(page, fixture('two-sites.geojson'));
  await expect(page.getByTestId('overlay-bar')).toContainText('two-sites.geojson');
  await expect(page.getByTestId('overlay-bar')).toContainText('2 个要素');
  await expect
    .poll(() => page.evaluate(() => window.__outuMap!.queryRenderedFeatures({ layers: ['file-overlay-point'] }).length))
    .toBe(1);
  await page.getByTestId('overlay-bar').getByRole('button').click();
  await expect(page.getByTestId('overlay-bar')).toHaveCount(0);
  expect(await page.evaluate(() => Boolean(window.__outuMap!.getSource('file-overlay')))).toBe(false);
});

test('a file in projected coordinates is refused with a clear message', async ({ page }) => {
  await openApp(page);
  await chooseFile(page, fixture('projected-cgcs2000.geojson'));
  await expect(page.getByTestId('error-banner')).toContainText('不是经纬度');
  await expect(page.getByTestId('overlay-bar')).toHaveCount(0);
});
