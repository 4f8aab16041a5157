import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC, type AppInfo } from '../shared/ipc';
import { createIpcHandlers, readFileCapped, registerIpcHandlers, type DialogPort } from './ipc-handlers';

const INFO: AppInfo = { name: '瓯图 OuTu', version: '0.1.0', electron: '40', chrome: '140', platform: 'linux' };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outu-ipc-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fakeDialog(
  openPaths: string[] | null,
  savePath: string | null,
): DialogPort & {
  showOpenDialog: ReturnType<typeof vi.fn>;
  showSaveDialog: ReturnType<typeof vi.fn>;
} {
  return {
    showOpenDialog: vi.fn(async () => ({ canceled: openPaths === null, filePaths: openPaths ?? [] })),
    showSaveDialog: vi.fn(async () =>
      savePath === null ? { canceled: true } : { canceled: false, filePath: savePath },
    ),
  };
}

function handlersWith(dialog: DialogPort, maxBytes?: number) {
  return createIpcHandlers({
    dialog,
    appInfo: () => INFO,
    defaultDirectory: () => dir,
    ...(maxBytes ? { maxBytes } : {}),
  });
}

describe('openFile', () => {
  it('returns the name and bytes of the chosen file', async () => {
    const file = join(dir, '县界.geojson');
    await writeFile(file, '{"type":"FeatureCollection"}');
    const dialog = fakeDialog([file], null);
    const opened = await handlersWith(dialog).openFile({
      title: '打开',
      filters: [{ name: 'GeoJSON', extensions: ['geojson'] }],
    });
    expect(opened?.name).toBe('县界.geojson');
    expect(opened?.bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(opened?.bytes)).toBe('{"type":"FeatureCollection"}');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({
      title: '打开',
      filters: [{ name: 'GeoJSON', extensions: ['geojson'] }],
      properties: ['openFile'],
    });
  });

  it('returns null when cancelled', async () => {
    expect(await handlersWith(fakeDialog(null, null)).openFile({})).toBeNull();
  });

  it('rejects invalid requests before showing a dialog', async () => {
    const dialog = fakeDialog([], null);
    for (const input of [
      null,
      'x',
      { filters: [{ name: 'x', extensions: ['.exe'] }] },
      { properties: ['openDirectory'] },
    ]) {
      await expect(handlersWith(dialog).openFile(input)).rejects.toThrow(/openFile/);
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses files over the size cap', async () => {
    const file = join(dir, 'big.bin');
    await writeFile(file, new Uint8Array(11));
    await expect(handlersWith(fakeDialog([file], null), 10).openFile({})).rejects.toThrow(/larger/);
    await expect(readFileCapped(file, 11)).resolves.toHaveLength(11);
  });

  it('refuses directories', async () => {
    await expect(readFileCapped(dir, 100)).rejects.toThrow();
  });
});

describe('saveFile', () => {
  it('offers the suggested name in the default folder and writes the chosen file', async () => {
    const target = join(dir, 'chosen.geojson');
    const dialog = fakeDialog(null, target);
    const result = await handlersWith(dialog).saveFile({
      suggestedName: '导出.geojson',
      data: '{"a":1}',
      title: '保存',
    });
    expect(result).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({ title: '保存', defaultPath: join(dir, '导出.geojson') });
    expect(await readdir(dir)).toEqual(['chosen.geojson']);
  });

  it('writes bytes', async () => {
    const target = join(dir, 'x.bin');
    await handlersWith(fakeDialog(null, target)).saveFile({ suggestedName: 'x.bin', data: new Uint8Array([9, 8]) });
    expect([...(await readFile(target))]).toEqual([9, 8]);
  });

  it('reports a cancelled dialog', async () => {
    expect(await handlersWith(fakeDialog(null, null)).saveFile({ suggestedName: 'x.txt', data: '' })).toEqual({
      saved: false,
    });
  });

  it('rejects path-like names, wrong data and oversize data before showing a dialog', async () => {
    const dialog = fakeDialog(null, join(dir, 'x'));
    for (const input of [
      { suggestedName: '../../.bashrc', data: 'x' },
      { suggestedName: 'a/b.txt', data: 'x' },
      { suggestedName: 'C:\\x.txt', data: 'x' },
      { suggestedName: 'x.txt', data: { length: 1 } },
      { suggestedName: 'x.txt', data: new Uint8Array(11) },
      { suggestedName: 'x.txt' },
    ]) {
      await expect(handlersWith(dialog, 10).saveFile(input)).rejects.toThrow(/saveFile/);
    }
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('registerIpcHandlers', () => {
  it('registers the three channels and refuses untrusted senders', async () => {
    const registered = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: (channel: string, listener: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>) => {
        registered.set(channel, listener);
      },
    };
    const trusted = { senderFrame: { url: 'outu://app/index.html' } } as unknown as IpcMainInvokeEvent;
    const untrusted = { senderFrame: { url: 'https://example.com/' } } as unknown as IpcMainInvokeEvent;
    registerIpcHandlers(
      ipcMain as never,
      handlersWith(fakeDialog(null, null)),
      (event) => event.senderFrame?.url.startsWith('outu://app/') ?? false,
    );
    expect([...registered.keys()].sort()).toEqual([IPC.appInfo, IPC.openFile, IPC.saveFile].sort());
    await expect(registered.get(IPC.appInfo)?.(trusted, undefined)).resolves.toEqual(INFO);
    await expect(registered.get(IPC.appInfo)?.(untrusted, undefined)).rejects.toThrow(/untrusted/);
    await expect(registered.get(IPC.openFile)?.(untrusted, {})).rejects.toThrow(/untrusted/);
  });
});
