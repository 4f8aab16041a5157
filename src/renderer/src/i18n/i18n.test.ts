import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The catalogue itself (keys, placeholders) is tested in src/shared/i18n/catalogue.test.ts.

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
