/**
 * Two-step floating catchment area (2SFCA; Luo & Wang 2003) on the population grid.
 *
 *   Step 1, per facility j: R_j = S_j / Σ_{k : t_kj ≤ t0} P_k   (supply per person in its catchment)
 *   Step 2, per cell i:     A_i = Σ_{j : t_ij ≤ t0} R_j         (supply per person reachable from i)
 *
 * Reported per `per` residents (default 1,000: e.g. beds per 1,000 people). Travel times are the
 * coverage engine's (catchment.ts): our network search is multi-source (it keeps only the nearest
 * facility), so each facility gets its own bounded single-source search to t0; the roads are
 * undirected, so t_kj = t_jk and one search per facility serves both steps (its catchment cells are
 * kept between the steps). The radius variant uses the great-circle distance from the facility to
 * the cell centre (≤ d0) instead.
 *
 * Properties: Σ_i P_i A_i = per × Σ S_j over the facilities with anybody in their catchment (supply
 * is shared out, never created); a facility with nobody in reach gets R_j = 0 and its supply is
 * reported as `unusedSupply`. Cells with no people get A_i like any other cell but weigh nothing
 * in the means. Group means are population-weighted means of A_i (county, mountain / other, city;
 * cells whose county is not one of COUNTIES count in `total` only).
 */
import KDBush from 'kdbush';
import { COUNTIES } from '../../shared/counties';
import type { PopulationGrid, TravelProfile } from '../../shared/coverage';
import type { TravelProfileSpec } from '../../shared/travel-profiles';
import type { CoverageData } from '../coverage/run-coverage';
import { M_PER_DEG_LAT, M_PER_DEG_LON } from '../population/projection';
import { catchmentCells, catchmentSearch, snapSite } from './catchment';
import { greatCircleM } from './geo';

export interface SupplyFacility {
  id: string;
  name?: string;
  lon: number;
  lat: number;
  /** Capacity, e.g. beds or doctors (finite, ≥ 0). */
  supply: number;
}

export interface TwoStepRequest {
  method: 'network' | 'radius';
  /** Network: travel profile and catchment t0 in minutes. */
  profile?: TravelProfile;
  catchmentMinutes?: number;
  /** Radius: catchment d0 in metres. */
  catchmentM?: number;
  facilities: SupplyFacility[];
  /** Accessibility per this many people (default 1000). */
  per?: number;
}

export interface TwoStepHooks {
  onProgress?: (fraction: number) => void;
  shouldCancel?: () => boolean;
}

export interface TwoStepFacility {
  id: string;
  supply: number;
  /** People in the catchment (Σ P_k). */
  demand: number;
  /** R_j × per: supply per `per` people in the catchment (0 when demand is 0). */
  ratio: number;
  /** Populated cells in the catchment. */
  cellCount: number;
  /** Network: the facility's road node is off the main network (or it could not be snapped at all). */
  isolated: boolean;
  /** Network: metres to its road node (Infinity when it could not be snapped); radius: 0. */
  snapDistanceM: number;
}

export interface AccessGroup {
  population: number;
  /** Population-weighted mean of A_i (per `per` people); null when the group has nobody. */
  meanAccessibility: number | null;
  /** People in no facility's catchment (A_i = 0 because nothing is in reach). */
  noAccessPopulation: number;
  /**
   * noAccessPopulation / population (0 … 1; null when the group has nobody). A first-class figure:
   * the mean A_i averages the zeros of these people in, so a county can show a fair mean while
   * most of it reaches nothing.
   */
  noAccessShare: number | null;
}

export interface TwoStepResult {
  method: 'network' | 'radius';
  /** t0 (minutes) or d0 (metres). */
  catchment: number;
  per: number;
  /** Per grid cell: A_i × per. */
  accessibility: Float64Array;
  facilities: TwoStepFacility[];
  total: AccessGroup;
  mountain: AccessGroup;
  other: AccessGroup;
  counties: (AccessGroup & { adcode: number; name: string; mountain: boolean })[];
  /** Supply of facilities with nobody in their catchment. */
  unusedSupply: number;
  computeMs: number;
}

const cellTrees = new WeakMap<PopulationGrid, KDBush>();

function cellTree(grid: PopulationGrid): KDBush {
  let tree = cellTrees.get(grid);
  if (tree) return tree;
  const n = grid.lon.length;
  tree = new KDBush(Math.max(1, n));
  for (let i = 0; i < n; i++)
    tree.add((grid.lon[i] as number) * M_PER_DEG_LON, (grid.lat[i] as number) * M_PER_DEG_LAT);
  if (n === 0) tree.add(0, 0);
  tree.finish();
  cellTrees.set(grid, tree);
  return tree;
}

/** Cells whose centre is within d0 great-circle metres of (lon, lat), ascending. */
function radiusCatchment(grid: PopulationGrid, lon: number, lat: number, d0: number): Uint32Array {
  if (grid.lon.length === 0) return new Uint32Array(0);
  // The projection's east–west scale is within 0.8 % over Wenzhou: search 2 % wider, then test exactly.
  const found = cellTree(grid).within(lon * M_PER_DEG_LON, lat * M_PER_DEG_LAT, d0 * 1.02 + 1);
  const out = found.filter((i) => greatCircleM(lon, lat, grid.lon[i] as number, grid.lat[i] as number) <= d0);
  return Uint32Array.from(out).sort();
}

