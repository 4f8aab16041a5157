/** Where the pipeline reads from and writes to, resolved from the repo root, not the cwd. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_OUT_DIR = resolve(REPO_ROOT, 'data/geo');
export const DEFAULT_RAW_DIR = resolve(REPO_ROOT, '../shared/geo-sources');

/**
 * $OUTU_GEO_SOURCES wins and must exist (someone asked for it explicitly); the default sibling
 * folder is optional, since a plain checkout builds from the committed data/geo/sources.
 */
export function resolveRawDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env['OUTU_GEO_SOURCES'];
  if (override) {
    const dir = resolve(override);
    if (!existsSync(dir)) throw new Error(`OUTU_GEO_SOURCES=${override} does not exist`);
    return dir;
  }
  return existsSync(DEFAULT_RAW_DIR) ? DEFAULT_RAW_DIR : null;
}
