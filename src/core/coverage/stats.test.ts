import { describe, expect, it } from 'vitest';
import { COUNTIES } from '../../shared/counties';
import { bandIndex } from './bands';
import { summarise } from './stats';
import { gridOf, prng, type TestCell } from './test-grid';

const LUCHENG = 330302; // not mountain
const YONGJIA = 330324; // mountain

interface Case extends TestCell {
  minutes: number;
  facility: number;
  second: number;
}

function run(cases: Case[], thresholds: number[], facilityIds: string[], withSecond = true) {
  const grid = gridOf(cases.map((c, i) => ({ col: i, row: 0, population: c.population, county: c.county })));
  return summarise(
    grid,
    Float32Array.from(cases, (c) => c.minutes),
    Int32Array.from(cases, (c) => c.facility),
    withSecond ? Float32Array.from(cases, (c) => c.second) : null,
    thresholds,
    facilityIds,
  );
}

describe('summarise (hand-computed)', () => {
  // Thresholds 10, 20 → bands [0,10), [10,20], beyond (> 20 or unreachable).
  const cases: Case[] = [
    { col: 0, row: 0, population: 100, county: LUCHENG, minutes: 5, facility: 0, second: 25 },
    // Exactly on the first threshold → second band; second-nearest exactly as near → not unique.
    { col: 0, row: 0, population: 200, county: LUCHENG, minutes: 10, facility: 1, second: 10 },
    // Exactly on the last threshold → covered (last band is closed).
    { col: 0, row: 0, population: 300, county: LUCHENG, minutes: 20, facility: 0, second: Infinity },
    // Just beyond → not covered, not served, but reachable (counts in mean/percentiles).
    { col: 0, row: 0, population: 400, county: LUCHENG, minutes: 20.5, facility: 1, second: Infinity },
    // Nobody lives here: ignored everywhere.
    { col: 0, row: 0, population: 0, county: LUCHENG, minutes: 1, facility: 0, second: Infinity },
    // Unreachable.
    { col: 0, row: 0, population: 500, county: LUCHENG, minutes: Infinity, facility: -1, second: Infinity },
    // Mountain county: two cells with the same minutes (a tie) on facility 2.
    { col: 0, row: 0, population: 50, county: YONGJIA, minutes: 15, facility: 2, second: 18 },
    { col: 0, row: 0, population: 50, county: YONGJIA, minutes: 15, facility: 2, second: 21 },
  ];
  const s = run(cases, [10, 20], ['a', 'b', 'c']);

  it('counts population, covered and bands per county, mountain/other and total', () => {
    const lucheng = s.counties.find((c) => c.adcode === LUCHENG);
    const yongjia = s.counties.find((c) => c.adcode === YONGJIA);
    expect(lucheng).toMatchObject({
      population: 1500,
      covered: 600,
      coveredPct: 40,
      bands: [100, 500, 900],
      reachable: 1000,
    });
    expect(yongjia).toMatchObject({
      population: 100,
      covered: 100,
      coveredPct: 100,
      bands: [0, 100, 0],
      mountain: true,
    });
    expect(s.total).toMatchObject({
      population: 1600,
      covered: 700,
      coveredPct: 43.75,
      bands: [100, 600, 900],
      reachable: 1100,
    });
    expect(s.mountain).toMatchObject({ population: 100, covered: 100, bands: [0, 100, 0] });
    expect(s.other).toMatchObject({ population: 1500, covered: 600, bands: [100, 500, 900] });
  });

  it('computes population-weighted mean and percentiles over reachable people only', () => {
    const lucheng = s.counties.find((c) => c.adcode === LUCHENG);
    // (100·5 + 200·10 + 300·20 + 400·20.5) / 1000
    expect(lucheng?.meanMinutes).toBeCloseTo(16.7, 10);
    // Cumulative 100, 300, 600, 1000: target 500 → 20; target 900 → 20.5.
    expect(lucheng?.p50Minutes).toBe(20);
    expect(lucheng?.p90Minutes).toBe(20.5);
    const yongjia = s.counties.find((c) => c.adcode === YONGJIA);
    // Target 50 hits the first cell's cumulative weight exactly → mean of 15 and the next 15.
    expect(yongjia).toMatchObject({ meanMinutes: 15, p50Minutes: 15, p90Minutes: 15 });
    // Total: 5(100) 10(200) 15(50) 15(50) 20(300) 20.5(400) → cumulative 100 300 350 400 700 1100.
    expect(s.total.meanMinutes).toBeCloseTo(18200 / 1100, 10);
    expect(s.total.p50Minutes).toBe(20);
    expect(s.total.p90Minutes).toBe(20.5);
  });

  it('gives null statistics and zeros for counties with no people', () => {
    const empty = s.counties.find((c) => c.adcode === 330329);
    expect(empty).toMatchObject({
      population: 0,
      covered: 0,
      coveredPct: 0,
      meanMinutes: null,
      p50Minutes: null,
      p90Minutes: null,
      bands: [0, 0, 0],
    });
  });

  it('lists counties in COUNTIES order with name and mountain flag', () => {
    expect(s.counties.map((c) => c.adcode)).toEqual(COUNTIES.map((c) => c.adcode));
    expect(s.counties.filter((c) => c.mountain).length).toBe(5);
    expect(s.counties[0]?.name).toBe('鹿城区');
  });

  it('counts served and uniquely covered people per facility', () => {
    expect(s.facilities).toEqual([
      // Cells 0 (second at 25 > 20) and 2 (no second): both unique.
      { id: 'a', served: 400, uniquelyCovered: 400, isolated: false, snapDistanceM: 0 },
      // Cell 1: second-nearest exactly as near → not unique; cell 3 is beyond the circle.
      { id: 'b', served: 200, uniquelyCovered: 0, isolated: false, snapDistanceM: 0 },
      // Second at 18 ≤ 20 → not unique; second at 21 → unique.
      { id: 'c', served: 100, uniquelyCovered: 50, isolated: false, snapDistanceM: 0 },
    ]);
  });

  it('marks unique coverage unknown (NaN) without second-nearest data and passes facility flags through', () => {
    const grid = gridOf([{ col: 0, row: 0, population: 10 }]);
    const r = summarise(grid, Float32Array.of(1), Int32Array.of(0), null, [5], ['a'], [true], [12.5]);
    expect(r.facilities[0]).toEqual({
      id: 'a',
      served: 10,
      uniquelyCovered: Number.NaN,
      isolated: true,
      snapDistanceM: 12.5,
    });
  });
});

