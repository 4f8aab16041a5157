import { describe, expect, it } from 'vitest';
import type { TestCell } from '../coverage/test-grid';
import { networkData, TEST_PROFILES } from './test-network';
import { twoStepFca, type SupplyFacility } from './two-step-fca';

/**
 * The hand-worked example: five populated cells in a row (250 m apart, a road node on each) joined
 * by roads of 10 minutes each, three facilities, catchment t0 = 15 min.
 *
 *   cell / node     0      1      2      3      4
 *   people        100    200    300    400    500
 *   county        泰顺   泰顺   泰顺   鹿城   鹿城
 *   facility       A(10)         B(20)         C(5)      (supply, e.g. beds)
 *
 * Step 1 (within 15 min = own node and the neighbours 10 min away):
 *   A reaches 0, 1      → demand 300,  R_A = 10/300 = 1/30
 *   B reaches 1, 2, 3   → demand 900,  R_B = 20/900 = 1/45
 *   C reaches 3, 4      → demand 900,  R_C = 5/900  = 1/180
 * Step 2:
 *   A_0 = 1/30, A_1 = 1/30 + 1/45 = 1/18, A_2 = 1/45, A_3 = 1/45 + 1/180 = 1/36, A_4 = 1/180
 * Per 1,000 people: 33.33, 55.56, 22.22, 27.78, 5.56.
 * Means: 泰顺 (100/30 + 200/18 + 300/45) / 600 = 21.11/600 → 35.19 per 1,000;
 *        鹿城 (400/36 + 500/180) / 900 = 13.89/900 → 15.43 per 1,000;
 * and Σ P·A = 35 = Σ S: all supply is shared out.
 */
const TAISHUN = 330329;
const LUCHENG = 330302;
const cells: TestCell[] = [100, 200, 300, 400, 500].map((population, k) => ({
  col: 400 + k,
  row: 400,
  population,
  county: k < 3 ? TAISHUN : LUCHENG,
}));
const data = networkData(cells, [
  [0, 1, 10],
  [1, 2, 10],
  [2, 3, 10],
  [3, 4, 10],
]);
const at = (k: number) => ({ lon: data.grid.lon[k]!, lat: data.grid.lat[k]! });
const facilities: SupplyFacility[] = [
  { id: 'A', ...at(0), supply: 10 },
  { id: 'B', ...at(2), supply: 20 },
  { id: 'C', ...at(4), supply: 5 },
];
const EXPECTED = [1000 / 30, 1000 / 18, 1000 / 45, 1000 / 36, 1000 / 180];

