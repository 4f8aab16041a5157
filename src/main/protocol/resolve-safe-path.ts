import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export { contentTypeFor } from './content-type';

export type PathFailure = { ok: false; status: 400 | 403 | 404; reason: string };

export type SafePathResult = { ok: true; filePath: string; size: number; mtimeMs: number } | PathFailure;

export type DecodedPath = { ok: true; segments: string[] } | PathFailure;

/** Served for a path that ends in '/'. */
export const DIRECTORY_INDEX = 'index.html';

const fail = (status: PathFailure['status'], reason: string): PathFailure => ({
  ok: false,
  status,
  reason,
});

// C0 controls and DEL; nothing legitimate in our URLs contains them.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const BAD_PERCENT = /%(?![0-9a-fA-F]{2})/;
/** Encoded '/', '\' and NUL: they would turn one URL segment into several path segments. */
const ENCODED_SEPARATOR = /%(?:2f|5c|00)/i;

/**
 * Turns a URL pathname (still percent-encoded, as in `new URL(u).pathname` or Node's `req.url`)
 * into path segments, decoding exactly once. Pure: no file-system access.
 */
export function decodeUrlPath(urlPathname: string): DecodedPath {
  const raw = urlPathname.split(/[?#]/, 1)[0] ?? '';
  if (raw.includes('\\')) return fail(400, 'backslash in path');
  if (CONTROL_CHARS.test(raw)) return fail(400, 'control character in path');
  if (!raw.startsWith('/')) return fail(400, 'path must start with /');
  if (BAD_PERCENT.test(raw)) return fail(400, 'malformed percent-encoding');
  if (ENCODED_SEPARATOR.test(raw)) return fail(400, 'encoded separator or NUL');

  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return fail(400, 'malformed percent-encoding');
  }
  if (decoded.includes('%')) return fail(400, 'double percent-encoding');
  if (decoded.includes('\\') || CONTROL_CHARS.test(decoded)) {
    return fail(400, 'backslash or control character in path');
  }
  if (decoded.startsWith('//')) return fail(400, 'absolute path');

  const withIndex = decoded.endsWith('/') ? decoded + DIRECTORY_INDEX : decoded;
  const segments = withIndex.slice(1).split('/');
  for (const segment of segments) {
    if (segment === '') return fail(400, 'empty path segment');
    if (segment === '.' || segment === '..') return fail(403, 'path traversal');
    // Drive letters (C:), Windows alternate data streams (file:stream).
    if (segment.includes(':')) return fail(400, 'colon in path');
    // Windows silently strips trailing dots and spaces (".. " would become "..").
    if (/[. ]$/.test(segment)) return fail(400, 'segment ends with dot or space');
  }
  return { ok: true, segments };
}

/** True when `child` is `root` or lies below it (both already absolute and normalised). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  if (rel === '') return true;
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

function failureFor(error: unknown): PathFailure {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'ELOOP') return fail(403, 'not accessible');
  return fail(404, 'not found');
}

/**
 * Maps a URL pathname to a regular file under `rootDir`, or says why not.
 * The file's real path (all symlinks resolved) must stay inside the real root.
 */
export async function resolveSafePath(rootDir: string, urlPathname: string): Promise<SafePathResult> {
  const decoded = decodeUrlPath(urlPathname);
  if (!decoded.ok) return decoded;

  let realRoot: string;
  try {
    realRoot = await realpath(rootDir);
  } catch {
    return fail(404, 'root directory missing');
  }

  const candidate = resolve(realRoot, ...decoded.segments);
  if (!isInside(realRoot, candidate)) return fail(403, 'path escapes root');

  let realFile: string;
  try {
    realFile = await realpath(candidate);
  } catch (error) {
    return failureFor(error);
  }
  if (!isInside(realRoot, realFile)) return fail(403, 'symlink escapes root');

  try {
    const info = await stat(realFile);
    if (info.isDirectory()) return fail(404, 'is a directory');
    if (!info.isFile()) return fail(403, 'not a regular file');
    return { ok: true, filePath: realFile, size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    return failureFor(error);
  }
}
