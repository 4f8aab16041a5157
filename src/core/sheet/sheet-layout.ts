/**
 * Where everything goes on a print sheet, in millimetres from the page's top-left corner.
 * Deterministic and font-free (text widths are estimated only to choose legend columns); the PDF
 * writer fits real text into these boxes.
 *
 * Page: margins all round; a header (title, subtitle) on top; a footer (provenance block on the
 * left, date on the right) at the bottom; the body between them holds the map and its furniture.
 *  - landscape: map on the left, a side panel on the right with the legend on top and north arrow +
 *    scale bar at the bottom. A table / Lorenz chart goes into the panel under the legend when it
 *    fits there, otherwise into a second column between map and panel (the map narrows).
 *  - portrait: map across the full width, a band underneath: legend (one or two columns) with north
 *    arrow + scale bar beside it; a table / Lorenz chart adds columns to the band and makes it
 *    taller (the map gets shorter).
 * The caller renders the map image at `mapPixels` (map box at the sheet's DPI), so it is never upscaled.
 */
import { niceScaleBar, type ScaleBar } from './scale-bar';
import { pageSizeMm, type SheetSpec } from './sheet-spec';

export interface RectMm {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LegendItemLayout {
  /** Index into spec.legend. */
  index: number;
  swatch: RectMm;
  label: RectMm;
}

export interface SheetFonts {
  /** Sizes in points. */
  title: number;
  subtitle: number;
  heading: number;
  body: number;
  small: number;
  table: number;
}

export interface SheetLayout {
  pageMm: { w: number; h: number };
  marginMm: number;
  map: RectMm;
  /** Map image size to render: the map box at the sheet's DPI, rounded. */
  mapPixels: { width: number; height: number };
  title: RectMm;
  subtitle?: RectMm;
  legend: RectMm;
  /** The legend heading's line inside `legend`. */
  legendHeading: RectMm;
  /** Entries that fit, in order; `legendOmitted` more did not. */
  legendItems: LegendItemLayout[];
  legendOmitted: number;
  scaleBar: RectMm;
  /** The bar's length and label (its length fits `scaleBar` with room for the labels). */
  scale: ScaleBar;
  northArrow: RectMm;
  date: RectMm;
  provenance: RectMm;
  /** Provenance lines drawn (the last one shows "…" when spec.provenance has more). */
  provenanceLines: RectMm[];
  table?: RectMm;
  /** Row pitch for the table (heading, header row, body rows and note each take one). */
  tableRowMm?: number;
  lorenz?: RectMm;
  /** Square plotting area (axes) and caption line inside `lorenz`. */
  lorenzPlot?: RectMm;
  lorenzCaption?: RectMm;
  fonts: SheetFonts;
}

export const PT_TO_MM = 25.4 / 72;
/** At most this many provenance lines; more are cut (last line ends in …). */
export const MAX_PROVENANCE_LINES = 8;

/** Rough width of a string: CJK / fullwidth characters 1 em, everything else 0.55 em. */
export function estimateTextWidthMm(text: string, sizePt: number): number {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    em += (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) ? 1 : 0.55;
  }
  return em * sizePt * PT_TO_MM;
}

const rect = (x: number, y: number, w: number, h: number): RectMm => ({ x, y, w, h });

/** Table rows drawn: optional heading, header row, body rows, optional note and footnote. */
export function tableRowCount(spec: SheetSpec): number {
  const t = spec.table;
  if (!t) return 0;
  const note = t.highlightNote && (t.highlightRows?.length ?? 0) > 0 ? 1 : 0;
  return (t.title ? 1 : 0) + 1 + t.rows.length + note + (t.footnote ? 1 : 0);
}

interface Metrics {
  k: number;
  margin: number;
  gap: number;
  fonts: SheetFonts;
  lineH: number;
  headingH: number;
  itemH: number;
  swatchW: number;
  swatchH: number;
  northSize: number;
  scaleH: number;
  rowH: number;
  minRowH: number;
  captionH: number;
}

