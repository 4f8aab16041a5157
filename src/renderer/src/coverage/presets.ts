import type { CoverageMethod, TravelProfile } from '../../../shared/coverage';
import type { FacilityCategory } from '../../../shared/facilities';
import type { MessageKey } from '../i18n/translate';

export interface CoveragePreset {
  id: 'fitness-walk-10' | 'fitness-walk-15' | 'community-15' | 'rural-drive-90' | 'radius-1km';
  label: MessageKey;
  method: CoverageMethod;
  profile: TravelProfile;
  /** Minutes (network) or metres (radius); the last value is the circle itself. */
  thresholds: number[];
  /** Which facilities: the county public service centres, or every set restricted to categories. */
  facilities: { kind: 'county-centres' } | { kind: 'categories'; categories: FacilityCategory[] | 'all' };
}

/** The plan's own circles (sections 三 and 九) plus a plain service radius. */
export const COVERAGE_PRESETS: readonly CoveragePreset[] = [
  {
    id: 'fitness-walk-10',
    label: 'preset.fitness-walk-10',
    method: 'network',
    profile: 'walk',
    thresholds: [5, 10],
    facilities: { kind: 'categories', categories: ['sports'] },
  },
  {
    id: 'fitness-walk-15',
    label: 'preset.fitness-walk-15',
    method: 'network',
    profile: 'walk',
    thresholds: [5, 10, 15],
    facilities: { kind: 'categories', categories: ['sports'] },
  },
  {
    id: 'community-15',
    label: 'preset.community-15',
    method: 'network',
    profile: 'walk',
    thresholds: [5, 10, 15],
    facilities: { kind: 'categories', categories: 'all' },
  },
  {
    id: 'rural-drive-90',
    label: 'preset.rural-drive-90',
    method: 'network',
    profile: 'drive',
    thresholds: [30, 60, 90],
    facilities: { kind: 'county-centres' },
  },
  {
    id: 'radius-1km',
    label: 'preset.radius-1km',
    method: 'radius',
    profile: 'walk',
    thresholds: [500, 1000],
    facilities: { kind: 'categories', categories: 'all' },
  },
];

/** "5, 10，15" → [5, 10, 15]: ascending, positive, de-duplicated; null if any part is not a number. */
export function parseThresholds(text: string): number[] | null {
  const parts = text
    .split(/[,，、\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const values = parts.map(Number);
  if (values.some((v) => !Number.isFinite(v) || v <= 0)) return null;
  return [...new Set(values)].sort((a, b) => a - b);
}
