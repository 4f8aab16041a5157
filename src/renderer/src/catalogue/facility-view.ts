import { EMPTY_FACILITY_FILTER, type FacilityFilter } from '../../../core/geo/filter-facilities';

/** What the facility tab shows: a filter plus the data sets switched off in the list. */
export interface FacilityView {
  filter: FacilityFilter;
  hiddenSets: string[];
}

export const EMPTY_FACILITY_VIEW: FacilityView = { filter: EMPTY_FACILITY_FILTER, hiddenSets: [] };
