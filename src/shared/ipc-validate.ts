/**
 * Hand-written validators for every payload that crosses IPC. Main trusts nothing the renderer
 * sends: each request is checked for shape, types, lengths and size before any file is touched.
 * Pure and dependency-free, so the renderer may reuse them.
 */
import type { FileFilter, OpenFileRequest, SaveFileRequest } from './ipc';

/** Largest file OuTu opens or saves. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
export const MAX_TITLE_LENGTH = 200;
export const MAX_FILE_NAME_LENGTH = 255;
export const MAX_FILTERS = 20;
export const MAX_EXTENSIONS = 50;

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

const valid = <T>(value: T): Validation<T> => ({ ok: true, value });
const invalid = <T>(error: string): Validation<T> => ({ ok: false, error });

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*]/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const EXTENSION = /^(\*|[A-Za-z0-9_-]{1,16})$/;
/** type/subtype in RFC 6838's restricted-name characters, no parameters. */
const MIME_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function unknownKey(value: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  return Object.keys(value).find((key) => !allowed.includes(key));
}

function validateTitle(title: unknown): Validation<string | undefined> {
  if (title === undefined) return valid(undefined);
  if (typeof title !== 'string') return invalid('title must be a string');
  if (title.length > MAX_TITLE_LENGTH) return invalid('title is too long');
  if (CONTROL_CHARS.test(title)) return invalid('title contains control characters');
  return valid(title);
}

function validateFilter(filter: unknown): Validation<FileFilter> {
  if (!isPlainObject(filter)) return invalid('filter must be an object');
  const extra = unknownKey(filter, ['name', 'extensions']);
  if (extra !== undefined) return invalid(`unexpected filter field: ${extra}`);
  const { name, extensions } = filter;
  if (typeof name !== 'string' || name.length === 0 || name.length > 100 || CONTROL_CHARS.test(name)) {
    return invalid('filter name must be a short string');
  }
  if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > MAX_EXTENSIONS) {
    return invalid('filter extensions must be a non-empty array');
  }
  for (const extension of extensions as unknown[]) {
    if (typeof extension !== 'string' || !EXTENSION.test(extension)) {
      return invalid('filter extensions must be like "geojson" (no dot) or "*"');
    }
  }
  return valid({ name, extensions: [...(extensions as string[])] });
}

export function validateFilters(filters: unknown): Validation<FileFilter[] | undefined> {
  if (filters === undefined) return valid(undefined);
  if (!Array.isArray(filters)) return invalid('filters must be an array');
  if (filters.length > MAX_FILTERS) return invalid('too many filters');
  const result: FileFilter[] = [];
  for (const filter of filters as unknown[]) {
    const checked = validateFilter(filter);
    if (!checked.ok) return invalid(checked.error);
    result.push(checked.value);
  }
  return valid(result);
}

/** A bare file name that is safe on Windows, macOS and Linux: no directories, no tricks. */
export function validateFileName(name: unknown): Validation<string> {
  if (typeof name !== 'string') return invalid('file name must be a string');
  if (name.length === 0 || name.length > MAX_FILE_NAME_LENGTH) return invalid('file name length is invalid');
  if (CONTROL_CHARS.test(name)) return invalid('file name contains control characters');
  if (WINDOWS_FORBIDDEN.test(name)) return invalid('file name contains a path separator or reserved character');
  if (name === '.' || name === '..') return invalid('file name is a directory reference');
  if (/[. ]$/.test(name) || /^ /.test(name))
    return invalid('file name starts with a space or ends with a dot or space');
  if (WINDOWS_RESERVED.test(name)) return invalid('file name is reserved on Windows');
  return valid(name);
}

/** Exact UTF-8 length of a string (lone surrogates count as U+FFFD, as TextEncoder writes them). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function validateFileData(data: unknown, maxBytes = MAX_FILE_BYTES): Validation<Uint8Array | string> {
  if (typeof data === 'string') {
    // Cheap bound first: a UTF-16 code unit never takes more than 3 UTF-8 bytes.
    if (data.length * 3 > maxBytes && utf8ByteLength(data) > maxBytes) return invalid('data is too large');
    return valid(data);
  }
  if (data instanceof Uint8Array) {
    if (data.byteLength > maxBytes) return invalid('data is too large');
    return valid(data);
  }
  return invalid('data must be a string or a Uint8Array');
}

export function validateOpenFileRequest(input: unknown): Validation<OpenFileRequest> {
  if (input === undefined) return valid({});
  if (!isPlainObject(input)) return invalid('request must be an object');
  const extra = unknownKey(input, ['title', 'filters']);
  if (extra !== undefined) return invalid(`unexpected field: ${extra}`);
  const title = validateTitle(input.title);
  if (!title.ok) return invalid(title.error);
  const filters = validateFilters(input.filters);
  if (!filters.ok) return invalid(filters.error);
  return valid({
    ...(title.value !== undefined ? { title: title.value } : {}),
    ...(filters.value !== undefined ? { filters: filters.value } : {}),
  });
}

export function validateSaveFileRequest(input: unknown, maxBytes = MAX_FILE_BYTES): Validation<SaveFileRequest> {
  if (!isPlainObject(input)) return invalid('request must be an object');
  const extra = unknownKey(input, ['title', 'suggestedName', 'filters', 'data', 'mimeType']);
  if (extra !== undefined) return invalid(`unexpected field: ${extra}`);
  const title = validateTitle(input.title);
  if (!title.ok) return invalid(title.error);
  const suggestedName = validateFileName(input.suggestedName);
  if (!suggestedName.ok) return invalid(`suggestedName: ${suggestedName.error}`);
  const filters = validateFilters(input.filters);
  if (!filters.ok) return invalid(filters.error);
  const data = validateFileData(input.data, maxBytes);
  if (!data.ok) return invalid(data.error);
  const { mimeType } = input;
  if (mimeType !== undefined && (typeof mimeType !== 'string' || !MIME_TYPE.test(mimeType)))
    return invalid('mimeType must be a type/subtype');
  return valid({
    suggestedName: suggestedName.value,
    data: data.value,
    ...(title.value !== undefined ? { title: title.value } : {}),
    ...(filters.value !== undefined ? { filters: filters.value } : {}),
    ...(mimeType !== undefined ? { mimeType } : {}),
  });
}
