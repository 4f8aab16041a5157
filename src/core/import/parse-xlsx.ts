/** XLSX bytes → ImportTable with exceljs: one worksheet, cells as plain text, Excel row numbers kept. */
import ExcelJS from 'exceljs';
import { errorDetail, fileError, type FileError } from './file-errors';
import { fitRow, isBlankRow, normaliseHeader, widenForRows, type ImportTable } from './import-table';

export type XlsxParseResult = { ok: true; table: ImportTable } | { ok: false; error: FileError };

export interface XlsxOptions {
  /** Worksheet name or 0-based position; the first worksheet when absent. */
  sheet?: string | number;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel dates have no time zone; exceljs hands them over as UTC, so UTC fields are the cell's. */
function isoDate(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return date;
  return `${date}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/**
 * A cell value as the text the user typed: numbers without locale formatting (no thousands
 * separators), rounded to the 15 significant digits Excel itself shows so 0.1+0.2 is "0.3".
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDate(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: unknown }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => cellText(r.text)).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
    // A formula whose cached result was never saved: nothing the user can see either.
    return '';
  }
  return String(value);
}

function rowCells(row: ExcelJS.Row, isHeader: boolean): string[] {
  const cells: string[] = [];
  for (let c = 1; c <= row.cellCount; c++) {
    const cell = row.getCell(c);
    // The tail cells of a merged header repeat the master's text; naming them 列N avoids duplicates.
    if (isHeader && cell.isMerged && cell.master.address !== cell.address) cells.push('');
    else cells.push(cellText(cell.value));
  }
  return cells;
}

export async function parseXlsx(bytes: Uint8Array, options: XlsxOptions = {}): Promise<XlsxParseResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types say Buffer, but JSZip underneath takes any Uint8Array (and Buffer is Node-only).
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, error: fileError('bad-xlsx', { detail: errorDetail(error) }) };
  }
  const names = workbook.worksheets.map((w) => w.name);
  const sheet =
    typeof options.sheet === 'string'
      ? workbook.worksheets.find((w) => w.name === options.sheet)
      : workbook.worksheets[options.sheet ?? 0];
  if (!sheet) {
    const detail = names.length === 0 ? 'workbook has no worksheets' : `sheets: ${names.join(', ')}`;
    return { ok: false, error: fileError(names.length === 0 ? 'bad-xlsx' : 'no-worksheet', { detail }) };
  }

  let header = null as string[] | null;
  const rawRows: string[][] = [];
  const sourceRowNumbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells = rowCells(row, header === null);
    if (isBlankRow(cells)) return;
    if (header === null) header = cells;
    else {
      rawRows.push(cells);
      sourceRowNumbers.push(row.number);
    }
  });
  if (header === null) return { ok: false, error: fileError('no-header', { detail: `sheet ${sheet.name}` }) };
  if (rawRows.length === 0) return { ok: false, error: fileError('no-rows', { detail: `sheet ${sheet.name}` }) };

  const columns = widenForRows(normaliseHeader(header), rawRows);
  return {
    ok: true,
    table: {
      columns,
      rows: rawRows.map((r) => fitRow(r, columns.length)),
      sourceRowNumbers,
      rowLabel: 'sheet-row',
      sheets: { names, read: sheet.name },
    },
  };
}
