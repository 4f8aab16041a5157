import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_PORT } from '../playwright.config';
import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';

export const CHROMIUM_PATH = process.env.OUTU_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Is this URL served by our own test server (or an in-page scheme)? Everything else is aborted. */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return hostname === '127.0.0.1';
}

interface Fixtures {
  /** A persistent profile, so IndexedDB survives a reload exactly as it survives an app restart. */
  context: BrowserContext;
  page: Page;
  /** Every request that tried to leave 127.0.0.1 (all of them were aborted). */
  blockedRequests: string[];
}

/**
 * A Chromium with its own persistent profile folder (IndexedDB lives there), offline: every request
 * that is not to 127.0.0.1 is aborted and recorded in `blockedRequests`.
 */
export async function launchProfile(profileDir: string, blockedRequests: string[] = []): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    acceptDownloads: true,
    baseURL: `http://127.0.0.1:${E2E_PORT}/`,
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blockedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  return context;
}

export const newProfileDir = () => mkdtempSync(join(tmpdir(), 'outu-e2e-'));

export const test = base.extend<Fixtures>({
  // Playwright requires the fixture's first parameter to be an object pattern, even when unused.
  // eslint-disable-next-line no-empty-pattern
  blockedRequests: async ({}, use) => {
    await use([]);
  },
  context: async ({ blockedRequests }, use) => {
    const profile = newProfileDir();
    const context = await launchProfile(profile, blockedRequests);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error('[page error]', error));
    await use(page);
  },
});

export { expect } from '@playwright/test';

/** Opens the app and waits until MapLibre reports the first idle (all tiles and labels drawn). */
export async function openApp(page: Page, path = 'index.html'): Promise<number> {
  await page.goto(path);
  await page.waitForFunction(() => document.documentElement.dataset.mapIdle === 'true', null, { timeout: 60_000 });
  return page.evaluate(() => performance.getEntriesByName('outu:map-idle')[0]?.startTime ?? Number.NaN);
}
