import { describe, expect, it } from 'vitest';
import { prng } from '../coverage/test-grid';
import { accessTimes, gini, giniLorenz, sortByValue, theil } from './inequality';

/** Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ): the definition, O(n²). */
function bruteGini(x: number[], w: number[]): number {
  let W = 0;
  let S = 0;
  let D = 0;
  for (let i = 0; i < x.length; i++) {
    W += w[i]!;
    S += w[i]! * x[i]!;
    for (let j = 0; j < x.length; j++) D += w[i]! * w[j]! * Math.abs(x[i]! - x[j]!);
  }
  return D / (2 * W * S);
}

function bruteTheil(x: number[], w: number[]): number {
  const W = w.reduce((a, b) => a + b, 0);
  const mu = x.reduce((a, v, i) => a + v * w[i]!, 0) / W;
  return x.reduce((a, v, i) => a + (v > 0 ? (w[i]! * (v / mu) * Math.log(v / mu)) / W : 0), 0);
}

function randomData(seed: number, n: number) {
  const rand = prng(seed);
  const x = Array.from({ length: n }, () => (rand() < 0.1 ? 0 : Math.round(rand() * 1800) / 10));
  const w = Array.from({ length: n }, () => (rand() < 0.1 ? 0 : Math.round(rand() * 500)));
  const g = Array.from({ length: n }, () => Math.floor(rand() * 3));
  return { x, w, g };
}

describe('Gini and Lorenz curve', () => {
  it('is 0 with a diagonal Lorenz curve when everybody has the same access', () => {
    const r = giniLorenz([7, 7, 7, 7], [1, 2, 3, 4], 5);
    expect(r.gini).toBeCloseTo(0, 15);
    r.lorenz.quantity.forEach((q, k) => expect(q).toBeCloseTo(r.lorenz.population[k]!, 12));
    expect(theil([7, 7, 7], [1, 5, 2]).total).toBeCloseTo(0, 15);
  });

  it('is (n − 1)/n when one of n equal units holds everything, and Theil is ln n', () => {
    for (const n of [2, 3, 4, 10, 57]) {
      const x = Array.from({ length: n }, (_, i) => (i === 3 % n ? 12 : 0));
      const w = x.map(() => 1);
      expect(gini(x, w)).toBeCloseTo((n - 1) / n, 12);
      expect(theil(x, w).total).toBeCloseTo(Math.log(n), 12);
    }
    // The Lorenz curve of that distribution stays at 0 until the last unit.
    expect(giniLorenz([0, 0, 0, 8], [1, 1, 1, 1], 5).lorenz.quantity).toEqual([0, 0, 0, 0, 1]);
  });

  it('weights people: 3 people at 1 min and 1 at 3 min', () => {
    // Pairs: 3 × 1 × |1 − 3| twice = 12; W = 4, μ = 1.5 → G = 12 / (2 · 16 · 1.5) = 1/4.
    const r = giniLorenz([1, 3], [3, 1], 5);
    expect(r.gini).toBeCloseTo(0.25, 15);
    expect(r.mean).toBe(1.5);
    expect(r.population).toBe(4);
    // Sorted 1 (¾ of people, 3 of 6 minutes), then 3: L(¼) = 1/6, L(½) = 2/6, L(¾) = 3/6.
    const expected = [0, 1 / 6, 2 / 6, 3 / 6, 1];
    r.lorenz.quantity.forEach((q, k) => expect(q).toBeCloseTo(expected[k]!, 15));
    // Gini = 1 − 2 × area under the curve (the samples hit every vertex here).
    let area = 0;
    for (let k = 1; k < 5; k++) area += (0.25 * (r.lorenz.quantity[k - 1]! + r.lorenz.quantity[k]!)) / 2;
    expect(1 - 2 * area).toBeCloseTo(r.gini, 15);
    // Theil: μ = 1.5 → ¼ [3 · ⅔ ln ⅔ + 2 ln 2] = ½ ln(4/3).
    expect(theil([1, 3], [3, 1]).total).toBeCloseTo(0.5 * Math.log(4 / 3), 15);
    // Same as four unweighted units.
    expect(gini([1, 1, 3, 1], [1, 1, 1, 1])).toBeCloseTo(0.25, 15);
  });

  it('matches the pairwise definition on random weighted data; unit and cell-splitting invariant', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { x, w } = randomData(seed, 5 + (seed % 60));
      const g = gini(x, w);
      expect(g).toBeCloseTo(bruteGini(x, w), 12);
      expect(
        gini(
          x.map((v) => v * 60),
          w,
        ),
      ).toBeCloseTo(g, 12);
      // Splitting cell 0 into two cells with the same minutes changes nothing.
      const x2 = [x[0]!, ...x];
      const w2 = [w[0]! / 3, (2 * w[0]!) / 3, ...w.slice(1)];
      expect(gini(x2, w2)).toBeCloseTo(g, 12);
      expect(theil(x2, w2).total).toBeCloseTo(theil(x, w).total, 12);
    }
  });

  it('samples the Lorenz curve on the exact piecewise-linear curve', () => {
    const { x, w } = randomData(7, 40);
    const r = giniLorenz(x, w, 11);
    const order = Array.from(sortByValue(x, w));
    const W = order.reduce((a, i) => a + w[i]!, 0);
    const S = order.reduce((a, i) => a + w[i]! * x[i]!, 0);
    r.lorenz.population.forEach((p, k) => {
      // The share held by the first p·W people, one person at a time.
      let left = p * W;
      let held = 0;
      for (const i of order) {
        const take = Math.min(left, w[i]!);
        held += take * x[i]!;
        left -= take;
      }
      expect(r.lorenz.quantity[k]).toBeCloseTo(held / S, 12);
    });
    for (let k = 1; k < 11; k++) expect(r.lorenz.quantity[k]!).toBeGreaterThanOrEqual(r.lorenz.quantity[k - 1]!);
  });

  it('sorts float32 values with packed keys exactly as the comparator sort does', () => {
    const rand = prng(3);
    const x = Array.from({ length: 2000 }, () => Math.fround(rand() < 0.3 ? Math.floor(rand() * 5) : rand() * 90));
    const w = x.map(() => (rand() < 0.05 ? 0 : 1 + rand()));
    const packed = Array.from(sortByValue(x, w));
    const slow = Array.from(sortByValue([...x, 0.1], [...w, 0])); // 0.1 is no float32: comparator path
    expect(packed).toEqual(slow);
    for (let k = 1; k < packed.length; k++) expect(x[packed[k]!]!).toBeGreaterThanOrEqual(x[packed[k - 1]!]!);
  });

  it('handles no people (NaN) and nobody travelling (0)', () => {
    expect(gini([1, 2], [0, 0])).toBeNaN();
    expect(gini([0, 0], [1, 2])).toBe(0);
    expect(theil([0, 0], [1, 2]).total).toBe(0);
    expect(() => gini([-1], [1])).toThrow();
    expect(() => gini([Infinity], [1])).toThrow();
  });
});

