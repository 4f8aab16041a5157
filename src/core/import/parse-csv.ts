/** CSV/TSV text → ImportTable with papaparse, keeping each row's real line number in the file. */
import Papa from 'papaparse';
import { fileError, type FileError } from './file-errors';
import { fitRow, isBlankRow, normaliseHeader, widenForRows, type ImportTable } from './import-table';

export type CsvParseResult = { ok: true; table: ImportTable; delimiter: string } | { ok: false; error: FileError };

const LINE_BREAK = /\r\n|\n|\r/g;

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * The delimiter that splits the header line most often (outside quotes). papaparse's own guess
 * needs several consistent lines and falls back to "," for a short tab-separated file.
 */
export function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

function lineBreaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) n += cell.match(LINE_BREAK)?.length ?? 0;
  return n;
}

export function parseCsv(text: string): CsvParseResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: fileError('empty-file') };
  // Empty lines are kept here (and dropped below) so record i can be mapped back to its line.
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, delimiter: guessDelimiter(body) });
  const records = parsed.data;

  // Record i starts on line 1 + i + the line breaks inside quoted cells of earlier records.
  const lines: number[] = [];
  let line = 1;
  for (const record of records) {
    lines.push(line);
    line += 1 + lineBreaksIn(record);
  }

  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const at = quoteError.row === undefined ? undefined : lines[quoteError.row];
    return { ok: false, error: fileError('csv-quotes', { detail: quoteError.message, line: at }) };
  }

  const headerIndex = records.findIndex((r) => !isBlankRow(r));
  const header = records[headerIndex];
  if (headerIndex < 0 || !header) return { ok: false, error: fileError('no-header') };

  const rawRows: string[][] = [];
  const sourceRowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const record = records[i];
    if (!record || isBlankRow(record)) continue;
    rawRows.push(record);
    sourceRowNumbers.push(lines[i] ?? 0);
  }
  if (rawRows.length === 0) return { ok: false, error: fileError('no-rows') };

  const columns = widenForRows(normaliseHeader(header), rawRows);
  return {
    ok: true,
    delimiter: parsed.meta.delimiter,
    table: { columns, rows: rawRows.map((r) => fitRow(r, columns.length)), sourceRowNumbers, rowLabel: 'line' },
  };
}
