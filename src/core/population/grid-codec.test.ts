import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { prng } from '../coverage/test-grid';
import { makePopulationGrid } from './grid';
import { decodePopulationGrid, encodePopulationGrid, fnv1a32, POPULATION_GRID_HEADER_BYTES } from './grid-codec';
import { DEFAULT_GRID_ORIGIN } from './projection';
import type { PopulationGrid } from '../../shared/coverage';

function randomGrid(seed: number, n: number, whole: boolean): PopulationGrid {
  const random = prng(seed);
  const keys = new Set<number>();
  while (keys.size < n) keys.add(Math.floor(random() * 700) * 1000 + Math.floor(random() * 700));
  const sorted = [...keys].sort((a, b) => a - b);
  return makePopulationGrid({
    cellSizeM: 250,
    origin: DEFAULT_GRID_ORIGIN,
    row: Uint32Array.from(sorted, (k) => Math.floor(k / 1000)),
    col: Uint32Array.from(sorted, (k) => k % 1000),
    population: Float64Array.from(sorted, () => (whole ? 1 + Math.floor(random() * 3000) : random() * 3000)),
    county: Uint32Array.from(sorted, () => 330302 + Math.floor(random() * 3)),
    source: whole ? 'modelled' : 'imported',
  });
}

/** Re-seals a tampered body with a valid checksum, so the content checks themselves are tested. */
function reseal(bytes: Uint8Array): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(52, fnv1a32(bytes, POPULATION_GRID_HEADER_BYTES), true);
  return bytes;
}

describe('population grid codec', () => {
  it('round-trips whole-number grids (Uint32 population) exactly', () => {
    const grid = randomGrid(1, 2000, true);
    const bytes = encodePopulationGrid(grid);
    expect(bytes.length).toBe(64 + 16 * 2000);
    const back = decodePopulationGrid(bytes);
    expect(back).toEqual(grid);
  });

  it('round-trips fractional grids (Float64 population) exactly', () => {
    const grid = randomGrid(2, 500, false);
    const bytes = encodePopulationGrid(grid);
    expect(bytes.length).toBe(64 + 20 * 500);
    expect(decodePopulationGrid(bytes)).toEqual(grid);
    // Also from an ArrayBuffer and from an unaligned view.
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(decodePopulationGrid(shifted.subarray(3))).toEqual(grid);
    expect(decodePopulationGrid(bytes.slice().buffer)).toEqual(grid);
  });

  it('stores cells in (row, col) order whatever the input order', () => {
    const grid = randomGrid(3, 50, true);
    const reversed = makePopulationGrid({
      cellSizeM: grid.cellSizeM,
      origin: grid.origin,
      col: grid.col.slice().reverse(),
      row: grid.row.slice().reverse(),
      population: grid.population.slice().reverse(),
      county: grid.county.slice().reverse(),
      source: grid.source,
    });
    expect(encodePopulationGrid(reversed)).toEqual(encodePopulationGrid(grid));
  });

  it('derives cell-centre lon/lat from col/row and the origin', () => {
    const grid = decodePopulationGrid(encodePopulationGrid(randomGrid(4, 3, true)));
    const col = grid.col[0] as number;
    expect(grid.lon[0]).toBeCloseTo(119.5 + ((col + 0.5) * 250) / (111195.08 * Math.cos((27.9 * Math.PI) / 180)), 9);
  });

  it('refuses to encode duplicates and negative population', () => {
    const grid = randomGrid(5, 3, true);
    const dup = { ...grid, col: Uint32Array.of(1, 1, 2), row: Uint32Array.of(1, 1, 2) };
    expect(() => encodePopulationGrid(dup)).toThrow(/share column/);
    const negative = { ...grid, population: Float64Array.of(1, -1, 2) };
    expect(() => encodePopulationGrid(negative)).toThrow(/population -1/);
  });

  describe('rejects corrupt input with a clear error', () => {
    const good = encodePopulationGrid(randomGrid(6, 100, true));
    const tamper = (fn: (b: Uint8Array, v: DataView) => void): Uint8Array => {
      const b = good.slice();
      fn(b, new DataView(b.buffer));
      return b;
    };
    const cases: [string, Uint8Array, RegExp][] = [
      ['empty', new Uint8Array(0), /shorter than the 64-byte header/],
      ['header only, cut', good.slice(0, 40), /shorter than the 64-byte header/],
      ['wrong magic', tamper((b) => (b[0] = 0x50)), /not a population grid/],
      ['newer version', tamper((_, v) => v.setUint32(4, 2, true)), /unsupported format version 2/],
      ['unknown population type', tamper((_, v) => v.setUint32(12, 7, true)), /unknown population type 7/],
      ['truncated by one byte', good.slice(0, good.length - 1), /expected .* \(truncated file\?\)/],
      ['truncated to half', good.slice(0, good.length >> 1), /truncated/],
      ['trailing bytes', Uint8Array.from([...good, 0, 0, 0, 0]), /trailing bytes/],
      ['cell count too large', tamper((_, v) => v.setUint32(8, 101, true)), /truncated/],
      ['bad cell size', tamper((_, v) => v.setFloat64(16, -250, true)), /bad cell size/],
      ['other projection', tamper((_, v) => v.setFloat64(40, 30, true)), /unsupported projection/],
      ['unknown source', tamper((_, v) => v.setUint32(48, 9, true)), /unknown source/],
      ['flipped body byte', tamper((b) => (b[64 + 17] = (b[64 + 17] as number) ^ 0x10)), /checksum mismatch/],
      ['flipped checksum', tamper((b) => (b[53] = (b[53] as number) ^ 1)), /checksum mismatch/],
      [
        'cells out of order (valid checksum)',
        reseal(
          tamper((b, v) => {
            // Swap the rows of the first and last cell.
            const rowAt = 64 + 4 * 100 + 4 * 100;
            const first = v.getUint32(rowAt, true);
            v.setUint32(rowAt, v.getUint32(rowAt + 4 * 99, true), true);
            v.setUint32(rowAt + 4 * 99, first, true);
            void b;
          }),
        ),
        /out of \(row, col\) order/,
      ],
    ];
    it.each(cases)('%s', (_name, bytes, message) => {
      expect(() => decodePopulationGrid(bytes)).toThrow(message);
    });

    it('NaN population in a Float64 grid (valid checksum)', () => {
      const bytes = encodePopulationGrid(randomGrid(7, 10, false));
      new DataView(bytes.buffer).setFloat64(64 + 8 * 3, NaN, true);
      expect(() => decodePopulationGrid(reseal(bytes))).toThrow(/cell 3 has population NaN/);
    });
  });
});

describe('decodePopulationGrid from a Node Buffer', () => {
  it('reads a grid held in a pooled Buffer (byteOffset ≠ 0)', () => {
    const grid = makePopulationGrid({
      cellSizeM: 250,
      origin: { lon: 119.5, lat: 26.9 },
      col: Uint32Array.from([1, 2]),
      row: Uint32Array.from([0, 0]),
      population: Float64Array.from([5, 7]),
      county: Uint32Array.from([330302, 330302]),
      source: 'modelled',
    });
    const encoded = encodePopulationGrid(grid);
    // Small Buffers share one pool: this one starts part-way into its ArrayBuffer.
    const pooled = Buffer.concat([Buffer.from([1, 2, 3]), Buffer.from(encoded)]).subarray(3);
    expect(pooled.byteOffset).toBeGreaterThan(0);
    expect(Array.from(decodePopulationGrid(pooled).population)).toEqual([5, 7]);
  });
});
