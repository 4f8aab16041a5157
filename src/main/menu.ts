import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc';

export type MenuLanguage = 'zh' | 'en';

export interface MenuOptions {
  /** Delivers a command to the renderer. */
  send: (command: MenuCommand) => void;
  language?: MenuLanguage;
  /** Adds reload and developer tools. */
  isDev?: boolean;
  /** On macOS the first menu is the application menu. */
  platform?: NodeJS.Platform;
}

const LABELS = {
  zh: {
    app: '瓯图',
    file: '文件',
    openFile: '打开文件…',
    quit: '退出',
    view: '视图',
    layerPanel: '图层面板',
    zoomToCity: '缩放到全市',
    language: '语言',
    reload: '重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullscreen: '全屏',
    help: '帮助',
    about: '关于瓯图',
  },
  en: {
    app: 'OuTu',
    file: 'File',
    openFile: 'Open File…',
    quit: 'Quit',
    view: 'View',
    layerPanel: 'Layer Panel',
    zoomToCity: 'Zoom to Whole City',
    language: 'Language',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullscreen: 'Full Screen',
    help: 'Help',
    about: 'About OuTu',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

/** The application menu. Pure: Electron builds it with `Menu.buildFromTemplate`. */
export function buildMenuTemplate({
  send,
  language = 'zh',
  isDev = false,
  platform = process.platform,
}: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[language];
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(cmd),
  });
  const isMac = platform === 'darwin';

  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      command(t.openFile, 'open-file', 'CmdOrCtrl+O'),
      ...(isMac ? [] : [{ type: 'separator' } as const, { label: t.quit, role: 'quit' } as const]),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      command(t.layerPanel, 'toggle-layer-panel', 'CmdOrCtrl+L'),
      command(t.zoomToCity, 'zoom-to-city', 'CmdOrCtrl+Shift+H'),
      { type: 'separator' },
      {
        label: t.language,
        submenu: [
          { label: '中文', type: 'radio', checked: language === 'zh', click: () => send('language-zh') },
          { label: 'English', type: 'radio', checked: language === 'en', click: () => send('language-en') },
        ],
      },
      { type: 'separator' },
      ...(isDev
        ? [
            { label: t.reload, role: 'reload' } as const,
            { label: t.devTools, role: 'toggleDevTools' } as const,
            { type: 'separator' } as const,
          ]
        : []),
      { label: t.resetZoom, role: 'resetZoom' },
      { label: t.zoomIn, role: 'zoomIn' },
      { label: t.zoomOut, role: 'zoomOut' },
      { type: 'separator' },
      { label: t.fullscreen, role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [command(t.about, 'show-about')],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: t.app,
    submenu: [command(t.about, 'show-about'), { type: 'separator' }, { label: t.quit, role: 'quit' }],
  };

  return isMac ? [appMenu, file, view, help] : [file, view, help];
}
