import { describe, expect, it } from 'vitest';
import { naiveRadiusCoverage } from './baseline-naive';
import { radiusNearest } from './radius';
import { gridOf, prng } from './test-grid';

describe('naiveRadiusCoverage (reference slow method)', () => {
  it('agrees with radiusNearest except for cells between the circle and its 64-gon', () => {
    const random = prng(3);
    const cells = Array.from({ length: 60 * 60 }, (_, i) => ({
      col: 400 + (i % 60),
      row: 400 + Math.floor(i / 60),
      population: 1 + Math.floor(random() * 100),
    }));
    const grid = gridOf(cells);
    const facilities = Array.from({ length: 12 }, () => {
      const i = Math.floor(random() * cells.length);
      return { lon: grid.lon[i] as number, lat: grid.lat[i] as number };
    });
    const radius = 1500;
    const naive = naiveRadiusCoverage(grid, facilities, radius);
    const fast = radiusNearest(grid, facilities, radius);
    let covered = 0;
    let ambiguous = 0;
    for (let i = 0; i < cells.length; i++) {
      const d = fast.distanceM[i] as number;
      if (d <= radius) covered += grid.population[i] as number;
      // A 64-gon's edge is at most r·(1 − cos(π/64)) = 0.12 % inside the circle.
      if (d > radius * 0.998 && d <= radius) ambiguous += grid.population[i] as number;
    }
    expect(naive.covered).toBeLessThanOrEqual(covered);
    expect(naive.covered).toBeGreaterThanOrEqual(covered - ambiguous);
    expect(naive.union?.geometry.type).toMatch(/Polygon/);
    expect(naiveRadiusCoverage(grid, [], radius).covered).toBe(0);
  });
});
