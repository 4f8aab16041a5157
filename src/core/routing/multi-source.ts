/**
 * One Dijkstra from many facilities at once: every node learns its fastest facility ("source")
 * and, optionally, the fastest *other* facility, which is what "people only this facility
 * covers" needs (a node is covered only by its best source when the second is beyond the limit).
 *
 * Labels are (seconds, source) pairs ordered lexicographically, so among equally fast sources
 * the lower source index wins, deterministically and independent of seed order. With
 * `secondBest`, a node keeps up to two settled labels with different sources (a k = 2
 * distinct-source label-setting search). Why it is exact: let s be v's second source and u the
 * node before v on s's fastest path. If s were not among u's two best distinct sources, two other
 * sources a ≠ b would beat s at u, hence (same last edge) at v, and one of them differs from v's
 * best source: a better second label than s, a contradiction. So s's label at u is settled and
 * relaxed into v. A candidate beaten by two distinct-source labels already offered is dropped,
 * which is safe for the same reason. Times are summed in path order exactly as a per-source
 * Dijkstra does, so results match it bit for bit (the property tests compare with ===).
 */
import type { RoutingGraph } from './graph';

export interface SearchSeed {
  node: number;
  /** Time already spent when reaching `node` (e.g. the access leg from the facility), ≥ 0. */
  seconds: number;
  /** Facility index (≥ 0); several seeds may share one source. */
  source: number;
}

export interface SearchOptions {
  /** Labels slower than this are not kept (Infinity = no limit). */
  maxSeconds: number;
  /** Also compute the best time from a source different from the best one. */
  secondBest?: boolean;
  /** Called every `progressEvery` settled labels with a fraction in [0, 1] (seconds reached / maxSeconds), and with 1 at the end. */
  onProgress?: (fraction: number) => void;
  /** Polled every `progressEvery` settled labels; returning true stops the search (result.cancelled). */
  shouldCancel?: () => boolean;
  /** Default 4096. */
  progressEvery?: number;
}

export interface SearchResult {
  /** Per node: fastest time (seconds) from any seed, Infinity when not reached within maxSeconds. */
  bestSeconds: Float64Array;
  /** Per node: the source of that time (lowest index among ties), -1 when not reached. */
  bestSource: Int32Array;
  /** Per node: fastest time from a source other than bestSource (only with secondBest), else Infinity. */
  secondSeconds: Float64Array;
  secondSource: Int32Array;
  /** Labels settled (nodes, plus second labels with secondBest). */
  settled: number;
  /** True when shouldCancel stopped the search: the arrays are incomplete and must be discarded. */
  cancelled: boolean;
}

const MAX_SOURCE = 0x7fffffff;

/** Binary min-heap of (seconds, source, node) on growable typed arrays, ordered by (seconds, source). */
class LabelHeap {
  private d: Float64Array;
  private s: Int32Array;
  private v: Uint32Array;
  size = 0;
  topSeconds = 0;
  topSource = 0;
  topNode = 0;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.d = new Float64Array(c);
    this.s = new Int32Array(c);
    this.v = new Uint32Array(c);
  }

  private grow(): void {
    const c = this.d.length * 2;
    const d = new Float64Array(c);
    const s = new Int32Array(c);
    const v = new Uint32Array(c);
    d.set(this.d);
    s.set(this.s);
    v.set(this.v);
    this.d = d;
    this.s = s;
    this.v = v;
  }

  push(seconds: number, source: number, node: number): void {
    if (this.size === this.d.length) this.grow();
    const { d, s, v } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pd = d[p] ?? 0;
      const ps = s[p] ?? 0;
      if (pd < seconds || (pd === seconds && ps <= source)) break;
      d[i] = pd;
      s[i] = ps;
      v[i] = v[p] ?? 0;
      i = p;
    }
    d[i] = seconds;
    s[i] = source;
    v[i] = node;
  }

  /** Removes the minimum into topSeconds/topSource/topNode. Call only when size > 0. */
  pop(): void {
    const { d, s, v } = this;
    this.topSeconds = d[0] ?? 0;
    this.topSource = s[0] ?? 0;
    this.topNode = v[0] ?? 0;
    const n = --this.size;
    if (n === 0) return;
    const ld = d[n] ?? 0;
    const ls = s[n] ?? 0;
    const lv = v[n] ?? 0;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n) {
        const rd = d[r] ?? 0;
        const cd = d[c] ?? 0;
        if (rd < cd || (rd === cd && (s[r] ?? 0) < (s[c] ?? 0))) c = r;
      }
      const cd = d[c] ?? 0;
      const cs = s[c] ?? 0;
      if (ld < cd || (ld === cd && ls <= cs)) break;
      d[i] = cd;
      s[i] = cs;
      v[i] = v[c] ?? 0;
      i = c;
    }
    d[i] = ld;
    s[i] = ls;
    v[i] = lv;
  }
}

function less(d1: number, s1: number, d2: number, s2: number): boolean {
  return d1 < d2 || (d1 === d2 && s1 < s2);
}

