import { describe, expect, it } from 'vitest';
import { uncoveredPoints } from './uncovered';
import { gridOf } from './test-grid';

describe('uncoveredPoints', () => {
  it('keeps populated cells beyond the threshold (incl. unreachable), weighted by people', () => {
    const grid = gridOf([
      { col: 0, row: 0, population: 10 },
      { col: 1, row: 0, population: 20 },
      { col: 2, row: 0, population: 30 },
      { col: 3, row: 0, population: 0 },
      { col: 4, row: 0, population: 40 },
      { col: 5, row: 0, population: 50 },
    ]);
    const fc = uncoveredPoints(grid, Float32Array.of(5, 15, 15.5, 99, Infinity, Number.NaN), 15);
    expect(fc.features.map((f) => f.properties.population)).toEqual([30, 40, 50]);
    const [lon, lat] = fc.features[0]?.geometry.coordinates ?? [];
    expect(lon).toBe(Math.round((grid.lon[2] as number) * 1e6) / 1e6);
    expect(lat).toBe(Math.round((grid.lat[2] as number) * 1e6) / 1e6);
    expect(() => uncoveredPoints(grid, Float32Array.of(1), 15)).toThrow(/entries/);
  });
});
