/**
 * The one contract between the renderer and the Electron main process.
 * Preload exposes `OutuApi` as `window.outu`; main validates every payload that crosses IPC.
 */
export const IPC = {
  openFile: 'outu:open-file',
  saveFile: 'outu:save-file',
  appInfo: 'outu:app-info',
  menuCommand: 'outu:menu-command',
} as const;

/** Custom scheme: outu://app/… serves the built renderer, outu://data/… serves data/geo. */
export const APP_SCHEME = 'outu';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const DATA_ORIGIN = `${APP_SCHEME}://data`;

export const MENU_COMMANDS = [
  'open-file',
  'toggle-layer-panel',
  'zoom-to-city',
  'language-zh',
  'language-en',
  'show-about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFileRequest {
  title?: string;
  filters?: FileFilter[];
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface SaveFileRequest {
  title?: string;
  suggestedName: string;
  filters?: FileFilter[];
  data: Uint8Array | string;
  /** Media type of `data` (e.g. text/csv): a browser download carries it; Electron goes by the extension. */
  mimeType?: string;
}

export interface SaveFileResult {
  saved: boolean;
  /** Absolute path in Electron; the download name in the browser. */
  path?: string;
}

export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  platform: string;
}

export interface OutuApi {
  appInfo(): Promise<AppInfo>;
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Subscribe to app-menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