function validate(graph: RoutingGraph, seconds: Float32Array, seeds: readonly SearchSeed[], opts: SearchOptions): void {
  if (seconds.length !== graph.targets.length) {
    throw new RangeError(`seconds has ${seconds.length} entries, the graph ${graph.targets.length}`);
  }
  for (let j = 0; j < seconds.length; j++) {
    const w = seconds[j] ?? NaN;
    if (!(w >= 0)) throw new RangeError(`entry ${j} has invalid travel time ${w}`);
  }
  if (!(opts.maxSeconds >= 0)) throw new RangeError(`maxSeconds must be ≥ 0, got ${opts.maxSeconds}`);
  seeds.forEach((seed, i) => {
    if (!Number.isInteger(seed.node) || seed.node < 0 || seed.node >= graph.nodeCount) {
      throw new RangeError(`seed ${i}: node ${seed.node} is not in the graph (0…${graph.nodeCount - 1})`);
    }
    if (!Number.isInteger(seed.source) || seed.source < 0 || seed.source > MAX_SOURCE) {
      throw new RangeError(`seed ${i}: source ${seed.source} must be an integer ≥ 0`);
    }
    if (!(seed.seconds >= 0)) throw new RangeError(`seed ${i}: seconds ${seed.seconds} must be ≥ 0`);
  });
  const every = opts.progressEvery ?? 4096;
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`progressEvery must be a positive integer`);
}

export function multiSourceSearch(
  graph: RoutingGraph,
  seconds: Float32Array,
  seeds: readonly SearchSeed[],
  opts: SearchOptions,
): SearchResult {
  validate(graph, seconds, seeds, opts);
  const n = graph.nodeCount;
  const { offsets, targets } = graph;
  const maxSeconds = opts.maxSeconds;
  const k2 = opts.secondBest === true;
  const every = opts.progressEvery ?? 4096;
  const { onProgress, shouldCancel } = opts;

  const bestSeconds = new Float64Array(n).fill(Infinity);
  const bestSource = new Int32Array(n).fill(-1);
  const secondSeconds = new Float64Array(n).fill(Infinity);
  const secondSource = new Int32Array(n).fill(-1);
  // Tentative labels: the best (and, with k2, second-best distinct-source) label pushed so far.
  const tBestD = new Float64Array(n).fill(Infinity);
  const tBestS = new Int32Array(n).fill(MAX_SOURCE);
  const tSecondD = k2 ? new Float64Array(n).fill(Infinity) : tBestD;
  const tSecondS = k2 ? new Int32Array(n).fill(MAX_SOURCE) : tBestS;
  /** Settled labels per node (0, 1, or 2 with k2). */
  const settledCount = new Uint8Array(n);
  const heap = new LabelHeap(n + seeds.length);

  /** Pushes a candidate label if it can still become one of the node's final labels. */
  const offer = (v: number, d: number, s: number): void => {
    if (!(d <= maxSeconds) || d === Infinity) return;
    const bd = tBestD[v] ?? Infinity;
    const bs = tBestS[v] ?? MAX_SOURCE;
    if (!k2) {
      if (!less(d, s, bd, bs)) return;
      tBestD[v] = d;
      tBestS[v] = s;
      heap.push(d, s, v);
      return;
    }
    if (settledCount[v] === 2) return;
    const sd = tSecondD[v] ?? Infinity;
    const ss = tSecondS[v] ?? MAX_SOURCE;
    if (s === bs) {
      if (!(d < bd)) return;
      tBestD[v] = d;
    } else if (s === ss) {
      if (!(d < sd)) return;
      if (less(d, s, bd, bs)) {
        tSecondD[v] = bd;
        tSecondS[v] = bs;
        tBestD[v] = d;
        tBestS[v] = s;
      } else {
        tSecondD[v] = d;
      }
    } else if (less(d, s, bd, bs)) {
      tSecondD[v] = bd;
      tSecondS[v] = bs;
      tBestD[v] = d;
      tBestS[v] = s;
    } else if (less(d, s, sd, ss)) {
      tSecondD[v] = d;
      tSecondS[v] = s;
    } else {
      return;
    }
    heap.push(d, s, v);
  };

  for (const seed of seeds) offer(seed.node, seed.seconds, seed.source);

  let settled = 0;
  let cancelled = shouldCancel?.() === true;
  const totalLabels = n * (k2 ? 2 : 1);
  while (!cancelled && heap.size > 0) {
    heap.pop();
    const d = heap.topSeconds;
    const s = heap.topSource;
    const u = heap.topNode;
    const count = settledCount[u] ?? 0;
    if (count === 0) {
      // Stale entries (a better label of the same node was pushed later) are skipped in k = 1 mode.
      if (!k2 && (d !== tBestD[u] || s !== tBestS[u])) continue;
      bestSeconds[u] = d;
      bestSource[u] = s;
    } else if (k2 && count === 1 && s !== bestSource[u]) {
      secondSeconds[u] = d;
      secondSource[u] = s;
    } else {
      continue;
    }
    settledCount[u] = count + 1;
    settled++;
    const end = offsets[u + 1] ?? 0;
    for (let j = offsets[u] ?? 0; j < end; j++) {
      const v = targets[j] ?? 0;
      if (!k2 && settledCount[v] !== 0) continue;
      offer(v, d + (seconds[j] ?? Infinity), s);
    }
    if (settled % every === 0) {
      if (onProgress) {
        const fraction = maxSeconds < Infinity ? (maxSeconds > 0 ? d / maxSeconds : 1) : settled / totalLabels;
        onProgress(Math.min(1, Math.max(0, fraction)));
      }
      if (shouldCancel?.() === true) cancelled = true;
    }
  }
  if (!cancelled) onProgress?.(1);
  return { bestSeconds, bestSource, secondSeconds, secondSource, settled, cancelled };
}
