import { useStore } from 'zustand';
import { DataCheckDialog } from '../catalogue/data-check-dialog';
import { ImportDialog } from '../catalogue/import-dialog';
import { useRunExportMetadata } from '../coverage/coverage-session';
import { DataExportSection } from '../export/data-export-section';
import { ExportDialog } from '../export/export-dialog';
import { IndicatorsDialog } from '../indicators/indicators-dialog';
import { useAppStores } from '../stores/app-stores';
import { AboutDialog } from './about-dialog';

/** The dialogs opened from the toolbar, the menu or a panel. */
export function DialogsHost() {
  const { db, platform, map, catalogue, ui } = useAppStores();
  const dialogs = useStore(ui, (s) => s.dialogs);
  const basemap = useStore(map, (s) => s.basemap);
  const facilitySets = useStore(catalogue, (s) => s.facilitySets);
  const facilities = useStore(catalogue, (s) => s.facilities);
  const projects = useStore(catalogue, (s) => s.projects);
  const close = ui.getState().closeDialog;
  return (
    <>
      {dialogs.import && (
        <ImportDialog
          platform={platform}
          dataBaseUrl={platform.dataBaseUrl}
          existingSets={facilitySets}
          onImported={async (set, imported) => {
            await catalogue.getState().saveSet(set, imported);
            ui.getState().setSidebarTab('facilities');
          }}
          onClose={() => close('import')}
        />
      )}
      {dialogs.export && <ExportDialogHost />}
      {dialogs.indicators && (
        <IndicatorsDialog
          db={db}
          dataBaseUrl={platform.dataBaseUrl}
          facilities={facilities}
          facilitySets={facilitySets}
          onClose={() => close('indicators')}
        />
      )}
      {dialogs.dataCheck && (
        <DataCheckDialog dataBaseUrl={platform.dataBaseUrl} projects={projects} onClose={() => close('dataCheck')} />
      )}
      <AboutDialog
        open={dialogs.about}
        onClose={() => close('about')}
        platform={platform}
        manifest={basemap.status === 'ready' ? basemap.data.manifest : null}
        sources={basemap.status === 'ready' ? basemap.data.attribution : []}
      />
    </>
  );
}

/** Sheets, atlas and data files of what is on the map, with what they say about the run. */
function ExportDialogHost() {
  const { platform, map, catalogueView, field, ui } = useAppStores();
  const controller = useStore(map, (s) => s.controller);
  const manifest = useStore(map, (s) => s.manifest);
  const layerState = useStore(ui, (s) => s.layerState);
  const appVersion = useStore(ui, (s) => s.appVersion);
  const annotations = useStore(field, (s) => s.snapshot.annotations);
  const shownProjects = useStore(catalogueView, (s) => s.shownProjects);
  const shownFacilities = useStore(catalogueView, (s) => s.shownFacilities);
  const { sheetRun, sheetCoverage, dataRun } = useRunExportMetadata();
  if (!controller) return null;
  return (
    <ExportDialog
      map={controller.exportSnapshotSource()}
      platform={platform}
      layerState={layerState}
      run={sheetRun}
      coverage={sheetCoverage}
      presence={{
        annotationStatuses: new Set(annotations.map((a) => a.body.status)),
        projectCategories: new Set(shownProjects.filter((p) => p.lon !== null).map((p) => p.category)),
        facilityCategories: new Set(shownFacilities.map((f) => f.category)),
      }}
      manifest={manifest}
      appVersion={appVersion}
      onClose={() => ui.getState().closeDialog('export')}
      dataSection={
        <DataExportSection
          platform={platform}
          run={dataRun}
          facilities={shownFacilities}
          projects={shownProjects}
          manifest={manifest}
          appVersion={appVersion}
        />
      }
    />
  );
}
