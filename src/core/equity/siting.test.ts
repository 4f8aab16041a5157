import { describe, expect, it } from 'vitest';
import { addFacilityToRun } from '../coverage/incremental';
import { runCoverage } from '../coverage/run-coverage';
import { prng } from '../coverage/test-grid';
import {
  buildSitingInstance,
  exhaustiveMaxCover,
  greedyMaxCover,
  plainGreedyMaxCover,
  siteFacilities,
  solveSiting,
} from './siting';
import { TEST_PROFILES, valleyData } from './test-network';

describe('greedy maximum coverage', () => {
  it('takes the big set first, and so misses the optimum of the textbook example', () => {
    // S0 = {0,1,2}, S1 = {3,4,5}, G = {0,1,3,4}: greedy takes G (4) then S0 (+1) = 5; optimum S0 + S1 = 6.
    const sets = [
      [0, 1, 2],
      [3, 4, 5],
      [0, 1, 3, 4],
    ];
    const weights = [1, 1, 1, 1, 1, 1];
    expect(greedyMaxCover(sets, weights, 2)).toEqual({ picks: [2, 0], gains: [4, 1] });
    expect(exhaustiveMaxCover(sets, weights, 2)).toEqual({ picks: [0, 1], value: 6 });
  });

  it('lazy greedy picks exactly what the plain greedy picks; gains never increase', () => {
    const rand = prng(5);
    for (let trial = 0; trial < 300; trial++) {
      const elements = 5 + Math.floor(rand() * 40);
      const weights = Array.from({ length: elements }, () => (rand() < 0.2 ? Math.floor(rand() * 3) : rand() * 100));
      const sets = Array.from({ length: 1 + Math.floor(rand() * 30) }, () =>
        Array.from({ length: elements }, (_, e) => e).filter(() => rand() < 0.2),
      );
      const n = 1 + Math.floor(rand() * 6);
      const lazy = greedyMaxCover(sets, weights, n);
      expect(lazy).toEqual(plainGreedyMaxCover(sets, weights, n));
      for (let k = 1; k < lazy.gains.length; k++) expect(lazy.gains[k]!).toBeLessThanOrEqual(lazy.gains[k - 1]!);
    }
  });

  it('stays within 1 − 1/e of the optimum on random small instances (observed worst: 0.800)', () => {
    const rand = prng(2024);
    let worst = 1;
    let suboptimal = 0;
    const trials = 1000;
    for (let trial = 0; trial < trials; trial++) {
      const elements = 6 + Math.floor(rand() * 20);
      // People per cell, heavy-tailed like a real grid.
      const weights = Array.from({ length: elements }, () => Math.round(rand() ** 3 * 1000));
      const sets = Array.from({ length: 4 + Math.floor(rand() * 11) }, () =>
        Array.from({ length: elements }, (_, e) => e).filter(() => rand() < 0.25),
      );
      const n = 1 + Math.floor(rand() * 4);
      const greedy = greedyMaxCover(sets, weights, n).gains.reduce((a, b) => a + b, 0);
      const best = exhaustiveMaxCover(sets, weights, n).value;
      expect(greedy).toBeLessThanOrEqual(best + 1e-9);
      if (best > 0) {
        worst = Math.min(worst, greedy / best);
        if (greedy < best - 1e-9) suboptimal++;
      }
    }
    expect(worst).toBeGreaterThanOrEqual(1 - 1 / Math.E);
    // Recorded in the test name and siting.ts: over these 1,000 instances greedy missed the optimum
    // in 110, by at most 20 % (ratio 0.8002); the mean ratio is 0.997.
    expect(worst).toBeCloseTo(0.8002, 4);
    expect(suboptimal).toBe(110);
  });
});

/**
 * A valley road through 泰顺: cells 0–6 (a node on each, 10 min apart), then cell 7 in 鹿城 with
 * 1,000 people 10 min beyond cell 6. The existing facility stands at cell 0; the circle is 15 min,
 * so it covers cells 0 and 1. A site at node k covers cells k − 1 … k + 1.
 *
 *   cell      0   1   2   3   4   5   6 │  7
 *   people   10  10  50   5   5  40  30 │ 1000 (鹿城)
 *
 * Mountain gains: node 2 → 55, 3 → 60, 4 → 50, 5 → 75, 6 → 70. Greedy: node 5 (75), then node 2
 * and node 3 both add cells 2, 3 = 55 and the lower candidate (node 2) wins; then nobody is left.
 */
