/**
 * Electron main process: wiring only. Logic lives in small, unit-tested modules beside this file.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { APP_SCHEME } from '../shared/ipc';
import { createIpcHandlers, registerIpcHandlers, type DialogPort } from './ipc-handlers';
import { createMainWindow, installAppMenu } from './main-window';
import { isAllowedNavigation } from './security';
import { applyDevServerCsp, guardWebContents, registerAppProtocol, restrictPermissions } from './session-setup';

// electron-vite dev sets this; a packaged app never honours it.
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] || undefined : undefined;

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
  },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  mainWindow = createMainWindow(devServerUrl);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Only the app's own top-level frame may call the IPC API. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAllowedNavigation(frame.url, devServerUrl);
}

const dialogPort: DialogPort = {
  showOpenDialog: (options) =>
    mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
  showSaveDialog: (options) =>
    mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
};

async function start(): Promise<void> {
  await app.whenReady();
  const ses = session.defaultSession;
  registerAppProtocol(ses, app.getAppPath(), devServerUrl);
  if (devServerUrl) applyDevServerCsp(ses, devServerUrl);
  restrictPermissions(ses, devServerUrl);

  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      dialog: dialogPort,
      defaultDirectory: () => app.getPath('documents'),
      appInfo: () => ({
        name: app.getName(),
        version: app.getVersion(),
        electron: process.versions.electron,
        chrome: process.versions.chrome,
        platform: process.platform,
      }),
    }),
    isTrustedSender,
  );
  installAppMenu(() => mainWindow, devServerUrl !== undefined);
  openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devServerUrl));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox('瓯图 OuTu', `启动失败 / Failed to start:\n${String(error)}`);
    app.exit(1);
  });
}
