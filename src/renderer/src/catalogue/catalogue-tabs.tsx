import { useStore } from 'zustand';
import { useI18n } from '../i18n/i18n-context';
import { useAppStores } from '../stores/app-stores';
import { FacilityPanel } from './facility-panel';
import { ProjectFilterPanel } from './project-filter-panel';

/** The projects tab: filters over the plan's projects, and the data check. */
export function ProjectsTab() {
  const { catalogue, catalogueView, ui } = useAppStores();
  const projects = useStore(catalogue, (s) => s.projects);
  const shown = useStore(catalogueView, (s) => s.shownProjects);
  const filter = useStore(catalogueView, (s) => s.projectFilter);
  return (
    <ProjectFilterPanel
      projects={projects}
      shown={shown}
      filter={filter}
      onChange={catalogueView.getState().setProjectFilter}
      onDataCheck={() => ui.getState().openDialog('dataCheck')}
    />
  );
}

/** The facilities tab: data sets (import, samples, delete) and the facility filter. */
export function FacilitiesTab() {
  const { catalogue, catalogueView, ui } = useAppStores();
  const { t } = useI18n();
  const sets = useStore(catalogue, (s) => s.facilitySets);
  const facilities = useStore(catalogue, (s) => s.facilities);
  const samplesLoading = useStore(catalogue, (s) => s.samplesLoading);
  const shown = useStore(catalogueView, (s) => s.shownFacilities);
  const view = useStore(catalogueView, (s) => s.facilityView);
  const loadSamples = () =>
    catalogue
      .getState()
      .loadSamples()
      .catch((error: unknown) =>
        ui
          .getState()
          .showError(t('samples.failed', { reason: error instanceof Error ? error.message : String(error) })),
      );
  return (
    <FacilityPanel
      sets={sets}
      facilities={facilities}
      shown={shown}
      view={view}
      onViewChange={catalogueView.getState().setFacilityView}
      onImport={() => ui.getState().openDialog('import')}
      onLoadSamples={() => void loadSamples()}
      samplesLoading={samplesLoading}
      onDeleteSet={(set) => {
        if (window.confirm(t('facilities.confirmDelete', { name: set.name, count: set.count })))
          void catalogue.getState().removeSet(set.id);
      }}
    />
  );
}
