import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Hooks live in .ts files too (use-*.ts): lint them all.
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The shape of the renderer, held by lint: only the analysis service talks to workers and only
    // db/ writes to IndexedDB. The selectors catch `x.postMessage(…)` and `db.<table>.<write>(…)` /
    // `db.transaction('rw', …)`, the forms this code base uses.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/analysis/**', 'src/renderer/src/db/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='postMessage']",
          message: 'Only the analysis service (src/renderer/src/analysis/) posts to workers.',
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(put|add|bulkPut|bulkAdd|update|bulkUpdate|delete|bulkDelete|clear|modify)$/][callee.object.type='MemberExpression'][callee.object.object.name='db']",
          message: 'IndexedDB writes go through a repository in src/renderer/src/db/.',
        },
        {
          selector: "CallExpression[callee.property.name='transaction'][callee.object.name='db']",
          message: 'IndexedDB transactions belong to a repository in src/renderer/src/db/.',
        },
      ],
    },
  },
  {
    // App is layout and wiring; features hold their own state and views.
    files: ['src/renderer/src/app.tsx'],
    rules: { 'max-lines': ['error', { max: 250, skipBlankLines: false, skipComments: false }] },
  },
  {
    // Core speaks codes: user-facing sentences live in the message catalogue (src/shared/i18n), not in
    // `{ zh, en }` objects. Chinese data (header synonyms, place names) is not prose and stays.
    files: ['src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // Literal texts only: `{ zh: translate('zh', key), … }` fills a file's two-language field from the catalogue.
          selector:
            "ObjectExpression:has(> Property[key.name='zh'][value.type=/^(Literal|TemplateLiteral)$/]):has(> Property[key.name='en'])",
          message:
            'Core speaks codes: no { zh, en } prose in src/core; return a code and let the UI or CLI translate it.',
        },
      ],
    },
  },
  {
    // Import direction: core and shared never reach into the processes or the UI.
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/renderer/**',
            '**/main/**',
            '**/preload/**',
            'electron',
            'react',
            'react-dom',
            'dexie',
            'maplibre-gl',
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/renderer/**'] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/main/**', 'electron', 'node:*'] }] },
  },
);
