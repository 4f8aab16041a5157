import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../shared/ipc';
import { buildMenuTemplate, type MenuOptions } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function clickAll(options: Omit<MenuOptions, 'send'>): MenuCommand[] {
  const sent: MenuCommand[] = [];
  const items = flatten(buildMenuTemplate({ ...options, send: (command) => sent.push(command) }));
  for (const item of items) {
    (item.click as (() => void) | undefined)?.();
  }
  return sent;
}

describe('buildMenuTemplate', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('reaches every menu command on %s', (platform) => {
    expect(new Set(clickAll({ platform }))).toEqual(new Set(MENU_COMMANDS));
  });

  it('is Chinese by default', () => {
    const template = buildMenuTemplate({ send: () => undefined, platform: 'linux' });
    expect(template.map((item) => item.label)).toEqual(['文件', '视图', '帮助']);
    const labels = flatten(template)
      .map((item) => item.label)
      .filter(Boolean);
    expect(labels).toEqual(expect.arrayContaining(['打开文件…', '图层面板', '缩放到全市', '语言', '关于瓯图', '退出']));
    expect(labels).not.toContain('File');
  });

  it('has English labels in English', () => {
    const template = buildMenuTemplate({ send: () => undefined, language: 'en', platform: 'linux' });
    expect(template.map((item) => item.label)).toEqual(['File', 'View', 'Help']);
  });

  it('checks the current language', () => {
    const radios = (language: 'zh' | 'en') =>
      flatten(buildMenuTemplate({ send: () => undefined, language, platform: 'linux' }))
        .filter((item) => item.type === 'radio')
        .map((item) => [item.label, item.checked]);
    expect(radios('zh')).toEqual([
      ['中文', true],
      ['English', false],
    ]);
    expect(radios('en')).toEqual([
      ['中文', false],
      ['English', true],
    ]);
  });

  it('offers reload and developer tools only in dev', () => {
    const roles = (isDev: boolean) =>
      flatten(buildMenuTemplate({ send: () => undefined, isDev, platform: 'linux' })).map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).toEqual(
      expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit']),
    );
  });

  it('puts an application menu first on macOS', () => {
    const template = buildMenuTemplate({ send: () => undefined, platform: 'darwin' });
    expect(template.map((item) => item.label)).toEqual(['瓯图', '文件', '视图', '帮助']);
  });
});
