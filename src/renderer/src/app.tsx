import { useCallback, useEffect, useState } from 'react';
import type { MenuCommand } from '../../shared/ipc';
import type { OutuDb } from './db/outu-db';
import { saveLanguage, saveLayerState, saveShowGcj } from './db/settings-store';
import { I18nProvider } from './i18n/i18n-context';
import { translate, type Language } from './i18n/translate';
import { DEFAULT_LAYER_STATE, type LayerState } from './map/layer-state';
import { loadBasemapData, type BasemapData } from './map/load-basemap-data';
import type { MapController } from './map/map-controller';
import { MapView } from './map/map-view';
import type { Platform } from './platform/platform';
import { AboutDialog } from './ui/about-dialog';
import { CoordinateReadout } from './ui/coordinate-readout';
import { LayerPanel } from './ui/layer-panel';
import { clearFileOverlay, showFileOverlay } from './map/file-overlay';
import { openGeoJson, type OpenedOverlay } from './ui/open-geojson';
import { ErrorBanner, OverlayBar } from './ui/overlay-bar';
import { Toolbar } from './ui/toolbar';

export interface AppProps {
  platform: Platform;
  /** null when IndexedDB is unavailable: the app still works, settings are not kept. */
  db: OutuDb | null;
  dbError: string | null;
  initialLanguage: Language;
  initialLayerState: LayerState;
  initialShowGcj: boolean;
}

type Load = { status: 'loading' } | { status: 'ready'; data: BasemapData } | { status: 'error'; reason: string };

/** Persists in the background; a failed write is reported but never blocks the UI. */
function persist(task: Promise<void> | undefined) {
  task?.catch((error: unknown) => console.error('OuTu: could not save settings', error));
}

export function App({ platform, db, dbError, initialLanguage, initialLayerState, initialShowGcj }: AppProps) {
  const [language, setLanguage] = useState(initialLanguage);
  const [layerState, setLayerState] = useState(initialLayerState);
  const [showGcj, setShowGcj] = useState(initialShowGcj);
  const [layerPanelOpen, setLayerPanelOpen] = useState(true);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [controller, setController] = useState<MapController | null>(null);
  const [overlay, setOverlay] = useState<OpenedOverlay | null>(null);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const t = useCallback(
    (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
      translate(language, key, params),
    [language],
  );

  useEffect(() => {
    loadBasemapData(platform.dataBaseUrl).then(
      (data) => setLoad({ status: 'ready', data }),
      (error: unknown) => setLoad({ status: 'error', reason: error instanceof Error ? error.message : String(error) }),
    );
  }, [platform]);

  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = t('app.title');
  }, [language, t]);

  const changeLanguage = useCallback(
    (next: Language) => {
      setLanguage(next);
      persist(db ? saveLanguage(db, next) : undefined);
    },
    [db],
  );

  const changeLayerState = useCallback(
    (next: LayerState) => {
      setLayerState(next);
      persist(db ? saveLayerState(db, next) : undefined);
    },
    [db],
  );

  const changeShowGcj = (next: boolean) => {
    setShowGcj(next);
    persist(db ? saveShowGcj(db, next) : undefined);
  };

  const openFile = useCallback(async () => {
    const outcome = await openGeoJson(platform, t);
    if (outcome.kind === 'opened') {
      setErrorMessage(null);
      setOverlay(outcome.overlay);
    } else if (outcome.kind === 'error') setErrorMessage(outcome.message);
  }, [platform, t]);

  useEffect(() => {
    if (!controller) return;
    const map = controller.map;
    const apply = () => {
      if (!overlay) return clearFileOverlay(map);
      showFileOverlay(map, overlay.collection);
      controller.fitBounds(overlay.bbox);
    };
    controller.whenStyleReady(apply);
  }, [controller, overlay]);

  useEffect(
    () =>
      platform.onMenuCommand((command: MenuCommand) => {
        switch (command) {
          case 'toggle-layer-panel':
            return setLayerPanelOpen((open) => !open);
          case 'zoom-to-city':
            return controller?.zoomToCity();
          case 'language-zh':
            return changeLanguage('zh');
          case 'language-en':
            return changeLanguage('en');
          case 'show-about':
            return setAboutOpen(true);
          case 'open-file':
            return void openFile();
        }
      }),
    [platform, controller, changeLanguage, openFile],
  );

  return (
    <I18nProvider language={language}>
      <div className="app">
        <Toolbar
          layerPanelOpen={layerPanelOpen}
          onToggleLayers={() => setLayerPanelOpen((open) => !open)}
          onZoomToCity={() => controller?.zoomToCity()}
          onToggleLanguage={() => changeLanguage(language === 'zh' ? 'en' : 'zh')}
          onAbout={() => setAboutOpen(true)}
          onOpenFile={() => void openFile()}
        />
        {dbError && <div className="banner warning">{t('db.unavailable', { reason: dbError })}</div>}
        {errorMessage && <ErrorBanner message={errorMessage} onDismiss={() => setErrorMessage(null)} />}
        <main className="workspace">
          {layerPanelOpen && (
            <LayerPanel
              state={layerState}
              onChange={changeLayerState}
              onReset={() => changeLayerState(DEFAULT_LAYER_STATE)}
              onClose={() => setLayerPanelOpen(false)}
            />
          )}
          <div className="map-column">
            <div className="map-area">
              {load.status === 'loading' && <div className="map-message">{t('app.loading')}</div>}
              {load.status === 'error' && (
                <div className="map-message error" role="alert">
                  <p>{t('app.loadError', { reason: load.reason })}</p>
                  <p>{t('app.loadErrorHint')}</p>
                </div>
              )}
              {load.status === 'ready' && (
                <MapView
                  dataBaseUrl={platform.dataBaseUrl}
                  archive={load.data.archive}
                  language={language}
                  layerState={layerState}
                  attribution={t('attribution.short')}
                  onReady={setController}
                />
              )}
              {overlay && <OverlayBar overlay={overlay} onClose={() => setOverlay(null)} />}
            </div>
            <CoordinateReadout controller={controller} showGcj={showGcj} onShowGcjChange={changeShowGcj} />
          </div>
        </main>
        <AboutDialog
          open={aboutOpen}
          onClose={() => setAboutOpen(false)}
          platform={platform}
          manifest={load.status === 'ready' ? load.data.manifest : null}
          sources={load.status === 'ready' ? load.data.attribution : []}
        />
      </div>
    </I18nProvider>
  );
}
