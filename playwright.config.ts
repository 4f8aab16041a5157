import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env.OUTU_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: { baseURL: `http://127.0.0.1:${E2E_PORT}/` },
  webServer: {
    // Serves out/renderer at / and data/geo at /data/, bound to 127.0.0.1 only.
    command: `npx tsx scripts/serve-renderer.ts --port ${E2E_PORT}`,
    url: `http://127.0.0.1:${E2E_PORT}/index.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
