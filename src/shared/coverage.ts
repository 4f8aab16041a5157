/**
 * Contract of the coverage engine (src/core/coverage, src/core/routing, src/core/population).
 * Everything here is plain data so it crosses a Web Worker boundary and is stored in IndexedDB.
 */

export const TRAVEL_PROFILES = ['walk', 'bike', 'drive'] as const;
export type TravelProfile = (typeof TRAVEL_PROFILES)[number];

export type CoverageMethod = 'radius' | 'network';

/** The modelled population grid (data/geo/population/): see data/geo/population/README.md. */
export interface PopulationGrid {
  /** Cell edge in metres (a square grid in a local equal-area projection). */
  cellSizeM: number;
  /** Cell centres, WGS-84. */
  lon: Float64Array;
  lat: Float64Array;
  /** Residents in the cell (modelled unless `source` says otherwise); sums per county exactly to the official figure. */
  population: Float64Array;
  /** County adcode of each cell. */
  county: Uint32Array;
  /** Grid column/row of each cell, for adjacency (gap finding, polygons). */
  col: Uint32Array;
  row: Uint32Array;
  /** Grid origin: WGS-84 of the south-west corner of cell (0,0), and the projection used. */
  origin: { lon: number; lat: number };
  source: 'modelled' | 'imported';
}

export interface CoverageFacility {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

export interface CoverageRequest {
  method: CoverageMethod;
  profile: TravelProfile;
  /** Break values in minutes for `network` (e.g. [5, 10, 15]); the last one is "the" circle. */
  thresholdsMin: number[];
  /** Break values in metres for `radius` (e.g. [500, 1000, 3000]). */
  radiiM: number[];
  facilities: CoverageFacility[];
}

export interface GroupStats {
  population: number;
  covered: number;
  coveredPct: number;
  /**
   * Population-weighted travel time (network: minutes; radius: metres), definitions in
   * core/coverage/stats.ts. Median and 90th percentile over EVERYONE of the group: null when it
   * falls beyond the circle (then the matching `…Beyond` flag is true: "> T") or the group is empty.
   */
  p50Minutes: number | null;
  p50Beyond: boolean;
  p90Minutes: number | null;
  p90Beyond: boolean;
  /** Over the covered people only (null when nobody is covered); labelled so wherever shown. */
  meanMinutesAmongCovered: number | null;
  p50MinutesAmongCovered: number | null;
  p90MinutesAmongCovered: number | null;
  /** Population in each band: [0, t1), [t1, t2) … and beyond the last (uncovered). */
  bands: number[];
}

export interface CountyStats extends GroupStats {
  adcode: number;
  name: string;
  mountain: boolean;
}

export interface FacilityStats {
  id: string;
  /** People whose nearest (fastest) facility this is, within the circle. */
  served: number;
  /** People covered by this facility and no other: lost if it closes. */
  uniquelyCovered: number;
  /** The facility's access node is on a fragment not connected to the main network (reported, not dropped). */
  isolated: boolean;
  /** Straight-line metres from the facility to the road node it was snapped to. */
  snapDistanceM: number;
}

export interface CoverageSummary {
  total: GroupStats;
  mountain: GroupStats;
  other: GroupStats;
  counties: CountyStats[];
  facilities: FacilityStats[];
}

export interface CoverageResult extends CoverageSummary {
  request: CoverageRequest;
  /** Per grid cell: minutes to the nearest facility (Infinity when unreachable). */
  cellMinutes: Float32Array;
  /** Per grid cell: index into request.facilities of the nearest facility, -1 when none. */
  cellFacility: Int32Array;
  /** Population on cells whose road access lies on an isolated fragment. */
  isolatedPopulation: number;
  dataVersion: string;
  computeMs: number;
}
