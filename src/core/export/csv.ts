/**
 * CSV text for exports: RFC 4180 quoting by papaparse, CRLF after every line (what Excel writes), and an
 * optional UTF-8 byte order mark so Excel on Chinese Windows opens UTF-8 as UTF-8 instead of GBK.
 */
import Papa from 'papaparse';

export type CsvCell = string | number | null;

/**
 * Formula injection guard (CSV injection): spreadsheet programs run a cell that starts with
 * = + - @ (or tab / carriage return, which some treat the same way) as a formula, so a field note
 * typed as `=HYPERLINK(...)` would become a live link or worse when the export is opened in Excel.
 * Such text cells get a leading `'`, which Excel shows as plain text. Numbers are left alone: they
 * are written by us as digits (a negative number is just `-3.5`), cannot carry a formula, and
 * must stay numeric for sums in the spreadsheet. Our own regex, not papaparse's default one, which
 * misses multi-line cells (`.*$` without the s flag).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvOptions {
  /** Start with U+FEFF (default false). */
  bom?: boolean;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const width = header.length;
  for (const [index, row] of rows.entries())
    if (row.length !== width) throw new Error(`toCsv: row ${index + 1} has ${row.length} cells, header has ${width}`);
  const text = Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map(cell)) },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  // Every line ends with CRLF, like Excel's own CSV (papaparse leaves the last one out, except
  // after a header without rows).
  const lines = text.endsWith('\r\n') ? text : `${text}\r\n`;
  return options.bom ? `\uFEFF${lines}` : lines;
}

/** Non-finite numbers have no CSV spelling; they become empty cells like null. */
function cell(value: CsvCell): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return value;
}
