/**
 * "Best N new sites": the maximal covering location problem (MCLP; Church & ReVelle 1974) solved
 * greedily, with the existing facilities kept.
 *
 * - Demand: the populated cells of the area (the five mountain counties, one county, or the whole
 *   city) that the base run leaves beyond its circle. Only they count: the objective is the number
 *   of people newly brought within the circle, in the area.
 * - Candidates: road nodes or user-given points. Road nodes are the usable nodes (those a facility
 *   standing on the node would snap to, i.e. exactly where a coverage run would put it) lying on a
 *   populated grid cell of the area (any usable node for 'all'), in node order, every `stride`-th
 *   one; the default stride is the smallest giving ≤ maxCandidates (1,000). User points are used
 *   wherever they are (not filtered by area) and snap to the road like any facility (points that
 *   cannot snap at all are skipped). Candidate quality vs stride on the mountain drive-90 case:
 *   stride 84 / 42 (default) / 21 gave 213,342 / 212,144 / 215,174 people for 3 sites (±1.5 %).
 * - Each candidate gets one bounded single-source search to the circle (catchment.ts: the same
 *   times and ≤ rule as a coverage run), and its coverage set — the demand cells it would bring
 *   within the circle — is cached as a list of cell indices. Greedy then never searches again.
 * - Greedy: repeatedly take the candidate adding the most uncovered people (ties: the lower
 *   candidate index), lazily (Minoux 1978): gains only shrink as cells get covered (coverage is
 *   submodular), so a stale gain is an upper bound and only the top of the queue is re-evaluated.
 *   The lazy and the plain greedy pick exactly the same sites (tested). It stops early when no
 *   candidate adds anybody. Greedy is within 1 − 1/e (≈ 63 %) of the optimum in the worst case;
 *   `exhaustiveMaxCover` gives the optimum for small instances. On 1,000 random small
 *   instances (4–14 candidates, n = 1–4; siting.test.ts) greedy was optimal in 890, and its worst
 *   was 0.800 of the optimum (mean 0.997).
 * - Added population is non-increasing from one site to the next (submodularity).
 */
import { COUNTIES, MOUNTAIN_ADCODES, countyByAdcode } from '../../shared/counties';
import type { TravelProfile } from '../../shared/coverage';
import type { TravelProfileSpec } from '../../shared/travel-profiles';
import type { CoverageData, CoverageRunOutput } from '../coverage/run-coverage';
import { gridLookup } from '../population/grid';
import { gridU, gridV } from '../population/projection';
import { catchmentCells, catchmentSearch, snapSite, type SnappedSite } from './catchment';

/** 'mountain' (the five mountain counties), a county adcode, or 'all'. */
export type SitingArea = 'mountain' | 'all' | number;

export interface SitingPoint {
  id?: string;
  name?: string;
  lon: number;
  lat: number;
}

export interface SitingOptions {
  area: SitingArea;
  /** Sites to choose (≥ 1). */
  n: number;
  /** User-given candidate points; default: road nodes in the area. */
  candidates?: SitingPoint[];
  /** Road-node candidates: every k-th (k ≥ 1). Default: the smallest k giving ≤ maxCandidates. */
  stride?: number;
  /** Default 1000. */
  maxCandidates?: number;
}

export interface SitingHooks {
  /** Fraction of the candidate searches done. */
  onProgress?: (fraction: number) => void;
  shouldCancel?: () => boolean;
}

export interface SitingCandidate {
  /** The user's id, or `node:<n>` for a road node. */
  id: string;
  name: string;
  lon: number;
  lat: number;
  /** Road node it joins the network at, the access walk, and whether that node is off the main network. */
  node: number;
  accessSeconds: number;
  isolated: boolean;
  /** County adcode of the populated grid cell the candidate lies on; null when on no cell. */
  county: number | null;
}

export interface SitingAreaInfo {
  kind: 'mountain' | 'county' | 'all';
  name: string;
  /** Counties of the area (every county for 'all'; cells of unknown counties count too then). */
  adcodes: number[];
}

