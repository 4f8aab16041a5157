import { useEffect } from 'react';
import { useStore } from 'zustand';
import { CoverageSessionProvider } from './coverage/coverage-session';
import { useUndoShortcuts } from './field/use-undo-shortcuts';
import { I18nProvider } from './i18n/i18n-context';
import { translate } from './i18n/translate';
import { useAppStores } from './stores/app-stores';
import { AppBanners } from './ui/app-banners';
import { AppToolbar } from './ui/app-toolbar';
import { DialogsHost } from './ui/dialogs-host';
import { MapColumn } from './ui/map-column';
import { SidebarHost } from './ui/sidebar-host';
import { useMenuCommands } from './ui/use-menu-commands';

/**
 * The window's layout: toolbar and banners on top, the sidebar beside the map, dialogs over both.
 * State lives in the stores (stores/create-app-stores.ts); each part reads what it shows.
 */
export function App() {
  const stores = useAppStores();
  const language = useStore(stores.ui, (s) => s.language);
  useMenuCommands(stores);
  useUndoShortcuts(stores.field);

  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(language, 'app.title');
  }, [language]);

  return (
    <I18nProvider language={language}>
      <CoverageSessionProvider>
        <div className="app">
          <AppToolbar />
          <AppBanners />
          <main className="workspace">
            <SidebarHost />
            <MapColumn />
          </main>
          <DialogsHost />
        </div>
      </CoverageSessionProvider>
    </I18nProvider>
  );
}
