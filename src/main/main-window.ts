import { join } from 'node:path';
import { BrowserWindow, Menu } from 'electron';
import { APP_ORIGIN, IPC, type MenuCommand } from '../shared/ipc';
import { buildMenuTemplate, type MenuLanguage } from './menu';
import { secureWebPreferences } from './security';

export const WINDOW_TITLE = '瓯图 OuTu';

export function createMainWindow(devServerUrl?: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 560,
    title: WINDOW_TITLE,
    show: false,
    backgroundColor: '#f4f1ea',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.once('did-fail-load', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

/**
 * Installs the application menu. Commands go to the focused window's renderer; the language
 * commands also rebuild the menu in that language.
 */
export function installAppMenu(getWindow: () => BrowserWindow | null, isDev: boolean): void {
  let language: MenuLanguage = 'zh';
  const apply = (): void => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ send, language, isDev })));
  };
  function send(command: MenuCommand): void {
    if (command === 'language-zh' || command === 'language-en') {
      language = command === 'language-zh' ? 'zh' : 'en';
      apply();
    }
    const window = BrowserWindow.getFocusedWindow() ?? getWindow();
    window?.webContents.send(IPC.menuCommand, command);
  }
  apply();
}
