import { useStore } from 'zustand';
import { useI18n } from '../i18n/i18n-context';
import { useAppStores } from '../stores/app-stores';
import { AnnotationEditor } from './annotation-editor';
import { ExchangeSection } from './exchange-section';
import { FieldPanel } from './field-panel';

/** The field tab: who is recording, adding points (map click or GPS), undo, the list and exchange. */
export function FieldWorkspace() {
  const { db, platform, map, field: fieldStore, ui } = useAppStores();
  const field = useStore(fieldStore);
  const placing = useStore(ui, (s) => s.placing === 'annotation');
  const selectedId = useStore(ui, (s) => s.selectedAnnotationId);
  const dataVersion = useStore(map, (s) => s.manifest?.dataVersion ?? '');
  return (
    <FieldPanel
      field={field}
      placing={placing}
      locating={field.locating}
      selectedId={selectedId}
      onPlace={() => ui.getState().startPlacing('annotation')}
      onLocate={field.locateDevice}
      onSelect={(id) => {
        ui.getState().selectAnnotation(id);
        const a = field.snapshot.annotations.find((x) => x.id === id);
        if (a) map.getState().focus([a.body.lon, a.body.lat]);
      }}
      exchange={
        db && (
          <ExchangeSection
            db={db}
            platform={platform}
            field={field}
            dataVersion={dataVersion}
            onError={ui.getState().showError}
          />
        )
      }
    />
  );
}

/** The selected annotation's editor, where the detail panel goes (a project or facility detail takes precedence). */
export function AnnotationEditorHost() {
  const { db, map, catalogue, field: fieldStore, ui } = useAppStores();
  const { t } = useI18n();
  const field = useStore(fieldStore);
  const selectedId = useStore(ui, (s) => s.selectedAnnotationId);
  const projects = useStore(catalogue, (s) => s.projects);
  const facilities = useStore(catalogue, (s) => s.facilities);
  const annotation = field.snapshot.annotations.find((a) => a.id === selectedId);
  if (!annotation) return null;

  const target = annotation.body.attachedTo;
  const attachedName = !target
    ? null
    : target.kind === 'project'
      ? (projects.find((p) => p.seq === target.seq)?.name ?? `${t('detail.project')} ${target.seq}`)
      : (facilities.find((f) => f.id === target.id)?.name ?? target.id);
  return (
    <AnnotationEditor
      db={db}
      field={field}
      annotation={annotation}
      attachedName={attachedName}
      onClose={ui.getState().closeAnnotation}
      onZoom={() => map.getState().controller?.flyTo([annotation.body.lon, annotation.body.lat])}
      onMessage={ui.getState().showError}
    />
  );
}
