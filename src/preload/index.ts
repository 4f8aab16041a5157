/**
 * Sandboxed preload (built as CommonJS; may only require 'electron'). Exposes `window.outu`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, isMenuCommand, type MenuCommand, type OutuApi } from '../shared/ipc';

const api: OutuApi = {
  appInfo: () => ipcRenderer.invoke(IPC.appInfo),
  openFile: (request) => ipcRenderer.invoke(IPC.openFile, request),
  saveFile: (request) => ipcRenderer.invoke(IPC.saveFile, request),
  onMenuCommand(listener: (command: MenuCommand) => void) {
    const wrapped = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(IPC.menuCommand, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC.menuCommand, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('outu', api);
