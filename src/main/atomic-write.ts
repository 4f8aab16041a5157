import { randomBytes } from 'node:crypto';
import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Test seam: runs after the temp file is complete and synced, just before the rename. */
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

const RETRYABLE_RENAME = new Set(['EPERM', 'EACCES', 'EBUSY']);

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** Windows refuses to replace a file that a virus scanner or indexer briefly holds open. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      if (process.platform !== 'win32' || attempt >= 5 || !RETRYABLE_RENAME.has(errorCode(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot fsync a directory; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}

export function tempPathFor(target: string): string {
  const name = basename(target).slice(0, 100);
  return join(dirname(target), `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes `data` to `target` so that, whatever happens (crash, kill, full disk), `target` holds
 * either its old content or the complete new content: write + fsync a temp file in the same
 * directory, then rename it over the target.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = tempPathFor(target);
  const existingMode = await stat(target).then(
    (info) => info.mode & 0o777,
    () => undefined,
  );
  try {
    const handle = await open(temp, 'wx', 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existingMode !== undefined) await chmod(temp, existingMode);
    await options.beforeRename?.(temp);
    await renameWithRetry(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(target)).catch(() => undefined);
}
