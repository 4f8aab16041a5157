import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber, PDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COUNTIES } from '../../shared/counties';
import { layoutSheet } from './sheet-layout';
import { renderAtlasPdf, renderSheetPdf, sheetDate, type AtlasPage } from './sheet-pdf';
import type { SheetMapImage, SheetSpec } from './sheet-spec';
import { SAMPLE_LEGEND, SAMPLE_PROVENANCE, sampleSpec } from './test-fixtures';
import { syntheticMapPng } from './synthetic-png';

const FONT_PATH = new URL('../../../data/geo/sources/fonts/NotoSansSC-OuTu-Subset.ttf', import.meta.url);
/** 8 × 6 px baseline JPEG (made with Pillow). */
const TINY_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAGAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwCzRRRXwR9sf//Z';

const PT = 72 / 25.4;

let font: Uint8Array;
let smallPng: SheetMapImage;

beforeAll(() => {
  font = new Uint8Array(readFileSync(FONT_PATH));
  smallPng = { bytes: syntheticMapPng(240, 160), format: 'png' };
});

interface ParsedPage {
  width: number;
  height: number;
  items: string[];
  text: string;
}

async function parsePdf(bytes: Uint8Array): Promise<{ pages: ParsedPage[]; info: Record<string, unknown> }> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: ParsedPage[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) => ('str' in item && item.str !== '' ? [item.str] : []));
      pages.push({ width: x1 - x0, height: y1 - y0, items, text: items.join('') });
    }
    const meta = await doc.getMetadata();
    return { pages, info: meta.info as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

function countyPage(name: string, i: number): SheetSpec {
  return {
    ...sampleSpec({ paper: 'A4', orientation: 'portrait', dpi: 150 }),
    title: `${name}基层医疗设施 30 分钟覆盖`,
    subtitle: `图 ${i + 2} / 13`,
  };
}

function atlasPages(image: SheetMapImage): AtlasPage[] {
  return [
    { spec: sampleSpec({ paper: 'A4', orientation: 'portrait', table: true, lorenz: true }), mapImage: image },
    ...COUNTIES.map((c, i) => ({ spec: countyPage(c.name, i), mapImage: image })),
  ];
}

describe('renderSheetPdf', () => {
  it('writes one page of the paper size with real, searchable Chinese text', async () => {
    for (const [paper, orientation, w, h] of [
      ['A4', 'portrait', 210, 297],
      ['A4', 'landscape', 297, 210],
      ['A3', 'portrait', 297, 420],
      ['A3', 'landscape', 420, 297],
    ] as const) {
      const spec = sampleSpec({ paper, orientation, table: true, lorenz: true });
      const bytes = await renderSheetPdf(spec, smallPng, font);
      const { pages, info } = await parsePdf(bytes);
      expect(pages).toHaveLength(1);
      const page = pages[0]!;
      expect(page.width).toBeCloseTo(w * PT, 2);
      expect(page.height).toBeCloseTo(h * PT, 2);
      expect(page.items).toContain(spec.title);
      expect(page.items).toContain(spec.subtitle);
      expect(page.items).toContain('泰顺县');
      expect(page.items).toContain('1,080,248'); // 泰顺's (sample) population, right-aligned numeric cell
      for (const entry of SAMPLE_LEGEND) expect(page.items).toContain(entry.label);
      for (const line of SAMPLE_PROVENANCE) expect(page.items).toContain(line);
      expect(page.items).toContain('图例');
      expect(page.items).toContain('制图日期 2024-06-01');
      expect(page.items).toContain('出行时间洛伦兹曲线（Gini = 0.375）');
      expect(page.items).toContain('N');
      expect(page.text).toMatch(/\d+ km/);
      expect(info.Title).toBe(spec.title);
      expect(info.Creator).toBe('OuTu');
      expect(info.Subject).toBe(SAMPLE_PROVENANCE.join('；'));
      expect(info.CreationDate).toBe('D:20240601000000Z');
    }
  });

  it('embeds only the glyphs used (a subset far smaller than the 2 MB font)', async () => {
    const bytes = await renderSheetPdf(sampleSpec(), smallPng, font);
    expect(bytes.length).toBeLessThan(300_000);
    const doc = await PDFDocument.load(bytes);
    const fontFiles = doc.context
      .enumerateIndirectObjects()
      .filter(([, obj]) => obj instanceof PDFDict && obj.get(PDFName.of('FontFile2')) !== undefined);
    expect(fontFiles).toHaveLength(1);
  });

  it('places the map image at its own pixel size (no resampling)', async () => {
    const spec = sampleSpec({ paper: 'A4', orientation: 'landscape', dpi: 150, table: true });
    const { mapPixels } = layoutSheet(spec);
    const image: SheetMapImage = { bytes: syntheticMapPng(mapPixels.width, mapPixels.height), format: 'png' };
    const doc = await PDFDocument.load(await renderSheetPdf(spec, image, font));
    const images = doc.context
      .enumerateIndirectObjects()
      .map(([, obj]) => obj)
      .filter(
        (obj): obj is PDFRawStream =>
          obj instanceof PDFRawStream && obj.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
      );
    expect(images).toHaveLength(1);
    const width = images[0]!.dict.get(PDFName.of('Width')) as PDFNumber;
    const height = images[0]!.dict.get(PDFName.of('Height')) as PDFNumber;
    expect([width.asNumber(), height.asNumber()]).toEqual([mapPixels.width, mapPixels.height]);
  });

  it('draws the furniture as vectors: clipped hatch lines, filled arrow halves, few graphics states', async () => {
    const doc = await PDFDocument.load(await renderSheetPdf(sampleSpec({ lorenz: true }), smallPng, font));
    const page = doc.getPage(0);
    const contents = doc.context.lookup(page.node.get(PDFName.of('Contents')), PDFArray);
    let ops = '';
    for (let i = 0; i < contents.size(); i++)
      ops += new TextDecoder('latin1').decode(decodePDFRawStream(contents.lookup(i, PDFRawStream)).decode());
    const count = (re: RegExp) => ops.match(re)?.length ?? 0;
    expect(count(/ re\nW\nn\n/g)).toBe(2); // hatch swatch + Lorenz plot
    expect(count(/^B$/gm)).toBeGreaterThanOrEqual(4); // fill swatches, arrow halves, scale bar segments
    expect(count(/ Do$/gm)).toBe(1); // the map image
    // Translucent swatches only: opaque drawing needs no ExtGState.
    expect(count(/ gs$/gm)).toBe(2);
    // One font resource for all the text.
    const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    expect(fonts?.keys()).toHaveLength(1);
  });

  it('takes a JPEG map image as is', async () => {
    const jpeg: SheetMapImage = { bytes: new Uint8Array(Buffer.from(TINY_JPEG_BASE64, 'base64')), format: 'jpeg' };
    const doc = await PDFDocument.load(await renderSheetPdf(sampleSpec(), jpeg, font));
    const filters = doc.context
      .enumerateIndirectObjects()
      .map(([, obj]) => obj)
      .filter((obj): obj is PDFRawStream => obj instanceof PDFRawStream)
      .map((s) => s.dict.get(PDFName.of('Filter')));
    expect(filters).toContain(PDFName.of('DCTDecode'));
  });

  it('is repeatable: the same sheet gives the same bytes', async () => {
    const spec = sampleSpec({ table: true, lorenz: true });
    const a = await renderSheetPdf(spec, smallPng, font);
    const b = await renderSheetPdf(spec, smallPng, font);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('cuts text that does not fit instead of running over, and survives odd input', async () => {
    const spec = sampleSpec({ paper: 'A4', orientation: 'portrait' });
    spec.title = '很长的标题'.repeat(30);
    spec.legend = [
      { label: '无效颜色\n换行', swatch: { kind: 'fill', color: 'rgba(1,2,3,0.5)' } },
      { label: '短色值', swatch: { kind: 'circle', color: '#f00', opacity: 2 } },
    ];
    spec.northArrow.bearingDeg = 135;
    spec.provenance = Array.from({ length: 12 }, (_, i) => `第 ${i + 1} 行来源`);
    const { pages } = await parsePdf(await renderSheetPdf(spec, smallPng, font));
    const title = pages[0]!.items.find((s) => s.startsWith('很长的标题'));
    expect(title?.endsWith('…')).toBe(true);
    expect(pages[0]!.items).toContain('无效颜色 换行');
    expect(pages[0]!.items).toContain('第 8 行来源 …');
    expect(pages[0]!.items).not.toContain('第 9 行来源');
  });

  it('rejects with an AbortError when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(renderSheetPdf(sampleSpec(), smallPng, font, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('renderAtlasPdf', () => {
  it('writes the overview and the 12 county pages into one document, font embedded once', async () => {
    const progress: [number, number][] = [];
    const bytes = await renderAtlasPdf(atlasPages(smallPng), font, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    const { pages, info } = await parsePdf(bytes);
    expect(pages).toHaveLength(13);
    expect(pages[0]!.items).toContain('温州市基层医疗设施 30 分钟覆盖');
    COUNTIES.forEach((c, i) => {
      const page = pages[i + 1]!;
      expect(page.items).toContain(`${c.name}基层医疗设施 30 分钟覆盖`);
      expect(page.width).toBeCloseTo(210 * PT, 2);
      expect(page.height).toBeCloseTo(297 * PT, 2);
    });
    expect(progress).toEqual(Array.from({ length: 13 }, (_, i) => [i + 1, 13]));
    expect(info.Title).toBe('温州市基层医疗设施 30 分钟覆盖');
    const doc = await PDFDocument.load(bytes);
    const fontFiles = doc.context
      .enumerateIndirectObjects()
      .filter(([, obj]) => obj instanceof PDFDict && obj.get(PDFName.of('FontFile2')) !== undefined);
    expect(fontFiles).toHaveLength(1);
  });

  it('stops between pages when cancelled and rejects with an AbortError', async () => {
    const controller = new AbortController();
    let last = 0;
    const run = renderAtlasPdf(atlasPages(smallPng), font, {
      signal: controller.signal,
      onProgress: (done) => {
        last = done;
        if (done === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(last).toBe(3);
  });

  it('can be cancelled from outside while it runs (it yields to the event loop)', async () => {
    const controller = new AbortController();
    let done = 0;
    const run = renderAtlasPdf(atlasPages(smallPng), font, {
      signal: controller.signal,
      onProgress: (d) => (done = d),
    });
    setTimeout(() => controller.abort(), 0);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(done).toBeLessThan(13);
  });

  it('refuses an empty atlas', async () => {
    await expect(renderAtlasPdf([], font)).rejects.toThrow(/at least one page/);
  });
});

describe('sheetDate', () => {
  it('reads YYYY-MM-DD as midnight UTC', () => {
    expect(sheetDate('2024-06-01').toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(sheetDate('not a date').getTime()).toBe(0);
  });
});

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasPdftotext())('poppler (pdftotext) reads the text back', () => {
  it('extracts the Chinese title, legend and county names exactly', async () => {
    const spec = sampleSpec({ paper: 'A3', orientation: 'landscape', table: true, lorenz: true });
    const dir = mkdtempSync(join(tmpdir(), 'outu-sheet-'));
    try {
      const file = join(dir, 'sheet.pdf');
      writeFileSync(file, await renderSheetPdf(spec, smallPng, font));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(spec.title);
      for (const entry of SAMPLE_LEGEND) expect(text).toContain(entry.label);
      for (const c of COUNTIES) expect(text).toContain(c.name);
      expect(text).toContain(SAMPLE_PROVENANCE[3]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