export interface SitingInstance {
  /** The circle (minutes) of the base run. */
  circle: number;
  area: SitingAreaInfo;
  areaPopulation: number;
  /** People of the area within the circle in the base run. */
  coveredBefore: number;
  /** Populated area cells beyond the circle in the base run. */
  demandCells: Uint32Array;
  candidates: SitingCandidate[];
  /** Road-node candidates: the usable nodes in the area before subsampling, and the stride used; null for user points. */
  poolSize: number | null;
  stride: number | null;
  /** Per candidate: demand cells it brings within the circle (grid indices, ascending). */
  sets: Uint32Array[];
  /** People per grid cell (the grid's population). */
  weights: Float64Array;
  searchMs: number;
  /** Whole build: demand, candidate pool and searches. */
  buildMs: number;
}

export interface Site {
  rank: number;
  /** Index into instance.candidates. */
  candidate: number;
  id: string;
  name: string;
  lon: number;
  lat: number;
  node: number;
  /** County of the grid cell it lies on (null when on no populated cell). */
  county: number | null;
  /** People of the area newly within the circle thanks to this site (given the sites before it). */
  addedPopulation: number;
  /** People of the area within the circle with the existing facilities and sites 1 … rank. */
  cumulativeCovered: number;
  cumulativeCoveredPct: number;
  /** The newly covered cells (grid indices). */
  cells: Uint32Array;
}

export interface SitingResult {
  circle: number;
  area: SitingAreaInfo;
  areaPopulation: number;
  coveredBefore: number;
  coveredBeforePct: number;
  candidateCount: number;
  poolSize: number | null;
  stride: number | null;
  /** In the order chosen; fewer than n when no candidate adds anybody. */
  sites: Site[];
  coveredAfter: number;
  coveredAfterPct: number;
  searchMs: number;
  computeMs: number;
}

// ---------------------------------------------------------------------------------------------
// Maximum coverage on plain sets (also what the tests compare with the exhaustive optimum).

export interface CoverPick {
  /** Chosen set indices, in order. */
  picks: number[];
  /** Weight each pick added. */
  gains: number[];
}

function gainOf(set: ArrayLike<number>, weights: ArrayLike<number>, covered: Uint8Array): number {
  let g = 0;
  for (let k = 0; k < set.length; k++) {
    const e = set[k] as number;
    if (!covered[e]) g += weights[e] as number;
  }
  return g;
}

function cover(set: ArrayLike<number>, covered: Uint8Array): void {
  for (let k = 0; k < set.length; k++) covered[set[k] as number] = 1;
}

/** Max-heap of (key desc, index asc). */
class GainHeap {
  private readonly key: Float64Array;
  private readonly idx: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.key = new Float64Array(Math.max(1, capacity));
    this.idx = new Int32Array(Math.max(1, capacity));
  }
  private above(k1: number, i1: number, k2: number, i2: number): boolean {
    return k1 > k2 || (k1 === k2 && i1 < i2);
  }
  push(key: number, index: number): void {
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.above(key, index, this.key[p] as number, this.idx[p] as number)) break;
      this.key[i] = this.key[p] as number;
      this.idx[i] = this.idx[p] as number;
      i = p;
    }
    this.key[i] = key;
    this.idx[i] = index;
  }
  topIndex(): number {
    return this.idx[0] as number;
  }
  pop(): number {
    const top = this.idx[0] as number;
    const n = --this.size;
    const lk = this.key[n] as number;
    const li = this.idx[n] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (
        c + 1 < n &&
        this.above(this.key[c + 1] as number, this.idx[c + 1] as number, this.key[c] as number, this.idx[c] as number)
      )
        c++;
      if (!this.above(this.key[c] as number, this.idx[c] as number, lk, li)) break;
      this.key[i] = this.key[c] as number;
      this.idx[i] = this.idx[c] as number;
      i = c;
    }
    this.key[i] = lk;
    this.idx[i] = li;
    return top;
  }
}

/**
 * Lazy greedy maximum coverage: up to n sets (element indices into `weights`), elements already
 * `covered` (optional mask, updated in place) count nothing. Stops when nothing adds weight > 0.
 */
