import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, openApp, test } from './fixtures';

/** Render tests: one folder per case with the sheet options and the expected (downscaled) image. */
const RENDER_DIR = join(__dirname, 'render');
const UPDATE = process.env.OUTU_UPDATE_RENDER === '1';

interface RenderCase {
  options: { paper: 'A4' | 'A3'; orientation: 'portrait' | 'landscape'; dpi: 150 | 300; scope: string; title: string };
  /** The page's clock (ISO time): the sheet prints the date. */
  date: string;
  /** Size the export is scaled down to before comparing (keeps the reference small and tolerant to anti-aliasing). */
  compareWidth: number;
  /** Mean absolute difference per channel (0–255) allowed, and share of pixels allowed to differ by > 48. */
  tolerance: { meanAbs: number; differingShare: number };
}

async function runRuralPreset(page: Page) {
  await page.getByTestId('tab-coverage').click();
  await page.getByTestId('coverage-preset').selectOption('rural-drive-90');
  await page.getByTestId('coverage-run').click();
  await expect(page.getByTestId('coverage-results')).toBeVisible({ timeout: 60_000 });
}

async function setSheet(page: Page, o: RenderCase['options'], format: 'pdf' | 'png') {
  await page.getByTestId('export-title').fill(o.title);
  await page.getByTestId('export-scope').selectOption(o.scope);
  await page.getByTestId('export-paper').selectOption(o.paper);
  await page.getByTestId('export-orientation').selectOption(o.orientation);
  await page.getByTestId('export-dpi').selectOption(String(o.dpi));
  await page.getByTestId('export-format').selectOption(format);
}

/** Clicks an export button and returns the downloaded file; prints how long the export took (reported, not asserted). */
async function download(page: Page, button: string, timeout = 120_000): Promise<Buffer> {
  const event = page.waitForEvent('download', { timeout });
  const started = Date.now();
  await page.getByTestId(button).click();
  const file = await (await event).path();
  const bytes = readFileSync(file);
  console.log(`export ${button}: ${Date.now() - started} ms, ${(bytes.length / 1024).toFixed(0)} KiB`);
  return bytes;
}

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

async function pdfText(bytes: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const { width, height } = page.getViewport({ scale: 1 });
    const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('');
    pages.push({ width, height, text });
  }
  return pages;
}

/** Scales an image down in the page and returns its RGBA pixels (the browser does the decoding). */
async function downscaled(page: Page, png: Buffer, width: number) {
  return page.evaluate(
    async ({ data, width }) => {
      const image = await createImageBitmap(await (await fetch(data)).blob());
      const height = Math.round((image.height * width) / image.width);
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, 0, 0, width, height);
      const pixels = Array.from(context.getImageData(0, 0, width, height).data);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return { width, height, pixels, png: btoa(binary) };
    },
    { data: `data:image/png;base64,${png.toString('base64')}`, width },
  );
}

