/**
 * Core speaks codes: user-facing sentences live in the shared catalogue (src/shared/i18n), and core
 * returns Message keys or takes a Translator from its caller. This guard fails when a core source
 * file carries prose per language again: a `zh:` key with a string value (the `{ zh, en }` objects
 * core used to hold) or a `language === 'zh' ? '…' : '…'` choice between literal texts. Chinese
 * data (header synonyms, place and category names) is not keyed by language and stays allowed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const coreRoot = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return entry.endsWith('.ts') && !entry.endsWith('.test.ts') ? [path] : [];
  });
}

const STRING_START = `['"\`]`;
const PROSE_PATTERNS = [
  // { zh: '…' }, { 'zh': "…" }, { zh: `…` }
  new RegExp(`(?<=^|[{,\\s])['"]?zh['"]?\\s*:\\s*${STRING_START}`, 'gm'),
  // language === 'zh' ? '…' (also across lines), and a `zh` flag choosing between literals: zh ? '…' : '…'
  new RegExp(`(?:==\\s*['"]zh['"]|(?<![\\w.])zh)\\s*\\)?\\s*\\?\\s*${STRING_START}`, 'gm'),
];

/** Lines (1-based, with their text) where per-language prose starts; comments are ignored. */
function proseLines(source: string): string[] {
  // Blank out comments but keep line breaks, so match positions still give line numbers.
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, (comment) => comment.replace(/[^\n]/g, ' '));
  const lines = code.split('\n');
  const found = new Set<number>();
  for (const pattern of PROSE_PATTERNS)
    for (const match of code.matchAll(pattern)) found.add(code.slice(0, match.index).split('\n').length);
  return [...found].sort((a, b) => a - b).map((n) => `${n}: ${(lines[n - 1] ?? '').trim()}`);
}

describe('no per-language prose in src/core', () => {
  it('recognises prose objects and literal language choices, not data or types', () => {
    expect(proseLines(`const m = { zh: '文件是空的。', en: 'The file is empty.' };`)).toHaveLength(1);
    expect(proseLines(`const m = {\n  'zh': "名称",\n  en: 'Name',\n};`)).toEqual([`2: 'zh': "名称",`]);
    expect(proseLines(`const m = {\nzh: "名称",\n};`)).toEqual([`2: zh: "名称",`]);
    expect(proseLines('  zh: `${n} 个`,')).toHaveLength(1);
    expect(proseLines(`const yes = language === 'zh' ? '是' : 'yes';`)).toHaveLength(1);
    expect(proseLines(`return language === 'zh'\n  ? \`分段为 \${x}\`\n  : 'bands';`)).toEqual([
      `1: return language === 'zh'`,
    ]);
    expect(proseLines(`const sep = zh ? '；' : '; ';`)).toHaveLength(1);
    // Allowed: types, values that are not literals, data keyed by something else, comments.
    expect(proseLines(`interface T { zh: string; en: string }`)).toEqual([]);
    expect(proseLines(`const d = { zh: translate('zh', key), en: translate('en', key) };`)).toEqual([]);
    expect(proseLines(`const name = language === 'zh' ? county.name : county.nameEn;`)).toEqual([]);
    expect(proseLines(`const SYNONYMS = { name: ['名称', '机构名称'] };`)).toEqual([]);
    expect(proseLines(`// was { zh: '…', en: '…' }\n/* zh: 'x' */`)).toEqual([]);
  });

  it('holds for every core source file', () => {
    const offenders = sourceFiles(coreRoot).flatMap((file) =>
      proseLines(readFileSync(file, 'utf8')).map((line) => `${relative(coreRoot, file)}:${line}`),
    );
    expect(offenders).toEqual([]);
  });
});
