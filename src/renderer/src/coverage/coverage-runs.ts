import { sha256Hex } from '../../../core/import/sha256';
import { stableStringify } from '../../../core/util/stable-json';
import type { CoverageRequest, TravelProfile } from '../../../shared/coverage';
import type { TravelProfileSpec } from '../../../shared/travel-profiles';
import type { CoverageRunRow, OutuDb } from '../db/outu-db';

/** Every input that can change a result, hashed: a different input can never hit a stale entry. */
export async function coverageRunKey(
  request: CoverageRequest,
  profiles: Record<TravelProfile, TravelProfileSpec>,
  dataVersion: string,
): Promise<string> {
  const text = stableStringify({ request, profile: profiles[request.profile], dataVersion });
  return sha256Hex(new TextEncoder().encode(text));
}

export function getCoverageRun(db: OutuDb, key: string): Promise<CoverageRunRow | undefined> {
  return db.coverageRuns.get(key);
}

/** Keeps the most recent runs only: each holds per-cell arrays of a few hundred kB. */
export const MAX_STORED_RUNS = 20;

export async function putCoverageRun(db: OutuDb, row: CoverageRunRow): Promise<void> {
  await db.transaction('rw', db.coverageRuns, async () => {
    await db.coverageRuns.put(row);
    const count = await db.coverageRuns.count();
    if (count > MAX_STORED_RUNS) {
      const oldest = await db.coverageRuns
        .orderBy('createdAt')
        .limit(count - MAX_STORED_RUNS)
        .primaryKeys();
      await db.coverageRuns.bulkDelete(oldest);
    }
  });
}

export async function latestCoverageRun(db: OutuDb): Promise<CoverageRunRow | undefined> {
  return db.coverageRuns.orderBy('createdAt').last();
}
