/**
 * What a print sheet shows (like a QGIS print layout): paper, the map image's resolution, and the
 * furniture around the map. Pure data; `layoutSheet` places it, `renderSheetPdf` draws it.
 */

export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';
export type SheetDpi = 150 | 300;

/** ISO 216 sizes in millimetres, portrait. */
export const PAPER_MM: Readonly<Record<Paper, { readonly w: number; readonly h: number }>> = {
  A4: { w: 210, h: 297 },
  A3: { w: 297, h: 420 },
};

/** Page size in millimetres for a paper and orientation. */
export function pageSizeMm(paper: Paper, orientation: Orientation): { w: number; h: number } {
  const { w, h } = PAPER_MM[paper];
  return orientation === 'portrait' ? { w, h } : { w: h, h: w };
}

export type SwatchKind = 'fill' | 'line' | 'hatch' | 'circle';

export interface LegendSwatch {
  /** fill: a filled box; line: a stroke; hatch: diagonal lines over a box (the mountain counties); circle: a point symbol. */
  kind: SwatchKind;
  /** `#rrggbb` (or `#rgb`); anything else draws in grey. */
  color: string;
  /** Outline colour (`#rrggbb`) of fill / hatch / circle swatches. */
  outline?: string;
  /** 0 … 1 (default 1) for the fill or line colour; outlines stay opaque. */
  opacity?: number;
}

export interface LegendEntry {
  label: string;
  swatch: LegendSwatch;
}

export interface SheetTable {
  /** Optional heading above the table, e.g. 各县（市、区）覆盖. */
  title?: string;
  columns: string[];
  /** Cells as display text; cells that look numeric (1,234 / 56.7%) are right-aligned. */
  rows: string[][];
  /** Row indices (into `rows`) drawn tinted, e.g. the five mountain counties. */
  highlightRows?: number[];
  /** Note under the table explaining the tint, e.g. 底色：山区五县. Only drawn with highlightRows. */
  highlightNote?: string;
  /** Last line under the table saying what marked columns are over (e.g. all people / the covered only). */
  footnote?: string;
}

export interface SheetLorenz {
  /** Lorenz curve points [population share, quantity share], both 0 … 1, in drawing order. */
  points: [number, number][];
  gini: number;
  /** Caption under the chart; the Gini is appended to it. */
  caption: string;
  /** Axis titles (default 人口累计占比 / 累计占比). */
  axisLabels?: { x: string; y: string };
}

export interface SheetSpec {
  paper: Paper;
  orientation: Orientation;
  /** Resolution the map image is rendered at (`layoutSheet(spec).mapPixels`). */
  dpi: SheetDpi;
  title: string;
  subtitle?: string;
  /** `YYYY-MM-DD`: printed on the sheet and used as the PDF creation date (so output is repeatable). */
  date: string;
  /** Text before the date (default 制图日期). */
  dateLabel?: string;
  /** Heading of the legend (default 图例). */
  legendTitle?: string;
  legend: LegendEntry[];
  /** Ground metres per map-image pixel at the map centre (at `dpi`). */
  scaleBar: { metresPerPixel: number };
  /** The map's rotation (MapLibre bearing, degrees clockwise from north to the top of the map). */
  northArrow: { bearingDeg: number };
  /** Provenance block, one line each: data sources, road-network version, profile + thresholds, population source. */
  provenance: string[];
  table?: SheetTable;
  lorenz?: SheetLorenz;
}

/** The map picture handed to the PDF writer, rendered elsewhere at `layoutSheet(spec).mapPixels`. */
export interface SheetMapImage {
  bytes: Uint8Array;
  format: 'png' | 'jpeg';
}

/** The font the sheets embed (a subset of Noto Sans CJK SC, SIL OFL 1.1), relative to data/geo. */
export const SHEET_FONT_FILE = 'sources/fonts/NotoSansSC-OuTu-Subset.ttf';
