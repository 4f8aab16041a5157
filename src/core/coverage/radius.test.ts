import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { M_PER_DEG_LAT, M_PER_DEG_LON } from '../population/projection';
import { metresToMinutes, radiusNearest } from './radius';
import { gridOf, prng, type TestCell } from './test-grid';

/** Nearest and second-nearest by brute force with @turf/distance (haversine, R = 6,371,008.8 m). */
function brute(lon: number, lat: number, facilities: { lon: number; lat: number }[], maxM: number) {
  let b1 = Infinity;
  let i1 = -1;
  let b2 = Infinity;
  facilities.forEach((f, i) => {
    const d = distance([lon, lat], [f.lon, f.lat], { units: 'meters' });
    if (d > maxM) return;
    if (d < b1) {
      b2 = b1;
      b1 = d;
      i1 = i;
    } else if (d < b2) b2 = d;
  });
  return { d1: b1, i1, d2: b2 };
}

function randomCells(seed: number, count: number): TestCell[] {
  const random = prng(seed);
  const keys = new Set<number>();
  // Rows 0–763 and columns 0–696 span the whole modelled grid (26.9–28.62°N, 119.5–121.27°E).
  while (keys.size < count) keys.add(Math.floor(random() * 764) * 1000 + Math.floor(random() * 697));
  return [...keys].map((k) => ({ col: k % 1000, row: Math.floor(k / 1000) }));
}

describe('radiusNearest', () => {
  it('matches @turf/distance brute force on random cells and facilities across the city', () => {
    const random = prng(11);
    const grid = gridOf(randomCells(12, 3000));
    const facilities = Array.from({ length: 400 }, () => ({
      lon: 119.6 + random() * 1.65,
      lat: 27.0 + random() * 1.6,
    }));
    for (const maxM of [3000, 15_000, Infinity]) {
      const result = radiusNearest(grid, facilities, maxM);
      let worst = 0;
      let within = 0;
      for (let i = 0; i < grid.lon.length; i++) {
        const want = brute(grid.lon[i] as number, grid.lat[i] as number, facilities, maxM);
        expect(result.facility[i]).toBe(want.i1);
        const d1 = result.distanceM[i] as number;
        const d2 = result.secondDistanceM[i] as number;
        if (want.i1 < 0) {
          expect(d1).toBe(Infinity);
          expect(d2).toBe(Infinity);
          continue;
        }
        within++;
        worst = Math.max(worst, Math.abs(d1 / want.d1 - 1));
        if (want.d2 === Infinity) expect(d2).toBe(Infinity);
        else worst = Math.max(worst, Math.abs(d2 / want.d2 - 1));
      }
      // Great-circle distances on turf's own sphere: only Float32 rounding remains (≪ the 0.5 % allowed).
      expect(worst).toBeLessThan(1e-6);
      expect(within).toBeGreaterThan(maxM === 3000 ? 50 : 1000);
    }
  });

  it('would be off by up to 0.8 % with plain projected distances (why distances are not taken from the projection)', () => {
    // An east–west kilometre at the southern tip (27.04°N) measured in the 27.9°N projection.
    const a = [120.0, 27.04];
    const b = [120.0 + 1000 / (M_PER_DEG_LAT * Math.cos((27.04 * Math.PI) / 180)), 27.04];
    const projected = ((b[0] as number) - (a[0] as number)) * M_PER_DEG_LON;
    const truth = distance(a, b, { units: 'meters' });
    expect(projected / truth - 1).toBeCloseTo(-0.0078, 3);
    const grid = gridOf([{ col: 300, row: 10 }]);
    const lon = grid.lon[0] as number;
    const lat = grid.lat[0] as number;
    const east = { lon: lon + 1000 / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)), lat };
    const r = radiusNearest(grid, [east], 5000);
    expect(
      Math.abs((r.distanceM[0] as number) / distance([lon, lat], [east.lon, east.lat], { units: 'meters' }) - 1),
    ).toBeLessThan(1e-6);
  });

  it('breaks ties by the lower facility index and reports the tied one as second', () => {
    const grid = gridOf([{ col: 400, row: 400 }]);
    const here = { lon: grid.lon[0] as number, lat: grid.lat[0] as number };
    const far = { lon: here.lon + 0.01, lat: here.lat };
    const r = radiusNearest(grid, [far, here, here], 5000);
    expect(r.facility[0]).toBe(1);
    expect(r.distanceM[0]).toBe(0);
    expect(r.secondDistanceM[0]).toBe(0);
    const single = radiusNearest(grid, [here], 5000);
    expect(single.secondDistanceM[0]).toBe(Infinity);
  });

  it('treats the maximum radius as inclusive and ignores everything beyond it', () => {
    const grid = gridOf([{ col: 400, row: 400 }]);
    const lon = grid.lon[0] as number;
    const lat = grid.lat[0] as number;
    const north = (m: number) => ({ lon, lat: lat + m / M_PER_DEG_LAT });
    const r = radiusNearest(grid, [north(1200), north(800)], 1000);
    expect(r.facility[0]).toBe(1);
    expect(r.distanceM[0]).toBeCloseTo(800, 2);
    expect(r.secondDistanceM[0]).toBe(Infinity);
    const none = radiusNearest(grid, [north(1200)], 1000);
    expect(none.facility[0]).toBe(-1);
    expect(none.distanceM[0]).toBe(Infinity);
    const edge = radiusNearest(
      grid,
      [north(1000)],
      distance([lon, lat], [lon, lat + 1000 / M_PER_DEG_LAT], { units: 'meters' }),
    );
    expect(edge.facility[0]).toBe(0);
  });

  it('handles no facilities and rejects bad input', () => {
    const grid = gridOf([{ col: 1, row: 1 }]);
    const r = radiusNearest(grid, [], 1000);
    expect(r.facility[0]).toBe(-1);
    expect(r.distanceM[0]).toBe(Infinity);
    expect(() => radiusNearest(grid, [{ lon: Number.NaN, lat: 0 }], 1000)).toThrow(/bad coordinates/);
    expect(() => radiusNearest(grid, [], -1)).toThrow(/bad maximum radius/);
  });

  it('metresToMinutes converts at a constant speed and keeps Infinity', () => {
    const minutes = metresToMinutes(Float32Array.of(0, 400, Infinity), 4.8);
    expect(Array.from(minutes)).toEqual([0, 5, Infinity]);
    expect(() => metresToMinutes(Float32Array.of(1), 0)).toThrow();
  });
});
