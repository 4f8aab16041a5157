import type { CoverageMethod, CoverageRequest, TravelProfile } from '../../../shared/coverage';
import { DEFAULT_RUN_STATUSES, facilitiesWithStatus } from '../../../core/facilities/by-status';
import type { Facility, FacilityCategory, FacilitySet, FacilityStatus } from '../../../shared/facilities';
import { COUNTY_CENTRES_SET_ID } from '../db/catalogue-store';
import { COVERAGE_PRESETS, parseThresholds, type CoveragePreset } from './presets';

/** What the coverage panel edits. */
export interface CoverageInputs {
  presetId: CoveragePreset['id'] | 'custom';
  method: CoverageMethod;
  profile: TravelProfile;
  thresholdsText: string;
  setIds: string[];
  categories: FacilityCategory[] | 'all';
  /** Facility statuses the run counts (default existing only: core/facilities/by-status.ts). */
  statuses: FacilityStatus[];
  /** 2SFCA catchment (minutes; metres for radius) when it should differ from the circle; '' = the circle. */
  twoStepCatchmentText: string;
}

export function inputsFromPreset(preset: CoveragePreset, sets: readonly FacilitySet[]): CoverageInputs {
  const setIds =
    preset.facilities.kind === 'county-centres'
      ? [COUNTY_CENTRES_SET_ID]
      : sets.filter((s) => s.id !== COUNTY_CENTRES_SET_ID).map((s) => s.id);
  return {
    presetId: preset.id,
    method: preset.method,
    profile: preset.profile,
    thresholdsText: preset.thresholds.join(', '),
    setIds,
    categories: preset.facilities.kind === 'categories' ? preset.facilities.categories : 'all',
    statuses: [...DEFAULT_RUN_STATUSES],
    twoStepCatchmentText: '',
  };
}

export const DEFAULT_PRESET = COVERAGE_PRESETS.find((p) => p.id === 'rural-drive-90') ?? COVERAGE_PRESETS[0]!;

/** The 2SFCA catchment typed: null for '' (use the circle), undefined when it is not a positive number. */
export function twoStepCatchment(inputs: CoverageInputs): number | null | undefined {
  const text = inputs.twoStepCatchmentText.trim();
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The facilities of the chosen sets and categories, before the status choice. */
function chosenBySetAndCategory(inputs: CoverageInputs, facilities: readonly Facility[]): Facility[] {
  const sets = new Set(inputs.setIds);
  const categories = inputs.categories === 'all' ? null : new Set(inputs.categories);
  return facilities.filter((f) => sets.has(f.setId) && (!categories || categories.has(f.category)));
}

export function selectedFacilities(inputs: CoverageInputs, facilities: readonly Facility[]): Facility[] {
  return facilitiesWithStatus(chosenBySetAndCategory(inputs, facilities), inputs.statuses).kept;
}

/** Facilities of the chosen sets and categories that the status choice leaves out (shown, so nobody wonders). */
export function leftOutByStatus(inputs: CoverageInputs, facilities: readonly Facility[]): number {
  return facilitiesWithStatus(chosenBySetAndCategory(inputs, facilities), inputs.statuses).leftOut;
}

/** The request sent to the engine; facilities sorted by id so equal selections hash equally. */
export function buildRequest(inputs: CoverageInputs, facilities: readonly Facility[]): CoverageRequest | null {
  const thresholds = parseThresholds(inputs.thresholdsText);
  if (!thresholds) return null;
  const chosen = selectedFacilities(inputs, facilities)
    .map((f) => ({ id: f.id, name: f.name, lon: f.lon, lat: f.lat }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    method: inputs.method,
    profile: inputs.profile,
    thresholdsMin: inputs.method === 'network' ? thresholds : [],
    radiiM: inputs.method === 'radius' ? thresholds : [],
    facilities: chosen,
  };
}
