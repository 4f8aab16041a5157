import { describe, expect, it } from 'vitest';
import { gridFromAscii, gridOf, prng, type TestCell } from '../coverage/test-grid';
import { cornerLat, cornerLon } from '../population/projection';
import { findGaps, labelGaps } from './gaps';
import { greatCircleM } from './geo';

/**
 * Minutes as text (top line = north), circle 5: 'x' unreachable, 9 beyond, 1 covered.
 *   row 403  x 1 x 1 9 9
 *   row 402  1 x 1 1 1 9
 *   row 401  1 1 1 1 1 1
 *   row 400  9 x 1 1 1 1
 */
const MAP = ['x1x199', '1x1119', '111111', '9x1111'];

describe('labelGaps', () => {
  it('joins corner-touching cells with 8 neighbours and not with 4', () => {
    const { grid, minutes } = gridFromAscii(MAP);
    const eight = labelGaps(grid, minutes, 5, 8);
    const four = labelGaps(grid, minutes, 5, 4);
    // The diagonal chain x · x / · x · is one gap with 8 neighbours, three with 4.
    expect(eight.count).toBe(3);
    expect(four.count).toBe(5);
    const sizes = (label: Int32Array, count: number) =>
      Array.from({ length: count }, (_, g) => label.filter((l) => l === g).length).sort();
    expect(sizes(eight.label, eight.count)).toEqual([2, 3, 3]);
    expect(sizes(four.label, four.count)).toEqual([1, 1, 1, 2, 3]);
  });

  it('never lets a cell without people bridge two gaps', () => {
    const cells: TestCell[] = [
      { col: 10, row: 10, population: 5 },
      { col: 11, row: 10, population: 0 },
      { col: 12, row: 10, population: 5 },
    ];
    const { count } = labelGaps(gridOf(cells), Float32Array.from([Infinity, Infinity, Infinity]), 5);
    expect(count).toBe(2);
  });
});

describe('findGaps', () => {
  // The map above with people and counties: gap A (the diagonal chain) mostly 文成 by people though
  // two of its three cells are 泰顺; gap B (north-east) 36 people; gap C (south-west) 2 people.
  const { grid: base, minutes } = gridFromAscii(MAP);
  const people = new Map<string, { population: number; county: number }>([
    ['400,403', { population: 5, county: 330329 }],
    ['401,402', { population: 5, county: 330329 }],
    ['402,403', { population: 20, county: 330328 }],
    ['404,403', { population: 12, county: 330302 }],
    ['405,403', { population: 12, county: 330302 }],
    ['405,402', { population: 12, county: 330302 }],
  ]);
  const cells: TestCell[] = Array.from(base.col, (col, i) => {
    const row = base.row[i]!;
    return { col, row, ...(people.get(`${col},${row}`) ?? { population: 1, county: 330302 }) };
  });
  const grid = gridOf(cells);
  const cellFacility = Int32Array.from(minutes, (m) => (Number.isFinite(m) ? 1 : -1));
  // About 1 km beyond the west and east ends of the top row (cells 0 and 5).
  const facilities = [
    { id: 'west', lon: grid.lon[0]! - 0.01, lat: grid.lat[0]! },
    { id: 'east', lon: grid.lon[5]! + 0.01, lat: grid.lat[5]! },
  ];

  it('ranks the gaps by people with county, centroid, box and distances', () => {
    const result = findGaps(grid, minutes, cellFacility, 5, facilities);
    expect(result.gapCount).toBe(3);
    expect(result.uncoveredPopulation).toBe(30 + 36 + 2);
    const [b, a, c] = result.gaps;
    expect(b).toMatchObject({ rank: 1, population: 36, cellCount: 3, county: 330302, countyName: '鹿城区' });
    expect(a).toMatchObject({
      rank: 2,
      population: 30,
      cellCount: 3,
      county: 330328,
      countyName: '文成县',
      mountain: true,
      counties: [
        { adcode: 330328, population: 20 },
        { adcode: 330329, population: 10 },
      ],
      networkMinutes: null,
      networkFacility: null,
    });
    expect(c).toMatchObject({ rank: 3, population: 2, networkMinutes: 9, networkFacility: 1 });
    expect(b!.networkMinutes).toBe(9);

    // Population-weighted centre of gap A.
    const at = (col: number, row: number) =>
      Array.from(grid.col).findIndex((c0, i) => c0 === col && grid.row[i] === row);
    const ia = [at(400, 403), at(401, 402), at(402, 403)];
    const w = [5, 5, 20];
    const lon = ia.reduce((s, i, k) => s + w[k]! * grid.lon[i]!, 0) / 30;
    const lat = ia.reduce((s, i, k) => s + w[k]! * grid.lat[i]!, 0) / 30;
    expect(a!.centroid[0]).toBeCloseTo(lon, 12);
    expect(a!.centroid[1]).toBeCloseTo(lat, 12);
    expect(Array.from(a!.cells)).toEqual([...ia].sort((x, y) => x - y));
    expect(a!.bbox).toEqual([
      cornerLon(grid.origin, grid.cellSizeM, 400),
      cornerLat(grid.origin, grid.cellSizeM, 402),
      cornerLon(grid.origin, grid.cellSizeM, 403),
      cornerLat(grid.origin, grid.cellSizeM, 404),
    ]);
    // Nearest facility by straight line from the centre: gap A is at the west end, gap B at the east.
    expect(a!.nearestFacility).toEqual({
      index: 0,
      id: 'west',
      straightLineM: greatCircleM(lon, lat, facilities[0]!.lon, facilities[0]!.lat),
    });
    expect(b!.nearestFacility?.id).toBe('east');
  });

  it('keeps only the largest gaps with limit; 4 neighbours split the chain', () => {
    const top = findGaps(grid, minutes, cellFacility, 5, facilities, { limit: 1 });
    expect(top.gaps.map((g) => g.population)).toEqual([36]);
    expect(top.gapCount).toBe(3);
    const four = findGaps(grid, minutes, null, 5, [], { neighbours: 4 });
    expect(four.gaps.map((g) => g.population)).toEqual([36, 20, 5, 5, 2]);
    expect(four.gaps[0]!.nearestFacility).toBeNull();
    // Equal people: the gap with the lower first cell index ranks first.
    const [third, fourth] = [four.gaps[2]!, four.gaps[3]!];
    expect(third.cells[0]!).toBeLessThan(fourth.cells[0]!);
  });

  it('accounts for every uncovered person exactly once on random grids', () => {
    const rand = prng(11);
    for (let trial = 0; trial < 20; trial++) {
      const cellsR: TestCell[] = [];
      for (let col = 0; col < 15; col++)
        for (let row = 0; row < 12; row++)
          if (rand() < 0.8) cellsR.push({ col, row, population: rand() < 0.1 ? 0 : Math.round(rand() * 50) });
      const g = gridOf(cellsR);
      const m = Float32Array.from(cellsR, () => (rand() < 0.4 ? Infinity : rand() * 10));
      const result = findGaps(g, m, null, 6, []);
      let uncovered = 0;
      cellsR.forEach((c, i) => {
        if (c.population! > 0 && !(m[i]! <= 6)) uncovered += c.population!;
      });
      expect(result.uncoveredPopulation).toBeCloseTo(uncovered, 9);
      expect(result.gaps.reduce((s, gap) => s + gap.population, 0)).toBeCloseTo(uncovered, 9);
      for (let k = 1; k < result.gaps.length; k++)
        expect(result.gaps[k]!.population).toBeLessThanOrEqual(result.gaps[k - 1]!.population);
    }
  });
});
