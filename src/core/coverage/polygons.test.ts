import { area, booleanPointInPolygon, booleanValid, point, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PopulationGrid } from '../../shared/coverage';
import { cellCentreLat, cellCentreLon, cellTrueAreaM2 } from '../population/projection';
import { bandIndex } from './bands';
import { coverageBands, type BandProperties } from './polygons';
import { gridFromAscii, gridOf, prng } from './test-grid';

function signedArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i] as Position;
    const q = ring[i + 1] as Position;
    a += (p[0] as number) * (q[1] as number) - (q[0] as number) * (p[1] as number);
  }
  return a / 2;
}

/**
 * Everything a band polygon must be: closed simple rings (no repeated vertex), exteriors
 * counter-clockwise and holes clockwise (RFC 7946), 6-decimal coordinates, area equal to its cells'
 * area, and — the real test of the tracing — every cell centre inside exactly one polygon of its
 * own band and inside no polygon of any other band.
 */
function checkBands(
  fc: FeatureCollection<MultiPolygon, BandProperties>,
  grid: PopulationGrid,
  minutes: Float32Array,
  thresholds: number[],
): void {
  expect(fc.features).toHaveLength(thresholds.length);
  const bandOfCell = new Map<string, number>();
  for (let i = 0; i < grid.col.length; i++)
    bandOfCell.set(`${grid.col[i]},${grid.row[i]}`, bandIndex(minutes[i] as number, thresholds));
  fc.features.forEach((feature: Feature<MultiPolygon, BandProperties>, b) => {
    expect(feature.properties.band).toBe(b);
    expect(feature.properties.fromMin).toBe(b === 0 ? 0 : thresholds[b - 1]);
    expect(feature.properties.toMin).toBe(thresholds[b]);
    let cells = 0;
    let population = 0;
    let trueArea = 0;
    let boundaryEdges = 0;
    for (let i = 0; i < grid.col.length; i++)
      if (bandIndex(minutes[i] as number, thresholds) === b) {
        cells++;
        population += grid.population[i] as number;
        trueArea += cellTrueAreaM2(grid.cellSizeM, grid.lat[i] as number);
        const c = grid.col[i] as number;
        const r = grid.row[i] as number;
        for (const key of [`${c + 1},${r}`, `${c - 1},${r}`, `${c},${r + 1}`, `${c},${r - 1}`])
          if (bandOfCell.get(key) !== b) boundaryEdges++;
      }
    expect(feature.properties.cells).toBe(cells);
    expect(feature.properties.population).toBe(population);
    for (const poly of feature.geometry.coordinates) {
      poly.forEach((ring, k) => {
        expect(ring.length).toBeGreaterThanOrEqual(5);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        const seen = new Set(ring.slice(0, -1).map((p) => `${p[0]},${p[1]}`));
        expect(seen.size).toBe(ring.length - 1);
        for (const p of ring) for (const v of p) expect(Math.round((v as number) * 1e6) / 1e6).toBe(v);
        if (k === 0) expect(signedArea(ring)).toBeGreaterThan(0);
        else expect(signedArea(ring)).toBeLessThan(0);
      });
    }
    // Area (@turf/area, same sphere): the true area of the band's cells up to the 6-decimal rounding
    // of the corners (≤ 0.056 m across each boundary edge), and count × 250² up to the projection's
    // area error (< 0.8 % inside Wenzhou) plus that rounding.
    const got = area(feature);
    const roundingM2 = boundaryEdges * grid.cellSizeM * 0.056 + 1;
    expect(Math.abs(got - trueArea)).toBeLessThanOrEqual(roundingM2);
    if (cells > 0) expect(Math.abs(got - cells * grid.cellSizeM ** 2)).toBeLessThan(0.008 * got + roundingM2);
  });
  // Cell-centre membership over the bounding box (+1 cell margin).
  let minC = Infinity;
  let maxC = -Infinity;
  let minR = Infinity;
  let maxR = -Infinity;
  for (let i = 0; i < grid.col.length; i++) {
    minC = Math.min(minC, grid.col[i] as number);
    maxC = Math.max(maxC, grid.col[i] as number);
    minR = Math.min(minR, grid.row[i] as number);
    maxR = Math.max(maxR, grid.row[i] as number);
  }
  const polys = fc.features.map((f) => f.geometry.coordinates.map((c) => polygon(c)));
  for (let c = minC - 1; c <= maxC + 1; c++)
    for (let r = minR - 1; r <= maxR + 1; r++) {
      const pt = point([cellCentreLon(grid.origin, grid.cellSizeM, c), cellCentreLat(grid.origin, grid.cellSizeM, r)]);
      const band = bandOfCell.get(`${c},${r}`);
      polys.forEach((list, b) => {
        const hits = list.filter((p) => booleanPointInPolygon(pt, p)).length;
        expect(hits, `cell ${c},${r} in band ${b}`).toBe(band === b ? 1 : 0);
      });
    }
}

function ascii(lines: string[], thresholds: number[]) {
  const { grid, minutes } = gridFromAscii(lines);
  const fc = coverageBands(grid, minutes, thresholds);
  checkBands(fc, grid, minutes, thresholds);
  return fc;
}