export function greedyMaxCover(
  sets: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  n: number,
  covered: Uint8Array = new Uint8Array(weights.length),
): CoverPick {
  const m = sets.length;
  const heap = new GainHeap(m);
  /** Round in which keys[c] was computed; keys[c] is exact while stamp[c] === round. */
  const stamp = new Int32Array(m);
  const keys = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    keys[c] = gainOf(sets[c]!, weights, covered);
    heap.push(keys[c] as number, c);
  }
  const picks: number[] = [];
  const gains: number[] = [];
  let round = 0;
  while (picks.length < n && heap.size > 0) {
    const c = heap.pop();
    if (stamp[c] === round) {
      // Its gain is current and no other bound beats it: the plain greedy's choice.
      const gain = keys[c] as number;
      if (!(gain > 0)) break;
      picks.push(c);
      gains.push(gain);
      cover(sets[c]!, covered);
      round++;
      continue;
    }
    const gain = gainOf(sets[c]!, weights, covered);
    stamp[c] = round;
    keys[c] = gain;
    heap.push(gain, c);
  }
  return { picks, gains };
}

/** The textbook greedy (every gain recomputed every round), for tests and small inputs. */
export function plainGreedyMaxCover(
  sets: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  n: number,
  covered: Uint8Array = new Uint8Array(weights.length),
): CoverPick {
  const picks: number[] = [];
  const gains: number[] = [];
  const taken = new Uint8Array(sets.length);
  while (picks.length < n) {
    let best = -1;
    let bestGain = 0;
    for (let c = 0; c < sets.length; c++) {
      if (taken[c]) continue;
      const g = gainOf(sets[c]!, weights, covered);
      if (g > bestGain) {
        bestGain = g;
        best = c;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    picks.push(best);
    gains.push(bestGain);
    cover(sets[best]!, covered);
  }
  return { picks, gains };
}

/** The optimum by enumeration of every combination of min(n, sets) sets; for small instances only. */
export function exhaustiveMaxCover(
  sets: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  n: number,
): { picks: number[]; value: number } {
  const m = sets.length;
  const k = Math.min(n, m);
  let combos = 1;
  for (let i = 0; i < k; i++) combos = (combos * (m - i)) / (i + 1);
  if (combos > 5e6) throw new Error(`exhaustiveMaxCover: ${combos} combinations is too many`);
  let best: number[] = [];
  let bestValue = -Infinity;
  const chosen: number[] = [];
  const recurse = (from: number): void => {
    if (chosen.length === k) {
      // First combination with the largest union weight (lexicographic order).
      const exact = new Uint8Array(weights.length);
      let v = 0;
      for (const c of chosen) {
        const s = sets[c]!;
        for (let t = 0; t < s.length; t++) {
          const e = s[t] as number;
          if (!exact[e]) {
            exact[e] = 1;
            v += weights[e] as number;
          }
        }
      }
      if (v > bestValue) {
        bestValue = v;
        best = [...chosen];
      }
      return;
    }
    for (let c = from; c <= m - (k - chosen.length); c++) {
      chosen.push(c);
      recurse(c + 1);
      chosen.pop();
    }
  };
  recurse(0);
  return { picks: best, value: Math.max(0, bestValue) };
}

// ---------------------------------------------------------------------------------------------
// The network instance.

export function sitingArea(area: SitingArea): SitingAreaInfo {
  if (area === 'mountain')
    return { kind: 'mountain', name: '山区五县 (mountain counties)', adcodes: [...MOUNTAIN_ADCODES] };
  if (area === 'all') return { kind: 'all', name: '温州市 (whole city)', adcodes: COUNTIES.map((c) => c.adcode) };
  const county = countyByAdcode(area);
  if (!county) throw new Error(`siting: ${area} is not the adcode of one of the 12 counties`);
  return { kind: 'county', name: county.name, adcodes: [county.adcode] };
}

export interface CandidateSet {
  candidates: SitingCandidate[];
  /** Road nodes: the usable nodes in the area before subsampling, and the stride used; null for user points. */
  poolSize: number | null;
  stride: number | null;
}

/**
 * The candidate sites (no searches): the user's points snapped to the road, or every k-th usable
 * road node on a populated cell of the area. Cheap enough to show on the map before siting.
 */
export function sitingCandidates(
  data: CoverageData,
  profiles: Record<TravelProfile, TravelProfileSpec>,
  profile: TravelProfile,
  options: Omit<SitingOptions, 'n'>,
): CandidateSet {
  const area = sitingArea(options.area);
  const inArea = (adcode: number) => area.kind === 'all' || area.adcodes.includes(adcode);
  const { grid, graph } = data;
  const search = catchmentSearch(data, profile, profiles[profile]);
  const lookup = gridLookup(grid);
  /** The populated cell a point lies on, −1 when none. */
  const cellAt = (lon: number, lat: number): number => {
    const cell = lookup.at(
      Math.floor(gridU(grid.origin, grid.cellSizeM, lon)),
      Math.floor(gridV(grid.origin, grid.cellSizeM, lat)),
    );
    return cell >= 0 && (grid.population[cell] as number) > 0 ? cell : -1;
  };
  const countyAt = (lon: number, lat: number): number | null => {
    const cell = cellAt(lon, lat);
    return cell < 0 ? null : (grid.county[cell] as number);
  };
  const candidates: SitingCandidate[] = [];
  if (options.candidates) {
    options.candidates.forEach((p, k) => {
      const site = snapSite(search, p.lon, p.lat);
      if (!site) return;
      const id = p.id ?? `candidate:${k + 1}`;
      const county = countyAt(p.lon, p.lat);
      candidates.push({ id, name: p.name ?? id, lon: p.lon, lat: p.lat, county, ...siteFields(site) });
    });
    return { candidates, poolSize: null, stride: null };
  }
  const pool: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    const lon = graph.lon[v] as number;
    const lat = graph.lat[v] as number;
    if (area.kind !== 'all') {
      const cell = cellAt(lon, lat);
      if (cell < 0 || !inArea(grid.county[cell] as number)) continue;
    }
    // Usable and the one a facility placed here snaps to (coincident duplicates: the lowest id).
    if (search.ctx.nodeIndex.nearest(lon, lat, 0)?.node === v) pool.push(v);
  }
  const max = options.maxCandidates ?? 1000;
  if (!(max >= 1)) throw new Error(`siting: maxCandidates must be ≥ 1, got ${max}`);
  const stride = options.stride ?? Math.max(1, Math.ceil(pool.length / max));
  if (!Number.isInteger(stride) || stride < 1) throw new Error(`siting: stride must be an integer ≥ 1, got ${stride}`);
  for (let k = 0; k < pool.length; k += stride) {
    const v = pool[k]!;
    const lon = graph.lon[v]!;
    const lat = graph.lat[v]!;
    candidates.push({
      id: `node:${v}`,
      name: `node ${v}`,
      lon,
      lat,
      county: countyAt(lon, lat),
      node: v,
      accessSeconds: 0,
      isolated: search.ctx.component[v] !== search.ctx.mainComponent,
    });
  }
  return { candidates, poolSize: pool.length, stride };
}

/** Builds demand, candidates and their coverage sets (the searches). Returns null when cancelled. */
export function buildSitingInstance(
  data: CoverageData,
  profiles: Record<TravelProfile, TravelProfileSpec>,
  base: CoverageRunOutput,
  options: Omit<SitingOptions, 'n'>,
  hooks: SitingHooks = {},
): SitingInstance | null {
  const buildStarted = performance.now();
  const { request } = base.result;
  if (request.method !== 'network') throw new Error('siting needs a network coverage run');
  const circle = request.thresholdsMin[request.thresholdsMin.length - 1]!;
  const area = sitingArea(options.area);
  const inArea = (adcode: number) => area.kind === 'all' || area.adcodes.includes(adcode);
  const { grid } = data;
  const n = grid.population.length;
  const cellMinutes = base.result.cellMinutes;
  if (cellMinutes.length !== n) throw new Error('siting: the base run is for another grid');

  let areaPopulation = 0;
  let coveredBefore = 0;
  const demand: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = grid.population[i] as number;
    if (!(p > 0) || !inArea(grid.county[i] as number)) continue;
    areaPopulation += p;
    if ((cellMinutes[i] as number) <= circle) coveredBefore += p;
    else demand.push(i);
  }
  const demandCells = Uint32Array.from(demand);
  const search = catchmentSearch(data, request.profile, profiles[request.profile]);
  const { candidates, poolSize, stride } = sitingCandidates(data, profiles, request.profile, options);

  const started = performance.now();
  const sets: Uint32Array[] = [];
  const seen = new Map<string, Uint32Array>();
  for (let c = 0; c < candidates.length; c++) {
    if (hooks.shouldCancel?.()) return null;
    const cand = candidates[c]!;
    const key = `${cand.node}:${cand.accessSeconds}`;
    let set = seen.get(key);
    if (!set) {
      set =
        demandCells.length === 0
          ? new Uint32Array(0)
          : catchmentCells(
              data,
              search,
              { node: cand.node, accessSeconds: cand.accessSeconds, distanceM: 0, isolated: cand.isolated },
              circle,
              demandCells,
            ).cells;
      seen.set(key, set);
    }
    sets.push(set);
    hooks.onProgress?.((c + 1) / candidates.length);
  }
  return {
    circle,
    area,
    areaPopulation,
    coveredBefore,
    demandCells,
    candidates,
    poolSize,
    stride,
    sets,
    weights: grid.population,
    searchMs: performance.now() - started,
    buildMs: performance.now() - buildStarted,
  };
}

