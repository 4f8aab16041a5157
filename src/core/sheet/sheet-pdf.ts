/**
 * Print sheets as PDF: the map image plus vector furniture and real, searchable text in an
 * embedded subset of the shipped CJK font (data/geo/sources/fonts). One sheet or an atlas (one
 * document, the font embedded once).
 *
 * Coordinates come from `layoutSheet` in millimetres from the top-left; PDF user space is points
 * from the bottom-left, so every box goes through `Sheet.box`.
 */
import fontkit from '@pdf-lib/fontkit';
import {
  clip,
  closePath,
  endPath,
  fill,
  fillAndStroke,
  lineTo,
  LineCapStyle,
  LineJoinStyle,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  setLineCap,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  degrees,
  PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import { layoutSheet, PT_TO_MM, type RectMm, type SheetLayout } from './sheet-layout';
import type { LegendSwatch, SheetMapImage, SheetSpec } from './sheet-spec';

export interface SheetPdfOptions {
  signal?: AbortSignal;
}

export interface AtlasPdfOptions extends SheetPdfOptions {
  /** Called after each page is drawn (its image compressed): pages done, pages in all. */
  onProgress?: (done: number, total: number) => void;
  /** Document title (default: the first page's title). */
  title?: string;
}

export interface AtlasPage {
  spec: SheetSpec;
  mapImage: SheetMapImage;
}

const MM_TO_PT = 72 / 25.4;
const INK = rgb(0.13, 0.13, 0.13);
const MUTED = rgb(0.38, 0.38, 0.38);
const RULE = rgb(0.55, 0.55, 0.55);
const WHITE = rgb(1, 1, 1);
const HEADER_FILL = rgb(0.9, 0.9, 0.9);
const HIGHLIGHT_FILL = rgb(0.98, 0.92, 0.8);
const CURVE = rgb(0.84, 0.19, 0.15);
const FALLBACK = rgb(0.5, 0.5, 0.5);
const ELLIPSIS = '…';

/** `#rrggbb` / `#rgb` → colour; anything else → grey. */
export function parseHexColor(hex: string | undefined): RGB | null {
  if (!hex) return null;
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const n = Number.parseInt(h, 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

function abortError(): Error {
  const error = new Error('PDF export cancelled');
  error.name = 'AbortError';
  return error;
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `YYYY-MM-DD` → midnight UTC; anything unparsable → the epoch (still repeatable). */
export function sheetDate(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim());
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const t = Date.parse(date);
  return new Date(Number.isFinite(t) ? t : 0);
}

const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').trim();

interface FittedText {
  text: string;
  size: number;
  width: number;
}

/** Shrinks the size (to `minScale`) and then cuts the text (adding …) until it fits `maxWidth` points. */
export function fitText(font: PDFFont, raw: string, size: number, maxWidth: number, minScale = 0.75): FittedText {
  const text = oneLine(raw);
  const width = font.widthOfTextAtSize(text, size);
  if (width <= maxWidth) return { text, size, width };
  const shrunk = Math.max(size * minScale, (size * maxWidth) / width);
  const shrunkWidth = font.widthOfTextAtSize(text, shrunk);
  if (shrunkWidth <= maxWidth) return { text, size: shrunk, width: shrunkWidth };
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const w = font.widthOfTextAtSize(chars.slice(0, mid).join('') + ELLIPSIS, shrunk);
    if (w <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  const cut = lo > 0 ? chars.slice(0, lo).join('').trimEnd() + ELLIPSIS : '';
  return { text: cut, size: shrunk, width: font.widthOfTextAtSize(cut, shrunk) };
}

type Align = 'left' | 'center' | 'right';

/** One page: millimetre boxes (top-left origin) onto PDF points (bottom-left origin). */
class Sheet {
  constructor(
    readonly page: PDFPage,
    readonly font: PDFFont,
    readonly heightMm: number,
  ) {
    // One font resource for the page: drawText without `font` uses it (with `font` pdf-lib adds a
    // resource entry per call).
    page.setFont(font);
  }

  /** A layout box in PDF points: x, y of its bottom-left corner. */
  box(r: RectMm): { x: number; y: number; w: number; h: number } {
    return { x: r.x * MM_TO_PT, y: (this.heightMm - r.y - r.h) * MM_TO_PT, w: r.w * MM_TO_PT, h: r.h * MM_TO_PT };
  }

  point(xMm: number, yMm: number): { x: number; y: number } {
    return { x: xMm * MM_TO_PT, y: (this.heightMm - yMm) * MM_TO_PT };
  }

  /** Single-line text vertically centred in `r` (CJK glyphs sit about 0.38 em above the baseline). */
  text(r: RectMm, raw: string, sizePt: number, options: { align?: Align; color?: RGB; minScale?: number } = {}): void {
    const b = this.box(r);
    const fitted = fitText(this.font, raw, sizePt, b.w, options.minScale);
    if (fitted.text === '') return;
    const align = options.align ?? 'left';
    const x = align === 'left' ? b.x : align === 'right' ? b.x + b.w - fitted.width : b.x + (b.w - fitted.width) / 2;
    const y = b.y + b.h / 2 - 0.38 * fitted.size;
    this.page.drawText(fitted.text, { x, y, size: fitted.size, color: options.color ?? INK });
  }

  /** Text whose centre is at a point (mm), unrotated, unfitted. */
  textAt(xMm: number, yMm: number, text: string, sizePt: number, options: { align?: Align; color?: RGB } = {}): void {
    const p = this.point(xMm, yMm);
    const w = this.font.widthOfTextAtSize(text, sizePt);
    const align = options.align ?? 'center';
    const x = align === 'left' ? p.x : align === 'right' ? p.x - w : p.x - w / 2;
    this.page.drawText(text, { x, y: p.y - 0.38 * sizePt, size: sizePt, color: options.color ?? INK });
  }

  line(x1: number, y1: number, x2: number, y2: number, color: RGB, thicknessPt: number, opacity = 1, dash?: number[]) {
    this.page.drawLine({
      start: this.point(x1, y1),
      end: this.point(x2, y2),
      thickness: thicknessPt,
      color,
      // An opacity (even 1) costs an ExtGState object per call in pdf-lib: only when translucent.
      ...(opacity < 1 ? { opacity } : {}),
      ...(dash ? { dashArray: dash } : {}),
    });
  }

  /** Closed polygon through points in mm, filled and/or stroked (opaque). */
  polygon(points: [number, number][], fillColor: RGB | null, strokeColor: RGB | null, widthPt = 0.5): void {
    const first = points[0];
    if (!first) return;
    const p0 = this.point(first[0], first[1]);
    const ops = [pushGraphicsState(), setLineJoin(LineJoinStyle.Miter), moveTo(p0.x, p0.y)];
    for (const [x, y] of points.slice(1)) {
      const p = this.point(x, y);
      ops.push(lineTo(p.x, p.y));
    }
    ops.push(closePath());
    if (fillColor) ops.push(setFillingRgbColor(fillColor.red, fillColor.green, fillColor.blue));
    if (strokeColor) ops.push(setStrokingRgbColor(strokeColor.red, strokeColor.green, strokeColor.blue));
    ops.push(setLineWidth(widthPt));
    ops.push(fillColor && strokeColor ? fillAndStroke() : fillColor ? fill() : stroke());
    ops.push(popGraphicsState());
    this.page.pushOperators(...ops);
  }

  /** Open polyline through points in mm. */
  polyline(points: [number, number][], color: RGB, widthPt: number): void {
    const first = points[0];
    if (!first || points.length < 2) return;
    const p0 = this.point(first[0], first[1]);
    const ops = [
      pushGraphicsState(),
      setStrokingRgbColor(color.red, color.green, color.blue),
      setLineWidth(widthPt),
      setLineJoin(LineJoinStyle.Round),
      setLineCap(LineCapStyle.Round),
      moveTo(p0.x, p0.y),
    ];
    for (const [x, y] of points.slice(1)) {
      const p = this.point(x, y);
      ops.push(lineTo(p.x, p.y));
    }
    ops.push(stroke());
    ops.push(popGraphicsState());
    this.page.pushOperators(...ops);
  }

  rect(r: RectMm, options: { fill?: RGB; fillOpacity?: number; stroke?: RGB; strokePt?: number }): void {
    const b = this.box(r);
    this.page.drawRectangle({
      x: b.x,
      y: b.y,
      width: b.w,
      height: b.h,
      ...(options.fill ? { color: options.fill } : {}),
      ...(options.fill && (options.fillOpacity ?? 1) < 1 ? { opacity: options.fillOpacity } : {}),
      ...(options.stroke ? { borderColor: options.stroke, borderWidth: options.strokePt ?? 0.5 } : {}),
    });
  }

  /** Runs `draw` with everything clipped to `r`. */
  clipped(r: RectMm, draw: () => void): void {
    const b = this.box(r);
    this.page.pushOperators(pushGraphicsState(), rectangle(b.x, b.y, b.w, b.h), clip(), endPath());
    draw();
    this.page.pushOperators(popGraphicsState());
  }
}

function drawSwatch(sheet: Sheet, r: RectMm, swatch: LegendSwatch): void {
  const color = parseHexColor(swatch.color) ?? FALLBACK;
  const outline = parseHexColor(swatch.outline);
  const opacity = Math.min(1, Math.max(0, swatch.opacity ?? 1));
  const scale = r.h / 3.6;
  switch (swatch.kind) {
    case 'fill':
      sheet.rect(r, { fill: color, fillOpacity: opacity, stroke: outline ?? color, strokePt: 0.6 });
      break;
    case 'line': {
      const y = r.y + r.h / 2;
      sheet.line(r.x, y, r.x + r.w, y, color, 1.6 * scale, opacity);
      break;
    }
    case 'hatch': {
      const spacing = 1.1 * scale;
      sheet.clipped(r, () => {
        // 45° lines from bottom-left to top-right, across the whole box.
        for (let t = -r.h; t < r.w; t += spacing) {
          sheet.line(r.x + t, r.y + r.h, r.x + t + r.h, r.y, color, 0.5 * scale, opacity);
        }
      });
      sheet.rect(r, { stroke: outline ?? color, strokePt: 0.6 });
      break;
    }
    case 'circle': {
      const c = sheet.point(r.x + r.w / 2, r.y + r.h / 2);
      const radius = (Math.min(r.w, r.h) / 2) * 0.85 * MM_TO_PT;
      sheet.page.drawCircle({
        x: c.x,
        y: c.y,
        size: radius,
        color,
        ...(opacity < 1 ? { opacity } : {}),
        ...(outline ? { borderColor: outline, borderWidth: 0.6 } : {}),
      });
      break;
    }
  }
}

function drawNorthArrow(sheet: Sheet, r: RectMm, bearingDeg: number): void {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const s = Math.min(r.w, r.h);
  // North on paper is the map's north turned by -bearing (MapLibre bearing 90 → north points left).
  const a = (-bearingDeg * Math.PI) / 180;
  const sin = Math.sin(a);
  const cos = Math.cos(a);
  // Local (u right, v up) in mm → page mm (y down), rotated clockwise by `a`.
  const at = (u: number, v: number): [number, number] => [cx + u * cos + v * sin, cy - (-u * sin + v * cos)];
  const R = 0.3 * s;
  const tip = at(0, R);
  const notch = at(0, -0.35 * R);
  sheet.polygon([tip, at(-0.42 * R, -0.8 * R), notch], INK, INK, 0.5);
  sheet.polygon([tip, notch, at(0.42 * R, -0.8 * R)], WHITE, INK, 0.5);
  const [nx, ny] = at(0, 0.4 * s);
  sheet.textAt(nx, ny, 'N', (0.2 * s) / PT_TO_MM);
}

function drawScaleBar(sheet: Sheet, layout: SheetLayout, sizePt: number): void {
  const r = layout.scaleBar;
  const { lengthMm, segments, label } = layout.scale;
  const barH = Math.min(1.6 * (r.h / 9), r.h * 0.25);
  const y = r.y + r.h * 0.2;
  const seg = lengthMm / segments;
  for (let i = 0; i < segments; i++) {
    sheet.rect({ x: r.x + i * seg, y, w: seg, h: barH }, { fill: i % 2 === 0 ? INK : WHITE });
  }
  sheet.rect({ x: r.x, y, w: lengthMm, h: barH }, { stroke: INK, strokePt: 0.5 });
  const labelY = y + barH + (r.y + r.h - y - barH) / 2;
  sheet.textAt(r.x, labelY, '0', sizePt, { align: 'left' });
  const labelW = sheet.font.widthOfTextAtSize(label, sizePt) / MM_TO_PT;
  const endX = Math.min(r.x + lengthMm, r.x + r.w - labelW / 2);
  sheet.textAt(endX, labelY, label, sizePt);
}

// "> 90" (a median beyond the circle) is a number column's cell too.
const NUMERIC = /^(?:>\s*)?[-+−]?[\d,.\s]+%?$/;

function drawTable(sheet: Sheet, layout: SheetLayout, table: NonNullable<SheetSpec['table']>): void {
  const r = layout.table;
  const rowMm = layout.tableRowMm;
  if (!r || !rowMm) return;
  const slots = Math.floor(r.h / rowMm + 1e-6);
  const size = Math.min(layout.fonts.table, rowMm / PT_TO_MM / 1.45);
  const padMm = 1.2 * (size / 7.5);
  const cols = table.columns.length;
  if (cols === 0 || slots === 0) return;
  const numeric = table.columns.map((_, c) => {
    const cells = table.rows.map((row) => row[c] ?? '').filter((v) => v !== '');
    return cells.length > 0 && cells.every((v) => NUMERIC.test(v));
  });
  // Column widths: widest content (+ padding), spare width shared out in proportion.
  const natural = table.columns.map((head, c) => {
    let w = sheet.font.widthOfTextAtSize(oneLine(head), size);
    for (const row of table.rows) w = Math.max(w, sheet.font.widthOfTextAtSize(oneLine(row[c] ?? ''), size));
    return w / MM_TO_PT + 2 * padMm;
  });
  const total = natural.reduce((a, b) => a + b, 0);
  const widths = natural.map((w) => (w * r.w) / total);
  const xs = widths.map((_, c) => r.x + widths.slice(0, c).reduce((a, b) => a + b, 0));

  let slot = 0;
  const rowRect = (): RectMm => ({ x: r.x, y: r.y + slot * rowMm, w: r.w, h: rowMm });
  const drawCells = (cells: readonly string[], color: RGB) => {
    for (let c = 0; c < cols; c++) {
      const cell: RectMm = {
        x: (xs[c] ?? 0) + padMm,
        y: r.y + slot * rowMm,
        w: (widths[c] ?? 0) - 2 * padMm,
        h: rowMm,
      };
      sheet.text(cell, cells[c] ?? '', size, { align: numeric[c] ? 'right' : 'left', color, minScale: 0.7 });
    }
  };
  const hasNote = Boolean(table.highlightNote) && (table.highlightRows?.length ?? 0) > 0;
  if (table.title && slot < slots) {
    sheet.text(rowRect(), table.title, layout.fonts.heading * (size / layout.fonts.table));
    slot++;
  }
  if (slot < slots) {
    sheet.rect(rowRect(), { fill: HEADER_FILL });
    const top = r.y + slot * rowMm;
    sheet.line(r.x, top, r.x + r.w, top, INK, 0.8);
    drawCells(table.columns, INK);
    slot++;
    sheet.line(r.x, r.y + slot * rowMm, r.x + r.w, r.y + slot * rowMm, INK, 0.5);
  }
  const bodySlots = Math.max(0, slots - slot - (hasNote ? 1 : 0) - (table.footnote ? 1 : 0));
  const highlighted = new Set(table.highlightRows ?? []);
  const shown = table.rows.slice(0, bodySlots);
  shown.forEach((row, i) => {
    if (highlighted.has(i)) sheet.rect(rowRect(), { fill: HIGHLIGHT_FILL });
    drawCells(i === shown.length - 1 && shown.length < table.rows.length ? [ELLIPSIS] : row, INK);
    slot++;
  });
  sheet.line(r.x, r.y + slot * rowMm, r.x + r.w, r.y + slot * rowMm, INK, 0.8);
  if (hasNote && table.highlightNote && slot < slots) {
    const row = rowRect();
    const sw = rowMm * 0.6;
    sheet.rect(
      { x: r.x, y: row.y + (rowMm - sw) / 2, w: sw * 1.6, h: sw },
      { fill: HIGHLIGHT_FILL, stroke: RULE, strokePt: 0.3 },
    );
    sheet.text(
      { x: r.x + sw * 1.6 + padMm, y: row.y, w: r.w - sw * 1.6 - padMm, h: rowMm },
      table.highlightNote,
      size * 0.95,
      {
        color: MUTED,
      },
    );
    slot++;
  }
  if (table.footnote && slot < slots)
    sheet.text(rowRect(), table.footnote, size * 0.95, { color: MUTED, minScale: 0.7 });
}

function drawLorenz(sheet: Sheet, layout: SheetLayout, lorenz: NonNullable<SheetSpec['lorenz']>): void {
  const plot = layout.lorenzPlot;
  const captionBox = layout.lorenzCaption;
  if (!plot || !captionBox || plot.w <= 0) return;
  const size = layout.fonts.small;
  const sizeMm = size * PT_TO_MM;
  const px = (v: number) => plot.x + Math.min(1, Math.max(0, v)) * plot.w;
  const py = (v: number) => plot.y + plot.h - Math.min(1, Math.max(0, v)) * plot.h;
  // Grid, axes, ticks.
  for (const t of [0.25, 0.5, 0.75]) {
    sheet.line(px(t), py(0), px(t), py(1), HEADER_FILL, 0.4);
    sheet.line(px(0), py(t), px(1), py(t), HEADER_FILL, 0.4);
  }
  sheet.rect(plot, { stroke: RULE, strokePt: 0.5 });
  for (const t of [0, 0.5, 1]) {
    const label = t === 0 ? '0' : t === 1 ? '1' : '0.5';
    sheet.line(px(t), py(0), px(t), py(0) + sizeMm * 0.35, INK, 0.5);
    sheet.textAt(px(t), py(0) + sizeMm * 1.05, label, size);
    sheet.line(px(0), py(t), px(0) - sizeMm * 0.35, py(t), INK, 0.5);
    sheet.textAt(px(0) - sizeMm * 0.55, py(t), label, size, { align: 'right' });
  }
  const axes = lorenz.axisLabels ?? { x: '人口累计占比', y: '累计占比' };
  sheet.textAt(plot.x + plot.w / 2, py(0) + sizeMm * 2.3, oneLine(axes.x), size, { color: MUTED });
  // y title, rotated to read bottom-up, left of the tick labels.
  const yTitle = oneLine(axes.y);
  const w = sheet.font.widthOfTextAtSize(yTitle, size);
  const anchor = sheet.point(plot.x - sizeMm * 3.2, plot.y + plot.h / 2);
  sheet.page.drawText(yTitle, {
    x: anchor.x + 0.38 * size,
    y: anchor.y - w / 2,
    size,
    color: MUTED,
    rotate: degrees(90),
  });
  // Equality diagonal, then the curve.
  sheet.line(px(0), py(0), px(1), py(1), RULE, 0.6, 1, [2, 2]);
  sheet.clipped(plot, () => {
    sheet.polyline(
      lorenz.points.map(([x, y]) => [px(x), py(y)]),
      CURVE,
      1.2,
    );
  });
  const gini = Number.isFinite(lorenz.gini) ? lorenz.gini.toFixed(3) : '—';
  sheet.text(captionBox, `${oneLine(lorenz.caption)}（Gini = ${gini}）`, layout.fonts.body, { align: 'center' });
}

function drawMap(sheet: Sheet, r: RectMm, image: PDFImage): void {
  const b = sheet.box(r);
  const fit = Math.min(b.w / image.width, b.h / image.height);
  const w = image.width * fit;
  const h = image.height * fit;
  sheet.page.drawImage(image, { x: b.x + (b.w - w) / 2, y: b.y + (b.h - h) / 2, width: w, height: h });
  sheet.rect(r, { stroke: INK, strokePt: 0.6 });
}

async function embedImage(doc: PDFDocument, image: SheetMapImage): Promise<PDFImage> {
  return image.format === 'png' ? doc.embedPng(image.bytes) : doc.embedJpg(image.bytes);
}

/** Draws one sheet as a new page of `doc`; the image is compressed into the document before returning. */
async function addSheetPage(doc: PDFDocument, font: PDFFont, spec: SheetSpec, mapImage: SheetMapImage): Promise<void> {
  const layout = layoutSheet(spec);
  const page = doc.addPage([layout.pageMm.w * MM_TO_PT, layout.pageMm.h * MM_TO_PT]);
  const sheet = new Sheet(page, font, layout.pageMm.h);
  const { fonts } = layout;

  const image = await embedImage(doc, mapImage);
  drawMap(sheet, layout.map, image);

  sheet.text(layout.title, spec.title, fonts.title, { minScale: 0.6 });
  if (layout.subtitle && spec.subtitle) sheet.text(layout.subtitle, spec.subtitle, fonts.subtitle, { color: MUTED });

  sheet.text(layout.legendHeading, spec.legendTitle ?? '图例', fonts.heading);
  for (const item of layout.legendItems) {
    const entry = spec.legend[item.index];
    if (!entry) continue;
    drawSwatch(sheet, item.swatch, entry.swatch);
    sheet.text(item.label, entry.label, fonts.body, { minScale: 0.7 });
  }

  drawNorthArrow(sheet, layout.northArrow, spec.northArrow.bearingDeg);
  drawScaleBar(sheet, layout, fonts.small);

  layout.provenanceLines.forEach((r, i) => {
    const cut = i === layout.provenanceLines.length - 1 && spec.provenance.length > layout.provenanceLines.length;
    const line = spec.provenance[i] ?? '';
    sheet.text(r, cut ? `${line} ${ELLIPSIS}` : line, fonts.small, { color: MUTED, minScale: 0.8 });
  });
  sheet.text(layout.date, `${spec.dateLabel ?? '制图日期'} ${spec.date}`, fonts.small, {
    align: 'right',
    color: MUTED,
  });

  if (spec.table) drawTable(sheet, layout, spec.table);
  if (spec.lorenz) drawLorenz(sheet, layout, spec.lorenz);

  await image.embed();
}

function setMetadata(doc: PDFDocument, spec: SheetSpec, title: string): void {
  const date = sheetDate(spec.date);
  doc.setTitle(oneLine(title), { showInWindowTitleBar: true });
  doc.setSubject(spec.provenance.map(oneLine).join('；'));
  doc.setCreator('OuTu');
  doc.setProducer('OuTu print sheet (pdf-lib)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage('zh-CN');
}

async function newDocument(fontBytes: Uint8Array): Promise<{ doc: PDFDocument; font: PDFFont }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // A six-letter tag + '+' marks an embedded subset (PDF 32000 §9.6.4); readers such as pdffonts show it.
  const font = await doc.embedFont(fontBytes, { subset: true, customName: 'OUTUSB+NotoSansSC-OuTu-Subset' });
  return { doc, font };
}

/** One sheet as a PDF (one page). */
export async function renderSheetPdf(
  spec: SheetSpec,
  mapImage: SheetMapImage,
  fontBytes: Uint8Array,
  options: SheetPdfOptions = {},
): Promise<Uint8Array> {
  checkAbort(options.signal);
  const { doc, font } = await newDocument(fontBytes);
  await addSheetPage(doc, font, spec, mapImage);
  checkAbort(options.signal);
  setMetadata(doc, spec, spec.title);
  const bytes = await doc.save();
  checkAbort(options.signal);
  return bytes;
}

/**
 * Several sheets in one PDF (e.g. a city overview and the 12 county pages), the font embedded
 * once. Yields to the event loop between pages so `signal` can cancel; cancelling rejects with an
 * error named 'AbortError'.
 */
export async function renderAtlasPdf(
  pages: readonly AtlasPage[],
  fontBytes: Uint8Array,
  options: AtlasPdfOptions = {},
): Promise<Uint8Array> {
  const first = pages[0];
  if (!first) throw new Error('an atlas needs at least one page');
  const { signal, onProgress } = options;
  checkAbort(signal);
  const { doc, font } = await newDocument(fontBytes);
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i];
    if (!page) continue;
    await addSheetPage(doc, font, page.spec, page.mapImage);
    onProgress?.(i + 1, pages.length);
    await nextTick();
    checkAbort(signal);
  }
  setMetadata(doc, first.spec, options.title ?? first.spec.title);
  const bytes = await doc.save();
  checkAbort(signal);
  return bytes;
}