function metrics(spec: SheetSpec): Metrics {
  const k = spec.paper === 'A3' ? 1.25 : 1;
  const fonts: SheetFonts = {
    title: 18 * k,
    subtitle: 11 * k,
    heading: 9 * k,
    body: 8 * k,
    small: 6.8 * k,
    table: 7.5 * k,
  };
  return {
    k,
    margin: spec.paper === 'A3' ? 12 : 10,
    gap: 3.5 * k,
    fonts,
    lineH: fonts.small * PT_TO_MM * 1.45,
    headingH: fonts.heading * PT_TO_MM * 1.6,
    itemH: 5 * k,
    swatchW: 7 * k,
    swatchH: 3.6 * k,
    northSize: 14 * k,
    scaleH: 9 * k,
    rowH: 4.3 * k,
    minRowH: 3.2 * k,
    captionH: fonts.body * PT_TO_MM * 1.6,
  };
}

/** Legend entries laid out in `cols` columns (column-major) inside `box`; heading on top. */
function placeLegend(
  spec: SheetSpec,
  m: Metrics,
  box: RectMm,
  cols: number,
): Pick<SheetLayout, 'legend' | 'legendHeading' | 'legendItems' | 'legendOmitted'> {
  const heading = rect(box.x, box.y, box.w, m.headingH);
  const rowsFit = Math.max(0, Math.floor((box.h - m.headingH) / m.itemH + 1e-9));
  const total = spec.legend.length;
  const shown = Math.min(total, rowsFit * cols);
  const rows = Math.ceil(shown / cols);
  const colGap = m.gap;
  const colW = (box.w - colGap * (cols - 1)) / cols;
  const items: LegendItemLayout[] = [];
  for (let i = 0; i < shown; i++) {
    const col = Math.floor(i / rows);
    const row = i % rows;
    const x = box.x + col * (colW + colGap);
    const y = box.y + m.headingH + row * m.itemH;
    const swatch = rect(x, y + (m.itemH - m.swatchH) / 2, m.swatchW, m.swatchH);
    const labelX = x + m.swatchW + 2 * m.k;
    items.push({ index: i, swatch, label: rect(labelX, y, Math.max(0, x + colW - labelX), m.itemH) });
  }
  return {
    legend: rect(box.x, box.y, box.w, m.headingH + rows * m.itemH),
    legendHeading: heading,
    legendItems: items,
    legendOmitted: total - shown,
  };
}

function legendHeightFor(spec: SheetSpec, m: Metrics, cols: number): number {
  return m.headingH + Math.max(1, Math.ceil(spec.legend.length / cols)) * m.itemH;
}

/** Legend columns that fit `width` given the longest label (at most 3). */
function legendColumns(spec: SheetSpec, m: Metrics, width: number): number {
  const longest = Math.max(0, ...spec.legend.map((e) => estimateTextWidthMm(e.label, m.fonts.body)));
  const colW = m.swatchW + 2 * m.k + Math.min(longest, 60 * m.k) + m.gap;
  return Math.max(1, Math.min(3, Math.floor((width + m.gap) / colW)));
}

/** North arrow (square, left) and scale bar (rest of the width) side by side along `box`'s bottom. */
function placeNorthAndScale(
  spec: SheetSpec,
  m: Metrics,
  box: RectMm,
): Pick<SheetLayout, 'northArrow' | 'scaleBar' | 'scale'> {
  const y = box.y + box.h - m.northSize;
  const northArrow = rect(box.x, y, m.northSize, m.northSize);
  const sx = box.x + m.northSize + m.gap;
  const scaleW = Math.min(box.x + box.w - sx, 70 * m.k);
  const scaleBar = rect(sx, box.y + box.h - m.scaleH, scaleW, m.scaleH);
  // Room for the end label's overhang on the right.
  const scale = niceScaleBar(spec.scaleBar.metresPerPixel, spec.dpi, Math.max(1, scaleW - 4 * m.k));
  return { northArrow, scaleBar, scale };
}

/** Lorenz chart in `box`: caption on the bottom line, square plot with room for tick labels. */
function placeLorenz(m: Metrics, box: RectMm): Pick<SheetLayout, 'lorenz' | 'lorenzPlot' | 'lorenzCaption'> {
  const left = 9 * m.k; // y tick labels + axis title
  const bottom = 7 * m.k; // x tick labels + axis title
  const top = 2 * m.k;
  const size = Math.max(0, Math.min(box.w - left - 2 * m.k, box.h - m.captionH - bottom - top));
  const h = top + size + bottom + m.captionH;
  const spare = Math.max(0, box.w - left - 2 * m.k - size);
  return {
    lorenz: rect(box.x, box.y, box.w, h),
    lorenzPlot: rect(box.x + left + spare / 2, box.y + top, size, size),
    lorenzCaption: rect(box.x, box.y + top + size + bottom, box.w, m.captionH),
  };
}

