import { useCallback, useMemo, useState } from 'react';
import { EMPTY_PROJECT_FILTER, filterProjects, type ProjectFilter } from '../../../core/projects/filter-projects';
import { filterFacilities } from '../../../core/geo/filter-facilities';
import type { Catalogue } from './use-catalogue';
import type { CatalogueRef } from '../map/catalogue-map';
import { EMPTY_FACILITY_VIEW, type FacilityView } from './facility-view';
import type { DetailItem } from './detail-panel';

/** Filters, selection and the derived lists the map, the table and the detail panel share. */
export function useCatalogueView(catalogue: Catalogue) {
  const [projectFilter, setProjectFilter] = useState<ProjectFilter>(EMPTY_PROJECT_FILTER);
  const [facilityView, setFacilityView] = useState<FacilityView>(EMPTY_FACILITY_VIEW);
  const [selection, setSelection] = useState<CatalogueRef | null>(null);

  const shownProjects = useMemo(
    () => filterProjects(catalogue.projects, projectFilter),
    [catalogue.projects, projectFilter],
  );
  const shownFacilities = useMemo(() => {
    const hidden = new Set(facilityView.hiddenSets);
    const visible = hidden.size ? catalogue.facilities.filter((f) => !hidden.has(f.setId)) : catalogue.facilities;
    return filterFacilities(visible, facilityView.filter);
  }, [catalogue.facilities, facilityView]);

  const detail = useMemo<DetailItem | null>(() => {
    if (!selection) return null;
    if (selection.kind === 'project') {
      const project = catalogue.projects.find((p) => p.seq === selection.seq);
      return project ? { kind: 'project', project } : null;
    }
    const facility = catalogue.facilities.find((f) => f.id === selection.id);
    if (!facility) return null;
    const set = catalogue.facilitySets.find((s) => s.id === facility.setId);
    return set ? { kind: 'facility', facility, set } : { kind: 'facility', facility };
  }, [selection, catalogue.projects, catalogue.facilities, catalogue.facilitySets]);

  const selectedPoint = useMemo<[number, number] | null>(() => {
    if (!detail) return null;
    if (detail.kind === 'facility') return [detail.facility.lon, detail.facility.lat];
    const { lon, lat } = detail.project;
    return lon === null || lat === null ? null : [lon, lat];
  }, [detail]);

  const nameOf = useCallback(
    (ref: CatalogueRef) =>
      ref.kind === 'project'
        ? (catalogue.projects.find((p) => p.seq === ref.seq)?.name ?? String(ref.seq))
        : (catalogue.facilities.find((f) => f.id === ref.id)?.name ?? ref.id),
    [catalogue.projects, catalogue.facilities],
  );

  return {
    projectFilter,
    setProjectFilter,
    facilityView,
    setFacilityView,
    selection,
    setSelection,
    shownProjects,
    shownFacilities,
    detail,
    selectedPoint,
    nameOf,
  };
}