const data = valleyData();
const facility = (k: number, id = `f${k}`) => ({ id, name: id, lon: data.grid.lon[k]!, lat: data.grid.lat[k]! });
const base = runCoverage(
  data,
  { method: 'network', profile: 'drive', thresholdsMin: [15], radiiM: [], facilities: [facility(0)] },
  TEST_PROFILES,
)!;

describe('siting on a network', () => {
  it('chooses the hand-worked sites, counting only the area', () => {
    const r = siteFacilities(data, TEST_PROFILES, base, { area: 'mountain', n: 3 })!;
    expect(r.area.kind).toBe('mountain');
    expect(r.areaPopulation).toBe(150);
    expect(r.coveredBefore).toBe(20);
    expect(r.candidateCount).toBe(7);
    expect(r.poolSize).toBe(7);
    expect(r.stride).toBe(1);
    expect(r.sites.map((s) => [s.node, s.addedPopulation, s.cumulativeCovered])).toEqual([
      [5, 75, 95],
      [2, 55, 150],
    ]);
    expect(r.coveredAfterPct).toBe(100);
    expect(r.sites.map((s) => s.county)).toEqual([330329, 330329]);
    expect(Array.from(r.sites[0]!.cells)).toEqual([4, 5, 6]);
    expect(r.sites[0]).toMatchObject({ rank: 1, lon: data.grid.lon[5], lat: data.grid.lat[5] });
  });

  it('counts the 鹿城 people for the whole city, and a county area keeps to its county', () => {
    const all = siteFacilities(data, TEST_PROFILES, base, { area: 'all', n: 1 })!;
    expect(all.sites.map((s) => [s.node, s.addedPopulation])).toEqual([[6, 1070]]);
    const lucheng = siteFacilities(data, TEST_PROFILES, base, { area: 330302, n: 1 })!;
    expect(lucheng.sites.map((s) => [s.node, s.addedPopulation])).toEqual([[7, 1000]]);
    expect(() => siteFacilities(data, TEST_PROFILES, base, { area: 123456, n: 1 })).toThrow(/adcode/);
  });

  it('reports exactly what adding the sites to the run covers', () => {
    const r = siteFacilities(data, TEST_PROFILES, base, { area: 'all', n: 3 })!;
    let run = base;
    for (const site of r.sites) {
      run = addFacilityToRun(data, TEST_PROFILES, run, { id: site.id, name: site.name, lon: site.lon, lat: site.lat });
      expect(run.result.total.covered).toBe(site.cumulativeCovered);
    }
  });

  it('subsamples every k-th node and takes user points (snapped with their access walk)', () => {
    const strided = buildSitingInstance(data, TEST_PROFILES, base, { area: 'mountain', stride: 3 })!;
    expect(strided.candidates.map((c) => c.node)).toEqual([0, 3, 6]);
    expect(buildSitingInstance(data, TEST_PROFILES, base, { area: 'mountain', maxCandidates: 2 })!.stride).toBe(4);
    // 100 m north of node 3: 75 s of walking at 4.8 km/h, so it reaches the neighbours in 11.25 min.
    const near3 = { id: 'p', lon: data.grid.lon[3]!, lat: data.grid.lat[3]! + 100 / 111_195.08 };
    const inst = buildSitingInstance(data, TEST_PROFILES, base, {
      area: 'mountain',
      candidates: [near3, facility(5)],
    })!;
    expect(inst.candidates[0]).toMatchObject({ id: 'p', node: 3 });
    expect(inst.candidates[0]!.accessSeconds).toBeCloseTo(75, 3);
    expect(Array.from(inst.sets[0]!)).toEqual([2, 3, 4]);
    expect(solveSiting(inst, 1).sites[0]).toMatchObject({ id: 'f5', addedPopulation: 75 });
    expect(inst.poolSize).toBeNull();
  });

  it('matches the exhaustive optimum here, and can be cancelled', () => {
    const inst = buildSitingInstance(data, TEST_PROFILES, base, { area: 'mountain' })!;
    const greedy = solveSiting(inst, 2);
    expect(greedy.coveredAfter - greedy.coveredBefore).toBe(exhaustiveMaxCover(inst.sets, inst.weights, 2).value);
    expect(
      buildSitingInstance(data, TEST_PROFILES, base, { area: 'mountain' }, { shouldCancel: () => true }),
    ).toBeNull();
  });
});
