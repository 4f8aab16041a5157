/**
 * 2SFCA accessibility for a coverage request (equity/two-step-fca.ts), with its catchment taken
 * from the run's circle unless set apart (TwoStepSupply.catchment) and the populated cells classed into quintiles of people for the map.
 * Shared by the app's worker and the CLI.
 */
import type { FeatureCollection } from 'geojson';
import type { CoverageRequest, PopulationGrid, TravelProfile } from '../../shared/coverage';
import type { FacilityCapacity } from '../../shared/facilities';
import type { TravelProfileSpec } from '../../shared/travel-profiles';
import type { CoverageData } from '../coverage/run-coverage';
import { twoStepFca, type SupplyFacility, type TwoStepHooks, type TwoStepResult } from '../equity/two-step-fca';

/** What the facilities of a run supply: one capacity field, reported per `per` people. */
export interface TwoStepSupply {
  supply: SupplyFacility[];
  field: keyof FacilityCapacity;
  per: number;
  /**
   * The catchment t0 (minutes; metres for a radius run) when it differs from the run's circle:
   * how far people go to use a facility need not be the planning standard's circle.
   * Absent: the run's largest threshold. Part of the cached run's key (the supply is hashed).
   */
  catchment?: number;
}

/** 2SFCA per county and group, and as classed map points (properties `a`: value, `q`: class 0–4). */
export interface TwoStepAnalysis {
  result: Omit<TwoStepResult, 'accessibility'>;
  field: keyof FacilityCapacity;
  cells: FeatureCollection;
}

/** Populated cells with their 2SFCA value, classed into quintiles of people for a readable map. */
export function accessibilityPoints(grid: PopulationGrid, accessibility: Float64Array): FeatureCollection {
  const cells: number[] = [];
  for (let i = 0; i < accessibility.length; i++) if (grid.population[i]! > 0) cells.push(i);
  const sorted = cells.map((i) => accessibility[i]!).sort((a, b) => a - b);
  const breaks = [0.2, 0.4, 0.6, 0.8].map((q) => sorted[Math.floor(q * (sorted.length - 1))] ?? 0);
  return {
    type: 'FeatureCollection',
    features: cells.map((i) => {
      const a = accessibility[i]!;
      return {
        type: 'Feature',
        properties: { a: Math.round(a * 1000) / 1000, q: breaks.filter((b) => a > b).length },
        geometry: { type: 'Point', coordinates: [grid.lon[i]!, grid.lat[i]!] },
      };
    }),
  };
}

/** 2SFCA with supply.catchment, or else the run's largest threshold, as the catchment; null when cancelled. */
export function analyseTwoStep(
  data: CoverageData,
  profiles: Record<TravelProfile, TravelProfileSpec>,
  request: CoverageRequest,
  supply: TwoStepSupply,
  hooks: TwoStepHooks = {},
): TwoStepAnalysis | null {
  const thresholds = request.method === 'network' ? request.thresholdsMin : request.radiiM;
  const circle = supply.catchment ?? thresholds[thresholds.length - 1]!;
  const found = twoStepFca(
    data,
    profiles,
    {
      method: request.method,
      ...(request.method === 'network'
        ? { profile: request.profile, catchmentMinutes: circle }
        : { catchmentM: circle }),
      facilities: supply.supply,
      per: supply.per,
    },
    hooks,
  );
  if (!found) return null;
  const { accessibility, ...result } = found;
  return { result, field: supply.field, cells: accessibilityPoints(data.grid, accessibility) };
}
