import { describe, expect, it } from 'vitest';
import {
  bboxTileRange,
  geometriesBbox,
  haversineKm,
  lineLengthKm,
  lonLatToTile,
  round6,
  roundGeometry,
} from './geo-math';

describe('round6', () => {
  it('rounds to 6 decimals and never yields -0', () => {
    expect(round6(120.1234567)).toBe(120.123457);
    expect(Object.is(round6(-0.0000001), 0)).toBe(true);
  });

  it('rounds every vertex of nested geometries and drops a third ordinate', () => {
    expect(roundGeometry({ type: 'LineString', coordinates: [[1.00000049, 2.0000005, 99]] })).toEqual({
      type: 'LineString',
      coordinates: [[1, 2.000001]],
    });
  });
});

describe('geometriesBbox', () => {
  it('spans all geometries', () => {
    expect(
      geometriesBbox([
        { type: 'Point', coordinates: [120, 28] },
        {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [119.5, 27],
                [121, 27],
                [121, 28.5],
                [119.5, 27],
              ],
            ],
          ],
        },
      ]),
    ).toEqual([119.5, 27, 121, 28.5]);
  });

  it('refuses an empty set', () => {
    expect(() => geometriesBbox([])).toThrow();
  });
});

describe('distances', () => {
  it('measures one degree of latitude as ~111.2 km', () => {
    expect(haversineKm([120, 27], [120, 28])).toBeCloseTo(111.19, 1);
    expect(
      lineLengthKm([
        [120, 27],
        [120, 27.5],
        [120, 28],
      ]),
    ).toBeCloseTo(111.19, 1);
    expect(lineLengthKm([[120, 27]])).toBe(0);
  });
});

describe('tiles', () => {
  it('finds the Web-Mercator tile of 鹿城 at z10 and z13', () => {
    expect(lonLatToTile(120.67, 28.0, 10)).toEqual([855, 428]);
    expect(lonLatToTile(120.67, 28.0, 13)).toEqual([6841, 3431]);
  });

  it('turns a bbox into an inclusive x/y range, north row first', () => {
    const [x0, y0, x1, y1] = bboxTileRange([119.3, 26.8, 121.6, 28.9], 6);
    expect([x0, y0, x1, y1]).toEqual([53, 26, 53, 27]);
  });
});
