import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { OutuDb } from './db/outu-db';
import { loadLanguage, loadLayerState, loadShowGcj } from './db/settings-store';
import { DEFAULT_LANGUAGE } from './i18n/translate';
import { DEFAULT_LAYER_STATE } from './map/layer-state';
import { getPlatform } from './platform/platform';
import { AppStoresProvider } from './stores/app-stores';
import { createAppStores, startAppStores, type AppStoresOptions } from './stores/create-app-stores';

async function storeOptions(): Promise<AppStoresOptions> {
  const platform = getPlatform();
  try {
    const db = new OutuDb();
    await db.open();
    const [language, layerState, showGcj] = await Promise.all([loadLanguage(db), loadLayerState(db), loadShowGcj(db)]);
    return { platform, db, dbError: null, initial: { language, layerState, showGcj } };
  } catch (error) {
    console.error('OuTu: IndexedDB unavailable', error);
    return {
      platform,
      db: null,
      dbError: error instanceof Error ? error.message : String(error),
      initial: { language: DEFAULT_LANGUAGE, layerState: DEFAULT_LAYER_STATE, showGcj: false },
    };
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
void storeOptions().then((options) => {
  const stores = createAppStores(options);
  startAppStores(stores).catch((error: unknown) => console.error('OuTu: start-up failed', error));
  createRoot(root).render(
    <StrictMode>
      <AppStoresProvider stores={stores}>
        <App />
      </AppStoresProvider>
    </StrictMode>,
  );
});
