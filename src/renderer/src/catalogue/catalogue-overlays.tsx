import { useStore } from 'zustand';
import { useWhatIfDetailProps } from '../coverage/coverage-overlays';
import { ProjectFieldSection } from '../field/project-field-section';
import { useCorrectionMarker } from '../field/use-correction-marker';
import { useI18n } from '../i18n/i18n-context';
import { useAppStores } from '../stores/app-stores';
import { DetailPanel, type DetailItem } from './detail-panel';
import { PickList } from './pick-list';
import { TableDrawer } from './table-drawer';

/** The selected project's or facility's detail panel, with its field work and what-if buttons. */
export function DetailHost({ detail }: { detail: DetailItem }) {
  const { map, field: fieldStore, catalogueView, ui } = useAppStores();
  const { t } = useI18n();
  const field = useStore(fieldStore);
  const controller = useStore(map, (s) => s.controller);
  const correctingSeq = useStore(ui, (s) => s.correctingSeq);
  const whatIfProps = useWhatIfDetailProps(detail);
  const project = detail.kind === 'project' ? detail.project : null;
  const correcting = project !== null && correctingSeq === project.seq;
  const correction = useCorrectionMarker(
    controller,
    project && correcting
      ? project.lon !== null && project.lat !== null
        ? [project.lon, project.lat]
        : 'centre'
      : null,
  );

  const saveCorrection = () => {
    const at = correction.position();
    if (project && correcting && at) void field.correctPosition(project, at[0], at[1], t('change.correctPosition'));
    ui.getState().stopCorrecting();
  };

  return (
    <DetailPanel
      item={detail}
      onClose={ui.getState().clearCatalogueSelection}
      {...(field.available && field.author ? { onAnnotate: () => void field.annotateDetail(detail) } : {})}
      fieldSection={
        project && (
          <ProjectFieldSection
            field={field}
            projectSeq={project.seq}
            correction={project.correction}
            hasPoint={project.lon !== null}
            correcting={correcting}
            onStartCorrecting={() => ui.getState().startCorrecting(project.seq)}
            onSaveCorrection={saveCorrection}
            onCancelCorrection={ui.getState().stopCorrecting}
          />
        )
      }
      onZoom={() => {
        const selection = catalogueView.getState().selection;
        if (selection) ui.getState().selectCatalogueItem(selection, { fly: true });
      }}
      {...whatIfProps}
    />
  );
}

/** The table of the shown projects or facilities (whichever list tab is open), under the map. */
export function TableHost() {
  const { catalogue, catalogueView, ui } = useAppStores();
  const open = useStore(ui, (s) => s.dialogs.table);
  const tab = useStore(ui, (s) => s.sidebarTab);
  const facilitySets = useStore(catalogue, (s) => s.facilitySets);
  const projects = useStore(catalogueView, (s) => s.shownProjects);
  const facilities = useStore(catalogueView, (s) => s.shownFacilities);
  const selection = useStore(catalogueView, (s) => s.selection);
  if (!open) return null;
  return (
    <TableDrawer
      mode={tab === 'facilities' ? 'facilities' : 'projects'}
      projects={projects}
      facilities={facilities}
      facilitySets={facilitySets}
      selection={selection}
      onSelect={(ref) => ui.getState().selectCatalogueItem(ref, { fly: true })}
      onClose={() => ui.getState().closeDialog('table')}
    />
  );
}

/** Several items under one click: the user picks one. */
export function PickListHost() {
  const { catalogueView, ui } = useAppStores();
  const pick = useStore(ui, (s) => s.pick);
  if (!pick) return null;
  const { nameOf } = catalogueView.getState();
  return (
    <PickList
      items={pick.map((ref) => ({ ref, name: nameOf(ref) }))}
      onPick={(ref) => ui.getState().selectCatalogueItem(ref, { fly: false })}
      onClose={ui.getState().closePick}
    />
  );
}
