import { describe, expect, it } from 'vitest';
import type { Facility, FacilitySet } from '../../../shared/facilities';
import { buildRequest, inputsFromPreset, leftOutByStatus, twoStepCatchment } from './coverage-inputs';
import { COVERAGE_PRESETS } from './presets';

const set = (id: string): FacilitySet => ({
  id,
  name: id,
  kind: id === 'county-centres' ? 'county-centres' : 'sample',
  isSample: id !== 'county-centres',
  sourceCrs: 'wgs84',
  createdAt: '',
  count: 0,
});
const facility = (id: string, setId: string, category: Facility['category']): Facility => ({
  id,
  setId,
  name: id,
  category,
  status: 'existing',
  lon: 120,
  lat: 28,
  countyAdcode: null,
  capacity: {},
  extra: {},
});

const sets = [set('county-centres'), set('sample-sports'), set('sample-health')];
const facilities = [
  facility('county-centres:1', 'county-centres', 'other'),
  facility('sample-sports:2', 'sample-sports', 'sports'),
  facility('sample-sports:1', 'sample-sports', 'sports'),
  facility('sample-health:1', 'sample-health', 'health'),
];
const preset = (id: string) => COVERAGE_PRESETS.find((p) => p.id === id)!;

describe('coverage inputs', () => {
  it('the rural preset uses only the county public service centres', () => {
    const request = buildRequest(inputsFromPreset(preset('rural-drive-90'), sets), facilities);
    expect(request?.facilities.map((f) => f.id)).toEqual(['county-centres:1']);
    expect(request).toMatchObject({ method: 'network', profile: 'drive', thresholdsMin: [30, 60, 90], radiiM: [] });
  });

  it('the fitness preset uses sports facilities from every other set, sorted by id', () => {
    const request = buildRequest(inputsFromPreset(preset('fitness-walk-10'), sets), facilities);
    expect(request?.facilities.map((f) => f.id)).toEqual(['sample-sports:1', 'sample-sports:2']);
  });

  it('radius runs carry metres, not minutes; bad thresholds give no request', () => {
    const inputs = inputsFromPreset(preset('radius-1km'), sets);
    expect(buildRequest(inputs, facilities)).toMatchObject({ thresholdsMin: [], radiiM: [500, 1000] });
    expect(buildRequest({ ...inputs, thresholdsText: 'abc' }, facilities)).toBeNull();
  });

  it('counts existing facilities only by default; under construction and planned ones on request', () => {
    const inputs = inputsFromPreset(preset('fitness-walk-10'), sets);
    const mixed = [
      ...facilities,
      { ...facility('sample-sports:3', 'sample-sports', 'sports'), status: 'under-construction' as const },
      { ...facility('sample-sports:4', 'sample-sports', 'sports'), status: 'planned' as const },
    ];
    expect(inputs.statuses).toEqual(['existing']);
    expect(buildRequest(inputs, mixed)?.facilities.map((f) => f.id)).toEqual(['sample-sports:1', 'sample-sports:2']);
    expect(leftOutByStatus(inputs, mixed)).toBe(2);
    const withPlanned = { ...inputs, statuses: ['existing' as const, 'planned' as const] };
    expect(buildRequest(withPlanned, mixed)?.facilities.map((f) => f.id)).toEqual([
      'sample-sports:1',
      'sample-sports:2',
      'sample-sports:4',
    ]);
    expect(leftOutByStatus(withPlanned, mixed)).toBe(1);
  });

  it('reads the 2SFCA catchment: empty is the circle, a positive number its own, anything else invalid', () => {
    const inputs = inputsFromPreset(preset('rural-drive-90'), sets);
    expect(inputs.twoStepCatchmentText).toBe('');
    expect(twoStepCatchment(inputs)).toBeNull();
    expect(twoStepCatchment({ ...inputs, twoStepCatchmentText: ' 30 ' })).toBe(30);
    expect(twoStepCatchment({ ...inputs, twoStepCatchmentText: '0' })).toBeUndefined();
    expect(twoStepCatchment({ ...inputs, twoStepCatchmentText: 'abc' })).toBeUndefined();
  });
});
