import { contentRange, parseRange, type ByteRange } from './byte-range';
import { contentTypeFor } from './content-type';
import { fileBody } from './file-body';
import { resolveSafePath } from './resolve-safe-path';

export type RequestHandler = (request: Request) => Promise<Response>;

export interface ServeOptions {
  /** Content-Security-Policy sent with every response (documents and worker scripts need it). */
  csp?: string;
  /** Allow cross-origin reads (outu://app → outu://data, or the Vite dev server → outu://data). */
  cors?: boolean;
}

export interface HandlerOptions {
  csp?: string;
  /** Hosts whose files any origin may read; the data is public and sent without credentials. */
  corsHosts?: readonly string[];
}

const READ_METHODS = 'GET, HEAD';
const CORS_EXPOSED = 'Accept-Ranges, Content-Length, Content-Range, Content-Type, ETag, Last-Modified';

function baseHeaders(options: ServeOptions): Headers {
  const headers = new Headers({ 'X-Content-Type-Options': 'nosniff' });
  if (options.csp) headers.set('Content-Security-Policy', options.csp);
  if (options.cors) {
    headers.set('Access-Control-Allow-Origin', '*');
    headers.set('Access-Control-Expose-Headers', CORS_EXPOSED);
  }
  return headers;
}

function textResponse(
  status: number,
  message: string,
  options: ServeOptions,
  extra: Record<string, string> = {},
): Response {
  const headers = baseHeaders(options);
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(`${status} ${message}\n`, { status, headers });
}

function preflightResponse(options: ServeOptions): Response {
  const headers = baseHeaders(options);
  headers.set('Access-Control-Allow-Methods', READ_METHODS);
  headers.set('Access-Control-Allow-Headers', 'Range, If-Match, If-None-Match, If-Range, Cache-Control');
  headers.set('Access-Control-Max-Age', '600');
  return new Response(null, { status: 204, headers });
}

function etagFor(size: number, mtimeMs: number): string {
  return `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
}

/**
 * Serves one file below `rootDir` for a fetch-style request. `pathname` is the still-encoded URL
 * path relative to that root. GET and HEAD only; honours a single `Range: bytes=…`.
 */
export async function serveFile(
  request: Request,
  rootDir: string,
  pathname: string,
  options: ServeOptions = {},
): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method === 'OPTIONS' && options.cors) return preflightResponse(options);
  if (method !== 'GET' && method !== 'HEAD') {
    return textResponse(405, 'method not allowed', options, { Allow: READ_METHODS });
  }

  const resolved = await resolveSafePath(rootDir, pathname);
  if (!resolved.ok) return textResponse(resolved.status, resolved.reason, options);
  const { filePath, size, mtimeMs } = resolved;

  const etag = etagFor(size, mtimeMs);
  const headers = baseHeaders(options);
  headers.set('Content-Type', contentTypeFor(filePath));
  headers.set('Accept-Ranges', 'bytes');
  headers.set('ETag', etag);
  headers.set('Last-Modified', new Date(mtimeMs).toUTCString());
  headers.set('Cache-Control', 'no-cache');

  const ifRange = request.headers.get('if-range');
  const rangeHeader = ifRange === null || ifRange === etag ? request.headers.get('range') : null;
  const rangeRequest = parseRange(rangeHeader, size);
  if (rangeRequest.kind === 'unsatisfiable') {
    return textResponse(416, 'range not satisfiable', options, { 'Content-Range': `bytes */${size}` });
  }

  let status = 200;
  let range: ByteRange = { start: 0, end: size - 1 };
  if (rangeRequest.kind === 'range') {
    status = 206;
    range = rangeRequest.range;
    headers.set('Content-Range', contentRange(range, size));
  }
  headers.set('Content-Length', String(range.end - range.start + 1));
  if (method === 'HEAD') return new Response(null, { status, headers });

  try {
    return new Response(await fileBody(filePath, range), { status, headers });
  } catch {
    return textResponse(404, 'not found', options);
  }
}

/**
 * A `(Request) => Promise<Response>` for `protocol.handle`: the URL's host picks the root folder
 * (`outu://app/…` → out/renderer, `outu://data/…` → data/geo); unknown hosts are 404.
 */
export function createRequestHandler(
  roots: Readonly<Record<string, string>>,
  options: HandlerOptions = {},
): RequestHandler {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'bad url', { csp: options.csp });
    }
    const host = url.hostname.toLowerCase();
    const serveOptions: ServeOptions = { csp: options.csp, cors: options.corsHosts?.includes(host) ?? false };
    const rootDir = Object.hasOwn(roots, host) ? roots[host] : undefined;
    if (rootDir === undefined) return textResponse(404, 'unknown host', serveOptions);
    try {
      return await serveFile(request, rootDir, url.pathname, serveOptions);
    } catch {
      return textResponse(500, 'internal error', serveOptions);
    }
  };
}
