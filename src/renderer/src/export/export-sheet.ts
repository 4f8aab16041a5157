import type * as maplibregl from 'maplibre-gl';
import { layoutSheet } from '../../../core/sheet/sheet-layout';
import { renderAtlasPdf, renderSheetPdf } from '../../../core/sheet/sheet-pdf';
import { SHEET_FONT_FILE, type SheetSpec } from '../../../core/sheet/sheet-spec';
import { rasterizePdfPage } from './rasterize-pdf';
import { renderMapImage, type MapExtent } from './render-map-image';

let fontBytes: Promise<Uint8Array> | null = null;

/** The shipped OFL font subset the PDF embeds (fetched once). */
export function loadSheetFont(dataBaseUrl: string): Promise<Uint8Array> {
  fontBytes ??= fetch(dataBaseUrl + SHEET_FONT_FILE).then(async (response) => {
    if (!response.ok) throw new Error(`${SHEET_FONT_FILE}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  });
  fontBytes.catch(() => (fontBytes = null));
  return fontBytes;
}

/**
 * Map images go in as JPEG (quality 0.92): pdf-lib embeds JPEG as is but decodes and re-deflates
 * PNG, 1.6 s against tens of ms for an A3 300 DPI map (npm run bench -- sheet).
 */
const MAP_IMAGE_FORMAT = 'jpeg';

async function sheetWithMap(map: maplibregl.Map, spec: SheetSpec, extent: MapExtent, signal?: AbortSignal) {
  const layout = layoutSheet(spec);
  const image = await renderMapImage(map, {
    widthPx: layout.mapPixels.width,
    heightPx: layout.mapPixels.height,
    dpi: spec.dpi,
    extent,
    format: MAP_IMAGE_FORMAT,
    ...(signal ? { signal } : {}),
  });
  return {
    spec: { ...spec, scaleBar: { metresPerPixel: image.metresPerPixel }, northArrow: { bearingDeg: image.bearing } },
    mapImage: { bytes: image.bytes, format: image.format },
  };
}

/** One map sheet as PDF or PNG bytes, rendered at the sheet's DPI. */
export async function exportSheet(
  map: maplibregl.Map,
  spec: SheetSpec,
  extent: MapExtent,
  format: 'pdf' | 'png',
  dataBaseUrl: string,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const [font, page] = await Promise.all([loadSheetFont(dataBaseUrl), sheetWithMap(map, spec, extent, signal)]);
  const pdf = await renderSheetPdf(page.spec, page.mapImage, font, signal ? { signal } : {});
  return format === 'pdf' ? pdf : rasterizePdfPage(pdf, spec);
}

export interface AtlasPageRequest {
  spec: SheetSpec;
  extent: MapExtent;
}

/**
 * The county atlas: one PDF, a page per request (city overview + 12 counties). Maps are rendered
 * one after another (the slow part), then the PDF is written; `onProgress` counts both, and
 * `signal` cancels between steps. Nothing is returned (so nothing is saved) unless all of it ran.
 */
export async function exportAtlas(
  map: maplibregl.Map,
  pages: readonly AtlasPageRequest[],
  dataBaseUrl: string,
  title: string,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<Uint8Array> {
  const { signal, onProgress } = options;
  const total = pages.length * 2;
  const font = await loadSheetFont(dataBaseUrl);
  const rendered = [];
  for (const page of pages) {
    rendered.push(await sheetWithMap(map, page.spec, page.extent, signal));
    onProgress?.(rendered.length, total);
  }
  return renderAtlasPdf(rendered, font, {
    title,
    ...(signal ? { signal } : {}),
    onProgress: (done) => onProgress?.(pages.length + done, total),
  });
}
