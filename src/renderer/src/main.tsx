import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type AppProps } from './app';
import { OutuDb } from './db/outu-db';
import { loadLanguage, loadLayerState, loadShowGcj } from './db/settings-store';
import { DEFAULT_LANGUAGE } from './i18n/translate';
import { DEFAULT_LAYER_STATE } from './map/layer-state';
import { getPlatform } from './platform/platform';

async function initialProps(): Promise<AppProps> {
  const platform = getPlatform();
  try {
    const db = new OutuDb();
    await db.open();
    const [initialLanguage, initialLayerState, initialShowGcj] = await Promise.all([
      loadLanguage(db),
      loadLayerState(db),
      loadShowGcj(db),
    ]);
    return { platform, db, dbError: null, initialLanguage, initialLayerState, initialShowGcj };
  } catch (error) {
    console.error('OuTu: IndexedDB unavailable', error);
    return {
      platform,
      db: null,
      dbError: error instanceof Error ? error.message : String(error),
      initialLanguage: DEFAULT_LANGUAGE,
      initialLayerState: DEFAULT_LAYER_STATE,
      initialShowGcj: false,
    };
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
void initialProps().then((props) =>
  createRoot(root).render(
    <StrictMode>
      <App {...props} />
    </StrictMode>,
  ),
);
