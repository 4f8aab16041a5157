/**
 * The facility list filter shared by map, table and statistics. Compiled once per filter (sets
 * instead of array scans, the name needle normalised once, inactive criteria skipped) because it
 * reruns over tens of thousands of facilities on every click.
 */
import { MOUNTAIN_ADCODES } from '../../shared/counties';
import type { Facility, FacilityCapacity, FacilityCategory, FacilityStatus } from '../../shared/facilities';

export interface CapacityRange {
  field: keyof FacilityCapacity;
  /** Inclusive bounds; null = open. A facility without this figure drops out once a bound is set. */
  min: number | null;
  max: number | null;
}

export interface FacilityFilter {
  /** Empty = all. */
  categories: readonly FacilityCategory[];
  /** Empty = all. Facilities outside every county drop out once this is set. */
  counties: readonly number[];
  /** Empty = all. */
  statuses: readonly FacilityStatus[];
  /** Only the plan's 山区五县. */
  mountainOnly: boolean;
  capacity?: CapacityRange | null;
  /** Case-insensitive substring of the name. */
  text?: string;
}

export const EMPTY_FACILITY_FILTER: FacilityFilter = {
  categories: [],
  counties: [],
  statuses: [],
  mountainOnly: false,
};

const MOUNTAIN = new Set(MOUNTAIN_ADCODES);

/** Full-width ASCII (Ｃｌｉｎｉｃ, １２) as typed with a Chinese IME; NFKC maps it to ASCII. */
const FULL_WIDTH = /[\uff01-\uff5e]/;

/** Case- and width-insensitive form; NFKC only when needed, as it costs far more than the test. */
function foldText(text: string): string {
  return (FULL_WIDTH.test(text) ? text.normalize('NFKC') : text).toLowerCase();
}

/**
 * One predicate with every criterion inlined (inactive ones are a null check), cheapest and most
 * selective first: a single monomorphic function is what V8 optimises best.
 */
export function compileFacilityFilter(filter: FacilityFilter): (f: Facility) => boolean {
  const categories = filter.categories.length ? new Set<FacilityCategory>(filter.categories) : null;
  const statuses = filter.statuses.length ? new Set<FacilityStatus>(filter.statuses) : null;
  // Counties and mountain-only both restrict the county: one set, their intersection.
  let counties: ReadonlySet<number> | null = null;
  if (filter.counties.length)
    counties = new Set(filter.mountainOnly ? filter.counties.filter((c) => MOUNTAIN.has(c)) : filter.counties);
  else if (filter.mountainOnly) counties = MOUNTAIN;
  const range =
    filter.capacity && (filter.capacity.min !== null || filter.capacity.max !== null) ? filter.capacity : null;
  const field = range?.field ?? 'beds';
  const min = range?.min ?? -Infinity;
  const max = range?.max ?? Infinity;
  const needle = foldText(filter.text?.trim() ?? '');
  // A needle of Chinese characters only can be searched without folding each name.
  const foldNames = /[^\u3400-\u9fff]/.test(needle);

  return (f) => {
    if (categories !== null && !categories.has(f.category)) return false;
    if (statuses !== null && !statuses.has(f.status)) return false;
    if (counties !== null && (f.countyAdcode === null || !counties.has(f.countyAdcode))) return false;
    if (range !== null) {
      const value = f.capacity[field];
      if (value === undefined || value < min || value > max) return false;
    }
    if (needle !== '' && !(foldNames ? foldText(f.name) : f.name).includes(needle)) return false;
    return true;
  };
}

export function filterFacilities(facilities: readonly Facility[], filter: FacilityFilter): Facility[] {
  const match = compileFacilityFilter(filter);
  const out: Facility[] = [];
  for (const f of facilities) if (match(f)) out.push(f);
  return out;
}

export function isFacilityFilterActive(filter: FacilityFilter): boolean {
  const range = filter.capacity;
  return (
    filter.categories.length > 0 ||
    filter.counties.length > 0 ||
    filter.statuses.length > 0 ||
    filter.mountainOnly ||
    (!!range && (range.min !== null || range.max !== null)) ||
    (filter.text?.trim() ?? '') !== ''
  );
}
