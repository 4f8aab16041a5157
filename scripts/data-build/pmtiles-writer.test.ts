import { PMTiles, tileIdToZxy, zxyToTileId } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { gzip } from './gzip';
import { BufferSource } from './pmtiles-buffer-source';
import { Compression, TileType } from './pmtiles-header';
import { writeArchive, type ArchiveOptions, type ArchiveTile } from './pmtiles-writer';

const OPTIONS: ArchiveOptions = {
  tileType: TileType.Mvt,
  tileCompression: Compression.Gzip,
  minZoom: 0,
  maxZoom: 10,
  bounds: [119.3, 26.8, 121.6, 28.9],
  center: { lon: 120.67, lat: 28, zoom: 8 },
  metadata: { name: 'test', vector_layers: [{ id: 'land', fields: {} }] },
};

const text = (s: string): Uint8Array => gzip(new TextEncoder().encode(s));
const decode = (b: ArrayBuffer): string => new TextDecoder().decode(b);

/** z10 tiles: runs of identical content, repeats far apart, and unique ones. */
function sampleTiles(): { tiles: ArchiveTile[]; expected: Map<number, string> } {
  const expected = new Map<number, string>();
  for (let x = 850; x < 880; x++) {
    for (let y = 420; y < 440; y++) {
      const id = zxyToTileId(10, x, y);
      const kind = (x + y) % 7;
      expected.set(id, kind === 0 ? `unique ${x}/${y}` : kind < 4 ? 'sea' : 'land');
    }
  }
  expected.set(zxyToTileId(0, 0, 0), 'world');
  const ids = [...expected.keys()].sort((a, b) => a - b);
  return { tiles: ids.map((tileId) => ({ tileId, data: text(expected.get(tileId) ?? '') })), expected };
}

async function readAll(archive: Uint8Array, ids: Iterable<number>): Promise<Map<number, string>> {
  const reader = new PMTiles(new BufferSource(archive));
  const got = new Map<number, string>();
  for (const id of ids) {
    const [z, x, y] = tileIdToZxy(id);
    const tile = await reader.getZxy(z, x, y);
    if (tile) got.set(id, decode(tile.data));
  }
  return got;
}

describe('writeArchive', () => {
  it('is read back tile-for-tile by the pmtiles reader, with header and metadata', async () => {
    const { tiles, expected } = sampleTiles();
    const { archive, stats } = writeArchive(tiles, OPTIONS);
    expect(stats.leafDirectories).toBe(0);
    expect(await readAll(archive, expected.keys())).toEqual(expected);

    const reader = new PMTiles(new BufferSource(archive));
    const header = await reader.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      numAddressedTiles: expected.size,
      numTileEntries: stats.tileEntries,
      numTileContents: 2 + [...expected.values()].filter((v) => v.startsWith('unique') || v === 'world').length,
      clustered: true,
      tileType: TileType.Mvt,
      tileCompression: Compression.Gzip,
      internalCompression: Compression.Gzip,
      minLon: 119.3,
      maxLat: 28.9,
      centerLon: 120.67,
      centerZoom: 8,
    });
    expect(stats.tileEntries).toBeLessThan(expected.size); // consecutive repeats became runs
    expect(await reader.getMetadata()).toEqual(OPTIONS.metadata);
    // A tile id in a gap between entries is absent, not the neighbour's content.
    expect(await reader.getZxy(10, 0, 0)).toBeUndefined();
  });

  it('still reads back correctly when the directory is forced into leaves', async () => {
    const { tiles, expected } = sampleTiles();
    const { archive, stats } = writeArchive(tiles, { ...OPTIONS, rootBudget: 60, minLeafSize: 16 });
    expect(stats.leafDirectories).toBeGreaterThan(1);
    expect(await readAll(archive, expected.keys())).toEqual(expected);
  });

  it('rejects tiles out of tileId order', () => {
    const t = text('a');
    expect(() =>
      writeArchive(
        [
          { tileId: 5, data: t },
          { tileId: 5, data: t },
        ],
        OPTIONS,
      ),
    ).toThrow(/increasing/);
  });

  it('is byte-identical for identical input', () => {
    const a = writeArchive(sampleTiles().tiles, OPTIONS).archive;
    const b = writeArchive(sampleTiles().tiles, OPTIONS).archive;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
