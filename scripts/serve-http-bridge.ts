/**
 * Adapts Node's http (IncomingMessage/ServerResponse) to the fetch-style `serveFile` used by the
 * Electron protocol handler, so the browser dev/preview/test servers serve files the same way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { serveFile, type ServeOptions } from '../src/main/protocol/handle-request';

function plainResponse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(`${status} ${message}\n`);
}

/** A body-less fetch Request carrying the method and headers (the URL is not used for routing). */
export function toWebRequest(req: IncomingMessage): Request | null {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    return new Request('http://localhost/', { method: req.method ?? 'GET', headers });
  } catch {
    return null; // forbidden method (CONNECT, TRACE) or malformed header
  }
}

export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  try {
    await pipeline(Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>), res);
  } catch {
    // The client went away mid-download; the file stream has been cancelled and closed.
  }
}

/**
 * Serves `rawPath` (still percent-encoded, e.g. from `req.url`, query allowed) from `rootDir`.
 */
export async function serveNodeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  rootDir: string,
  rawPath: string,
  options: ServeOptions = {},
): Promise<void> {
  const request = toWebRequest(req);
  if (!request) {
    plainResponse(res, 405, 'method not allowed');
    return;
  }
  try {
    await sendWebResponse(res, await serveFile(request, rootDir, rawPath, options));
  } catch {
    if (!res.headersSent) plainResponse(res, 500, 'internal error');
    else res.destroy();
  }
}

export const DATA_PREFIX = '/data';

/** For a request path under /data/, the path relative to the data folder; otherwise null. */
export function dataSubpath(rawUrl: string): string | null {
  const queryAt = rawUrl.search(/[?#]/);
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  if (path !== DATA_PREFIX && !path.startsWith(`${DATA_PREFIX}/`)) return null;
  const rest = rawUrl.slice(DATA_PREFIX.length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}
