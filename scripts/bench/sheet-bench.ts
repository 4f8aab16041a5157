/**
 * Print-sheet PDF export (src/core/sheet) with the shipped subset CJK font and synthetic, noisy
 * map images of the size the layout asks for (so image compression is not trivial).
 *
 * `sheet` — one A3 landscape sheet at 300 DPI with coverage table and Lorenz chart (≈ 3,700 × 2,700
 * px PNG map image). Baseline: what pdf-lib costs anyway, an empty A3 page with the title drawn in
 * the embedded font (font subset + save).
 *
 * `atlas` — the county atlas: city overview + 12 county pages, A4 portrait at 150 DPI, a different
 * map image per page, one document. Baseline: 13 empty A4 pages, each with its title in the font.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { layoutSheet } from '../../src/core/sheet/sheet-layout';
import { renderAtlasPdf, renderSheetPdf, type AtlasPage } from '../../src/core/sheet/sheet-pdf';
import { pageSizeMm, SHEET_FONT_FILE, type SheetMapImage, type SheetSpec } from '../../src/core/sheet/sheet-spec';
import { sampleSpec } from '../../src/core/sheet/test-fixtures';
import { syntheticMapPng, syntheticMapRgb } from '../../src/core/sheet/synthetic-png';
import jpeg from 'jpeg-js';
import { COUNTIES } from '../../src/shared/counties';
import { defineBench, type Bench } from './bench-types';

const MM_TO_PT = 72 / 25.4;

export function readSheetFont(): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../data/geo/${SHEET_FONT_FILE}`, import.meta.url))));
}

/** A synthetic map image of exactly the pixel size the layout wants for `spec`. */
export function mapImageFor(spec: SheetSpec, seed = 7): SheetMapImage {
  const { mapPixels } = layoutSheet(spec);
  return { bytes: syntheticMapPng(mapPixels.width, mapPixels.height, seed), format: 'png' };
}

/** The same synthetic image as JPEG (quality 92), which is what the app hands over at 300 DPI. */
export function jpegMapImageFor(spec: SheetSpec, seed = 7): SheetMapImage {
  const { mapPixels } = layoutSheet(spec);
  const rgb = syntheticMapRgb(mapPixels.width, mapPixels.height, seed);
  const rgba = new Uint8Array(mapPixels.width * mapPixels.height * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    rgba[j] = rgb[i]!;
    rgba[j + 1] = rgb[i + 1]!;
    rgba[j + 2] = rgb[i + 2]!;
    rgba[j + 3] = 255;
  }
  const encoded = jpeg.encode({ data: rgba, width: mapPixels.width, height: mapPixels.height }, 92);
  return { bytes: new Uint8Array(encoded.data), format: 'jpeg' };
}

/** pdf-lib alone: empty pages of the sheets' paper sizes with each title drawn in the embedded font. */
export async function emptyPagesPdf(specs: readonly SheetSpec[], font: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const embedded = await doc.embedFont(font, { subset: true });
  for (const spec of specs) {
    const { w, h } = pageSizeMm(spec.paper, spec.orientation);
    const page = doc.addPage([w * MM_TO_PT, h * MM_TO_PT]);
    page.drawText(spec.title, { x: 30, y: h * MM_TO_PT - 50, size: 18, font: embedded });
  }
  return doc.save();
}

interface SheetContext {
  font: Uint8Array;
  spec: SheetSpec;
  image: SheetMapImage;
  jpegImage: SheetMapImage;
}

function sheetBench() {
  return defineBench<SheetContext>({
    id: 'sheet',
    title: 'Print sheet PDF, A3 landscape at 300 DPI with table and Lorenz chart',
    runs: 5,
    setup: () => {
      const spec = sampleSpec({ paper: 'A3', orientation: 'landscape', dpi: 300, table: true, lorenz: true });
      return { font: readSheetFont(), spec, image: mapImageFor(spec), jpegImage: jpegMapImageFor(spec) };
    },
    cases: [
      {
        name: 'pdf-lib: empty A3 page with the font embedded',
        baseline: true,
        run: (c) => emptyPagesPdf([c.spec], c.font),
      },
      { name: 'A3 landscape 300 DPI sheet PDF, PNG map image', run: (c) => renderSheetPdf(c.spec, c.image, c.font) },
      {
        name: 'A3 landscape 300 DPI sheet PDF, JPEG map image (as the app writes it)',
        run: (c) => renderSheetPdf(c.spec, c.jpegImage, c.font),
      },
    ],
  });
}

interface AtlasContext {
  font: Uint8Array;
  pages: AtlasPage[];
  jpegPages: AtlasPage[];
}

export function atlasSpecs(): SheetSpec[] {
  const overview = sampleSpec({ paper: 'A4', orientation: 'portrait', dpi: 150, table: true, lorenz: true });
  return [
    overview,
    ...COUNTIES.map((c, i) => ({
      ...sampleSpec({ paper: 'A4', orientation: 'portrait', dpi: 150 }),
      title: `${c.name}基层医疗设施 30 分钟覆盖`,
      subtitle: `图 ${i + 2} / ${COUNTIES.length + 1}`,
      scaleBar: { metresPerPixel: 40 },
    })),
  ];
}

function atlasBench() {
  return defineBench<AtlasContext>({
    id: 'atlas',
    title: `County atlas PDF, ${COUNTIES.length + 1} A4 portrait pages at 150 DPI, one map image per page`,
    runs: 5,
    setup: () => ({
      font: readSheetFont(),
      pages: atlasSpecs().map((spec, i) => ({ spec, mapImage: mapImageFor(spec, 100 + i) })),
      jpegPages: atlasSpecs().map((spec, i) => ({ spec, mapImage: jpegMapImageFor(spec, 100 + i) })),
    }),
    cases: [
      {
        name: `pdf-lib: ${COUNTIES.length + 1} empty A4 pages with the font embedded`,
        baseline: true,
        run: (c) =>
          emptyPagesPdf(
            c.pages.map((p) => p.spec),
            c.font,
          ),
      },
      {
        name: `${COUNTIES.length + 1}-page atlas PDF (A4 150 DPI), PNG maps`,
        run: (c) => renderAtlasPdf(c.pages, c.font),
      },
      {
        name: `${COUNTIES.length + 1}-page atlas PDF (A4 150 DPI), JPEG maps (as the app writes it)`,
        run: (c) => renderAtlasPdf(c.jpegPages, c.font),
      },
    ],
  });
}

export function sheetBenches(): Bench[] {
  return [sheetBench(), atlasBench()];
}