function checkRequest(request: TwoStepRequest): number {
  const per = request.per ?? 1000;
  if (!(per > 0) || !Number.isFinite(per)) throw new Error(`2SFCA: per must be positive, got ${per}`);
  request.facilities.forEach((f, j) => {
    if (!(f.supply >= 0) || !Number.isFinite(f.supply))
      throw new Error(`2SFCA: facility ${f.id} has supply ${f.supply}`);
    if (!Number.isFinite(f.lon) || !Number.isFinite(f.lat)) throw new Error(`2SFCA: facility ${j} has bad coordinates`);
  });
  if (request.method === 'network') {
    if (!request.profile) throw new Error('2SFCA: the network method needs a profile');
    const t0 = request.catchmentMinutes ?? NaN;
    if (!(t0 > 0) || !Number.isFinite(t0)) throw new Error(`2SFCA: bad catchment ${t0} min`);
  } else if (request.method === 'radius') {
    const d0 = request.catchmentM ?? NaN;
    if (!(d0 > 0) || !Number.isFinite(d0)) throw new Error(`2SFCA: bad catchment ${d0} m`);
  } else {
    throw new Error(`2SFCA: unknown method ${String(request.method)}`);
  }
  return per;
}

/** Returns null when cancelled. */
export function twoStepFca(
  data: CoverageData,
  profiles: Record<TravelProfile, TravelProfileSpec>,
  request: TwoStepRequest,
  hooks: TwoStepHooks = {},
): TwoStepResult | null {
  const started = performance.now();
  const per = checkRequest(request);
  const { grid } = data;
  const n = grid.population.length;
  const nf = request.facilities.length;
  const search =
    request.method === 'network' ? catchmentSearch(data, request.profile!, profiles[request.profile!]) : null;
  const catchment = request.method === 'network' ? request.catchmentMinutes! : request.catchmentM!;

  // Step 1: catchments, demand and ratios.
  const catchments: Uint32Array[] = [];
  const facilities: TwoStepFacility[] = [];
  for (let j = 0; j < nf; j++) {
    if (hooks.shouldCancel?.()) return null;
    const f = request.facilities[j]!;
    let cells: Uint32Array = new Uint32Array(0);
    let isolated = false;
    let snapDistanceM = 0;
    if (search) {
      const site = snapSite(search, f.lon, f.lat);
      isolated = !site || site.isolated;
      snapDistanceM = site ? site.distanceM : Infinity;
      if (site) cells = catchmentCells(data, search, site, catchment).cells;
    } else {
      cells = radiusCatchment(grid, f.lon, f.lat, catchment);
    }
    let demand = 0;
    let cellCount = 0;
    for (const i of cells) {
      const p = grid.population[i] as number;
      if (p > 0) {
        demand += p;
        cellCount++;
      }
    }
    catchments.push(cells);
    facilities.push({
      id: f.id,
      supply: f.supply,
      demand,
      ratio: demand > 0 ? (f.supply / demand) * per : 0,
      cellCount,
      isolated,
      snapDistanceM,
    });
    hooks.onProgress?.((j + 1) / Math.max(1, nf));
  }

  // Step 2: every cell sums the ratios of the facilities whose catchment it is in.
  const accessibility = new Float64Array(n);
  const reached = new Uint8Array(n);
  let unusedSupply = 0;
  for (let j = 0; j < nf; j++) {
    const r = facilities[j]!.ratio;
    if (facilities[j]!.demand <= 0) unusedSupply += facilities[j]!.supply;
    for (const i of catchments[j]!) {
      accessibility[i] = (accessibility[i] as number) + r;
      reached[i] = 1;
    }
  }

  // Population-weighted means per county, mountain / other and the city.
  const nc = COUNTIES.length;
  const byAdcode = new Map(COUNTIES.map((c, k) => [c.adcode, k]));
  const G_MOUNTAIN = nc;
  const G_OTHER = nc + 1;
  const G_TOTAL = nc + 2;
  const popSum = new Float64Array(nc + 3);
  const accSum = new Float64Array(nc + 3);
  const noneSum = new Float64Array(nc + 3);
  for (let i = 0; i < n; i++) {
    const p = grid.population[i] as number;
    if (!(p > 0)) continue;
    const k = byAdcode.get(grid.county[i] as number);
    const groups = k === undefined ? [G_TOTAL] : [G_TOTAL, k, COUNTIES[k]!.mountain ? G_MOUNTAIN : G_OTHER];
    for (const g of groups) {
      popSum[g] = (popSum[g] as number) + p;
      accSum[g] = (accSum[g] as number) + p * (accessibility[i] as number);
      if (!reached[i]) noneSum[g] = (noneSum[g] as number) + p;
    }
  }
  const group = (g: number): AccessGroup => ({
    population: popSum[g] as number,
    meanAccessibility: (popSum[g] as number) > 0 ? (accSum[g] as number) / (popSum[g] as number) : null,
    noAccessPopulation: noneSum[g] as number,
    noAccessShare: (popSum[g] as number) > 0 ? (noneSum[g] as number) / (popSum[g] as number) : null,
  });
  return {
    method: request.method,
    catchment,
    per,
    accessibility,
    facilities,
    total: group(G_TOTAL),
    mountain: group(G_MOUNTAIN),
    other: group(G_OTHER),
    counties: COUNTIES.map((c, k) => ({ ...group(k), adcode: c.adcode, name: c.name, mountain: c.mountain })),
    unusedSupply,
    computeMs: performance.now() - started,
  };
}
