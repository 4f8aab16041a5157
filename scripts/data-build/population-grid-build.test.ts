import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, LineString, Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePopulationGrid } from '../../src/core/population/grid-codec';
import { DEFAULT_GRID_ORIGIN, M_PER_DEG_LAT, M_PER_DEG_LON } from '../../src/core/population/projection';
import { COUNTIES } from '../../src/shared/counties';
import { DEFAULT_OUT_DIR } from './paths';
import {
  addSegmentToCells,
  buildPopulationGrid,
  largestRemainder,
  POPULATION_FILES,
  rasteriseCounties,
} from './population-grid-build';
import { readPopulation } from './samples-build';

const CSV = join(DEFAULT_OUT_DIR, 'sources/population/wenzhou_population_by_county.csv');

describe('the built population grid (data/geo/population)', () => {
  const bytes = readFileSync(join(DEFAULT_OUT_DIR, POPULATION_FILES.grid));
  const grid = decodePopulationGrid(new Uint8Array(bytes));
  const meta = JSON.parse(readFileSync(join(DEFAULT_OUT_DIR, POPULATION_FILES.meta), 'utf8')) as {
    modelled: boolean;
    cellSizeM: number;
    origin: { lon: number; lat: number };
    method: { en: string; zh: string };
    counties: { adcode: number; population: number; cells: number }[];
    total: { population: number; cells: number };
  };

  it('sums to the official 2021 figure of every county, exactly, in whole people', () => {
    const official = readPopulation(readFileSync(CSV, 'utf8'));
    const sums = new Map<number, number>();
    for (let i = 0; i < grid.population.length; i++) {
      const p = grid.population[i] as number;
      expect(Number.isInteger(p) && p > 0).toBe(true);
      sums.set(grid.county[i] as number, (sums.get(grid.county[i] as number) ?? 0) + p);
    }
    expect([...sums.keys()].sort()).toEqual(COUNTIES.map((c) => c.adcode).sort());
    for (const county of COUNTIES)
      expect(sums.get(county.adcode)).toBe(Math.round((official.get(county.adcode) ?? 0) * 10_000));
    expect([...sums.values()].reduce((a, b) => a + b, 0)).toBe(9_645_000);
  });

  it('is labelled as a model and agrees with its metadata', () => {
    expect(grid.source).toBe('modelled');
    expect(meta.modelled).toBe(true);
    expect(meta.method.en).toMatch(/^Modelled, not measured/);
    expect(meta.method.zh).toMatch(/^模型估算/);
    expect(meta.cellSizeM).toBe(grid.cellSizeM);
    expect(meta.origin).toEqual(grid.origin);
    expect(meta.total).toEqual({ population: 9_645_000, cells: grid.population.length });
    for (const c of meta.counties) {
      let cells = 0;
      for (let i = 0; i < grid.county.length; i++) if (grid.county[i] === c.adcode) cells++;
      expect(cells).toBe(c.cells);
    }
    expect(readFileSync(join(DEFAULT_OUT_DIR, POPULATION_FILES.readme), 'utf8')).toMatch(
      /This is a model, not population data/,
    );
  });

  it('is what the build step produces now (committed output up to date, build deterministic)', () => {
    const written = new Map<string, string | Uint8Array>();
    buildPopulationGrid(DEFAULT_OUT_DIR, (path, data) => written.set(path, data));
    expect(Buffer.from(written.get(POPULATION_FILES.grid) as Uint8Array).equals(bytes)).toBe(true);
    expect(written.get(POPULATION_FILES.meta)).toBe(readFileSync(join(DEFAULT_OUT_DIR, POPULATION_FILES.meta), 'utf8'));
    expect(written.get(POPULATION_FILES.readme)).toBe(
      readFileSync(join(DEFAULT_OUT_DIR, POPULATION_FILES.readme), 'utf8'),
    );
  });
});

