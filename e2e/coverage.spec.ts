import type { Page } from '@playwright/test';
import { COUNTIES } from '../src/shared/counties';
import { expect, openApp, test } from './fixtures';

async function openCoverage(page: Page) {
  await page.getByTestId('tab-coverage').click();
  await expect(page.getByTestId('coverage-panel')).toBeVisible();
}

async function runPreset(page: Page, preset: string) {
  await page.getByTestId('coverage-preset').selectOption(preset);
  await page.getByTestId('coverage-run').click();
  await expect(page.getByTestId('coverage-results')).toBeVisible({ timeout: 60_000 });
}

const bandFeatureCount = (page: Page) =>
  page.evaluate(() => window.__outuMap!.querySourceFeatures('coverage-bands').length);

test('the 1.5-hour rural preset from the county centres fills the county table and draws coverage', async ({
  page,
}) => {
  await openApp(page);
  await openCoverage(page);
  await expect(page.getByTestId('coverage-facility-count')).toContainText('12');
  await runPreset(page, 'rural-drive-90');
  await expect(page.getByTestId('coverage-source')).toHaveAttribute('data-from-cache', 'false');

  const rows = page.locator('[data-testid="coverage-county-table"] tbody tr[data-adcode]');
  await expect(rows).toHaveCount(12);
  const mountainRows = page.locator('[data-testid="coverage-county-table"] tbody tr[data-adcode].mountain');
  await expect(mountainRows).toHaveCount(COUNTIES.filter((c) => c.mountain).length);
  const percentages = await rows.evaluateAll((trs) => trs.map((tr) => Number.parseFloat(tr.children[3]!.textContent!)));
  for (const pct of percentages) expect(pct).toBeGreaterThan(0);
  await expect(page.getByTestId('coverage-row-mountain')).toBeVisible();
  await expect(page.getByTestId('coverage-summary')).toContainText('%');

  await expect.poll(() => bandFeatureCount(page)).toBeGreaterThan(0);
  const rendered = await page.evaluate(
    () => window.__outuMap!.queryRenderedFeatures({ layers: ['coverage-band-fill'] }).length,
  );
  expect(rendered).toBeGreaterThan(0);
});

test('the 10-minute walk on the sample fitness facilities draws rings; a reload shows the saved run at once', async ({
  page,
}) => {
  // Loads nine sample sets, runs, reloads: over a minute idle, past the default limit on a busy machine.
  test.slow();
  await openApp(page);
  await page.getByTestId('tab-facilities').click();
  await page.getByTestId('load-samples').click();
  // Nine sample sets are read, snapped and saved one by one: over 30 s on a busy machine.
  await expect(page.locator('[data-testid="facility-sets"] li')).toHaveCount(9, { timeout: 120_000 });
  await openCoverage(page);
  await page.getByTestId('coverage-preset').selectOption('fitness-walk-10');
  await expect(page.getByTestId('coverage-facility-count')).toContainText('2000');
  await page.getByTestId('coverage-run').click();
  await expect(page.getByTestId('coverage-results')).toBeVisible({ timeout: 60_000 });

  // Two thresholds (5, 10 min) give two rings.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [
          ...new Set(window.__outuMap!.querySourceFeatures('coverage-bands').map((f) => Number(f.properties['band']))),
        ].sort(),
      ),
    )
    .toEqual([0, 1]);
  const summary = await page.getByTestId('coverage-summary').textContent();

  await page.reload();
  await openApp(page);
  await openCoverage(page);
  // Restored from IndexedDB without a new computation.
  await expect(page.getByTestId('coverage-results')).toBeVisible({ timeout: 5_000 });
  await expect(page.getByTestId('coverage-source')).toHaveAttribute('data-from-cache', 'true');
  await expect(page.getByTestId('coverage-summary')).toHaveText(summary!);
  await expect.poll(() => bandFeatureCount(page)).toBeGreaterThan(0);

  // Running the same inputs again is answered from the cache, instantly.
  await page.getByTestId('coverage-preset').selectOption('fitness-walk-10');
  await page.getByTestId('coverage-run').click();
  await expect(page.getByTestId('coverage-source')).toHaveAttribute('data-from-cache', 'true');
});