describe('2SFCA (network)', () => {
  it('reproduces the hand-worked example', () => {
    const r = twoStepFca(data, TEST_PROFILES, {
      method: 'network',
      profile: 'drive',
      catchmentMinutes: 15,
      facilities,
    })!;
    expect(r.per).toBe(1000);
    r.facilities.forEach((f, j) => {
      expect(f.demand).toBe([300, 900, 900][j]);
      expect(f.ratio).toBeCloseTo([1000 / 30, 1000 / 45, 1000 / 180][j]!, 12);
      expect(f.cellCount).toBe([2, 3, 2][j]);
      expect(f.isolated).toBe(false);
      expect(f.snapDistanceM).toBe(0);
    });
    Array.from(r.accessibility).forEach((a, i) => expect(a).toBeCloseTo(EXPECTED[i]!, 12));
    const county = (adcode: number) => r.counties.find((c) => c.adcode === adcode)!;
    expect(county(TAISHUN).meanAccessibility).toBeCloseTo((1000 * (100 / 30 + 200 / 18 + 300 / 45)) / 600, 12);
    expect(county(LUCHENG).meanAccessibility).toBeCloseTo((1000 * (400 / 36 + 500 / 180)) / 900, 12);
    expect(county(330303).meanAccessibility).toBeNull();
    expect(r.mountain.meanAccessibility).toBeCloseTo(county(TAISHUN).meanAccessibility!, 12);
    expect(r.other.population).toBe(900);
    // Supply is shared out, never created: Σ P_i A_i = per × Σ S_j.
    expect(r.total.meanAccessibility! * r.total.population).toBeCloseTo(35 * 1000, 9);
    expect(r.total.noAccessPopulation).toBe(0);
    expect(r.unusedSupply).toBe(0);
  });

  it('counts the catchment edge as inside (t ≤ t0) and shrinks with t0', () => {
    const at10 = twoStepFca(data, TEST_PROFILES, {
      method: 'network',
      profile: 'drive',
      catchmentMinutes: 10,
      facilities,
    })!;
    Array.from(at10.accessibility).forEach((a, i) => expect(a).toBeCloseTo(EXPECTED[i]!, 12));
    // Below 10 min every facility serves only its own cell: R = S / P_own; cells 1 and 3 have nothing.
    const own = twoStepFca(data, TEST_PROFILES, {
      method: 'network',
      profile: 'drive',
      catchmentMinutes: 9.99,
      facilities,
      per: 1,
    })!;
    expect(Array.from(own.accessibility)).toEqual([10 / 100, 0, 20 / 300, 0, 5 / 500]);
    expect(own.total.noAccessPopulation).toBe(600);
    expect(own.counties.find((c) => c.adcode === LUCHENG)!.noAccessPopulation).toBe(400);
    // The share of everyone: 600 of the 1,500 people reach nothing.
    expect(own.total.noAccessShare).toBeCloseTo(600 / own.total.population, 14);
    expect(own.total.population).toBe(1500);
    const lucheng = own.counties.find((c) => c.adcode === LUCHENG)!;
    expect(lucheng.noAccessShare).toBeCloseTo(400 / lucheng.population, 14);
    expect(own.counties.find((c) => c.population === 0)!.noAccessShare).toBeNull();
  });

  it('reports the supply of a facility nobody can reach', () => {
    // A separate two-node road 5 km east: its facility has nobody in its catchment.
    const far = networkData(
      cells,
      [
        [0, 1, 10],
        [1, 2, 10],
        [2, 3, 10],
        [3, 4, 10],
        [5, 6, 1],
      ],
      [
        [at(4).lon + 0.05, at(4).lat],
        [at(4).lon + 0.06, at(4).lat],
      ],
    );
    const lonely = { id: 'D', lon: at(4).lon + 0.05, lat: at(4).lat, supply: 7 };
    const r = twoStepFca(far, TEST_PROFILES, {
      method: 'network',
      profile: 'drive',
      catchmentMinutes: 15,
      facilities: [...facilities, lonely],
    })!;
    expect(r.facilities[3]).toMatchObject({ id: 'D', demand: 0, ratio: 0, cellCount: 0, isolated: true });
    expect(r.unusedSupply).toBe(7);
    Array.from(r.accessibility).forEach((a, i) => expect(a).toBeCloseTo(EXPECTED[i]!, 12));
  });

  it('can be cancelled and validates its inputs', () => {
    const request = { method: 'network' as const, profile: 'drive' as const, catchmentMinutes: 15, facilities };
    expect(twoStepFca(data, TEST_PROFILES, request, { shouldCancel: () => true })).toBeNull();
    const fractions: number[] = [];
    twoStepFca(data, TEST_PROFILES, request, { onProgress: (f) => fractions.push(f) });
    expect(fractions).toEqual([1 / 3, 2 / 3, 1]);
    expect(() => twoStepFca(data, TEST_PROFILES, { ...request, catchmentMinutes: 0 })).toThrow();
    expect(() =>
      twoStepFca(data, TEST_PROFILES, { ...request, facilities: [{ ...facilities[0]!, supply: -1 }] }),
    ).toThrow(/supply/);
  });
});

describe('2SFCA (radius)', () => {
  it('gives the same example with a 300 m catchment (neighbours are ~250 m apart, the next ~500 m)', () => {
    const r = twoStepFca(data, TEST_PROFILES, { method: 'radius', catchmentM: 300, facilities })!;
    Array.from(r.accessibility).forEach((a, i) => expect(a).toBeCloseTo(EXPECTED[i]!, 12));
    expect(r.facilities.map((f) => f.demand)).toEqual([300, 900, 900]);
    // 600 m reaches two cells each way: A → 0,1,2 (600), B → all (1500), C → 2,3,4 (1200).
    const wide = twoStepFca(data, TEST_PROFILES, { method: 'radius', catchmentM: 600, facilities })!;
    expect(wide.facilities.map((f) => f.demand)).toEqual([600, 1500, 1200]);
    expect(wide.total.meanAccessibility! * wide.total.population).toBeCloseTo(35 * 1000, 9);
  });
});
