import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesEn } from './messages-en';
import { messagesZh, type MessageKey } from './messages-zh';
import { translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have exactly the same keys in both languages', () => {
    expect(Object.keys(messagesEn).sort()).toEqual(Object.keys(messagesZh).sort());
  });

  it('have no empty message and the same placeholders in both languages', () => {
    for (const key of Object.keys(messagesZh) as MessageKey[]) {
      expect(messagesZh[key].trim(), key).not.toBe('');
      expect(messagesEn[key].trim(), key).not.toBe('');
      expect(placeholders(messagesEn[key]), key).toEqual(placeholders(messagesZh[key]));
    }
  });

  it('are actually translated: the Chinese catalogue is Chinese', () => {
    const chinese = Object.values(messagesZh).filter((m) => /[\u4e00-\u9fff]/.test(m));
    // Only brand names and coordinate-system names may stay Latin in Chinese.
    expect(chinese.length / Object.keys(messagesZh).length).toBeGreaterThan(0.85);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh', 'about.version', { version: '1.2.3' })).toBe('版本 1.2.3');
    expect(translate('en', 'about.version', { version: '1.2.3' })).toBe('Version 1.2.3');
    expect(translate('en', 'about.version', {})).toBe('Version {version}');
  });
});

describe('no hard-coded UI strings', () => {
  const rendererRoot = join(__dirname, '..');
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
    });

  it('keeps Chinese text only in the message catalogue', () => {
    const offenders = sourceFiles(rendererRoot)
      .filter((file) => !relative(rendererRoot, file).startsWith('i18n'))
      .filter((file) => /[\u4e00-\u9fff]/.test(readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
      .map((file) => relative(rendererRoot, file));
    expect(offenders).toEqual([]);
  });

  it('has no literal text between JSX tags', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(rendererRoot).filter((f) => f.endsWith('.tsx'))) {
      const source = readFileSync(file, 'utf8');
      // Text directly between a closing '>' and the next '<' that contains letters is a literal UI string.
      for (const match of source.matchAll(/(?<![=-])>\s*([A-Za-z][^<>{}]*?)\s*</g)) {
        const text = match[1] ?? '';
        if (/[=;()]/.test(text) || /^(OuTu|WGS-84|GCJ-02)$/.test(text)) continue;
        offenders.push(`${relative(rendererRoot, file)}: ${text}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
