/**
 * The county coverage table as an Excel workbook, with exceljs. Kept in its own module (imported
 * only through `await import()` in coverage-exports.ts, like import/parse-xlsx.ts) so exceljs is
 * loaded only when someone actually exports to Excel.
 *
 * Sheet 1 (覆盖统计 / Coverage): the table of county-stats-table.ts — bold frozen header, number
 * formats, mountain counties shaded and flagged, the three group rows bold. Sheet 2 (说明 /
 * Metadata): the run's metadata rows. Dates inside the file are the export time, so the same
 * export gives the same workbook.
 */
import ExcelJS from 'exceljs';
import { countyStatsTable, type StatsColumnKind } from './county-stats-table';
import type { CoverageResult } from '../../shared/coverage';
import type { Translator } from '../../shared/i18n/translate';
import { metadataRows, type ExportLanguage, type RunExportMetadata } from './run-metadata';

/** Light amber, the app's mountain-county tint. */
const MOUNTAIN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF1D6' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF1' } };

function numberFormat(kind: StatsColumnKind, timeDigits: number): string | undefined {
  if (kind === 'people') return '#,##0';
  if (kind === 'percent') return '0.0';
  if (kind === 'time') return timeDigits > 0 ? '0.0' : '#,##0';
  if (kind === 'code') return '0';
  return undefined;
}

function columnWidth(kind: StatsColumnKind, header: string): number {
  const base = kind === 'name' ? 18 : kind === 'flag' ? 10 : 12;
  // CJK characters are about two Latin widths wide.
  const headerWidth = [...header].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  return Math.min(Math.max(base, Math.ceil(headerWidth * 0.6)), 30);
}

export async function writeCountyStatsXlsx(
  result: Pick<CoverageResult, 'counties' | 'mountain' | 'other' | 'total' | 'request'>,
  meta: RunExportMetadata,
  language: ExportLanguage,
  translate: Translator,
): Promise<Uint8Array> {
  const table = countyStatsTable(result, language, translate);
  const workbook = new ExcelJS.Workbook();
  const stamp = new Date(meta.exportedAt);
  const when = Number.isNaN(stamp.getTime()) ? new Date(0) : stamp;
  workbook.creator = `${meta.app} ${meta.appVersion}`;
  workbook.lastModifiedBy = workbook.creator;
  workbook.created = when;
  workbook.modified = when;
  workbook.title = meta.runLabel;

  const sheet = workbook.addWorksheet(translate(language, 'exportFile.sheet.stats'), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  });
  sheet.columns = table.header.map((header, c) => {
    const kind = table.columns[c] as StatsColumnKind;
    const numFmt = numberFormat(kind, table.unit === 'min' ? 1 : 0);
    return {
      header,
      width: columnWidth(kind, header),
      ...(numFmt ? { style: { numFmt } } : {}),
    };
  });
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle', wrapText: true };
  headerRow.height = 32;
  headerRow.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });

  for (const tableRow of table.rows) {
    const row = sheet.addRow(tableRow.cells.map((v) => (v === null ? null : v)));
    if (tableRow.kind !== 'county') row.font = { bold: true };
    if (tableRow.mountain) for (let c = 1; c <= table.header.length; c++) row.getCell(c).fill = MOUNTAIN_FILL;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };

  const info = workbook.addWorksheet(translate(language, 'exportFile.sheet.metadata'));
  info.columns = [
    { header: translate(language, 'exportFile.meta.item'), width: 28 },
    { header: translate(language, 'exportFile.meta.value'), width: 100 },
  ];
  info.getRow(1).font = { bold: true };
  info.views = [{ state: 'frozen', ySplit: 1 }];
  for (const [label, value] of metadataRows(meta, language, translate)) {
    const row = info.addRow([label, value]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
  }

  // exceljs types say Buffer (Node) but the browser build returns an ArrayBuffer; both wrap.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