/** Preferred Lorenz box height for a given width. */
function lorenzHeightFor(m: Metrics, w: number): number {
  return 2 * m.k + (w - 11 * m.k) + 7 * m.k + m.captionH;
}

type LegendPart = Pick<SheetLayout, 'legend' | 'legendHeading' | 'legendItems' | 'legendOmitted'>;
type FurniturePart = Pick<SheetLayout, 'northArrow' | 'scaleBar' | 'scale'>;
type LorenzPart = Pick<SheetLayout, 'lorenz' | 'lorenzPlot' | 'lorenzCaption'>;

interface BodyPart {
  map: RectMm;
  legend: LegendPart;
  furniture: FurniturePart;
  table?: { rect: RectMm; rowMm: number };
  lorenz?: LorenzPart;
}

/** Table box of `rows` rows at `rowMm` (shrunk to `minRowMm` at most), cut to `maxH`. */
function tableBox(x: number, y: number, w: number, rows: number, maxH: number, m: Metrics) {
  const rowMm = Math.max(m.minRowH, Math.min(m.rowH, maxH / rows));
  return { rect: rect(x, y, w, Math.min(rowMm * rows, maxH)), rowMm };
}

function layoutLandscapeBody(spec: SheetSpec, m: Metrics, body: RectMm): BodyPart {
  const rows = tableRowCount(spec);
  const hasLorenz = spec.lorenz !== undefined;
  const panelW = 64 * m.k;
  const panel = rect(body.x + body.w - panelW, body.y, panelW, body.h);
  const furniture = placeNorthAndScale(spec, m, panel);
  const tableH = rows * m.rowH;
  const lorenzH = lorenzHeightFor(m, panelW);
  const stacked = (rows > 0 ? tableH + m.gap : 0) + (hasLorenz ? lorenzH + m.gap : 0);
  const part: Omit<BodyPart, 'map' | 'legend'> = { furniture };
  let mapRight = panel.x - m.gap;
  let legendBottom = furniture.northArrow.y - m.gap;
  if (legendHeightFor(spec, m, 1) + stacked + m.gap + m.northSize <= panel.h) {
    // Table / Lorenz in the panel right above the north arrow, under the whole legend.
    let y = furniture.northArrow.y - m.gap;
    if (hasLorenz) {
      y -= lorenzH;
      part.lorenz = placeLorenz(m, rect(panel.x, y, panelW, lorenzH));
      y -= m.gap;
    }
    if (rows > 0) {
      y -= tableH;
      part.table = { rect: rect(panel.x, y, panelW, tableH), rowMm: m.rowH };
      y -= m.gap;
    }
    legendBottom = y;
  } else {
    // Not room for all: a column of its own between map and panel; the map narrows.
    const colW = 76 * m.k;
    const col = rect(panel.x - m.gap - colW, body.y, colW, body.h);
    mapRight = col.x - m.gap;
    let y = col.y;
    if (rows > 0) {
      const reserve = hasLorenz ? lorenzHeightFor(m, colW * 0.6) + m.gap : 0;
      part.table = tableBox(col.x, y, colW, rows, col.h - reserve, m);
      y += part.table.rect.h + m.gap;
    }
    if (hasLorenz) part.lorenz = placeLorenz(m, rect(col.x, y, colW, Math.min(lorenzH, col.y + col.h - y)));
  }
  const legendH = Math.min(legendBottom - panel.y, legendHeightFor(spec, m, 1));
  return {
    map: rect(body.x, body.y, mapRight - body.x, body.h),
    legend: placeLegend(spec, m, rect(panel.x, panel.y, panelW, legendH), 1),
    ...part,
  };
}

