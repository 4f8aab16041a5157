/**
 * Step 1 of a facility import: any supported file → ImportTable, or a typed FileError. Chooses the
 * parser from magic bytes first (a renamed .xlsx is still a zip), then the extension, then content.
 */
import { decodeText, type TextEncodingName } from './decode-text';
import { errorDetail, fileError, type FileError } from './file-errors';
import type { ImportTable } from './import-table';
import { parseCsv } from './parse-csv';
import { parseGeoJsonTable } from './parse-geojson';
import { parseKmlTable, type XmlParserLike } from './parse-kml';

export type FileFormat = 'csv' | 'xlsx' | 'geojson' | 'kml';

export interface ParseDeps {
  /** Needed for KML only: `new DOMParser()` in a window, @xmldom/xmldom's in Node or a worker. */
  xmlParser?: XmlParserLike;
  /** XLSX worksheet name or 0-based position (the first one by default). */
  sheet?: string | number;
}

export type ParseFileResult =
  | { ok: true; format: FileFormat; table: ImportTable; encoding?: TextEncodingName; delimiter?: string }
  | { ok: false; format: FileFormat | null; error: FileError };

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** NUL bytes do not occur in text files (UTF-16 is recognised by its BOM before this check). */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

function textFormat(extension: string, text: string): FileFormat {
  if (extension === 'geojson' || extension === 'json') return 'geojson';
  if (extension === 'kml') return 'kml';
  if (['csv', 'tsv', 'txt', 'xls'].includes(extension)) return 'csv';
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return 'geojson';
  if (first === '<') return 'kml';
  return 'csv';
}

async function parse(name: string, bytes: Uint8Array, deps: ParseDeps): Promise<ParseFileResult> {
  const extension = extensionOf(name);
  if (bytes.length === 0) return { ok: false, format: null, error: fileError('empty-file') };
  if (startsWith(bytes, ZIP)) {
    // exceljs is about half of the import code: loaded only when an Excel file is opened.
    const { parseXlsx } = await import('./parse-xlsx');
    const result = await parseXlsx(bytes, { sheet: deps.sheet });
    return result.ok ? { ok: true, format: 'xlsx', table: result.table } : { ...result, format: 'xlsx' };
  }
  if (startsWith(bytes, OLE2)) return { ok: false, format: null, error: fileError('legacy-xls') };
  if (extension === 'xlsx' || extension === 'xlsm')
    return { ok: false, format: 'xlsx', error: fileError('bad-xlsx', { detail: 'not a zip archive' }) };

  const decoded = decodeText(bytes);
  if (!decoded.encoding.startsWith('utf-16') && looksBinary(bytes))
    return { ok: false, format: null, error: fileError('binary-file') };
  // Many web systems "export to Excel" as an HTML table named .xls; tab-separated .xls is read as text.
  if (extension === 'xls' && decoded.text.trimStart().startsWith('<'))
    return { ok: false, format: null, error: fileError('legacy-xls', { detail: 'HTML saved as .xls' }) };

  const format = textFormat(extension, decoded.text);
  const encoding = decoded.encoding;
  if (format === 'geojson') {
    const result = parseGeoJsonTable(decoded.text);
    return result.ok ? { ok: true, format, table: result.table, encoding } : { ...result, format };
  }
  if (format === 'kml') {
    const result = parseKmlTable(decoded.text, deps.xmlParser);
    return result.ok ? { ok: true, format, table: result.table, encoding } : { ...result, format };
  }
  const result = parseCsv(decoded.text);
  return result.ok
    ? { ok: true, format, table: result.table, encoding, delimiter: result.delimiter }
    : { ...result, format };
}

/** Never throws: anything unexpected from a library becomes an 'unreadable' FileError. */
export async function parseFacilityFile(
  name: string,
  bytes: Uint8Array,
  deps: ParseDeps = {},
): Promise<ParseFileResult> {
  try {
    return await parse(name, bytes, deps);
  } catch (error) {
    return { ok: false, format: null, error: fileError('unreadable', { detail: errorDetail(error) }) };
  }
}