describe('addSegmentToCells', () => {
  const collect = (u0: number, v0: number, u1: number, v1: number, metres: number) => {
    const out = new Map<string, number>();
    addSegmentToCells(u0, v0, u1, v1, metres, (c, r, m) => out.set(`${c},${r}`, (out.get(`${c},${r}`) ?? 0) + m));
    return out;
  };

  it('keeps a segment inside one cell whole', () => {
    expect([...collect(3.1, 4.2, 3.9, 4.8, 100)]).toEqual([['3,4', 100]]);
  });

  it('splits at every grid line, in proportion to the length in each cell', () => {
    const out = collect(0.5, 0.5, 2.5, 0.5, 500); // 2 cells long, 250 m per cell
    expect(out.get('0,0')).toBeCloseTo(125, 9);
    expect(out.get('1,0')).toBeCloseTo(250, 9);
    expect(out.get('2,0')).toBeCloseTo(125, 9);
    // Crosses y = 1 at t = 1/3 and x = 1 at t = 1/2; ends exactly on y = 2 (nothing in row 2).
    const diagonal = collect(0.25, 0.5, 1.75, 2.0, 1000);
    expect([...diagonal.keys()].sort()).toEqual(['0,0', '0,1', '1,1']);
    expect(diagonal.get('0,0')).toBeCloseTo(1000 / 3, 9);
    expect(diagonal.get('0,1')).toBeCloseTo(1000 / 6, 9);
    expect(diagonal.get('1,1')).toBeCloseTo(500, 9);
  });
});

describe('largestRemainder', () => {
  it('sums exactly to the total, in whole units, proportional to the weights', () => {
    const out = largestRemainder(10, Float64Array.of(1, 1, 1));
    expect(Array.from(out)).toEqual([4, 3, 3]); // equal remainders: lower index first
    expect(Array.from(largestRemainder(7, Float64Array.of(2, 0, 1)))).toEqual([5, 0, 2]);
    expect(Array.from(largestRemainder(0, Float64Array.of(1)))).toEqual([0]);
    expect(() => largestRemainder(1.5, Float64Array.of(1))).toThrow();
    expect(() => largestRemainder(5, Float64Array.of(0, 0))).toThrow(/sum to 0/);
  });

  it('holds for large totals over many random weights', () => {
    let seed = 1;
    const weights = Float64Array.from({ length: 20_000 }, () => {
      seed = (seed * 16807) % 2147483647;
      return (seed / 2147483647) * 1000;
    });
    const out = largestRemainder(1_525_800, weights);
    expect(out.reduce((a, b) => a + b, 0)).toBe(1_525_800);
    const sum = weights.reduce((a, b) => a + b, 0);
    out.forEach((p, i) => expect(Math.abs(p - (1_525_800 * (weights[i] as number)) / sum)).toBeLessThan(1));
  });
});

describe('rasteriseCounties', () => {
  it('takes the cells whose centre is inside, honouring holes', () => {
    const origin = DEFAULT_GRID_ORIGIN;
    const at = (c: number, r: number): [number, number] => [
      origin.lon + (c * 250) / M_PER_DEG_LON,
      origin.lat + (r * 250) / M_PER_DEG_LAT,
    ];
    // A 4 × 4-cell square from corner (1,1) to (5,5) with a hole over cell (2,2)–(3,3) … (centre cells 2,2 only).
    const outer = [at(1, 1), at(5, 1), at(5, 5), at(1, 5), at(1, 1)];
    const hole = [at(2.2, 2.2), at(2.2, 2.8), at(2.8, 2.8), at(2.8, 2.2), at(2.2, 2.2)];
    const features = COUNTIES.map((c, k) => ({
      type: 'Feature' as const,
      properties: { adcode: c.adcode },
      geometry: {
        type: 'Polygon' as const,
        coordinates: k === 0 ? [outer, hole] : [[at(20 + k, 20), at(21 + k, 20), at(21 + k, 21), at(20 + k, 20)]],
      },
    }));
    const { countyOf } = rasteriseCounties({ type: 'FeatureCollection', features }, origin, 250, 40, 40);
    const inside: string[] = [];
    for (let i = 0; i < countyOf.length; i++) if (countyOf[i] === 0) inside.push(`${i % 40},${Math.floor(i / 40)}`);
    expect(inside).toHaveLength(15);
    expect(inside).not.toContain('2,2');
    expect(inside).toContain('1,1');
    expect(inside).toContain('4,4');
    expect(inside).not.toContain('5,4');
  });
});

