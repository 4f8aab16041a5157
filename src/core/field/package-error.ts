/**
 * Why an exchange package or backup could not be read (or written). Thrown as `PackageError` with a
 * code and parameters; `packageErrorMessage` names its text in the shared catalogue
 * (`packageError.<code>`), which the UI shows in its language. A `detail` parameter (library
 * message, validation reason) is for the log or a "details" line and is not part of the headline.
 */
import type { Message } from '../../shared/i18n/message';

export type PackageErrorCode =
  | 'not-a-zip'
  | 'damaged'
  | 'no-manifest'
  | 'manifest-not-json'
  | 'not-outu-package'
  | 'manifest-invalid'
  | 'newer-format'
  | 'file-missing'
  | 'file-mismatch'
  | 'unexpected-file'
  | 'blob-name-mismatch'
  | 'missing-blob'
  | 'records-invalid'
  | 'invalid-record'
  | 'duplicate-record'
  | 'count-mismatch'
  | 'table-invalid';

export type PackageErrorParams = Record<string, string | number>;

export class PackageError extends Error {
  readonly code: PackageErrorCode;
  readonly params: PackageErrorParams;

  constructor(code: PackageErrorCode, params: PackageErrorParams = {}) {
    // For logs: the code and every parameter, detail included. The UI shows packageErrorMessage.
    const shown = Object.entries(params).map(([name, value]) => `${name}: ${value}`);
    super(shown.length === 0 ? code : `${code} (${shown.join('; ')})`);
    this.name = 'PackageError';
    this.code = code;
    this.params = params;
  }
}

export function packageErrorMessage(error: Pick<PackageError, 'code' | 'params'>): Message {
  return { key: `packageError.${error.code}`, params: error.params };
}
