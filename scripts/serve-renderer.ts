/**
 * `tsx scripts/serve-renderer.ts --port 4173`: serves the built renderer (out/renderer) at / and
 * data/geo at /data/ on 127.0.0.1 — for Playwright and for trying the app in a plain browser.
 */
import { resolve } from 'node:path';
import { startStaticServer } from './serve-static';

function parsePort(args: readonly string[]): number {
  const index = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  if (index === -1) return 4173;
  const arg = args[index] ?? '';
  const value = arg.includes('=') ? arg.slice('--port='.length) : args[index + 1];
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port: ${String(value)}`);
  return port;
}

// Run by tsx as CommonJS (package.json has no "type": "module"), so __dirname exists.
const root = resolve(__dirname, '..');

startStaticServer({
  appDir: resolve(root, 'out', 'renderer'),
  dataDir: resolve(root, 'data', 'geo'),
  port: parsePort(process.argv.slice(2)),
}).then(
  ({ server, url }) => {
    console.log(`瓯图 OuTu renderer: ${url} (data at ${url}data/)`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => server.close(() => process.exit(0)));
    }
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