describe('weighted percentile rule', () => {
  const stats = (values: number[], weights: number[]) =>
    run(
      values.map((minutes, i) => ({
        col: i,
        row: 0,
        population: weights[i],
        county: LUCHENG,
        minutes,
        facility: 0,
        second: Infinity,
      })),
      [100],
      ['a'],
    ).total;

  it('is the ordinary median with equal weights (average of the two middle values when even)', () => {
    expect(stats([3, 1, 2], [1, 1, 1]).p50Minutes).toBe(2);
    expect(stats([4, 1, 3, 2], [1, 1, 1, 1]).p50Minutes).toBe(2.5);
    // p90 of 1..10: target 9 = cumulative weight of the 9th → mean of 9 and 10.
    expect(stats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], Array(10).fill(1)).p90Minutes).toBe(9.5);
    // p90 of 1..4: target 3.6 → the 4th value.
    expect(stats([1, 2, 3, 4], [1, 1, 1, 1]).p90Minutes).toBe(4);
  });

  it('treats a cell as a block of people: splitting a cell never changes the result', () => {
    const blocks = stats([1, 3], [2, 2]);
    const people = stats([1, 1, 3, 3], [1, 1, 1, 1]);
    expect(blocks.p50Minutes).toBe(2);
    expect(people.p50Minutes).toBe(2);
    expect(stats([1, 3], [1, 3]).p50Minutes).toBe(3);
    expect(stats([1, 3], [3, 1]).p50Minutes).toBe(1);
    expect(stats([1, 3], [3, 1]).p90Minutes).toBe(3);
  });

  it('works with fractional weights and a single cell', () => {
    const single = stats([7], [0.3]);
    expect(single).toMatchObject({ p50Minutes: 7, p90Minutes: 7 });
    expect(single.meanMinutes).toBeCloseTo(7, 12);
    expect(stats([1, 2, 3], [0.25, 0.25, 0.5]).p50Minutes).toBe(2.5);
  });
});

