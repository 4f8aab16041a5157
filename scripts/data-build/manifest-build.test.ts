import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest, directoryEntry, sha256Hex } from './manifest-build';

const tmp = mkdtempSync(join(tmpdir(), 'outu-manifest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('buildManifest', () => {
  const a = { bytes: 3, sha256: sha256Hex('abc') };
  const b = { bytes: 1, sha256: sha256Hex('x') };

  it('sorts files by path and derives a 12-hex dataVersion independent of insertion order', () => {
    const m1 = buildManifest({ 'z.json': a, 'a.geojson': b }, [1, 2, 3, 4]);
    const m2 = buildManifest({ 'a.geojson': b, 'z.json': a }, [1, 2, 3, 4]);
    expect(Object.keys(m1.files)).toEqual(['a.geojson', 'z.json']);
    expect(JSON.stringify(m1)).toBe(JSON.stringify(m2));
    expect(m1.dataVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(Object.keys(m1)).toEqual(['dataVersion', 'bounds', 'files']);
  });

  it('changes dataVersion when any file changes', () => {
    const m1 = buildManifest({ 'a.geojson': a }, [0, 0, 1, 1]);
    const m2 = buildManifest({ 'a.geojson': b }, [0, 0, 1, 1]);
    expect(m1.dataVersion).not.toBe(m2.dataVersion);
  });
});

describe('directoryEntry', () => {
  it('sums bytes and hashes names with contents', () => {
    const dir = join(tmp, 'font');
    mkdirSync(dir);
    writeFileSync(join(dir, '256-511.pbf'), 'bb');
    writeFileSync(join(dir, '0-255.pbf'), 'a');
    const e1 = directoryEntry(dir);
    expect(e1.bytes).toBe(3);
    writeFileSync(join(dir, '0-255.pbf'), 'c');
    expect(directoryEntry(dir).sha256).not.toBe(e1.sha256);
  });
});
