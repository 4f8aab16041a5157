/**
 * Vite plugin: the dev server and `vite preview` serve /data/* from data/geo, so the renderer in a
 * plain browser finds its data at ./data/ — with the same path checks and range support as
 * outu://data/ in Electron.
 */
import type { Connect, Plugin } from 'vite';
import { dataSubpath, serveNodeRequest } from './serve-http-bridge';

export function serveDataMiddleware(dataDir: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const subpath = dataSubpath(req.url ?? '/');
    if (subpath === null) {
      next();
      return;
    }
    serveNodeRequest(req, res, dataDir, subpath).catch(next);
  };
}

export function serveDataPlugin(dataDir: string): Plugin {
  return {
    name: 'outu-serve-data',
    configureServer(server) {
      server.middlewares.use(serveDataMiddleware(dataDir));
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveDataMiddleware(dataDir));
    },
  };
}
