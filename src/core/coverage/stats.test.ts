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
    // Just beyond → not covered, not served, reachable, but beyond in every time statistic.
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

  it('puts percentiles over everyone (beyond the circle included) and the mean over the covered', () => {
    const lucheng = s.counties.find((c) => c.adcode === LUCHENG);
    // 鹿城 1500 people: 5(100) 10(200) 20(300) covered, then 900 beyond 20 (400 at 20.5, 500
    // unreachable). Over everyone: cumulative 100, 300, 600, then the beyond block. p50 target 750
    // and p90 target 1350 both lie in the beyond block → no number, "> 20".
    expect(lucheng).toMatchObject({ p50Minutes: null, p50Beyond: true, p90Minutes: null, p90Beyond: true });
    // Over the covered 600: (100·5 + 200·10 + 300·20) / 600; targets 300 (hits 300 exactly → mean
    // of 10 and 20) and 540 → 20.
    expect(lucheng?.meanMinutesAmongCovered).toBeCloseTo(8500 / 600, 10);
    expect(lucheng?.p50MinutesAmongCovered).toBe(15);
    expect(lucheng?.p90MinutesAmongCovered).toBe(20);
    const yongjia = s.counties.find((c) => c.adcode === YONGJIA);
    // All covered: target 50 hits the first cell's cumulative weight exactly → mean of 15 and 15.
    expect(yongjia).toMatchObject({
      p50Minutes: 15,
      p50Beyond: false,
      p90Minutes: 15,
      p90Beyond: false,
      meanMinutesAmongCovered: 15,
      p50MinutesAmongCovered: 15,
      p90MinutesAmongCovered: 15,
    });
    // Total 1600: 5(100) 10(200) 15(50) 15(50) 20(300) → cumulative 100 300 350 400 700, beyond 900.
    // p50 target 800 > 700 → beyond. Over the covered 700: target 350 hits exactly → 15; 630 → 20.
    expect(s.total).toMatchObject({ p50Minutes: null, p50Beyond: true, p90Minutes: null, p90Beyond: true });
    expect(s.total.meanMinutesAmongCovered).toBeCloseTo(10000 / 700, 10);
    expect(s.total.p50MinutesAmongCovered).toBe(15);
    expect(s.total.p90MinutesAmongCovered).toBe(20);
  });

  it('gives a number when the percentile falls inside the circle, "beyond" only past it', () => {
    // Ten people: 1, 2, …, 7 minutes covered (threshold 7), three beyond (8, 30, unreachable).
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 30, Infinity].map((minutes, i): Case => ({
      col: i,
      row: 0,
      population: 1,
      county: LUCHENG,
      minutes,
      facility: 0,
      second: Infinity,
    }));
    const t = run(ten, [7], ['a']).total;
    // p50: target 5 hits the 5th exactly → mean of 5 and 6. p90: target 9 → beyond.
    expect(t).toMatchObject({ coveredPct: 70, p50Minutes: 5.5, p50Beyond: false, p90Minutes: null, p90Beyond: true });
    // The 8-minute person is beyond although the search reached them: the circle is the line.
    expect(t.reachable).toBe(9);
    expect(t.p90MinutesAmongCovered).toBe(7);
    expect(t.meanMinutesAmongCovered).toBe(4);
    // Exactly half covered: p50 target 5 hits the last covered person; the next one is beyond, so
    // the "average the two middle values" rule has no number → beyond.
    const half = run(ten.slice(0, 4).concat(ten.slice(6)), [4], ['a']).total;
    expect(half).toMatchObject({ coveredPct: 50, p50Minutes: null, p50Beyond: true, p50MinutesAmongCovered: 2.5 });
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
    expect(single.meanMinutesAmongCovered).toBeCloseTo(7, 12);
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
    let covered = 0;
    const sorted: [number, number][] = [];
    cells.forEach((c, i) => {
      const m = minutes[i] as number;
      total += c.population;
      const b = bandIndex(m, thresholds);
      bands[b] = (bands[b] ?? 0) + c.population;
      if (c.population > 0) sorted.push([b < 4 ? m : Infinity, c.population]);
      if (b < 4) {
        sum += m * c.population;
        covered += c.population;
      }
    });
    expect(s.total.population).toBe(total);
    expect(s.total.bands).toEqual(bands);
    expect(s.total.covered).toBe(covered);
    expect(s.total.meanMinutesAmongCovered).toBeCloseTo(sum / covered, 9);
    // Unknown adcodes count in the total only.
    expect(s.mountain.population + s.other.population).toBeLessThan(total);
    expect(s.counties.reduce((a, c) => a + c.population, 0)).toBe(s.mountain.population + s.other.population);
    // p50 over everyone by expanding to a sorted list of people, beyond people at Infinity.
    sorted.sort((a, b) => a[0] - b[0]);
    let cum = 0;
    const half = total / 2;
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
    expect(Number.isFinite(p50)).toBe(true);
    expect(s.total.p50Minutes).toBe(p50);
    expect(s.total.p50Beyond).toBe(false);
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
