import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, decodeUrlPath, isInside, resolveSafePath } from './resolve-safe-path';

const FONT = 'Klokantech Noto Sans Regular';
let base: string;
let root: string;

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'outu-safe-path-')));
  root = join(base, 'root');
  await mkdir(join(root, 'glyphs', FONT), { recursive: true });
  await mkdir(join(root, '温州'), { recursive: true });
  await mkdir(join(root, 'sub'), { recursive: true });
  await mkdir(join(base, 'outside'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'sub', 'index.html'), 'sub');
  await writeFile(join(root, 'basemap.pmtiles'), 'PM');
  await writeFile(join(root, 'glyphs', FONT, '0-255.pbf'), 'glyph');
  await writeFile(join(root, '温州', '县界.geojson'), '{}');
  await writeFile(join(root, '..foo'), 'dotted name, not traversal');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await writeFile(join(base, 'outside', 'secret.txt'), 'secret');
  await writeFile(join(base, 'root-sibling.txt'), 'sibling with a common prefix');
  await symlink(join(root, 'index.html'), join(root, 'link-inside.html'));
  await symlink(join(root, 'glyphs'), join(root, 'link-dir-inside'));
  await symlink(join(base, 'secret.txt'), join(root, 'link-outside.txt'));
  await symlink(join(base, 'outside'), join(root, 'link-dir-outside'));
  await symlink('../secret.txt', join(root, 'relative-link-outside.txt'));
  await symlink(join(root, 'loop-b'), join(root, 'loop-a'));
  await symlink(join(root, 'loop-a'), join(root, 'loop-b'));
  await symlink(root, join(base, 'root-via-link'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function expectOk(pathname: string, file: string, rootDir = root): Promise<void> {
  const result = await resolveSafePath(rootDir, pathname);
  expect(result).toMatchObject({ ok: true, filePath: join(root, file) });
}

async function expectStatus(pathname: string, status: number, rootDir = root): Promise<void> {
  const result = await resolveSafePath(rootDir, pathname);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.status).toBe(status);
}

describe('resolveSafePath: allowed paths', () => {
  it('serves a plain file with its size', async () => {
    const result = await resolveSafePath(root, '/basemap.pmtiles');
    expect(result).toMatchObject({ ok: true, filePath: join(root, 'basemap.pmtiles'), size: 2 });
  });

  it('serves index.html for a trailing slash', async () => {
    await expectOk('/', 'index.html');
    await expectOk('/sub/', 'sub/index.html');
  });

  it('ignores a query string and fragment', async () => {
    await expectOk('/index.html?v=123&x=../../etc/passwd', 'index.html');
    await expectOk('/index.html#/../secret', 'index.html');
  });

  it('decodes fontstack names with spaces (%20)', async () => {
    await expectOk('/glyphs/Klokantech%20Noto%20Sans%20Regular/0-255.pbf', `glyphs/${FONT}/0-255.pbf`);
  });

  it('decodes Chinese file names, encoded or raw', async () => {
    await expectOk(`/${encodeURIComponent('温州')}/${encodeURIComponent('县界.geojson')}`, '温州/县界.geojson');
    await expectOk('/温州/县界.geojson', '温州/县界.geojson');
  });

  it('accepts a file whose name merely starts with two dots', async () => {
    await expectOk('/..foo', '..foo');
  });

  it('follows symlinks that stay inside the root', async () => {
    await expectOk('/link-inside.html', 'index.html');
    await expectOk('/link-dir-inside/Klokantech%20Noto%20Sans%20Regular/0-255.pbf', `glyphs/${FONT}/0-255.pbf`);
  });

  it('works when the root itself is reached through a symlink', async () => {
    await expectOk('/basemap.pmtiles', 'basemap.pmtiles', join(base, 'root-via-link'));
  });
});

describe('resolveSafePath: refused paths', () => {
  it('refuses symlinks pointing outside the root', async () => {
    await expectStatus('/link-outside.txt', 403);
    await expectStatus('/relative-link-outside.txt', 403);
    await expectStatus('/link-dir-outside/secret.txt', 403);
  });

  it('refuses plain and encoded traversal', async () => {
    await expectStatus('/../secret.txt', 403);
    await expectStatus('/sub/../../secret.txt', 403);
    await expectStatus('/%2e%2e/secret.txt', 403);
    await expectStatus('/%2E%2E/secret.txt', 403);
    await expectStatus('/.%2e/secret.txt', 403);
    await expectStatus('/./index.html', 403);
  });

  it('refuses encoded separators such as ..%2f and %5c', async () => {
    await expectStatus('/..%2fsecret.txt', 400);
    await expectStatus('/%2e%2e%2fsecret.txt', 400);
    await expectStatus('/%2E%2E%2Fsecret.txt', 400);
    await expectStatus('/..%5csecret.txt', 400);
    await expectStatus('/sub%2f..%2f..%2fsecret.txt', 400);
  });

  it('decodes only once: double-encoding is refused, never decoded twice', async () => {
    await expectStatus('/%252e%252e/secret.txt', 400);
    await expectStatus('/%252e%252e%252fsecret.txt', 400);
    await expectStatus('/%25', 400);
  });

  it('refuses malformed percent-encoding and invalid UTF-8', async () => {
    await expectStatus('/%', 400);
    await expectStatus('/%zz', 400);
    await expectStatus('/%e4%b8', 400);
    await expectStatus('/%c0%af', 400);
  });

  it('refuses NUL bytes, raw or encoded, and other control characters', async () => {
    await expectStatus('/index.html\u0000.png', 400);
    await expectStatus('/index.html%00.png', 400);
    await expectStatus('/index%0a.html', 400);
  });

  it('refuses backslashes, raw or encoded, and Windows drive letters', async () => {
    await expectStatus('/..\\secret.txt', 400);
    await expectStatus('C:\\', 400);
    await expectStatus('C:\\Windows\\win.ini', 400);
    await expectStatus('/C:/Windows/win.ini', 400);
    await expectStatus('/c%3a/Windows/win.ini', 400);
    await expectStatus('/file.txt:stream', 400);
  });

  it('refuses absolute paths and paths without a leading slash', async () => {
    const result = await resolveSafePath(root, '/etc/passwd');
    expect(result).toEqual({ ok: false, status: 404, reason: 'not found' });
    await expectStatus('//etc/passwd', 400);
    await expectStatus('etc/passwd', 400);
    await expectStatus('', 400);
  });

  it('refuses Windows-normalised trailing dots and spaces', async () => {
    await expectStatus('/..%20/secret.txt', 400);
    await expectStatus('/index.html.', 400);
  });

  it('returns 404 for missing files, directories and a missing root', async () => {
    await expectStatus('/missing.json', 404);
    await expectStatus('/sub', 404);
    await expectStatus('/index.html/x', 404);
    await expectStatus('/index.html', 404, join(base, 'no-such-root'));
  });

  it('does not treat a sibling with a common prefix as inside', async () => {
    expect(isInside(root, join(base, 'root-sibling.txt'))).toBe(false);
    expect(isInside(root, join(root, '..foo'))).toBe(true);
    expect(isInside(root, base)).toBe(false);
  });

  it('refuses symlink loops', async () => {
    await expectStatus('/loop-a', 403);
  });
});

describe('decodeUrlPath', () => {
  it('splits into decoded segments', () => {
    expect(decodeUrlPath('/glyphs/A%20B/0-255.pbf')).toEqual({ ok: true, segments: ['glyphs', 'A B', '0-255.pbf'] });
  });

  it('refuses empty segments', () => {
    expect(decodeUrlPath('/a//b')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['a/0-255.pbf', 'application/x-protobuf'],
    ['basemap.pmtiles', 'application/octet-stream'],
    ['counties.geojson', 'application/geo+json; charset=utf-8'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['icon.PNG', 'image/png'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['x.wasm', 'application/wasm'],
    ['no-extension', 'application/octet-stream'],
    ['weird.xyz', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
