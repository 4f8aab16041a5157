/**
 * Types only (no runtime import of electron): the renderer includes this file to see `window.outu`.
 * `window.outu` exists only inside Electron; in a plain browser it is undefined.
 */
import type { OutuApi } from '../shared/ipc';

export type {
  AppInfo,
  MenuCommand,
  OpenedFile,
  OpenFileRequest,
  OutuApi,
  SaveFileRequest,
  SaveFileResult,
} from '../shared/ipc';

declare global {
  interface Window {
    outu?: OutuApi;
  }
}
