/**
 * A tiny static server for the built renderer (no framework): out/renderer at /, data/geo at
 * /data/. Same path checks, range support and CSP as the Electron protocol handler.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CSP } from '../src/main/security';
import { dataSubpath, serveNodeRequest } from './serve-http-bridge';

export interface StaticServerOptions {
  appDir: string;
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  csp?: string;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Refuses requests whose Host is not loopback, so a DNS-rebinding page cannot read the server. */
function isLoopbackHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  try {
    return LOCAL_HOSTS.has(new URL(`http://${hostHeader}`).hostname);
  } catch {
    return false;
  }
}

export function createStaticHandler({ appDir, dataDir, csp = CSP }: Omit<StaticServerOptions, 'port'>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isLoopbackHost(req.headers.host)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('421 misdirected request\n');
      return;
    }
    const rawUrl = req.url ?? '/';
    const data = dataSubpath(rawUrl);
    if (data !== null) await serveNodeRequest(req, res, dataDir, data, { csp });
    else await serveNodeRequest(req, res, appDir, rawUrl, { csp });
  };
}

/** Starts the server on 127.0.0.1 only and resolves once it is listening. */
export function startStaticServer(options: StaticServerOptions): Promise<{ server: Server; url: string }> {
  const handler = createStaticHandler(options);
  const server = createServer((req, res) => void handler(req, res));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}