test('the 1.5-hour preset exported as an A4 PDF and PNG; the PNG matches the committed render test', async ({
  page,
}) => {
  const caseDir = join(RENDER_DIR, 'rural-drive-90-a4-city');
  const spec = JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')) as RenderCase;
  // The sheet prints the date: fix the page's clock so the reference stays valid on any day.
  await page.clock.setFixedTime(new Date(spec.date));
  await openApp(page);
  await runRuralPreset(page);
  await page.getByTestId('open-export').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();

  await setSheet(page, spec.options, 'pdf');
  const pdf = await download(page, 'export-map');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const [sheet, ...more] = await pdfText(pdf);
  expect(more).toHaveLength(0);
  expect([Math.round(sheet!.width), Math.round(sheet!.height)]).toEqual([842, 595]);
  expect(sheet!.text).toContain(spec.options.title);
  expect(sheet!.text).toContain('泰顺县');
  expect(sheet!.text).toContain('山区五县');
  expect(sheet!.text).toContain('模型推算');

  await setSheet(page, spec.options, 'png');
  const png = await download(page, 'export-map');
  expect(pngSize(png)).toEqual({ width: 1754, height: 1240 });

  const actual = await downscaled(page, png, spec.compareWidth);
  const expectedPath = join(caseDir, 'expected.png');
  if (UPDATE || !existsSync(expectedPath)) {
    mkdirSync(caseDir, { recursive: true });
    writeFileSync(expectedPath, Buffer.from(actual.png, 'base64'));
    writeFileSync(join(caseDir, 'actual-full.png'), png);
    if (!UPDATE) throw new Error(`no reference image yet: wrote ${expectedPath}; review it and commit it`);
  }
  const expected = await downscaled(page, readFileSync(expectedPath), spec.compareWidth);
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  let sum = 0;
  let differing = 0;
  for (let i = 0; i < actual.pixels.length; i += 4) {
    let worst = 0;
    for (let c = 0; c < 3; c++) {
      const d = Math.abs(actual.pixels[i + c]! - expected.pixels[i + c]!);
      sum += d;
      worst = Math.max(worst, d);
    }
    if (worst > 48) differing += 1;
  }
  const pixels = actual.pixels.length / 4;
  const meanAbs = sum / (pixels * 3);
  console.log(`render test: mean |Δ| ${meanAbs.toFixed(2)}, differing ${((differing / pixels) * 100).toFixed(2)}%`);
  if (meanAbs > spec.tolerance.meanAbs || differing / pixels > spec.tolerance.differingShare)
    writeFileSync(join(caseDir, 'actual.png'), Buffer.from(actual.png, 'base64'));
  expect(meanAbs).toBeLessThanOrEqual(spec.tolerance.meanAbs);
  expect(differing / pixels).toBeLessThanOrEqual(spec.tolerance.differingShare);
});

test('an A4 PNG at 300 DPI is 2480 × 3508 pixels and not blank', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-export').click();
  await setSheet(page, { paper: 'A4', orientation: 'portrait', dpi: 300, scope: 'city', title: '温州市' }, 'png');
  const png = await download(page, 'export-map');
  expect(pngSize(png)).toEqual({ width: 2480, height: 3508 });
  const small = await downscaled(page, png, 200);
  const distinct = new Set<number>();
  for (let i = 0; i < small.pixels.length; i += 4)
    distinct.add((small.pixels[i]! >> 4) * 256 + (small.pixels[i + 1]! >> 4) * 16 + (small.pixels[i + 2]! >> 4));
  expect(distinct.size).toBeGreaterThan(50);
});

test('the county atlas has 13 pages with the county names; a cancelled atlas saves nothing', async ({
  page,
}, testInfo) => {
  // A run, a cancelled atlas and a full 13-page atlas: about a minute idle, well past the default
  // limit on a busy machine. Every wait inside is for an event, so a larger limit costs nothing.
  test.slow();
  await openApp(page);
  await runRuralPreset(page);
  await page.getByTestId('open-export').click();
  await page.getByTestId('export-title').fill('农村基本公共服务圈');

  // Cancel part-way: no download happens.
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.getByTestId('export-atlas').click();
  await expect(page.getByTestId('export-progress')).toContainText(/图集：[1-9]/, { timeout: 60_000 });
  await page.getByTestId('export-cancel').click();
  await expect(page.getByTestId('export-message')).toContainText('已取消');
  await page.waitForTimeout(1000);
  expect(downloads).toBe(0);

  const pdf = await download(page, 'export-atlas', 300_000);
  writeFileSync(testInfo.outputPath('atlas.pdf'), pdf);
  const pages = await pdfText(pdf);
  expect(pages).toHaveLength(13);
  expect(pages[0]!.text).toContain('农村基本公共服务圈 · 全市');
  const names = [
    '鹿城区',
    '龙湾区',
    '瓯海区',
    '洞头区',
    '永嘉县',
    '平阳县',
    '苍南县',
    '文成县',
    '泰顺县',
    '瑞安市',
    '乐清市',
    '龙港市',
  ];
  for (const name of names) expect(pages.some((p) => p.text.includes(`农村基本公共服务圈 · ${name}`))).toBe(true);
});
