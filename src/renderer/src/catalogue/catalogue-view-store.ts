import { createStore, type StoreApi } from 'zustand/vanilla';
import { filterFacilities } from '../../../core/geo/filter-facilities';
import { EMPTY_PROJECT_FILTER, filterProjects, type ProjectFilter } from '../../../core/projects/filter-projects';
import type { Facility, FacilitySet } from '../../../shared/facilities';
import type { CatalogueRef } from '../map/catalogue-map';
import type { CatalogueProject, CatalogueState } from './catalogue-store';
import type { DetailItem } from './detail-panel';
import { EMPTY_FACILITY_VIEW, type FacilityView } from './facility-view';

export interface CatalogueViewState {
  projectFilter: ProjectFilter;
  facilityView: FacilityView;
  selection: CatalogueRef | null;
  /** Projects passing the filter: what the map, the table and the exports show. */
  shownProjects: CatalogueProject[];
  /** Facilities of the visible sets passing the filter. */
  shownFacilities: Facility[];
  /** The selected project or facility, for the detail panel; null when none (or it is gone). */
  detail: DetailItem | null;
  /** Where the selection ring goes; null when nothing is selected or the project has no point. */
  selectedPoint: [number, number] | null;
  setProjectFilter: (filter: ProjectFilter) => void;
  setFacilityView: (view: FacilityView) => void;
  setSelection: (selection: CatalogueRef | null) => void;
  /** A project's or facility's name, for tooltips and the pick list. */
  nameOf: (ref: CatalogueRef) => string;
}

type Inputs = Pick<CatalogueViewState, 'projectFilter' | 'facilityView' | 'selection'>;

/** Recomputes only when an argument changed (by identity), as useMemo did: unchanged lists keep their identity. */
function memoLast<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args) => {
    if (last && args.every((arg, i) => arg === last!.args[i])) return last.result;
    last = { args, result: compute(...args) };
    return last.result;
  };
}

function shownFacilitiesOf(facilities: Facility[], view: FacilityView): Facility[] {
  const hidden = new Set(view.hiddenSets);
  const visible = hidden.size ? facilities.filter((f) => !hidden.has(f.setId)) : facilities;
  return filterFacilities(visible, view.filter);
}

function detailOf(
  selection: CatalogueRef | null,
  projects: CatalogueProject[],
  facilities: Facility[],
  facilitySets: FacilitySet[],
): DetailItem | null {
  if (!selection) return null;
  if (selection.kind === 'project') {
    const project = projects.find((p) => p.seq === selection.seq);
    return project ? { kind: 'project', project } : null;
  }
  const facility = facilities.find((f) => f.id === selection.id);
  if (!facility) return null;
  const set = facilitySets.find((s) => s.id === facility.setId);
  return set ? { kind: 'facility', facility, set } : { kind: 'facility', facility };
}

function pointOf(detail: DetailItem | null): [number, number] | null {
  if (!detail) return null;
  if (detail.kind === 'facility') return [detail.facility.lon, detail.facility.lat];
  const { lon, lat } = detail.project;
  return lon === null || lat === null ? null : [lon, lat];
}

/**
 * Filters, selection and the lists derived from them that the map, the table and the detail panel
 * share. Follows the catalogue store: new rows re-filter at once.
 */
export function createCatalogueViewStore(catalogue: StoreApi<CatalogueState>): StoreApi<CatalogueViewState> {
  const shownProjects = memoLast(filterProjects<CatalogueProject>);
  const shownFacilities = memoLast(shownFacilitiesOf);
  const detail = memoLast(detailOf);
  const selectedPoint = memoLast(pointOf);
  const derive = ({ projectFilter, facilityView, selection }: Inputs) => {
    const data = catalogue.getState();
    const shownDetail = detail(selection, data.projects, data.facilities, data.facilitySets);
    return {
      shownProjects: shownProjects(data.projects, projectFilter),
      shownFacilities: shownFacilities(data.facilities, facilityView),
      detail: shownDetail,
      selectedPoint: selectedPoint(shownDetail),
    };
  };

  const store = createStore<CatalogueViewState>()((set, get) => {
    const update = (change: Partial<Inputs>) => set({ ...change, ...derive({ ...inputsOf(get()), ...change }) });
    const initial: Inputs = { projectFilter: EMPTY_PROJECT_FILTER, facilityView: EMPTY_FACILITY_VIEW, selection: null };
    return {
      ...initial,
      ...derive(initial),
      setProjectFilter: (projectFilter) => update({ projectFilter }),
      setFacilityView: (facilityView) => update({ facilityView }),
      setSelection: (selection) => update({ selection }),
      nameOf: (ref) => {
        const data = catalogue.getState();
        return ref.kind === 'project'
          ? (data.projects.find((p) => p.seq === ref.seq)?.name ?? String(ref.seq))
          : (data.facilities.find((f) => f.id === ref.id)?.name ?? ref.id);
      },
    };
  });
  catalogue.subscribe(() => store.setState(derive(inputsOf(store.getState()))));
  return store;
}

const inputsOf = ({ projectFilter, facilityView, selection }: CatalogueViewState): Inputs => ({
  projectFilter,
  facilityView,
  selection,
});
