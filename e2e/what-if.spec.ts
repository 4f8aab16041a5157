import { expect, openApp, test } from './fixtures';

const TAISHUN = 330329;

test('a proposed facility dragged into 泰顺县 raises its coverage live', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-coverage').click();
  await page.getByTestId('coverage-preset').selectOption('rural-drive-90');
  await page.getByTestId('coverage-run').click();
  await expect(page.getByTestId('coverage-results')).toBeVisible({ timeout: 60_000 });
  const basePct = Number.parseFloat(
    (await page.locator(`[data-testid="coverage-county-table"] tr[data-adcode="${TAISHUN}"] td`).nth(3).textContent())!,
  );

  // Place a proposed facility in the far south-west of 泰顺, away from the county seat.
  await page.getByTestId('what-if-add').click();
  const start = await page.evaluate(() => {
    const p = window.__outuMap!.project([119.95, 27.42]);
    return { x: p.x, y: p.y };
  });
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + start.x, box.y + start.y);
  const row = page.getByTestId(`what-if-${TAISHUN}`);
  await expect(row).toBeVisible();
  await expect
    .poll(async () => Number.parseFloat((await row.locator('td').nth(2).textContent()) ?? 'NaN'))
    .toBeGreaterThan(basePct);

  // Drag it further into the uncovered south-west: the figure follows.
  const marker = page.locator('.proposed-marker').first();
  const markerBox = (await marker.boundingBox())!;
  const target = await page.evaluate(() => {
    const p = window.__outuMap!.project([119.62, 27.35]);
    return { x: p.x, y: p.y };
  });
  await page.mouse.move(markerBox.x + markerBox.width / 2, markerBox.y + markerBox.height - 4);
  await page.mouse.down();
  await page.mouse.move(box.x + target.x, box.y + target.y, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('[data-testid="what-if"] .set-name').first()).toContainText('119.6');
  await expect(page.getByTestId('what-if-latency')).toBeVisible();
  const latency = Number.parseFloat((await page.getByTestId('what-if-latency').textContent())!.replace(/[^\d.]/g, ''));
  console.log(`what-if preview round trip: ${latency} ms`);
  await expect
    .poll(async () => Number.parseFloat((await row.locator('td').nth(3).textContent()) ?? 'NaN'))
    .toBeGreaterThan(0);
});
