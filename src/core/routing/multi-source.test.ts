import { describe, expect, it } from 'vitest';
import { routingGraphFromEdges } from './graph';
import { multiSourceSearch, type SearchSeed } from './multi-source';
import { prng, randInt, randomGraph, referenceSearch, secondsWithBlockedClass } from './test-support';

function lengthsAsSeconds(graph: ReturnType<typeof randomGraph>): Float32Array {
  return Float32Array.from(graph.edgeId, (k) => graph.lengthM[k] ?? 0);
}

/** A path 0 – 1 – 2 – 3 – 4 with unit edges. */
function path(n: number, lengths?: number[]): ReturnType<typeof routingGraphFromEdges> {
  return routingGraphFromEdges({
    lon: new Float64Array(n).fill(120),
    lat: new Float64Array(n).fill(28),
    edgeA: Uint32Array.from({ length: n - 1 }, (_, i) => i),
    edgeB: Uint32Array.from({ length: n - 1 }, (_, i) => i + 1),
    lengthM: Float32Array.from({ length: n - 1 }, (_, i) => lengths?.[i] ?? 1),
    roadClass: new Uint8Array(n - 1),
  });
}

describe('multiSourceSearch: agreement with brute force', () => {
  it('matches per-source Bellman–Ford on random graphs and seed sets (best and second-best)', () => {
    const rand = prng(20240531);
    let comparedSecond = 0;
    let ties = 0;
    for (let trial = 0; trial < 400; trial++) {
      const nodes = randInt(rand, 1, 40);
      const graph = randomGraph(rand, {
        nodes,
        edges: randInt(rand, 0, Math.max(0, Math.round(nodes * rand() * 2.5))),
        weights: rand() < 0.5 ? 'int' : 'float',
        zeroShare: rand() * 0.3,
        parallelShare: rand() * 0.3,
      });
      const blocked = rand() < 0.5 ? randInt(rand, 0, 4) : -1;
      const seconds = blocked >= 0 ? secondsWithBlockedClass(graph, blocked) : lengthsAsSeconds(graph);
      const seeds: SearchSeed[] = Array.from({ length: randInt(rand, 0, 8) }, () => ({
        node: randInt(rand, 0, nodes - 1),
        seconds: rand() < 0.5 ? 0 : randInt(rand, 0, 5),
        source: randInt(rand, 0, 5),
      }));
      const maxSeconds = rand() < 0.3 ? Infinity : randInt(rand, 0, 20) + (rand() < 0.5 ? 0 : rand() * 100);
      const ref = referenceSearch(graph, seconds, seeds, maxSeconds);
      for (const secondBest of [false, true]) {
        const got = multiSourceSearch(graph, seconds, seeds, { maxSeconds, secondBest });
        expect(got.cancelled).toBe(false);
        expect(Array.from(got.bestSeconds)).toEqual(Array.from(ref.bestSeconds));
        expect(Array.from(got.bestSource)).toEqual(Array.from(ref.bestSource));
        if (secondBest) {
          expect(Array.from(got.secondSeconds)).toEqual(Array.from(ref.secondSeconds));
          expect(Array.from(got.secondSource)).toEqual(Array.from(ref.secondSource));
          comparedSecond += ref.secondSource.filter((s) => s >= 0).length;
          expect(got.settled).toBe(
            ref.bestSource.filter((s) => s >= 0).length + ref.secondSource.filter((s) => s >= 0).length,
          );
        } else {
          expect(got.secondSeconds.every((d) => d === Infinity)).toBe(true);
          expect(got.secondSource.every((s) => s === -1)).toBe(true);
          expect(got.settled).toBe(ref.bestSource.filter((s) => s >= 0).length);
        }
      }
      for (let v = 0; v < nodes; v++)
        if (ref.secondSeconds[v] === ref.bestSeconds[v] && ref.bestSource[v]! >= 0) ties++;
    }
    // The generator must actually exercise second labels and exact ties.
    expect(comparedSecond).toBeGreaterThan(1000);
    expect(ties).toBeGreaterThan(100);
  });

  it('follows directed entry costs (asymmetric seconds)', () => {
    const graph = path(3);
    // Entries: node0→1, node1→0, node1→2, node2→1 (edge-id order within each row).
    const seconds = Float32Array.from([1, 100, 2, 200]);
    const ref = referenceSearch(graph, seconds, [{ node: 0, seconds: 0, source: 0 }], Infinity);
    const got = multiSourceSearch(graph, seconds, [{ node: 0, seconds: 0, source: 0 }], { maxSeconds: Infinity });
    expect(Array.from(got.bestSeconds)).toEqual([0, 1, 3]);
    expect(Array.from(ref.bestSeconds)).toEqual([0, 1, 3]);
    const back = multiSourceSearch(graph, seconds, [{ node: 2, seconds: 0, source: 0 }], { maxSeconds: Infinity });
    expect(Array.from(back.bestSeconds)).toEqual([300, 200, 0]);
  });
});

