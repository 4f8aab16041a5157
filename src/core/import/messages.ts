/**
 * Codes of row errors, warnings and file hints of the facility import, and the catalogue messages
 * they name (`import.rowError.<code>` …, in src/shared/i18n). Core keeps no texts: the import
 * runs in a worker or the CLI, and whoever shows a result translates it into its language.
 */
import type { Message } from '../../shared/i18n/message';

export type RowErrorCode =
  | 'name-required'
  | 'coordinate-required'
  | 'not-a-number'
  | 'decimal-comma'
  | 'out-of-range'
  | 'outside-wenzhou'
  | 'negative-number'
  | 'no-geometry'
  | 'not-a-point'
  | 'multi-point';

export type RowWarningCode = 'unknown-category' | 'unknown-status' | 'duplicate-id' | 'nearest-county' | 'no-county';

/** One reason for most rows failing, shown instead of hundreds of identical row errors. */
export type FileHintCode = 'lat-lon-swapped' | 'projected-metres' | 'not-in-wenzhou';

export function rowErrorMessage(code: RowErrorCode): Message {
  return { key: `import.rowError.${code}` };
}

export function rowWarningMessage(code: RowWarningCode): Message {
  return { key: `import.rowWarning.${code}` };
}

export function fileHintMessage(code: FileHintCode): Message {
  return { key: `import.hint.${code}` };
}
