import { describe, expect, it } from 'vitest';
import type { CoverageRequest } from '../../shared/coverage';
import type { Facility } from '../../shared/facilities';
import { supplyFor } from './supply';

const facility = (id: string, capacity: Facility['capacity']): Facility => ({
  id,
  setId: 's',
  name: id,
  category: 'health',
  status: 'existing',
  lon: 120,
  lat: 28,
  countyAdcode: 330302,
  capacity,
  extra: {},
});
const request = (ids: string[]): CoverageRequest => ({
  method: 'network',
  profile: 'walk',
  thresholdsMin: [15],
  radiiM: [],
  facilities: ids.map((id) => ({ id, name: id, lon: 120, lat: 28 })),
});

describe('supplyFor', () => {
  it('uses the capacity most facilities carry, per 1,000 people, missing figures as 0', () => {
    const result = supplyFor(request(['a', 'b', 'c']), [
      facility('a', { beds: 10 }),
      facility('b', { beds: 20, seats: 5 }),
      facility('c', {}),
    ]);
    expect(result?.field).toBe('beds');
    expect(result?.per).toBe(1000);
    expect(result?.supply.map((s) => s.supply)).toEqual([10, 20, 0]);
  });

  it('declines when fewer than half the facilities have any capacity', () => {
    expect(
      supplyFor(request(['a', 'b', 'c']), [facility('a', { beds: 1 }), facility('b', {}), facility('c', {})]),
    ).toBeNull();
  });
});