describe('summarise (checks)', () => {
  it('agrees with bandIndex and with a plain recount on a random grid', () => {
    const random = prng(5);
    const n = 5000;
    const cells = Array.from({ length: n }, (_, i) => ({
      col: i % 100,
      row: Math.floor(i / 100),
      population: random() < 0.1 ? 0 : Math.floor(random() * 500),
      county: (COUNTIES[Math.floor(random() * COUNTIES.length)]?.adcode ?? 0) + (random() < 0.02 ? 1 : 0),
    }));
    const grid = gridOf(cells);
    const minutes = Float32Array.from(cells, () => (random() < 0.05 ? Infinity : Math.round(random() * 40 * 4) / 4));
    const facility = Int32Array.from(minutes, (m) => (m === Infinity ? -1 : Math.floor(random() * 20)));
    const thresholds = [5, 10, 15, 30];
    const s = summarise(
      grid,
      minutes,
      facility,
      null,
      thresholds,
      Array.from({ length: 20 }, (_, i) => String(i)),
    );
    const bands = [0, 0, 0, 0, 0];
    let total = 0;
    let sum = 0;
    let reach = 0;
    const sorted: [number, number][] = [];
    cells.forEach((c, i) => {
      const m = minutes[i] as number;
      total += c.population;
      const b = bandIndex(m, thresholds);
      bands[b] = (bands[b] ?? 0) + c.population;
      if (m < Infinity && c.population > 0) {
        sum += m * c.population;
        reach += c.population;
        sorted.push([m, c.population]);
      }
    });
    expect(s.total.population).toBe(total);
    expect(s.total.bands).toEqual(bands);
    expect(s.total.covered).toBe(bands.slice(0, 4).reduce((a, b) => a + b, 0));
    expect(s.total.meanMinutes).toBeCloseTo(sum / reach, 9);
    // Unknown adcodes count in the total only.
    expect(s.mountain.population + s.other.population).toBeLessThan(total);
    expect(s.counties.reduce((a, c) => a + c.population, 0)).toBe(s.mountain.population + s.other.population);
    // p50 by expanding to a sorted list of people.
    sorted.sort((a, b) => a[0] - b[0]);
    let cum = 0;
    const half = reach / 2;
    let p50 = NaN;
    for (let k = 0; k < sorted.length; k++) {
      const [m, w] = sorted[k] as [number, number];
      cum += w;
      if (cum === half) {
        p50 = (m + (sorted[k + 1]?.[0] ?? m)) / 2;
        break;
      }
      if (cum > half) {
        p50 = m;
        break;
      }
    }
    expect(s.total.p50Minutes).toBe(p50);
    expect(s.facilities.reduce((a, f) => a + f.served, 0)).toBe(s.total.covered);
  });

  it('rejects bad thresholds and mismatched arrays', () => {
    const grid = gridOf([{ col: 0, row: 0 }]);
    const m = Float32Array.of(1);
    const f = Int32Array.of(0);
    expect(() => summarise(grid, m, f, null, [], [])).toThrow(/at least one threshold/);
    expect(() => summarise(grid, m, f, null, [10, 5], [])).toThrow(/increasing/);
    expect(() => summarise(grid, m, f, null, [0, 5], [])).toThrow(/positive/);
    expect(() => summarise(grid, Float32Array.of(1, 2), f, null, [5], [])).toThrow(/one per grid cell/);
  });
});

describe('bandIndex', () => {
  it('puts exact edges in the upper band, except the last threshold, which is covered', () => {
    const t = [5, 10, 15];
    expect([0, 4.99, 5, 9.99, 10, 14.99, 15, 15.01, Infinity, Number.NaN, -1].map((m) => bandIndex(m, t))).toEqual([
      0, 0, 1, 1, 2, 2, 2, 3, 3, 3, 0,
    ]);
    expect([0, 30, 30.5].map((m) => bandIndex(m, [30]))).toEqual([0, 0, 1]);
  });
});