function siteFields(site: SnappedSite): Pick<SitingCandidate, 'node' | 'accessSeconds' | 'isolated'> {
  return { node: site.node, accessSeconds: site.accessSeconds, isolated: site.isolated };
}

/** Greedy sites on a built instance (cheap: no searches). */
export function solveSiting(instance: SitingInstance, n: number): SitingResult {
  if (!Number.isInteger(n) || n < 1) throw new Error(`siting: n must be an integer ≥ 1, got ${n}`);
  const started = performance.now();
  const { picks, gains } = greedyMaxCover(instance.sets, instance.weights, n);
  const pct = (v: number) => (instance.areaPopulation > 0 ? (100 * v) / instance.areaPopulation : 0);
  const covered = new Uint8Array(instance.weights.length);
  let cumulative = instance.coveredBefore;
  const sites = picks.map((c, k): Site => {
    const cand = instance.candidates[c]!;
    const fresh = Array.from(instance.sets[c]!).filter((i) => !covered[i]);
    for (const i of fresh) covered[i] = 1;
    cumulative += gains[k]!;
    return {
      rank: k + 1,
      candidate: c,
      id: cand.id,
      name: cand.name,
      lon: cand.lon,
      lat: cand.lat,
      node: cand.node,
      county: cand.county,
      addedPopulation: gains[k]!,
      cumulativeCovered: cumulative,
      cumulativeCoveredPct: pct(cumulative),
      cells: Uint32Array.from(fresh),
    };
  });
  return {
    circle: instance.circle,
    area: instance.area,
    areaPopulation: instance.areaPopulation,
    coveredBefore: instance.coveredBefore,
    coveredBeforePct: pct(instance.coveredBefore),
    candidateCount: instance.candidates.length,
    poolSize: instance.poolSize,
    stride: instance.stride,
    sites,
    coveredAfter: cumulative,
    coveredAfterPct: pct(cumulative),
    searchMs: instance.searchMs,
    computeMs: instance.buildMs + performance.now() - started,
  };
}

/** Build and solve in one call. Returns null when cancelled. */
export function siteFacilities(
  data: CoverageData,
  profiles: Record<TravelProfile, TravelProfileSpec>,
  base: CoverageRunOutput,
  options: SitingOptions,
  hooks: SitingHooks = {},
): SitingResult | null {
  if (!Number.isInteger(options.n) || options.n < 1)
    throw new Error(`siting: n must be an integer ≥ 1, got ${options.n}`);
  const instance = buildSitingInstance(data, profiles, base, options, hooks);
  return instance && solveSiting(instance, options.n);
}