describe('multiSourceSearch: tie rule and limits', () => {
  it('gives an equally fast node to the lower source index, whatever the seed order', () => {
    const graph = path(5);
    const seconds = lengthsAsSeconds(graph);
    for (const seeds of [
      [
        { node: 0, seconds: 0, source: 7 },
        { node: 4, seconds: 0, source: 3 },
      ],
      [
        { node: 4, seconds: 0, source: 3 },
        { node: 0, seconds: 0, source: 7 },
      ],
    ]) {
      const r = multiSourceSearch(graph, seconds, seeds, { maxSeconds: Infinity, secondBest: true });
      expect(Array.from(r.bestSeconds)).toEqual([0, 1, 2, 1, 0]);
      // Node 2 is 2 s from both: source 3 wins the tie, 7 is its second.
      expect(Array.from(r.bestSource)).toEqual([7, 7, 3, 3, 3]);
      expect(Array.from(r.secondSource)).toEqual([3, 3, 7, 7, 7]);
      expect(Array.from(r.secondSeconds)).toEqual([4, 3, 2, 3, 4]);
    }
  });

  it('uses the seed times (access legs) and lets one source have several seeds', () => {
    const graph = path(5);
    const r = multiSourceSearch(
      graph,
      lengthsAsSeconds(graph),
      [
        { node: 0, seconds: 0.5, source: 0 },
        { node: 4, seconds: 0, source: 0 },
        { node: 2, seconds: 10, source: 1 },
      ],
      { maxSeconds: Infinity, secondBest: true },
    );
    expect(Array.from(r.bestSeconds)).toEqual([0.5, 1.5, 2, 1, 0]);
    expect(Array.from(r.bestSource)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(r.secondSeconds)).toEqual([12, 11, 10, 11, 12]);
    expect(Array.from(r.secondSource)).toEqual([1, 1, 1, 1, 1]);
  });

  it('keeps no label slower than maxSeconds (inclusive limit)', () => {
    const graph = path(6, [1, 1, 1, 1, 1]);
    const r = multiSourceSearch(graph, lengthsAsSeconds(graph), [{ node: 0, seconds: 0, source: 0 }], {
      maxSeconds: 3,
      secondBest: true,
    });
    expect(Array.from(r.bestSeconds)).toEqual([0, 1, 2, 3, Infinity, Infinity]);
    expect(Array.from(r.bestSource)).toEqual([0, 0, 0, 0, -1, -1]);
    expect(r.settled).toBe(4);
    const none = multiSourceSearch(graph, lengthsAsSeconds(graph), [{ node: 0, seconds: 5, source: 0 }], {
      maxSeconds: 3,
    });
    expect(none.settled).toBe(0);
    expect(none.bestSeconds.every((d) => d === Infinity)).toBe(true);
  });

  it('never crosses Infinity entries, even without a time limit', () => {
    const graph = path(3);
    const seconds = Float32Array.from([1, 1, Infinity, Infinity]);
    const r = multiSourceSearch(graph, seconds, [{ node: 0, seconds: 0, source: 0 }], { maxSeconds: Infinity });
    expect(Array.from(r.bestSeconds)).toEqual([0, 1, Infinity]);
  });

  it('returns nothing reached for no seeds', () => {
    const graph = path(3);
    const r = multiSourceSearch(graph, lengthsAsSeconds(graph), [], { maxSeconds: 10, secondBest: true });
    expect(r.settled).toBe(0);
    expect(Array.from(r.bestSource)).toEqual([-1, -1, -1]);
  });
});

describe('multiSourceSearch: progress and cancellation', () => {
  const graph = path(200);
  const seconds = lengthsAsSeconds(graph);
  const seeds = [{ node: 0, seconds: 0, source: 0 }];

  it('reports non-decreasing progress ending at 1', () => {
    const seen: number[] = [];
    multiSourceSearch(graph, seconds, seeds, { maxSeconds: 250, progressEvery: 10, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBe(21);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= (seen[i - 1] ?? 0)))).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });

  it('stops promptly when asked and says so', () => {
    let polls = 0;
    const progress: number[] = [];
    const r = multiSourceSearch(graph, seconds, seeds, {
      maxSeconds: Infinity,
      secondBest: true,
      progressEvery: 5,
      shouldCancel: () => ++polls > 3,
      onProgress: (f) => progress.push(f),
    });
    expect(r.cancelled).toBe(true);
    // Polled once before starting, then every 5 labels: cancelled at the third in-search poll.
    expect(r.settled).toBe(15);
    expect(progress).not.toContain(1);
    const before = multiSourceSearch(graph, seconds, seeds, { maxSeconds: Infinity, shouldCancel: () => true });
    expect(before.cancelled).toBe(true);
    expect(before.settled).toBe(0);
  });
});

describe('multiSourceSearch: input checks', () => {
  const graph = path(3);
  const seconds = lengthsAsSeconds(graph);
  it.each([
    ['unknown node', [{ node: 3, seconds: 0, source: 0 }], seconds, 10, /node 3 is not in the graph/],
    ['negative seed time', [{ node: 0, seconds: -1, source: 0 }], seconds, 10, /seconds -1/],
    ['bad source', [{ node: 0, seconds: 0, source: -2 }], seconds, 10, /source -2/],
    ['NaN entry', [], Float32Array.from([1, NaN, 1, 1]), 10, /entry 1/],
    ['negative entry', [], Float32Array.from([1, 1, -1, 1]), 10, /entry 2/],
    ['wrong length', [], new Float32Array(3), 10, /seconds has 3 entries/],
    ['NaN limit', [], seconds, NaN, /maxSeconds/],
  ])('rejects %s', (_name, seeds, s, maxSeconds, message) => {
    expect(() => multiSourceSearch(graph, s, seeds, { maxSeconds })).toThrow(message);
  });
});
