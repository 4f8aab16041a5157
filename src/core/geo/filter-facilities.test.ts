import { describe, expect, it } from 'vitest';
import type { Facility } from '../../shared/facilities';
import {
  EMPTY_FACILITY_FILTER,
  filterFacilities,
  isFacilityFilterActive,
  type FacilityFilter,
} from './filter-facilities';

function facility(id: string, patch: Partial<Facility>): Facility {
  return {
    id,
    setId: 's',
    name: id,
    category: 'health',
    status: 'existing',
    lon: 120.6,
    lat: 28,
    countyAdcode: 330302,
    capacity: {},
    extra: {},
    ...patch,
  };
}

const list: Facility[] = [
  facility('a', { name: '【示例】鹿城卫生院', capacity: { beds: 50 } }),
  facility('b', { name: 'Wencheng Clinic', countyAdcode: 330328, capacity: { beds: 10 } }),
  facility('c', { name: '【示例】泰顺体育场', category: 'sports', countyAdcode: 330329, capacity: { areaM2: 900 } }),
  facility('d', { name: '【示例】海上', countyAdcode: null, status: 'planned' }),
  facility('e', {
    name: '【示例】文成托育',
    category: 'childcare',
    countyAdcode: 330328,
    status: 'under-construction',
  }),
];
const ids = (filter: Partial<FacilityFilter>): string[] =>
  filterFacilities(list, { ...EMPTY_FACILITY_FILTER, ...filter }).map((f) => f.id);

describe('filterFacilities', () => {
  it('keeps everything with an empty filter', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(isFacilityFilterActive(EMPTY_FACILITY_FILTER)).toBe(false);
  });

  it('filters by category, status and county sets; no-county facilities drop out of county filters', () => {
    expect(ids({ categories: ['sports', 'childcare'] })).toEqual(['c', 'e']);
    expect(ids({ statuses: ['planned', 'under-construction'] })).toEqual(['d', 'e']);
    expect(ids({ counties: [330328, 330302] })).toEqual(['a', 'b', 'e']);
  });

  it('intersects mountain-only with a county choice', () => {
    expect(ids({ mountainOnly: true })).toEqual(['b', 'c', 'e']);
    expect(ids({ mountainOnly: true, counties: [330302, 330329] })).toEqual(['c']);
  });

  it('filters by a capacity range; facilities without the figure drop out', () => {
    expect(ids({ capacity: { field: 'beds', min: 20, max: null } })).toEqual(['a']);
    expect(ids({ capacity: { field: 'beds', min: null, max: 50 } })).toEqual(['a', 'b']);
    expect(ids({ capacity: { field: 'beds', min: null, max: null } })).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('matches a name substring case- and width-insensitively', () => {
    expect(ids({ text: '卫生' })).toEqual(['a']);
    expect(ids({ text: ' clinic ' })).toEqual(['b']);
    expect(ids({ text: 'ＣＬＩＮＩＣ' })).toEqual(['b']);
    expect(ids({ text: '【示例】' })).toEqual(['a', 'c', 'd', 'e']);
  });

  it('combines all criteria', () => {
    const filter: FacilityFilter = {
      categories: ['health', 'childcare'],
      counties: [330328],
      statuses: ['existing', 'under-construction'],
      mountainOnly: true,
      capacity: { field: 'beds', min: 5, max: 20 },
      text: 'clinic',
    };
    expect(filterFacilities(list, filter).map((f) => f.id)).toEqual(['b']);
    expect(isFacilityFilterActive(filter)).toBe(true);
  });
});
