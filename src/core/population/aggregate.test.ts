import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { aggregatePopulationPoints } from './aggregate';
import { decodePopulationGrid, encodePopulationGrid } from './grid-codec';
import { cellCorners } from './projection';

/** Two square "counties" side by side: 330302 west of 120.7°E, 330303 east of it. */
const COUNTIES: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    [330302, 120.6, 120.7],
    [330303, 120.7, 120.8],
  ].map(([adcode, w, e]) => ({
    type: 'Feature',
    properties: { adcode },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w as number, 27.9],
          [e as number, 27.9],
          [e as number, 28.0],
          [w as number, 28.0],
          [w as number, 27.9],
        ],
      ],
    },
  })),
};

describe('aggregatePopulationPoints', () => {
  it('sums counts per cell, keeps the county and reports every point it could not use', () => {
    const result = aggregatePopulationPoints(
      [
        { lon: 120.65, lat: 27.95, count: 10 },
        { lon: 120.6501, lat: 27.9501, count: 5.5 }, // same 250 m cell
        { lon: 120.75, lat: 27.95, count: 7 },
        { lon: 121.5, lat: 27.95, count: 100 }, // in the sea
        { lon: 120.65, lat: 27.95, count: -3 },
        { lon: Number.NaN, lat: 27.95, count: 1 },
        { lon: 120.66, lat: 27.96, count: 0 }, // valid but empty: no cell
      ],
      COUNTIES,
    );
    const { grid, rejected } = result;
    expect(grid.source).toBe('imported');
    expect(grid.cellSizeM).toBe(250);
    expect(Array.from(grid.population)).toEqual([15.5, 7]);
    expect(Array.from(grid.county)).toEqual([330302, 330303]);
    expect(rejected.map((r) => [r.index, r.reason])).toEqual([
      [3, 'outside-counties'],
      [4, 'invalid-count'],
      [5, 'invalid-coordinates'],
    ]);
    expect(result.rejectedPopulation).toBe(101);
    expect(result.mixedCells).toBe(0);
    // The point lies inside its cell.
    const [sw, , ne] = cellCorners(grid, 0);
    expect(120.65).toBeGreaterThanOrEqual(sw[0]);
    expect(120.65).toBeLessThan(ne[0]);
    expect(27.95).toBeGreaterThanOrEqual(sw[1]);
    expect(27.95).toBeLessThan(ne[1]);
    // Round-trips through the file format (Float64 population).
    expect(decodePopulationGrid(encodePopulationGrid(grid))).toEqual(grid);
  });

  it('gives a cell spanning a county boundary to the county with most people and reports it', () => {
    // 120.7°E runs through a cell: two points either side of it, same cell.
    const west = { lon: 120.69999, lat: 27.95, count: 4 };
    const east = { lon: 120.70001, lat: 27.95, count: 6 };
    const result = aggregatePopulationPoints([west, east], COUNTIES);
    expect(result.grid.population.length).toBe(1);
    expect(result.grid.population[0]).toBe(10);
    expect(result.grid.county[0]).toBe(330303);
    expect(result.mixedCells).toBe(1);
    expect(result.movedPopulation).toBe(4);
    // A tie goes to the smaller adcode.
    const tie = aggregatePopulationPoints([west, { ...east, count: 4 }], COUNTIES);
    expect(tie.grid.county[0]).toBe(330302);
  });

  it('orders cells by (row, col) and accepts other cell sizes', () => {
    const points = [
      { lon: 120.79, lat: 27.99, count: 1 },
      { lon: 120.61, lat: 27.91, count: 1 },
      { lon: 120.79, lat: 27.91, count: 1 },
    ];
    const { grid } = aggregatePopulationPoints(points, COUNTIES, 1000);
    expect(grid.cellSizeM).toBe(1000);
    const keys = Array.from(grid.row, (r, i) => r * 1e6 + (grid.col[i] as number));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(grid.population.length).toBe(3);
  });

  it('snaps points just outside a county when asked to', () => {
    const offshore = { lon: 120.65, lat: 27.8995, count: 3 }; // ~55 m south of the boundary
    expect(aggregatePopulationPoints([offshore], COUNTIES).rejected).toHaveLength(1);
    const snapped = aggregatePopulationPoints([offshore], COUNTIES, 250, { snapMetres: 100 });
    expect(snapped.rejected).toHaveLength(0);
    expect(snapped.grid.county[0]).toBe(330302);
  });
});
