import type { CoverageRequest } from '../../shared/coverage';
import type { Facility, FacilityCapacity } from '../../shared/facilities';
import type { TwoStepSupply } from './two-step';

const FIELDS: (keyof FacilityCapacity)[] = ['beds', 'places', 'seats', 'areaM2'];

/**
 * The capacity 2SFCA can use for a run: the field most of the run's facilities carry, when at
 * least half of them do (otherwise the ratio would mostly measure missing data). Facilities
 * without it supply 0.
 */
export function supplyFor(request: CoverageRequest, facilities: readonly Facility[]): TwoStepSupply | null {
  const byId = new Map(facilities.map((f) => [f.id, f]));
  const chosen = request.facilities.map((f) => byId.get(f.id)).filter((f): f is Facility => !!f);
  if (chosen.length === 0) return null;
  let best: keyof FacilityCapacity | null = null;
  let bestCount = 0;
  for (const field of FIELDS) {
    const count = chosen.filter((f) => typeof f.capacity[field] === 'number').length;
    if (count > bestCount) [best, bestCount] = [field, count];
  }
  if (!best || bestCount * 2 < chosen.length) return null;
  const field = best;
  return {
    field,
    per: field === 'areaM2' ? 1 : 1000,
    supply: request.facilities.map((f) => ({
      id: f.id,
      name: f.name,
      lon: f.lon,
      lat: f.lat,
      supply: byId.get(f.id)?.capacity[field] ?? 0,
    })),
  };
}
