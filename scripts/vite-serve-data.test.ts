import { request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDataPlugin } from './vite-serve-data';

let base: string;

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'outu-vite-data-')));
  await mkdir(join(base, 'geo'), { recursive: true });
  await mkdir(join(base, 'app', 'dist'), { recursive: true });
  await writeFile(join(base, 'geo', 'counties.geojson'), '{"type":"FeatureCollection","features":[]}');
  await writeFile(
    join(base, 'geo', 'basemap.pmtiles'),
    new Uint8Array(100).map((_, i) => i),
  );
  await writeFile(join(base, 'secret.txt'), 'secret');
  await writeFile(join(base, 'app', 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(base, 'app', 'dist', 'index.html'), '<!doctype html><title>t</title>');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function checkServer(origin: string): Promise<void> {
  const geojson = await fetch(`${origin}/data/counties.geojson`);
  expect(geojson.status).toBe(200);
  expect(geojson.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
  const range = await fetch(`${origin}/data/basemap.pmtiles`, { headers: { Range: 'bytes=0-3' } });
  expect(range.status).toBe(206);
  expect([...new Uint8Array(await range.arrayBuffer())]).toEqual([0, 1, 2, 3]);
  // 404, not Vite's SPA fallback to index.html.
  expect((await fetch(`${origin}/data/missing.json`)).status).toBe(404);
  // Raw requests: fetch() would normalise these before they reach the server.
  expect(await rawStatus(origin, '/data/..%2fsecret.txt')).toBe(400);
  expect(await rawStatus(origin, '/data/%2e%2e/secret.txt')).toBe(403);
  expect(await rawStatus(origin, '/data/../secret.txt')).toBe(403);
}

function rawStatus(origin: string, path: string): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveDataPlugin', () => {
  it('serves /data/ from the dev server', async () => {
    const server = await createServer({
      configFile: false,
      root: join(base, 'app'),
      logLevel: 'silent',
      plugins: [serveDataPlugin(join(base, 'geo'))],
      server: { port: 0, host: '127.0.0.1', ws: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await server.listen();
    try {
      const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
      await checkServer(origin);
      expect((await fetch(`${origin}/index.html`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('serves /data/ from the preview server', async () => {
    const server = await preview({
      configFile: false,
      root: join(base, 'app'),
      logLevel: 'silent',
      plugins: [serveDataPlugin(join(base, 'geo'))],
      preview: { port: 0, host: '127.0.0.1' },
    });
    try {
      const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
      await checkServer(origin);
    } finally {
      await new Promise<void>((done) => server.httpServer.close(() => done()));
    }
  });
});
