/**
 * The coverage run cache (table `coverageRuns`): the only code that reads or writes it. A run is
 * keyed by a hash of every input that can change its result, the engine version included, so
 * neither a changed input nor a changed algorithm can ever return a stale result.
 */
import type { FeatureCollection } from 'geojson';
import { ENGINE_VERSION } from '../../../core/analysis/engine-version';
import type { TwoStepAnalysis } from '../../../core/analysis/two-step';
import type { EquitySummary } from '../../../core/equity/equity-summary';
import { sha256Hex } from '../../../core/import/sha256';
import { stableStringify } from '../../../core/util/stable-json';
import type { CoverageRequest, CoverageResult, TravelProfile } from '../../../shared/coverage';
import type { TravelProfileSpec } from '../../../shared/travel-profiles';
import type { OutuDb } from './outu-db';

/** A finished run as stored: what the UI shows, and the arrays incremental what-if updates build on. */
export interface StoredCoverageOutput {
  /** Figures, per-cell minutes (metres for a radius run) and nearest facility. */
  result: CoverageResult;
  bands: FeatureCollection;
  uncovered: FeatureCollection;
  /**
   * Per cell: minutes (or metres) to the second-nearest facility. Adding a facility to a network
   * run needs it (core/coverage/incremental.ts): a cell's best can only move to the new facility
   * or stay, and its second-best follows.
   */
  cellSecond: Float32Array;
  equity: EquitySummary;
  /** 2SFCA, when the run's facilities carry a capacity. */
  twoStep?: TwoStepAnalysis;
}

export interface CoverageRunRow {
  /** coverageRunKey of the inputs. */
  key: string;
  createdAt: string;
  label: string;
  request: CoverageRequest;
  profiles: Record<TravelProfile, TravelProfileSpec>;
  /** The shipped data version, plus the imported population and 2SFCA supply when used. */
  dataVersion: string;
  /** ENGINE_VERSION of the engine that computed it (absent on runs stored before it was recorded). */
  engineVersion?: string;
  output: StoredCoverageOutput;
}

/** Every input that can change a result, hashed: a different input can never hit a stale entry. */
export async function coverageRunKey(
  request: CoverageRequest,
  profiles: Record<TravelProfile, TravelProfileSpec>,
  dataVersion: string,
  engineVersion: string = ENGINE_VERSION,
): Promise<string> {
  const text = stableStringify({ request, profile: profiles[request.profile], dataVersion, engineVersion });
  return sha256Hex(new TextEncoder().encode(text));
}

/** Whether a stored run answers for the data on hand and the engine running now. */
export function isCurrentRun(
  row: CoverageRunRow,
  dataVersion: string,
  engineVersion: string = ENGINE_VERSION,
): boolean {
  return row.engineVersion === engineVersion && row.dataVersion.startsWith(dataVersion);
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