describe('buildPopulationGrid on a synthetic city', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outu-popgrid-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // County k is a 10 × 10-cell square at columns 20k … 20k+10, rows 100 … 110.
  const lonOf = (u: number) => DEFAULT_GRID_ORIGIN.lon + (u * 250) / M_PER_DEG_LON;
  const latOf = (v: number) => DEFAULT_GRID_ORIGIN.lat + (v * 250) / M_PER_DEG_LAT;
  const square = (k: number): Feature<Polygon> => ({
    type: 'Feature',
    properties: { adcode: COUNTIES[k]?.adcode },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lonOf(20 * k), latOf(100)],
          [lonOf(20 * k + 10), latOf(100)],
          [lonOf(20 * k + 10), latOf(110)],
          [lonOf(20 * k), latOf(110)],
          [lonOf(20 * k), latOf(100)],
        ],
      ],
    },
  });
  /** An east–west road across the middle 60 % of cell (c, r). */
  const road = (name: string, c: number, r: number, county: number): Feature<LineString> => ({
    type: 'Feature',
    properties: { name, county_adcode: county },
    geometry: {
      type: 'LineString',
      coordinates: [
        [lonOf(c + 0.2), latOf(r + 0.5)],
        [lonOf(c + 0.8), latOf(r + 0.5)],
      ],
    },
  });

  function setUp(roads: Feature<LineString>[]): void {
    mkdirSync(join(dir, 'sources/population'), { recursive: true });
    mkdirSync(join(dir, 'sources/roads-wangshanbo'), { recursive: true });
    writeFileSync(
      join(dir, 'counties.geojson'),
      JSON.stringify({ type: 'FeatureCollection', features: COUNTIES.map((_, k) => square(k)) }),
    );
    for (const f of ['wenzhou_population_by_county.csv', 'SOURCE.md'])
      copyFileSync(join(DEFAULT_OUT_DIR, 'sources/population', f), join(dir, 'sources/population', f));
    writeFileSync(
      join(dir, 'sources/roads-wangshanbo/wenzhou_roads_wgs84.geojson'),
      JSON.stringify({ type: 'FeatureCollection', features: roads }),
    );
  }

  it('weights named streets 2, unnamed roads 1, expressways 0, and leaves cells without roads empty', () => {
    const roads = COUNTIES.flatMap((c, k) => [
      road('人民路', 20 * k + 1, 101, c.adcode),
      road('Unnamed Road', 20 * k + 3, 101, c.adcode),
      road('沈海高速', 20 * k + 5, 101, c.adcode),
    ]);
    // Outside every county: dropped and reported.
    roads.push(road('Unnamed Road', 5, 50, 330302));
    setUp(roads);
    const written = new Map<string, string | Uint8Array>();
    const report = buildPopulationGrid(dir, (path, data) => written.set(path, data));
    const grid = decodePopulationGrid(written.get(POPULATION_FILES.grid) as Uint8Array);
    expect(grid.population.length).toBe(24);
    // 鹿城 1,189,500: 2 : 1 → 793,000 and 396,500.
    expect(Array.from(grid.population.subarray(0, 2))).toEqual([793_000, 396_500]);
    expect(Array.from(grid.col.subarray(0, 2))).toEqual([1, 3]);
    expect(report.population).toBe(9_645_000);
    expect(report.roadKmOutsideCounties).toBeGreaterThan(0.1);
    expect(report.counties[0]).toMatchObject({ adcode: 330302, population: 1_189_500, cells: 2, cellsInCounty: 100 });
    // Same input, same bytes.
    const again = new Map<string, string | Uint8Array>();
    buildPopulationGrid(dir, (path, data) => again.set(path, data));
    expect(again).toEqual(written);
  });

  it('fails clearly when a county has no road to carry its people', () => {
    setUp(COUNTIES.slice(1).map((c, k) => road('人民路', 20 * (k + 1) + 1, 101, c.adcode)));
    expect(() => buildPopulationGrid(dir, () => undefined)).toThrow(/no weighted road inside 鹿城区/);
  });
});
