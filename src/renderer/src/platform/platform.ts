import type {
  AppInfo,
  MenuCommand,
  OpenFileRequest,
  OpenedFile,
  OutuApi,
  SaveFileRequest,
  SaveFileResult,
} from '../../../shared/ipc';
import { DATA_ORIGIN } from '../../../shared/ipc';
import { browserOpenFile, browserSaveFile } from './browser-files';

/**
 * Everything the renderer needs from its host. In Electron it forwards to the preload API
 * (`window.outu`); in a plain browser (tests, `npm run dev`) it falls back to a file input,
 * a download link and data served at ./data/.
 */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Base URL of data/geo, always ending in '/'. */
  readonly dataBaseUrl: string;
  appInfo(): Promise<AppInfo>;
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export function electronPlatform(api: OutuApi): Platform {
  return {
    kind: 'electron',
    dataBaseUrl: `${DATA_ORIGIN}/`,
    appInfo: () => api.appInfo(),
    openFile: (request) => api.openFile(request),
    saveFile: (request) => api.saveFile(request),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}

export function browserPlatform(pageUrl: string, version: string): Platform {
  return {
    kind: 'browser',
    dataBaseUrl: new URL('./data/', pageUrl).href,
    appInfo: async () => ({
      name: 'OuTu',
      version,
      electron: '',
      chrome: navigator.userAgent.match(/Chrom(?:e|ium)\/([\d.]+)/)?.[1] ?? '',
      platform: navigator.platform,
    }),
    openFile: browserOpenFile,
    saveFile: browserSaveFile,
    // A browser has no app menu; the same commands come from the toolbar.
    onMenuCommand: () => () => undefined,
  };
}

let current: Platform | undefined;

export function getPlatform(): Platform {
  current ??= window.outu
    ? electronPlatform(window.outu)
    : browserPlatform(window.location.href, import.meta.env.VITE_APP_VERSION ?? '0.0.0');
  return current;
}
