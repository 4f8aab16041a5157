/** Test helpers shared by the routing tests: a seeded PRNG, random graphs and brute-force references. */
import { ROAD_CLASSES } from '../../shared/data-contract';
import { routingGraphFromEdges, type RoutingGraph } from './graph';
import type { SearchSeed } from './multi-source';

export { seededRandom as prng } from '../util/seeded-random';

export function randInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

export interface RandomGraphOptions {
  nodes: number;
  edges: number;
  /** 'int' = small integers (many exact ties), 'float' = arbitrary float32 lengths. */
  weights: 'int' | 'float';
  /** Probability of a zero-length edge. */
  zeroShare?: number;
  /** Probability of a parallel copy of an earlier edge. */
  parallelShare?: number;
  /** Probability of a self-loop (always, for a one-node graph). */
  selfLoopShare?: number;
}

/** Random multigraph: may be disconnected, with parallel, zero-length and self-loop edges. */
export function randomGraph(rand: () => number, o: RandomGraphOptions): RoutingGraph {
  const a: number[] = [];
  const b: number[] = [];
  const len: number[] = [];
  const cls: number[] = [];
  for (let k = 0; k < o.edges; k++) {
    if (k > 0 && rand() < (o.parallelShare ?? 0.1)) {
      const p = randInt(rand, 0, k - 1);
      a.push(b[p] ?? 0);
      b.push(a[p] ?? 0);
    } else if (o.nodes < 2 || rand() < (o.selfLoopShare ?? 0.02)) {
      const u = randInt(rand, 0, o.nodes - 1);
      a.push(u);
      b.push(u);
    } else {
      const u = randInt(rand, 0, o.nodes - 1);
      let v = randInt(rand, 0, o.nodes - 2);
      if (v >= u) v++;
      a.push(u);
      b.push(v);
    }
    const zero = rand() < (o.zeroShare ?? 0.05);
    len.push(zero ? 0 : o.weights === 'int' ? randInt(rand, 1, 6) : rand() * 1000);
    cls.push(randInt(rand, 0, ROAD_CLASSES.length - 1));
  }
  return routingGraphFromEdges({
    lon: Float64Array.from({ length: o.nodes }, () => 120 + rand()),
    lat: Float64Array.from({ length: o.nodes }, () => 27.5 + rand()),
    edgeA: Uint32Array.from(a),
    edgeB: Uint32Array.from(b),
    lengthM: Float32Array.from(len),
    roadClass: Uint8Array.from(cls),
  });
}

/** Per-entry seconds = length, with some entries made Infinity (by road class, both directions alike). */
export function secondsWithBlockedClass(graph: RoutingGraph, blockedClass: number): Float32Array {
  const s = new Float32Array(graph.targets.length);
  for (let j = 0; j < s.length; j++) {
    const k = graph.edgeId[j] ?? 0;
    s[j] = graph.roadClass[k] === blockedClass ? Infinity : (graph.lengthM[k] ?? 0);
  }
  return s;
}

/** Bellman–Ford per source, in doubles, over directed entries: reference times per source and node. */
export function perSourceTimes(
  graph: RoutingGraph,
  seconds: Float32Array,
  seeds: readonly SearchSeed[],
): Map<number, Float64Array> {
  const bySource = new Map<number, Float64Array>();
  for (const seed of seeds) {
    let dist = bySource.get(seed.source);
    if (!dist) {
      dist = new Float64Array(graph.nodeCount).fill(Infinity);
      bySource.set(seed.source, dist);
    }
    if (seed.seconds < (dist[seed.node] ?? Infinity)) dist[seed.node] = seed.seconds;
  }
  for (const dist of bySource.values()) {
    for (let changed = true; changed;) {
      changed = false;
      for (let u = 0; u < graph.nodeCount; u++) {
        const du = dist[u] ?? Infinity;
        if (du === Infinity) continue;
        for (let j = graph.offsets[u] ?? 0; j < (graph.offsets[u + 1] ?? 0); j++) {
          const v = graph.targets[j] ?? 0;
          const d = du + (seconds[j] ?? Infinity);
          if (d < (dist[v] ?? Infinity)) {
            dist[v] = d;
            changed = true;
          }
        }
      }
    }
  }
  return bySource;
}

export interface Reference {
  bestSeconds: Float64Array;
  bestSource: Int32Array;
  secondSeconds: Float64Array;
  secondSource: Int32Array;
}

/** Best and second-best distinct-source labels by brute force; ties go to the lower source index. */
export function referenceSearch(
  graph: RoutingGraph,
  seconds: Float32Array,
  seeds: readonly SearchSeed[],
  maxSeconds: number,
): Reference {
  const bySource = perSourceTimes(graph, seconds, seeds);
  const sources = [...bySource.keys()].sort((x, y) => x - y);
  const n = graph.nodeCount;
  const ref: Reference = {
    bestSeconds: new Float64Array(n).fill(Infinity),
    bestSource: new Int32Array(n).fill(-1),
    secondSeconds: new Float64Array(n).fill(Infinity),
    secondSource: new Int32Array(n).fill(-1),
  };
  for (let v = 0; v < n; v++) {
    const labels = sources
      .map((s) => ({ s, d: bySource.get(s)?.[v] ?? Infinity }))
      .filter((l) => l.d <= maxSeconds && l.d < Infinity)
      .sort((x, y) => x.d - y.d || x.s - y.s);
    if (labels[0]) {
      ref.bestSeconds[v] = labels[0].d;
      ref.bestSource[v] = labels[0].s;
    }
    if (labels[1]) {
      ref.secondSeconds[v] = labels[1].d;
      ref.secondSource[v] = labels[1].s;
    }
  }
  return ref;
}
