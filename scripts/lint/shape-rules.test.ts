/**
 * The renderer's shape is held by lint rules (eslint.config.mjs). These tests feed each rule a
 * snippet that breaks it, at a path where it applies, so a rule that silently stops matching
 * (a selector typo, a moved folder) fails here instead of letting the shape drift.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter(
      (m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === 'max-lines' || m.ruleId?.startsWith('react-hooks/'),
    )
    .map((m) => m.message);
}

describe('renderer shape rules', () => {
  it('refuses postMessage outside the analysis service, allows it inside', async () => {
    const code = 'export function send(worker: Worker): void {\n  worker.postMessage({ type: "run" });\n}\n';
    expect(await ruleMessages(code, 'src/renderer/src/coverage/some-client.ts')).toEqual([
      expect.stringContaining('analysis service'),
    ]);
    expect(await ruleMessages(code, 'src/renderer/src/analysis/analysis-service.ts')).toEqual([]);
  });

  it('refuses IndexedDB writes and transactions outside db/, allows them inside', async () => {
    const code = [
      'import type { OutuDb } from "../db/outu-db";',
      'export async function save(db: OutuDb): Promise<void> {',
      '  await db.settings.put({ key: "k", value: 1 });',
      '  await db.transaction("rw", db.settings, async () => undefined);',
      '}',
      '',
    ].join('\n');
    expect(await ruleMessages(code, 'src/renderer/src/indicators/indicators-dialog.tsx')).toHaveLength(2);
    expect(await ruleMessages(code, 'src/renderer/src/db/settings-store.ts')).toEqual([]);
  });

  it('lints hooks in .ts files', async () => {
    const code = [
      'import { useState } from "react";',
      'export function useThing(flag: boolean): number {',
      '  if (flag) {',
      '    const [value] = useState(1);',
      '    return value;',
      '  }',
      '  return 0;',
      '}',
      '',
    ].join('\n');
    const messages = await ruleMessages(code, 'src/renderer/src/field/use-thing.ts');
    expect(messages.length).toBeGreaterThan(0);
  });

  it('keeps app.tsx under 250 lines', async () => {
    const code = 'export const lines = [\n' + '  0,\n'.repeat(260) + '];\n';
    expect(await ruleMessages(code, 'src/renderer/src/app.tsx')).toEqual([expect.stringContaining('too many lines')]);
    expect(await ruleMessages(code, 'src/renderer/src/other.tsx')).toEqual([]);
  });

  it('refuses { zh, en } prose objects in core but not elsewhere', async () => {
    const code = 'export const TEXT = { zh: "名称不能为空。", en: "The name is empty." };\n';
    expect(await ruleMessages(code, 'src/core/import/messages.ts')).toEqual([expect.stringContaining('speaks codes')]);
    expect(await ruleMessages(code, 'src/shared/i18n/messages.ts')).toEqual([]);
  });
});
