import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzip } from './gzip';
import {
  buildDirectories,
  deserializeDirectory,
  readVarint,
  serializeDirectory,
  writeVarint,
  type Entry,
} from './pmtiles-directory';
import { seededRandom as rng } from '../../src/core/util/seeded-random';

/** Sorted random entries; some contiguous, some pointing back (deduped), some runs. */
function randomEntries(n: number, seed: number): Entry[] {
  const r = rng(seed);
  const entries: Entry[] = [];
  let tileId = Math.floor(r() * 1000);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const length = 1 + Math.floor(r() * 5000);
    const dedupe = entries.length > 0 && r() < 0.2;
    const prev = entries[Math.floor(r() * entries.length)];
    const runLength = r() < 0.1 ? 2 + Math.floor(r() * 50) : 1;
    entries.push({
      tileId,
      offset: dedupe && prev ? prev.offset : offset,
      length: dedupe && prev ? prev.length : length,
      runLength,
    });
    if (!dedupe) offset += length;
    tileId += runLength + (r() < 0.5 ? 0 : Math.floor(r() * 3_000_000));
  }
  return entries;
}

const gunzip = (b: Uint8Array): Uint8Array => new Uint8Array(gunzipSync(b));

describe('varint', () => {
  it('round-trips values past 2^32', () => {
    const values = [0, 1, 127, 128, 300, 2 ** 31, 2 ** 32 + 5, 2 ** 50 + 3, Number.MAX_SAFE_INTEGER];
    const out: number[] = [];
    for (const v of values) writeVarint(out, v);
    const buf = Uint8Array.from(out);
    const pos = { pos: 0 };
    expect(values.map(() => readVarint(buf, pos))).toEqual(values);
    expect(pos.pos).toBe(buf.length);
  });

  it('rejects negative and fractional values', () => {
    expect(() => writeVarint([], -1)).toThrow();
    expect(() => writeVarint([], 1.5)).toThrow();
  });
});

describe('directory encoding', () => {
  it('round-trips random entries', () => {
    for (const seed of [1, 2, 3]) {
      const entries = randomEntries(2000, seed);
      expect(deserializeDirectory(serializeDirectory(entries))).toEqual(entries);
    }
  });

  it('writes 0 for offsets contiguous with the previous entry', () => {
    const bytes = serializeDirectory([
      { tileId: 5, offset: 0, length: 10, runLength: 1 },
      { tileId: 6, offset: 10, length: 4, runLength: 3 },
      { tileId: 9, offset: 0, length: 10, runLength: 1 },
    ]);
    // count, 3 id deltas, 3 run lengths, 3 lengths, offsets 0+1, 0 (contiguous), 0+1.
    expect([...bytes]).toEqual([3, 5, 1, 3, 1, 3, 1, 10, 4, 10, 1, 0, 1]);
  });

  it('keeps small directories entirely in the root', () => {
    const entries = randomEntries(50, 7);
    const layout = buildDirectories(entries, { compress: gzip });
    expect(layout.leafCount).toBe(0);
    expect(layout.leaves.length).toBe(0);
    expect(deserializeDirectory(gunzip(layout.root))).toEqual(entries);
  });

  it('splits into leaf directories when the root would exceed its budget, and reassembles', () => {
    const entries = randomEntries(3000, 11);
    const layout = buildDirectories(entries, { compress: gzip, rootBudget: 200, minLeafSize: 100 });
    expect(layout.root.length).toBeLessThanOrEqual(200);
    expect(layout.leafCount).toBeGreaterThan(1);
    const root = deserializeDirectory(gunzip(layout.root));
    expect(root.every((e) => e.runLength === 0)).toBe(true);
    expect(root).toHaveLength(layout.leafCount);
    const reassembled = root.flatMap((pointer) => {
      const leaf = deserializeDirectory(
        gunzip(layout.leaves.subarray(pointer.offset, pointer.offset + pointer.length)),
      );
      expect(leaf[0]?.tileId).toBe(pointer.tileId);
      return leaf;
    });
    expect(reassembled).toEqual(entries);
  });
});
