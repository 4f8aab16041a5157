import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC, type AppInfo, type FileFilter, type OpenedFile, type SaveFileResult } from '../shared/ipc';
import { MAX_FILE_BYTES, validateOpenFileRequest, validateSaveFileRequest } from '../shared/ipc-validate';
import { writeFileAtomic } from './atomic-write';

/** The subset of Electron's `dialog` that the handlers use, injected so tests need no Electron. */
export interface DialogPort {
  showOpenDialog(options: {
    title?: string;
    filters?: FileFilter[];
    properties: Array<'openFile'>;
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: {
    title?: string;
    defaultPath: string;
    filters?: FileFilter[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface IpcHandlerDeps {
  dialog: DialogPort;
  appInfo: () => AppInfo;
  /** Folder the save dialog starts in (e.g. app.getPath('documents')). */
  defaultDirectory: () => string;
  maxBytes?: number;
}

export interface IpcHandlers {
  openFile(input: unknown): Promise<OpenedFile | null>;
  saveFile(input: unknown): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
}

/** Reads a whole regular file, refusing anything over `maxBytes`; never reads past the size it saw at open. */
export async function readFileCapped(filePath: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('not a regular file');
    if (info.size > maxBytes) throw new Error(`file is larger than ${maxBytes} bytes`);
    const buffer = new Uint8Array(info.size);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === buffer.length ? buffer : buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const maxBytes = deps.maxBytes ?? MAX_FILE_BYTES;
  return {
    async openFile(input) {
      const request = validateOpenFileRequest(input);
      if (!request.ok) throw new Error(`openFile: ${request.error}`);
      const result = await deps.dialog.showOpenDialog({ ...request.value, properties: ['openFile'] });
      const filePath = result.filePaths[0];
      if (result.canceled || filePath === undefined) return null;
      return { name: basename(filePath), bytes: await readFileCapped(filePath, maxBytes) };
    },

    async saveFile(input) {
      const request = validateSaveFileRequest(input, maxBytes);
      if (!request.ok) throw new Error(`saveFile: ${request.error}`);
      const { title, filters, suggestedName, data } = request.value;
      const result = await deps.dialog.showSaveDialog({
        ...(title !== undefined ? { title } : {}),
        ...(filters !== undefined ? { filters } : {}),
        defaultPath: join(deps.defaultDirectory(), suggestedName),
      });
      if (result.canceled || !result.filePath) return { saved: false };
      await writeFileAtomic(result.filePath, data);
      return { saved: true, path: result.filePath };
    },

    async appInfo() {
      return deps.appInfo();
    },
  };
}

/**
 * Registers the handlers; every call is refused unless `isTrustedSender` approves the frame that
 * sent it (only the app's own main frame may use the API).
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  const guard =
    <T>(handler: (input: unknown) => Promise<T>) =>
    (event: IpcMainInvokeEvent, input: unknown): Promise<T> => {
      if (!isTrustedSender(event)) return Promise.reject(new Error('IPC refused: untrusted sender'));
      return handler(input);
    };
  ipcMain.handle(IPC.openFile, guard(handlers.openFile));
  ipcMain.handle(IPC.saveFile, guard(handlers.saveFile));
  ipcMain.handle(
    IPC.appInfo,
    guard(() => handlers.appInfo()),
  );
}
