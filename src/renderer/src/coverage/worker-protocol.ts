import type { FeatureCollection } from 'geojson';
import type { EquitySummary } from '../../../core/equity/equity-summary';
import type { SitingArea, SitingPoint, SitingResult } from '../../../core/equity/siting';
import type { SupplyFacility, TwoStepResult } from '../../../core/equity/two-step-fca';
import type { FacilityCapacity } from '../../../shared/facilities';
import type { CoverageRequest, CoverageResult, TravelProfile } from '../../../shared/coverage';
import type { TravelProfileSpec } from '../../../shared/travel-profiles';

/** Messages to the coverage worker. One run at a time; cancelling terminates the worker. */
export interface RunMessage {
  type: 'run';
  runId: string;
  dataBaseUrl: string;
  dataVersion: string;
  request: CoverageRequest;
  profiles: Record<TravelProfile, TravelProfileSpec>;
  /** Facility capacities: when present, 2SFCA accessibility is computed with the run. */
  twoStep?: { supply: SupplyFacility[]; field: keyof FacilityCapacity; per: number };
  /** Also suggest the best new sites on top of this run. */
  siting?: { area: SitingArea; n: number; candidates?: SitingPoint[] };
  /** A live what-if preview: numbers only, no polygons, never stored. */
  preview?: boolean;
  /** The user's own population grid (encoded), used instead of the modelled one. */
  population?: { key: string; bytes: Uint8Array };
}

export type CoveragePhase = 'loading' | 'snapping' | 'routing' | 'summarising' | 'drawing' | 'siting';

export type WorkerMessage =
  | { type: 'progress'; runId: string; phase: CoveragePhase; fraction: number }
  | { type: 'result'; runId: string; result: CoverageOutput }
  | { type: 'error'; runId: string; message: string };

/** What a finished run hands the UI and stores: numbers, per-cell arrays and map layers. */
export interface CoverageOutput {
  result: CoverageResult;
  bands: FeatureCollection;
  uncovered: FeatureCollection;
  /** Gini, Lorenz, Theil (mountain vs other) and the largest gaps, computed with the run. */
  equity?: EquitySummary;
  siting?: SitingResult;
  /** 2SFCA (Luo & Wang 2003) per county and as map points, when the facilities carry a capacity. */
  twoStep?: { result: Omit<TwoStepResult, 'accessibility'>; field: keyof FacilityCapacity; cells: FeatureCollection };
}
