/**
 * The one table shape every facility file is parsed into, whatever the format, so column guessing
 * and validation are written once.
 */

/** How the user finds a row in the original file; messages name rows the same way. */
export type RowLabel =
  /** Line number in a text file (header is line 1). */
  | 'line'
  /** Row number as Excel shows it. */
  | 'sheet-row'
  /** 1-based feature (GeoJSON) or Placemark (KML) number. */
  | 'feature';

/** Why a geometry row has no usable point; reported as a row error by the build step. */
export type GeometryIssue = 'no-geometry' | 'not-a-point' | 'multi-point';

export interface ImportTable {
  /** Trimmed, unique, never blank (blank or merged headers become 列N, N = 1-based column). */
  columns: string[];
  /** Every cell as text, rows padded to `columns.length`; fully blank rows are already dropped. */
  rows: string[][];
  /** For each row, where it is in the file (see `rowLabel`), so errors point at the right place. */
  sourceRowNumbers: number[];
  rowLabel: RowLabel;
  /**
   * Geometry formats only: the columns that hold each row's point (appended by the parser), and
   * per row why there is no point (null when the point is fine).
   */
  geometry?: { lonColumn: string; latColumn: string; issues: (GeometryIssue | null)[] };
  /** XLSX only: all worksheet names and the one that was read. */
  sheets?: { names: string[]; read: string };
}

/** A header cell that is blank (or the tail of a merged cell) gets a name the user can still pick. */
export function placeholderColumn(index: number): string {
  return `列${index + 1}`;
}

/**
 * Trims header names, names blank ones 列N and makes duplicates unique with a (2), (3)… suffix,
 * because a mapping refers to columns by name.
 */
export function normaliseHeader(raw: readonly (string | null)[]): string[] {
  const seen = new Set<string>();
  return raw.map((cell, i) => {
    const base = (cell ?? '').trim() || placeholderColumn(i);
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base}(${n})`;
    seen.add(name);
    return name;
  });
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** Pads or cuts a row to the header width; callers widen the header first if data runs past it. */
export function fitRow(cells: readonly string[], width: number): string[] {
  const row = cells.slice(0, width);
  while (row.length < width) row.push('');
  return row;
}

/** Adds 列N columns when some data row is wider than the header, so no cell is silently dropped. */
export function widenForRows(columns: string[], rows: readonly (readonly string[])[]): string[] {
  let width = columns.length;
  for (const row of rows) {
    for (let i = row.length - 1; i >= width; i--) {
      if ((row[i] ?? '').trim() !== '') {
        width = i + 1;
        break;
      }
    }
  }
  if (width === columns.length) return columns;
  const extra = Array.from({ length: width - columns.length }, (_, k) => placeholderColumn(columns.length + k));
  return normaliseHeader([...columns, ...extra]);
}