const shape = (fc: FeatureCollection<MultiPolygon, BandProperties>, band = 0) =>
  fc.features[band]?.geometry.coordinates.map((poly) => poly.map((ring) => ring.length - 1)) ?? [];

describe('coverageBands', () => {
  it('traces one cell and a block as a single counter-clockwise square', () => {
    expect(shape(ascii(['1'], [5]))).toEqual([[4]]);
    expect(shape(ascii(['111', '111'], [5]))).toEqual([[4]]);
    expect(shape(ascii(['1..', '11.', '111'], [5]))).toEqual([[8]]);
  });

  it('keeps checkerboard cells apart: one polygon per cell, touching only at corners', () => {
    const fc = ascii(['1.1.', '.1.1', '1.1.', '.1.1'], [5]);
    expect(shape(fc)).toEqual(Array(8).fill([4]));
  });

  it('makes a ring of cells into a polygon with a clockwise hole', () => {
    const fc = ascii(['111', '1.1', '111'], [5]);
    expect(shape(fc)).toEqual([[4, 4]]);
    expect(booleanValid(fc.features[0] as Feature<MultiPolygon>)).toBe(true);
  });

  it('fills a hole with the next band, sharing its vertices exactly', () => {
    const fc = ascii(['111', '161', '111'], [5, 10]);
    expect(shape(fc, 0)).toEqual([[4, 4]]);
    expect(shape(fc, 1)).toEqual([[4]]);
    const hole = fc.features[0]?.geometry.coordinates[0]?.[1] ?? [];
    const inner = fc.features[1]?.geometry.coordinates[0]?.[0] ?? [];
    expect(new Set(hole.map(String))).toEqual(new Set(inner.map(String)));
  });

  it('cuts a gap that touches the outside at a corner into a hole touching the exterior at one vertex', () => {
    const fc = ascii(['11.', '1.1', '111'], [5]);
    // Exterior (0,0) (3,0) (3,2) (2,2) (2,3) (0,3); the hole's corner (2,2) is on it.
    expect(shape(fc)).toEqual([[6, 4]]);
  });

  it('handles two holes touching at a corner, and an island in a hole', () => {
    expect(shape(ascii(['1111', '1.11', '11.1', '1111'], [5]))).toEqual([[4, 4, 4]]);
    expect(shape(ascii(['11111', '1...1', '1.1.1', '1...1', '11111'], [5]))).toEqual([[4, 4], [4]]);
  });

  it('puts cells exactly on a threshold in the upper band, and on the last threshold inside', () => {
    // minutes 0, 5, 10, 15 → bands 0, 1, 2, 2 for thresholds 5, 10, 15; 'x' (unreachable) nowhere.
    const { grid, minutes } = gridFromAscii(['0xx']);
    const m = Float32Array.from([0, 5, 10, 15, 15.5]);
    const line = gridOf([0, 1, 2, 3, 4].map((c) => ({ col: 400 + c, row: 400 })));
    const fc = coverageBands(line, m, [5, 10, 15]);
    checkBands(fc, line, m, [5, 10, 15]);
    expect(fc.features.map((f) => f.properties.cells)).toEqual([1, 1, 2]);
    expect(coverageBands(grid, minutes, [5]).features[0]?.properties.cells).toBe(1);
  });

  it('gives an empty MultiPolygon to a band without cells', () => {
    const fc = ascii(['1'], [5, 10]);
    expect(fc.features[1]?.geometry.coordinates).toEqual([]);
    expect(fc.features[1]?.properties.population).toBe(0);
  });

  it('produces valid bands on random grids (seeded), near the standard parallel and at the southern tip', () => {
    for (const [seed, row0] of [
      [1, 400],
      [2, 400],
      // Row 67 ≈ 27.05°N, the southern tip, where cells are 0.78 % larger than 250 m × 250 m.
      [3, 67],
    ] as const) {
      const random = prng(seed);
      const lines = Array.from({ length: 24 }, () =>
        Array.from({ length: 24 }, () =>
          random() < 0.25 ? '.' : random() < 0.1 ? 'x' : String(Math.floor(random() * 10)),
        ).join(''),
      );
      const { grid, minutes } = gridFromAscii(lines, 300, row0);
      const thresholds = [3, 6, 9];
      const fc = coverageBands(grid, minutes, thresholds);
      checkBands(fc, grid, minutes, thresholds);
    }
  });

  it('stays valid on many small random patterns full of corner touches (single band, half density)', () => {
    const random = prng(99);
    for (let k = 0; k < 40; k++) {
      const lines = Array.from({ length: 12 }, () =>
        Array.from({ length: 12 }, () => (random() < 0.5 ? '1' : '.')).join(''),
      );
      const { grid, minutes } = gridFromAscii(lines);
      checkBands(coverageBands(grid, minutes, [5]), grid, minutes, [5]);
    }
  });

  it('rejects a minutes array of the wrong length', () => {
    const { grid } = gridFromAscii(['11']);
    expect(() => coverageBands(grid, Float32Array.of(1), [5])).toThrow(/entries/);
  });
});
