import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUFFER_LIMIT } from './file-body';
import { createRequestHandler, type RequestHandler } from './handle-request';

const CSP = "default-src 'self'";
let base: string;
let handle: RequestHandler;
const big = new Uint8Array(BUFFER_LIMIT * 3 + 123).map((_, i) => i % 251);
const pmtiles = new Uint8Array(40_000).map((_, i) => (i * 7) % 256);

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'outu-handle-')));
  const app = join(base, 'renderer');
  const data = join(base, 'geo');
  await mkdir(join(app, 'assets'), { recursive: true });
  await mkdir(join(data, 'glyphs', 'Noto Sans Regular'), { recursive: true });
  await writeFile(join(app, 'index.html'), '<!doctype html><title>瓯图 OuTu</title>');
  await writeFile(join(app, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(data, 'basemap.pmtiles'), pmtiles);
  await writeFile(join(data, 'big.bin'), big);
  await writeFile(join(data, 'empty.json'), '');
  await writeFile(join(data, 'counties.geojson'), '{"type":"FeatureCollection","features":[]}');
  await writeFile(join(data, 'glyphs', 'Noto Sans Regular', '0-255.pbf'), 'glyph');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await symlink(join(base, 'secret.txt'), join(data, 'leak.txt'));
  handle = createRequestHandler({ app, data }, { csp: CSP, corsHosts: ['data'] });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const sameBytes = (actual: ArrayBuffer, expected: Uint8Array): boolean =>
  Buffer.from(actual).equals(Buffer.from(expected));

const get = (url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> =>
  handle(new Request(url, { method, headers }));

describe('createRequestHandler', () => {
  it('serves index.html with the CSP and nosniff', async () => {
    const response = await get('outu://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.text()).toContain('瓯图 OuTu');
  });

  it('serves index.html for the bare origin and ignores the query string', async () => {
    expect((await get('outu://app/')).status).toBe(200);
    expect((await get('outu://app/index.html?lang=en')).status).toBe(200);
  });

  it('serves JavaScript with its MIME type', async () => {
    const response = await get('outu://app/assets/main.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves data with CORS headers and the right types', async () => {
    const response = await get('outu://data/glyphs/Noto%20Sans%20Regular/0-255.pbf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-protobuf');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('Content-Range');
    expect(await response.text()).toBe('glyph');
    const geojson = await get('outu://data/counties.geojson');
    expect(geojson.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
  });

  it('answers a full GET with length, ETag and Accept-Ranges', async () => {
    const response = await get('outu://data/basemap.pmtiles');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-length')).toBe(String(pmtiles.length));
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pmtiles);
  });

  it('serves an empty file', async () => {
    const response = await get('outu://data/empty.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('0');
    expect(await response.text()).toBe('');
  });

  it('answers a range request with 206 and Content-Range (PMTiles header read)', async () => {
    const response = await get('outu://data/basemap.pmtiles', { Range: 'bytes=0-16383' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 0-16383/${pmtiles.length}`);
    expect(response.headers.get('content-length')).toBe('16384');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pmtiles.slice(0, 16384));
  });

  it('answers mid-file, open and suffix ranges', async () => {
    const mid = await get('outu://data/basemap.pmtiles', { Range: 'bytes=1000-1009' });
    expect(new Uint8Array(await mid.arrayBuffer())).toEqual(pmtiles.slice(1000, 1010));
    const open = await get('outu://data/basemap.pmtiles', { Range: 'bytes=39990-' });
    expect(open.headers.get('content-range')).toBe(`bytes 39990-39999/${pmtiles.length}`);
    expect(new Uint8Array(await open.arrayBuffer())).toEqual(pmtiles.slice(39990));
    const suffix = await get('outu://data/basemap.pmtiles', { Range: 'bytes=-5' });
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(pmtiles.slice(-5));
  });

  it('returns 416 with the size for an unsatisfiable range', async () => {
    const response = await get('outu://data/basemap.pmtiles', { Range: 'bytes=50000-50010' });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${pmtiles.length}`);
  });

  it('ignores Range when If-Range does not match the ETag', async () => {
    const response = await get('outu://data/basemap.pmtiles', { Range: 'bytes=0-9', 'If-Range': '"stale"' });
    expect(response.status).toBe(200);
    const etag = response.headers.get('etag') ?? '';
    const matched = await get('outu://data/basemap.pmtiles', { Range: 'bytes=0-9', 'If-Range': etag });
    expect(matched.status).toBe(206);
  });

  it('streams large files and large ranges intact', async () => {
    const full = await get('outu://data/big.bin');
    expect(full.headers.get('content-length')).toBe(String(big.length));
    expect(sameBytes(await full.arrayBuffer(), big)).toBe(true);
    const start = BUFFER_LIMIT - 10;
    const end = BUFFER_LIMIT * 3;
    const part = await get('outu://data/big.bin', { Range: `bytes=${start}-${end}` });
    expect(part.status).toBe(206);
    expect(sameBytes(await part.arrayBuffer(), big.slice(start, end + 1))).toBe(true);
  });

  it('lets a streamed body be cancelled', async () => {
    const response = await get('outu://data/big.bin');
    const reader = response.body?.getReader();
    expect(reader).toBeDefined();
    await reader?.read();
    await reader?.cancel();
  });

  it('answers HEAD with headers and no body', async () => {
    const response = await get('outu://data/basemap.pmtiles', {}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(pmtiles.length));
    expect(response.body).toBeNull();
  });

  it('refuses POST, PUT and DELETE with 405 and Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await get('outu://app/index.html', {}, method);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('answers a CORS preflight on the data host only', async () => {
    const data = await get('outu://data/basemap.pmtiles', { 'Access-Control-Request-Headers': 'range' }, 'OPTIONS');
    expect(data.status).toBe(204);
    expect(data.headers.get('access-control-allow-headers')).toContain('Range');
    expect((await get('outu://app/index.html', {}, 'OPTIONS')).status).toBe(405);
  });

  it('returns 404 for unknown hosts, missing files and inherited keys', async () => {
    expect((await get('outu://evil/index.html')).status).toBe(404);
    expect((await get('outu://constructor/index.html')).status).toBe(404);
    expect((await get('outu://data/missing.json')).status).toBe(404);
  });

  it('refuses symlinks out of the root and encoded traversal', async () => {
    expect((await get('outu://data/leak.txt')).status).toBe(403);
    expect((await get('outu://data/..%2fsecret.txt')).status).toBe(400);
    expect((await get('outu://data/%252e%252e/secret.txt')).status).toBe(400);
    const refused = await get('outu://data/leak.txt');
    expect(await refused.text()).not.toContain('secret\n');
    expect(refused.headers.get('content-security-policy')).toBe(CSP);
  });
});
