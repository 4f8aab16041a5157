import { describe, expect, it } from 'vitest';
import { EMPTY_PROJECT_FILTER } from '../../../core/projects/filter-projects';
import { facilityRow as facility, facilitySetRow as facilitySet, projectRow as project } from '../stores/test-support';
import { createCatalogueStore } from './catalogue-store';
import { createCatalogueViewStore } from './catalogue-view-store';
import { EMPTY_FACILITY_VIEW } from './facility-view';

/** A catalogue whose rows are given directly: the view only reads them. */
function stores() {
  const catalogue = createCatalogueStore({ db: null, dataBaseUrl: '' });
  catalogue.setState({
    projects: [project(1, '市体育中心', null, '体育'), project(2, '鹿城区医院', [120.65, 28.01])],
    facilitySets: [facilitySet('clinics'), facilitySet('schools')],
    facilities: [facility('clinics', '社区卫生站'), facility('schools', '实验小学', 'education')],
  });
  return { catalogue, view: createCatalogueViewStore(catalogue) };
}

describe('catalogue view store', () => {
  it('filters projects and facilities, and hides the sets switched off', () => {
    const { view } = stores();
    expect(view.getState().shownProjects).toHaveLength(2);
    view.getState().setProjectFilter({ ...EMPTY_PROJECT_FILTER, categories: ['医疗'] });
    expect(view.getState().shownProjects.map((p) => p.seq)).toEqual([2]);

    view.getState().setFacilityView({ ...EMPTY_FACILITY_VIEW, hiddenSets: ['clinics'] });
    expect(view.getState().shownFacilities.map((f) => f.name)).toEqual(['实验小学']);
    view.getState().setFacilityView({
      hiddenSets: [],
      filter: { ...EMPTY_FACILITY_VIEW.filter, categories: ['health'] },
    });
    expect(view.getState().shownFacilities.map((f) => f.name)).toEqual(['社区卫生站']);
  });

  it('describes the selection for the detail panel, with the selection ring only where there is a point', () => {
    const { view } = stores();
    view.getState().setSelection({ kind: 'project', seq: 2 });
    expect(view.getState().detail).toMatchObject({ kind: 'project', project: { name: '鹿城区医院' } });
    expect(view.getState().selectedPoint).toEqual([120.65, 28.01]);

    view.getState().setSelection({ kind: 'project', seq: 1 });
    expect(view.getState().detail).toMatchObject({ kind: 'project', project: { name: '市体育中心' } });
    expect(view.getState().selectedPoint).toBeNull();

    view.getState().setSelection({ kind: 'facility', id: 'schools:实验小学' });
    expect(view.getState().detail).toMatchObject({ kind: 'facility', set: { id: 'schools' } });
    expect(view.getState().selectedPoint).toEqual([120.6, 28]);

    view.getState().setSelection(null);
    expect([view.getState().detail, view.getState().selectedPoint]).toEqual([null, null]);
  });

  it('keeps the filtered lists (same arrays) when only the selection changes, so the map is not redrawn', () => {
    const { view } = stores();
    const { shownProjects, shownFacilities } = view.getState();
    view.getState().setSelection({ kind: 'project', seq: 2 });
    expect(view.getState().shownProjects).toBe(shownProjects);
    expect(view.getState().shownFacilities).toBe(shownFacilities);
  });

  it('follows the catalogue: a removed set leaves the lists and a deleted selection closes the detail', async () => {
    const { catalogue, view } = stores();
    view.getState().setSelection({ kind: 'facility', id: 'clinics:社区卫生站' });
    await catalogue.getState().removeSet('clinics');
    expect(view.getState().shownFacilities.map((f) => f.setId)).toEqual(['schools']);
    expect(view.getState().detail).toBeNull();
    expect(view.getState().selection).toEqual({ kind: 'facility', id: 'clinics:社区卫生站' });
  });

  it('names projects and facilities for tooltips and the pick list, falling back to the id', () => {
    const { view } = stores();
    expect(view.getState().nameOf({ kind: 'project', seq: 2 })).toBe('鹿城区医院');
    expect(view.getState().nameOf({ kind: 'project', seq: 99 })).toBe('99');
    expect(view.getState().nameOf({ kind: 'facility', id: 'schools:实验小学' })).toBe('实验小学');
    expect(view.getState().nameOf({ kind: 'facility', id: 'gone' })).toBe('gone');
  });
});
