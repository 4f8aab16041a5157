/**
 * Why a whole file could not be read. Parsers return these instead of throwing, so the UI never
 * shows a raw library message (e.g. JSZip's "end of central directory") to a planner; it shows
 * `message` (catalogue key `import.file.<code>`) in its language.
 */
import type { Message } from '../../shared/i18n/message';

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
  message: Message;
}

export function fileError(code: FileErrorCode, extra: { detail?: string; line?: number } = {}): FileError {
  return { code, ...extra, message: { key: `import.file.${code}` } };
}

export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
