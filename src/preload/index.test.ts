import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC, type OutuApi } from '../shared/ipc';

type Listener = (event: unknown, ...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  const exposed: Record<string, unknown> = {};
  const electron = {
    contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => (exposed[key] = value)) },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
      on: vi.fn((channel: string, listener: Listener) => {
        const set = listeners.get(channel) ?? new Set<Listener>();
        set.add(listener);
        listeners.set(channel, set);
      }),
      removeListener: vi.fn((channel: string, listener: Listener) => listeners.get(channel)?.delete(listener)),
    },
  };
  const emit = (channel: string, ...args: unknown[]): void => listeners.get(channel)?.forEach((l) => l({}, ...args));
  return { electron, exposed, emit, listeners };
});

vi.mock('electron', () => fake.electron);

let api: OutuApi;

beforeAll(async () => {
  await import('./index');
  api = fake.exposed['outu'] as OutuApi;
});

describe('preload', () => {
  it('exposes window.outu with invoke-backed calls', async () => {
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'onMenuCommand', 'openFile', 'saveFile']);
    await expect(api.appInfo()).resolves.toEqual({ channel: IPC.appInfo, args: [] });
    await expect(api.openFile({ title: 't' })).resolves.toEqual({ channel: IPC.openFile, args: [{ title: 't' }] });
    const save = { suggestedName: 'x.txt', data: 'x' };
    await expect(api.saveFile(save)).resolves.toEqual({ channel: IPC.saveFile, args: [save] });
  });

  it('passes only valid menu commands to listeners and unsubscribes', () => {
    const received: string[] = [];
    const unsubscribe = api.onMenuCommand((command) => received.push(command));
    fake.emit(IPC.menuCommand, 'zoom-to-city');
    fake.emit(IPC.menuCommand, 'rm -rf /');
    fake.emit(IPC.menuCommand, { toString: () => 'open-file' });
    expect(received).toEqual(['zoom-to-city']);
    unsubscribe();
    fake.emit(IPC.menuCommand, 'open-file');
    expect(received).toEqual(['zoom-to-city']);
    expect(fake.listeners.get(IPC.menuCommand)?.size).toBe(0);
  });
});
