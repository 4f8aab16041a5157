/**
 * Why an exchange package or backup could not be read (or written). Thrown as `PackageError` with a
 * code and parameters; `packageErrorMessage` gives the text for the UI in Chinese or English. A
 * `detail` parameter (library message, validation reason) is for the log or a "details" line and is
 * not part of the headline.
 */
import type { Bilingual } from '../import/messages';

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

const MESSAGES: Record<PackageErrorCode, Bilingual> = {
  'not-a-zip': {
    zh: '所选文件不是瓯图数据包（不是 zip 文件）。',
    en: 'The chosen file is not an OuTu package (not a zip file).',
  },
  damaged: {
    zh: '数据包已损坏或不完整（可能复制未完成），无法打开。请重新导出或重新复制。',
    en: 'The package is damaged or incomplete (perhaps the copy did not finish). Export or copy it again.',
  },
  'no-manifest': {
    zh: '数据包中没有 manifest.json，不是瓯图数据包。',
    en: 'The package has no manifest.json; it is not an OuTu package.',
  },
  'manifest-not-json': {
    zh: '数据包的 manifest.json 不是有效的 JSON，文件已损坏。',
    en: 'The package’s manifest.json is not valid JSON; the file is damaged.',
  },
  'not-outu-package': { zh: '该 zip 文件不是瓯图数据包。', en: 'This zip file is not an OuTu package.' },
  'manifest-invalid': {
    zh: '数据包的清单（manifest.json）内容不完整或有误。',
    en: 'The package manifest (manifest.json) is incomplete or wrong.',
  },
  'newer-format': {
    zh: '数据包格式版本为 {version}，由更新版本的瓯图导出。请先升级瓯图再导入。',
    en: 'The package has format version {version} and was exported by a newer OuTu. Update OuTu before importing it.',
  },
  'file-missing': {
    zh: '数据包缺少文件 {path}，可能不完整。',
    en: 'The package lacks the file {path}; it may be incomplete.',
  },
  'file-mismatch': {
    zh: '数据包中的文件 {path} 与清单不符（已损坏或被修改），为安全起见不予导入。',
    en: 'The file {path} does not match the package manifest (damaged or modified); it is not imported, to be safe.',
  },
  'unexpected-file': {
    zh: '数据包中有清单未列出的文件 {path}，可能被修改过。',
    en: 'The package holds a file not listed in its manifest, {path}; it may have been modified.',
  },
  'blob-name-mismatch': {
    zh: '数据包中的照片文件 {path} 与其名称不符，已损坏。',
    en: 'The photo file {path} in the package does not match its name; it is damaged.',
  },
  'missing-blob': {
    zh: '照片记录 {id} 的图片文件不在数据包中。',
    en: 'The image file of photo record {id} is not in the package.',
  },
  'records-invalid': {
    zh: '数据包中的记录文件（records.geojson）已损坏或格式不对。',
    en: 'The records file in the package (records.geojson) is damaged or not in the expected format.',
  },
  'invalid-record': {
    zh: '数据包中的第 {index} 条记录（{id}）内容有误，无法导入。',
    en: 'Record {index} in the package ({id}) is invalid and cannot be imported.',
  },
  'duplicate-record': {
    zh: '数据包中记录 {key} 出现了不止一次，数据包有误。',
    en: 'The record {key} appears more than once in the package; the package is faulty.',
  },
  'count-mismatch': {
    zh: '数据包中的记录数量与清单不符，可能不完整。',
    en: 'The number of records does not match the package manifest; it may be incomplete.',
  },
  'table-invalid': {
    zh: '备份中的数据表 {name} 已损坏或格式不对。',
    en: 'The table {name} in the backup is damaged or not in the expected format.',
  },
};

export class PackageError extends Error {
  readonly code: PackageErrorCode;
  readonly params: PackageErrorParams;

  constructor(code: PackageErrorCode, params: PackageErrorParams = {}) {
    const detail = params.detail === undefined ? '' : ` (${params.detail})`;
    super(fill(MESSAGES[code].en, params) + detail);
    this.name = 'PackageError';
    this.code = code;
    this.params = params;
  }
}

export function packageErrorText(code: PackageErrorCode, params: PackageErrorParams = {}): Bilingual {
  const text = MESSAGES[code];
  return { zh: fill(text.zh, params), en: fill(text.en, params) };
}

export function packageErrorMessage(error: PackageError, lang: 'zh' | 'en'): string {
  return packageErrorText(error.code, error.params)[lang];
}

function fill(template: string, params: PackageErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
