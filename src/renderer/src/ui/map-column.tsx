import { useEffect } from 'react';
import { useStore } from 'zustand';
import { CatalogueMapLayer } from '../catalogue/catalogue-map-layer';
import { DetailHost, PickListHost, TableHost } from '../catalogue/catalogue-overlays';
import { CoverageMapEffects } from '../coverage/coverage-map-effects';
import { EquityDrawerHost, SplitView } from '../coverage/coverage-overlays';
import { AnnotationEditorHost } from '../field/field-workspace';
import { FieldMapLayer } from '../field/field-map-layer';
import { useI18n } from '../i18n/i18n-context';
import { MapView } from '../map/map-view';
import { useAppStores } from '../stores/app-stores';
import { CoordinateReadout } from './coordinate-readout';
import { OverlayBar } from './overlay-bar';

/** The map (or why it is not there), what is drawn over it, the drawers under it and the coordinates. */
export function MapColumn() {
  const { platform, map, catalogueView, field, ui, coverage } = useAppStores();
  const { t } = useI18n();
  const basemap = useStore(map, (s) => s.basemap);
  const controller = useStore(map, (s) => s.controller);
  const language = useStore(ui, (s) => s.language);
  const layerState = useStore(ui, (s) => s.layerState);
  const showGcj = useStore(ui, (s) => s.showGcj);
  const overlay = useStore(ui, (s) => s.overlay);
  const detail = useStore(catalogueView, (s) => s.detail);
  const selectedAnnotationId = useStore(ui, (s) => s.selectedAnnotationId);
  const annotationShown = useStore(field, (s) => s.snapshot.annotations.some((a) => a.id === selectedAnnotationId));
  const comparing = useStore(coverage, (s) => s.split !== null);

  const detailOpen = detail !== null || annotationShown;
  useEffect(() => map.getState().setDetailPanelOpen(detailOpen), [map, controller, detailOpen]);
  useEffect(() => controller?.showFileOverlay(overlay), [controller, overlay]);

  return (
    <div className="map-column">
      <div className={comparing ? 'map-area split' : 'map-area'}>
        {basemap.status === 'loading' && <div className="map-message">{t('app.loading')}</div>}
        {basemap.status === 'error' && (
          <div className="map-message error" role="alert">
            <p>{t('app.loadError', { reason: basemap.reason })}</p>
            <p>{t('app.loadErrorHint')}</p>
          </div>
        )}
        {basemap.status === 'ready' && (
          <MapView
            dataBaseUrl={platform.dataBaseUrl}
            archive={basemap.data.archive}
            language={language}
            layerState={layerState}
            attribution={t('attribution.short')}
            onReady={map.getState().setController}
          />
        )}
        <SplitView />
        {overlay && <OverlayBar overlay={overlay} onClose={ui.getState().closeOverlay} />}
        {detail ? <DetailHost detail={detail} /> : <AnnotationEditorHost />}
        <PickListHost />
      </div>
      <EquityDrawerHost />
      <TableHost />
      <CoordinateReadout controller={controller} showGcj={showGcj} onShowGcjChange={ui.getState().setShowGcj} />
      <CatalogueMapLayer />
      <FieldMapLayer />
      <CoverageMapEffects />
    </div>
  );
}