describe('Theil decomposition', () => {
  it('total = between + within, exactly, on random data with 1–4 groups', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { x, w } = randomData(100 + seed, 10 + seed * 3);
      const groupCount = 1 + (seed % 4);
      const rand = prng(seed);
      const g = x.map(() => Math.floor(rand() * groupCount));
      const t = theil(x, w, g, groupCount);
      expect(t.total).toBeCloseTo(bruteTheil(x, w), 12);
      expect(t.between + t.within).toBeCloseTo(t.total, 12);
      expect(t.between).toBeGreaterThanOrEqual(-1e-12);
      expect(t.within).toBeGreaterThanOrEqual(-1e-12);
      expect(t.groups.reduce((a, gr) => a + gr.share, 0)).toBeCloseTo(1, 12);
      // Each group's own index is the plain Theil of its members.
      t.groups.forEach((gr, k) => {
        const xs = x.filter((_, i) => g[i] === k && w[i]! > 0);
        const ws = w.filter((v, i) => g[i] === k && v > 0);
        if (xs.length && xs.some((v) => v > 0)) expect(gr.theil).toBeCloseTo(bruteTheil(xs, ws), 12);
      });
    }
  });

  it('is all "between" when each group is internally equal', () => {
    // Mountain: 100 people at 60 min; other: 300 at 20 min. μ = 30.
    const t = theil([60, 20], [100, 300], [0, 1], 2);
    const sM = (100 * 60) / (400 * 30);
    const sO = (300 * 20) / (400 * 30);
    expect(t.within).toBeCloseTo(0, 15);
    expect(t.between).toBeCloseTo(sM * Math.log(2) + sO * Math.log(20 / 30), 15);
    expect(t.total).toBeCloseTo(t.between, 15);
    expect(t.groups[0]).toMatchObject({ population: 100, mean: 60 });
  });
});

describe('accessTimes', () => {
  const minutes = Float32Array.from([5, 30, 31, Infinity, NaN, 10, -1]);
  const people = Float64Array.from([10, 10, 10, 10, 10, 0, 10]);

  it('caps everybody beyond the circle (default twice the circle)', () => {
    const t = accessTimes(minutes, people, 30);
    expect(Array.from(t.values)).toEqual([5, 30, 60, 60, 60, 0, 0]);
    expect(Array.from(t.weights)).toEqual([10, 10, 10, 10, 10, 0, 10]);
    expect(t.cappedPopulation).toBe(30);
    expect(t.excludedPopulation).toBe(0);
  });

  it('or leaves them out', () => {
    const t = accessTimes(minutes, people, 30, { kind: 'exclude' });
    expect(Array.from(t.weights)).toEqual([10, 10, 0, 0, 0, 0, 10]);
    expect(t.excludedPopulation).toBe(30);
    expect(() => accessTimes(minutes, people, 30, { kind: 'cap', capMinutes: 20 })).toThrow(/beyond the circle/);
  });
});
