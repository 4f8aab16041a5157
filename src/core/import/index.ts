/**
 * The facility import as the UI (or its worker) calls it:
 * parseFacilityFile → guessColumns → (user confirms) → buildFacilities, with importSetIdentity for
 * the set id and suggestCrs to warn about shifted coordinates before building.
 */
export { parseFacilityFile, type FileFormat, type ParseDeps, type ParseFileResult } from './parse-facility-file';
export type { FileError, FileErrorCode } from './file-errors';
export type { ImportTable, RowLabel, GeometryIssue } from './import-table';
export type { TextEncodingName } from './decode-text';
export type { XmlParserLike } from './parse-kml';
export {
  guessColumns,
  MAPPABLE_FIELDS,
  REQUIRED_FIELDS,
  type ColumnGuess,
  type ColumnMapping,
  type MappableField,
} from './guess-columns';
export { guessCategory, guessStatus } from './guess-values';
export { importSetIdentity, sha256Hex } from './sha256';
export { suggestCrs, type CrsSuggestion, type SuggestOptions } from './suggest-crs';
export { toWgs84, fromWgs84, type LonLat } from './convert-crs';
export {
  buildFacilities,
  type BuildInput,
  type BuildResult,
  type FileHint,
  type RowError,
  type RowIssue,
  type RowWarning,
} from './build-facilities';
export type { FileHintCode, RowErrorCode, RowWarningCode } from './messages';
