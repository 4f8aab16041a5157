import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/ipc';
import type { AppStores } from '../stores/app-stores';

/** The application menu (Electron) drives the same actions as the toolbar. */
export function useMenuCommands({ platform, map, ui }: AppStores) {
  useEffect(
    () =>
      platform.onMenuCommand((command: MenuCommand) => {
        const actions = ui.getState();
        switch (command) {
          case 'toggle-layer-panel':
            return actions.toggleSidebar();
          case 'zoom-to-city':
            return map.getState().controller?.zoomToCity();
          case 'language-zh':
            return actions.setLanguage('zh');
          case 'language-en':
            return actions.setLanguage('en');
          case 'show-about':
            return actions.openDialog('about');
          case 'open-file':
            return void actions.openFile();
        }
      }),
    [platform, map, ui],
  );
}
