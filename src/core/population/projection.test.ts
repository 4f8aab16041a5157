import { area, distance, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { gridOf } from '../coverage/test-grid';
import { cellCorners, cellTrueAreaM2, DEFAULT_GRID_ORIGIN, gridU, gridV, GRID_LAT0 } from './projection';

describe('grid projection', () => {
  it('cellCorners gives the counter-clockwise SW, SE, NE, NW corners around the cell centre', () => {
    const grid = gridOf([{ col: 300, row: 400 }]);
    const [sw, se, ne, nw] = cellCorners(grid, 0);
    expect(sw[1]).toBe(se[1]);
    expect(ne[1]).toBe(nw[1]);
    expect(sw[0]).toBe(nw[0]);
    expect(se[0]).toBe(ne[0]);
    expect((sw[0] + se[0]) / 2).toBeCloseTo(grid.lon[0] as number, 12);
    expect((sw[1] + nw[1]) / 2).toBeCloseTo(grid.lat[0] as number, 12);
    // 250 m north–south everywhere; 250 m east–west at the standard parallel.
    expect(distance(sw, nw, { units: 'meters' })).toBeCloseTo(250, 6);
    expect(() => cellCorners(grid, 1)).toThrow(RangeError);
  });

  it('is true to scale east–west at 27.9°N and within 0.8 % across Wenzhou (27.04–28.61°N)', () => {
    for (const [lat, expected] of [
      [GRID_LAT0, 0],
      [27.04, 0.78],
      [28.61, -0.67],
    ] as const) {
      const row = Math.floor(gridV(DEFAULT_GRID_ORIGIN, 250, lat));
      const grid = gridOf([{ col: 400, row }]);
      const [sw, se] = cellCorners(grid, 0);
      const trueWidth = distance(sw, se, { units: 'meters' });
      const errorPct = ((trueWidth - 250) / 250) * 100;
      expect(Math.abs(errorPct - expected)).toBeLessThan(lat === GRID_LAT0 ? 0.01 : 0.02);
      expect(Math.abs(errorPct)).toBeLessThan(0.8);
    }
  });

  it('cellTrueAreaM2 matches @turf/area (same sphere, R = 6,371,008.8 m) at the south and north tips', () => {
    for (const lat of [27.04, 27.9, 28.61]) {
      const grid = gridOf([{ col: 400, row: Math.floor(gridV(DEFAULT_GRID_ORIGIN, 250, lat)) }]);
      const corners = cellCorners(grid, 0);
      const turfArea = area(polygon([[...corners, corners[0]]]));
      const ours = cellTrueAreaM2(250, grid.lat[0] as number);
      expect(Math.abs(turfArea / ours - 1)).toBeLessThan(1e-4);
    }
  });

  it('gridU/gridV invert the cell centres', () => {
    const grid = gridOf([{ col: 123, row: 456 }]);
    expect(gridU(DEFAULT_GRID_ORIGIN, 250, grid.lon[0] as number)).toBeCloseTo(123.5, 9);
    expect(gridV(DEFAULT_GRID_ORIGIN, 250, grid.lat[0] as number)).toBeCloseTo(456.5, 9);
  });
});
