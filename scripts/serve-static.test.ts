import { request as httpRequest, type Server } from 'node:http';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../src/main/security';
import { startStaticServer } from './serve-static';

let base: string;
let server: Server;
let url: string;
let port: number;

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'outu-serve-')));
  await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
  await mkdir(join(base, 'geo', 'glyphs', 'Noto Sans Regular'), { recursive: true });
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><title>瓯图 OuTu</title>');
  await writeFile(join(base, 'renderer', 'assets', 'app.js'), 'export {}');
  await writeFile(join(base, 'geo', 'counties.geojson'), '{"type":"FeatureCollection","features":[]}');
  await writeFile(
    join(base, 'geo', 'basemap.pmtiles'),
    new Uint8Array(1000).map((_, i) => i % 256),
  );
  await writeFile(join(base, 'geo', 'glyphs', 'Noto Sans Regular', '0-255.pbf'), 'glyph');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await symlink(join(base, 'secret.txt'), join(base, 'geo', 'leak.txt'));
  ({ server, url } = await startStaticServer({ appDir: join(base, 'renderer'), dataDir: join(base, 'geo'), port: 0 }));
  port = Number(new URL(url).port);
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await rm(base, { recursive: true, force: true });
});

/** Sends the path byte-for-byte (fetch would normalise ../ away). */
function raw(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static renderer server', () => {
  it('binds to 127.0.0.1 only', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the renderer at / with the CSP', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(await response.text()).toContain('瓯图 OuTu');
    expect((await fetch(`${url}assets/app.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves data/geo at /data/', async () => {
    const response = await fetch(`${url}data/counties.geojson?v=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(await (await fetch(`${url}data/glyphs/Noto%20Sans%20Regular/0-255.pbf`)).text()).toBe('glyph');
  });

  it('answers range requests with 206', async () => {
    const response = await fetch(`${url}data/basemap.pmtiles`, { headers: { Range: 'bytes=10-19' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('answers HEAD without a body and refuses POST', async () => {
    const head = await raw('/data/basemap.pmtiles', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('1000');
    expect((await raw('/index.html', {}, 'POST')).status).toBe(405);
  });

  it('refuses traversal, encoded traversal and symlinks out of the root', async () => {
    expect((await raw('/../secret.txt')).status).toBe(403);
    expect((await raw('/data/../../secret.txt')).status).toBe(403);
    expect((await raw('/data/..%2f..%2fsecret.txt')).status).toBe(400);
    expect((await raw('/data/%2e%2e/%2e%2e/secret.txt')).status).toBe(403);
    expect((await raw('/data/%252e%252e/secret.txt')).status).toBe(400);
    expect((await raw('/data/leak.txt')).status).toBe(403);
    expect((await raw('/data%2f..%2fsecret.txt')).status).toBe(400);
    const etc = await raw('//etc/passwd');
    expect(etc.status).toBe(400);
    expect(etc.body).not.toContain('root:');
  });

  it('does not fall back to index.html for missing files', async () => {
    expect((await fetch(`${url}data/missing.json`)).status).toBe(404);
    expect((await fetch(`${url}nope.js`)).status).toBe(404);
  });

  it('refuses non-loopback Host headers (DNS rebinding)', async () => {
    expect((await raw('/index.html', { Host: 'evil.example:80' })).status).toBe(421);
    expect((await raw('/index.html', { Host: `localhost:${port}` })).status).toBe(200);
  });
});
