/**
 * Wiring smoke test: runs src/main/index.ts against a fake `electron` module, since the Electron
 * binary is not available to unit tests.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME, IPC } from '../shared/ipc';
import { CSP } from './security';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: Array<{ options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }> = [];
  const state = { appPath: '' };

  class BrowserWindow {
    static getFocusedWindow = (): null => null;
    static getAllWindows = (): unknown[] => windows;
    webContents = { send: vi.fn(), once: vi.fn(), on: vi.fn() };
    once = vi.fn();
    on = vi.fn();
    loadURL = vi.fn(async () => undefined);
    constructor(public options: Record<string, unknown>) {
      windows.push(this);
    }
  }

  const session = {
    protocol: {
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) =>
        protocolHandlers.set(scheme, handler),
      ),
    },
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };

  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      on: vi.fn((event: string, listener: Listener) => appListeners.set(event, listener)),
      whenReady: vi.fn(async () => undefined),
      isReady: () => true,
      getAppPath: () => state.appPath,
      getPath: () => state.appPath,
      getName: () => '瓯图 OuTu',
      getVersion: () => '0.1.0',
      quit: vi.fn(),
      exit: vi.fn(),
    },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn((channel: string, listener: Listener) => ipcHandlers.set(channel, listener)) },
    protocol: { registerSchemesAsPrivileged: vi.fn() },
    session: { defaultSession: session },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
  };
  return { electron, session, appListeners, protocolHandlers, ipcHandlers, windows, state };
});

vi.mock('electron', () => fake.electron);

let appPath: string;

beforeAll(async () => {
  appPath = await mkdtemp(join(tmpdir(), 'outu-main-'));
  await mkdir(join(appPath, 'out', 'renderer'), { recursive: true });
  await mkdir(join(appPath, 'data', 'geo'), { recursive: true });
  await writeFile(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>瓯图 OuTu</title>');
  await writeFile(join(appPath, 'data', 'geo', 'counties.geojson'), '{}');
  fake.state.appPath = appPath;
  delete process.env['ELECTRON_RENDERER_URL'];
  await import('./index');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

afterAll(async () => {
  await rm(appPath, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('registers the privileged scheme and the sandbox before ready', () => {
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: APP_SCHEME,
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
      },
    ]);
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();
    expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('opens one secure 1400×900 window on outu://app/index.html', () => {
    const [window] = fake.windows;
    expect(window?.options).toMatchObject({ width: 1400, height: 900, title: '瓯图 OuTu', show: false });
    expect(window?.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String((window?.options['webPreferences'] as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.js$/,
    );
    expect(window?.loadURL).toHaveBeenCalledWith('outu://app/index.html');
  });

  it('serves out/renderer and data/geo through the protocol handler', async () => {
    const handler = fake.protocolHandlers.get(APP_SCHEME);
    expect(handler).toBeDefined();
    const page = await handler?.(new Request('outu://app/index.html'));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toBe(CSP);
    const data = await handler?.(new Request('outu://data/counties.geojson'));
    expect(data?.status).toBe(200);
    expect(data?.headers.get('access-control-allow-origin')).toBe('*');
    expect(fake.session.webRequest.onHeadersReceived).not.toHaveBeenCalled(); // production: no dev server
  });

  it('registers the IPC handlers and refuses untrusted frames', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([IPC.appInfo, IPC.openFile, IPC.saveFile].sort());
    const appInfo = fake.ipcHandlers.get(IPC.appInfo);
    const trusted = { senderFrame: { url: 'outu://app/index.html', parent: null } };
    const evil = { senderFrame: { url: 'https://example.com/', parent: null } };
    const subframe = { senderFrame: { url: 'outu://app/index.html', parent: {} } };
    await expect(appInfo?.(trusted)).resolves.toMatchObject({ name: '瓯图 OuTu', version: '0.1.0' });
    await expect(appInfo?.(evil)).rejects.toThrow(/untrusted/);
    await expect(appInfo?.(subframe)).rejects.toThrow(/untrusted/);
  });

  it('grants geolocation only', () => {
    const request = fake.session.setPermissionRequestHandler.mock.calls[0]?.[0] as Listener;
    const answer = (permission: string, url: string): unknown => {
      let granted: unknown;
      request({ getURL: () => url }, permission, (value: boolean) => (granted = value), { requestingUrl: url });
      return granted;
    };
    expect(answer('geolocation', 'outu://app/index.html')).toBe(true);
    expect(answer('notifications', 'outu://app/index.html')).toBe(false);
    expect(answer('geolocation', 'https://example.com/')).toBe(false);
  });

  it('guards every web contents against navigation, new windows and webviews', () => {
    const created = fake.appListeners.get('web-contents-created');
    const handlers = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    created?.(
      {},
      {
        on: (event: string, listener: Listener) => handlers.set(event, listener),
        setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
      },
    );
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const refused = { url: 'https://example.com/', preventDefault: vi.fn() };
      const allowed = { url: 'outu://app/index.html', preventDefault: vi.fn() };
      handlers.get(event)?.(refused);
      handlers.get(event)?.(allowed);
      expect(refused.preventDefault, event).toHaveBeenCalled();
      expect(allowed.preventDefault, event).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    handlers.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('installs a Chinese menu that forwards commands and switches language', () => {
    const setMenu = fake.electron.Menu.setApplicationMenu;
    const first = setMenu.mock.calls[0]?.[0] as Array<{
      label: string;
      submenu: Array<{ label?: string; click?: () => void; submenu?: unknown }>;
    }>;
    expect(first.map((item) => item.label)).toContain('视图');
    const view = first.find((item) => item.label === '视图');
    const language = view?.submenu.find((item) => item.label === '语言') as {
      submenu: Array<{ label: string; click: () => void }>;
    };
    language.submenu.find((item) => item.label === 'English')?.click();
    const window = fake.windows[0] as unknown as { webContents: { send: ReturnType<typeof vi.fn> } };
    expect(window.webContents.send).toHaveBeenCalledWith(IPC.menuCommand, 'language-en');
    const latest = setMenu.mock.calls.at(-1)?.[0] as Array<{ label: string }>;
    expect(latest.map((item) => item.label)).toContain('View');
  });
});