function layoutPortraitBody(spec: SheetSpec, m: Metrics, body: RectMm): BodyPart {
  const rows = tableRowCount(spec);
  const hasLorenz = spec.lorenz !== undefined;
  if (rows === 0 && !hasLorenz) {
    // Band: legend (1-3 columns) on the left, north arrow + scale bar on the right.
    const sideW = 52 * m.k;
    const legendW = body.w - sideW - m.gap;
    const cols = legendColumns(spec, m, legendW);
    const band = Math.min(Math.max(legendHeightFor(spec, m, cols), m.northSize), body.h * 0.3);
    const top = body.y + body.h - band;
    return {
      map: rect(body.x, body.y, body.w, body.h - band - m.gap),
      legend: placeLegend(spec, m, rect(body.x, top, legendW, band), cols),
      furniture: placeNorthAndScale(spec, m, rect(body.x + body.w - sideW, top, sideW, band)),
    };
  }
  // Band: legend over north arrow + scale bar | table | Lorenz chart.
  const legendW = 58 * m.k;
  const rest = body.w - legendW - m.gap;
  const lorenzW = hasLorenz ? (rows > 0 ? Math.min(62 * m.k, rest * 0.45) : Math.min(76 * m.k, rest)) : 0;
  const tableW = rows > 0 ? (hasLorenz ? rest - lorenzW - m.gap : rest) : 0;
  const need = Math.max(
    rows * m.rowH,
    hasLorenz ? lorenzHeightFor(m, lorenzW) : 0,
    Math.min(legendHeightFor(spec, m, 1) + m.gap + m.northSize, 80 * m.k),
  );
  const band = Math.min(need, body.h * 0.45);
  const top = body.y + body.h - band;
  const part: Omit<BodyPart, 'map' | 'legend' | 'furniture'> = {};
  let x = body.x + legendW + m.gap;
  if (rows > 0) {
    part.table = tableBox(x, top, tableW, rows, band, m);
    x += tableW + m.gap;
  }
  if (hasLorenz) part.lorenz = placeLorenz(m, rect(x, top, lorenzW, band));
  const column = rect(body.x, top, legendW, band);
  const furniture = placeNorthAndScale(spec, m, column);
  const legendH = Math.min(furniture.northArrow.y - m.gap - top, legendHeightFor(spec, m, 1));
  return {
    map: rect(body.x, body.y, body.w, body.h - band - m.gap),
    legend: placeLegend(spec, m, rect(column.x, top, legendW, legendH), 1),
    furniture,
    ...part,
  };
}

export function layoutSheet(spec: SheetSpec): SheetLayout {
  const m = metrics(spec);
  const pageMm = pageSizeMm(spec.paper, spec.orientation);
  const inner = rect(m.margin, m.margin, pageMm.w - 2 * m.margin, pageMm.h - 2 * m.margin);
  const bottom = inner.y + inner.h;

  // Header: title, subtitle.
  const title = rect(inner.x, inner.y, inner.w, m.fonts.title * PT_TO_MM * 1.35);
  let headerBottom = title.y + title.h;
  let subtitle: RectMm | undefined;
  if (spec.subtitle) {
    subtitle = rect(inner.x, headerBottom + 1 * m.k, inner.w, m.fonts.subtitle * PT_TO_MM * 1.4);
    headerBottom = subtitle.y + subtitle.h;
  }

  // Footer: provenance on the left, date bottom-right.
  const lines = Math.min(MAX_PROVENANCE_LINES, Math.max(1, spec.provenance.length));
  const footerY = bottom - lines * m.lineH;
  const dateW = 48 * m.k;
  const provenance = rect(inner.x, footerY, inner.w - dateW - m.gap, lines * m.lineH);
  const provenanceLines = Array.from({ length: Math.min(lines, spec.provenance.length) }, (_, i) =>
    rect(provenance.x, footerY + i * m.lineH, provenance.w, m.lineH),
  );
  const date = rect(inner.x + inner.w - dateW, bottom - m.lineH, dateW, m.lineH);

  const bodyTop = headerBottom + m.gap;
  const body = rect(inner.x, bodyTop, inner.w, footerY - m.gap - bodyTop);
  const part =
    spec.orientation === 'landscape' ? layoutLandscapeBody(spec, m, body) : layoutPortraitBody(spec, m, body);
  const px = (mm: number) => Math.max(1, Math.round((mm / 25.4) * spec.dpi));
  return {
    pageMm,
    marginMm: m.margin,
    map: part.map,
    mapPixels: { width: px(part.map.w), height: px(part.map.h) },
    title,
    ...(subtitle ? { subtitle } : {}),
    ...part.legend,
    ...part.furniture,
    date,
    provenance,
    provenanceLines,
    ...(part.table ? { table: part.table.rect, tableRowMm: part.table.rowMm } : {}),
    ...part.lorenz,
    fonts: m.fonts,
  };
}
