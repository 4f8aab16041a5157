/**
 * The facility filter (src/core/geo/filter-facilities) on 50,000 facilities with every criterion
 * active, against the same predicates written inline in one naive Array.filter.
 */
import { filterFacilities, type FacilityFilter } from '../../src/core/geo/filter-facilities';
import { COUNTIES, MOUNTAIN_ADCODES } from '../../src/shared/counties';
import { FACILITY_CATEGORIES, FACILITY_STATUSES, type Facility } from '../../src/shared/facilities';
import { seededRandom } from '../../src/core/util/seeded-random';
import { defineBench } from './bench-types';

export interface FilterContext {
  facilities: Facility[];
  filter: FacilityFilter;
}

export function generateFacilities(count: number): Facility[] {
  const random = seededRandom(12);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, (_, i) => ({
    id: `bench:${i}`,
    setId: 'bench',
    name: `【示例】${pick(['卫生院', '幼儿园', 'Clinic', '健身房', '文化礼堂'])} ${i}`,
    category: pick(FACILITY_CATEGORIES),
    status: pick(FACILITY_STATUSES),
    lon: 120 + random(),
    lat: 27.5 + random(),
    countyAdcode: random() < 0.02 ? null : pick(COUNTIES).adcode,
    capacity: random() < 0.7 ? { beds: Math.floor(random() * 400) } : {},
    extra: {},
  }));
}

export const BENCH_FILTER: FacilityFilter = {
  categories: ['health', 'elderly', 'education', 'sports'],
  counties: [330324, 330326, 330327, 330328, 330329, 330381, 330302],
  statuses: ['existing', 'under-construction'],
  mountainOnly: true,
  capacity: { field: 'beds', min: 20, max: 300 },
  text: 'clinic',
};

/** The obvious one-liner a component might write: array scans and lower-casing per facility. */
export function naiveFilter(facilities: readonly Facility[], f: FacilityFilter): Facility[] {
  const needle = (f.text ?? '').trim().toLowerCase();
  return facilities.filter(
    (x) =>
      (f.categories.length === 0 || f.categories.includes(x.category)) &&
      (f.statuses.length === 0 || f.statuses.includes(x.status)) &&
      (f.counties.length === 0 || (x.countyAdcode !== null && f.counties.includes(x.countyAdcode))) &&
      (!f.mountainOnly || (x.countyAdcode !== null && MOUNTAIN_ADCODES.includes(x.countyAdcode))) &&
      (!f.capacity ||
        (x.capacity[f.capacity.field] !== undefined &&
          (x.capacity[f.capacity.field] ?? 0) >= (f.capacity.min ?? -Infinity) &&
          (x.capacity[f.capacity.field] ?? 0) <= (f.capacity.max ?? Infinity))) &&
      (needle === '' || x.name.toLowerCase().includes(needle)),
  );
}

export function filterBench(count = 50_000) {
  return defineBench<FilterContext>({
    id: 'filter',
    title: `Facility filter, ${count.toLocaleString('en')} facilities, all criteria active`,
    runs: 50,
    setup: () => ({ facilities: generateFacilities(count), filter: BENCH_FILTER }),
    cases: [
      { name: 'naive Array.filter', baseline: true, run: (c) => naiveFilter(c.facilities, c.filter) },
      { name: 'filterFacilities', run: (c) => filterFacilities(c.facilities, c.filter) },
    ],
  });
}
