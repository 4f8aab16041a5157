/**
 * Why a whole file could not be read. Parsers return these instead of throwing, so the UI never
 * shows a raw library message (e.g. JSZip's "end of central directory") to a planner.
 */
import type { Bilingual } from './messages';

export type FileErrorCode =
  | 'empty-file'
  | 'binary-file'
  | 'legacy-xls'
  | 'bad-xlsx'
  | 'no-worksheet'
  | 'invalid-json'
  | 'not-geojson'
  | 'projected-crs'
  | 'invalid-xml'
  | 'not-kml'
  | 'no-xml-parser'
  | 'csv-quotes'
  | 'no-header'
  | 'no-rows'
  | 'unreadable';

export interface FileError {
  code: FileErrorCode;
  /** Library or format detail for the log / an expandable "details" line, never the headline. */
  detail?: string;
  /** Where the problem is, when known (line for text, sheet row for XLSX). */
  line?: number;
  message: Bilingual;
}

const MESSAGES: Record<FileErrorCode, Bilingual> = {
  'empty-file': { zh: '文件是空的。', en: 'The file is empty.' },
  'binary-file': {
    zh: '无法识别的文件：不是文本、Excel、GeoJSON 或 KML 文件。',
    en: 'Unrecognised file: not a text, Excel, GeoJSON or KML file.',
  },
  'legacy-xls': {
    zh: '不支持旧版 Excel（.xls）。请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后再导入。',
    en: 'Old Excel files (.xls) are not supported. Save as .xlsx or CSV (UTF-8) in Excel and import that.',
  },
  'bad-xlsx': {
    zh: 'Excel 文件已损坏或不是 .xlsx 格式，无法打开。',
    en: 'The Excel file is damaged or not in .xlsx format and cannot be opened.',
  },
  'no-worksheet': { zh: '找不到所选的工作表。', en: 'The chosen worksheet was not found.' },
  'invalid-json': { zh: '文件不是有效的 JSON。', en: 'The file is not valid JSON.' },
  'not-geojson': { zh: 'JSON 文件不是 GeoJSON。', en: 'The JSON file is not GeoJSON.' },
  'projected-crs': {
    zh: 'GeoJSON 使用投影坐标（米），请先转换为经纬度（WGS-84）。',
    en: 'The GeoJSON uses projected coordinates (metres); convert it to longitude/latitude (WGS-84) first.',
  },
  'invalid-xml': {
    zh: 'KML 文件不是有效的 XML，可能已损坏。',
    en: 'The KML file is not valid XML; it may be damaged.',
  },
  'not-kml': { zh: 'XML 文件不是 KML。', en: 'The XML file is not KML.' },
  'no-xml-parser': {
    zh: '当前环境无法解析 KML（缺少 XML 解析器）。',
    en: 'KML cannot be read here (no XML parser available).',
  },
  'csv-quotes': {
    zh: 'CSV 文件中的引号不成对，文件可能被截断或损坏。',
    en: 'Unbalanced quotes in the CSV file; it may be truncated or damaged.',
  },
  'no-header': { zh: '找不到表头行。', en: 'No header row was found.' },
  'no-rows': { zh: '文件只有表头，没有数据行。', en: 'The file has a header but no data rows.' },
  unreadable: { zh: '无法读取文件。', en: 'The file could not be read.' },
};

export function fileError(code: FileErrorCode, extra: { detail?: string; line?: number } = {}): FileError {
  return { code, ...extra, message: MESSAGES[code] };
}

export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
