import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CoverageRequest } from '../../../shared/coverage';
import { DEFAULT_TRAVEL_PROFILES } from '../../../shared/travel-profiles';
import { ENGINE_VERSION } from '../../../core/analysis/engine-version';
import {
  coverageRunKey,
  getCoverageRun,
  isCurrentRun,
  latestCoverageRun,
  MAX_STORED_RUNS,
  putCoverageRun,
  type CoverageRunRow,
} from './coverage-run-repo';
import { OutuDb } from './outu-db';

const request: CoverageRequest = {
  method: 'network',
  profile: 'walk',
  thresholdsMin: [5, 10],
  radiiM: [],
  facilities: [{ id: 'a', name: 'A', lon: 120.65, lat: 28.0 }],
};

describe('coverage run cache key', () => {
  it('is the same for the same inputs, whatever the key order', async () => {
    const reordered = {
      facilities: request.facilities,
      radiiM: [],
      thresholdsMin: [5, 10],
      profile: 'walk',
      method: 'network',
    };
    expect(await coverageRunKey(reordered as CoverageRequest, DEFAULT_TRAVEL_PROFILES, 'v1')).toBe(
      await coverageRunKey(request, DEFAULT_TRAVEL_PROFILES, 'v1'),
    );
  });

  it('changes with every input that changes a result', async () => {
    const base = await coverageRunKey(request, DEFAULT_TRAVEL_PROFILES, 'v1');
    const variants: [CoverageRequest, typeof DEFAULT_TRAVEL_PROFILES, string][] = [
      [{ ...request, thresholdsMin: [5, 15] }, DEFAULT_TRAVEL_PROFILES, 'v1'],
      [{ ...request, profile: 'bike' }, DEFAULT_TRAVEL_PROFILES, 'v1'],
      [{ ...request, method: 'radius', radiiM: [500] }, DEFAULT_TRAVEL_PROFILES, 'v1'],
      [{ ...request, facilities: [{ ...request.facilities[0]!, lon: 120.6501 }] }, DEFAULT_TRAVEL_PROFILES, 'v1'],
      [{ ...request, facilities: [] }, DEFAULT_TRAVEL_PROFILES, 'v1'],
      [request, { ...DEFAULT_TRAVEL_PROFILES, walk: { ...DEFAULT_TRAVEL_PROFILES.walk, accessKmh: 4 } }, 'v1'],
      [request, DEFAULT_TRAVEL_PROFILES, 'v2'],
    ];
    const keys = await Promise.all(variants.map(([r, p, v]) => coverageRunKey(r, p, v)));
    for (const key of keys) expect(key).not.toBe(base);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('changes with the engine version, and uses the current one by default', async () => {
    const current = await coverageRunKey(request, DEFAULT_TRAVEL_PROFILES, 'v1');
    expect(await coverageRunKey(request, DEFAULT_TRAVEL_PROFILES, 'v1', ENGINE_VERSION)).toBe(current);
    expect(await coverageRunKey(request, DEFAULT_TRAVEL_PROFILES, 'v1', `${ENGINE_VERSION}-next`)).not.toBe(current);
  });

  it('ignores profiles the run does not use', async () => {
    const otherEdited = { ...DEFAULT_TRAVEL_PROFILES, drive: { ...DEFAULT_TRAVEL_PROFILES.drive, accessKmh: 3 } };
    expect(await coverageRunKey(request, otherEdited, 'v1')).toBe(
      await coverageRunKey(request, DEFAULT_TRAVEL_PROFILES, 'v1'),
    );
  });
});

describe('coverage run store', () => {
  const row = (key: string, createdAt: string): CoverageRunRow => ({
    key,
    createdAt,
    label: key,
    request,
    profiles: DEFAULT_TRAVEL_PROFILES,
    dataVersion: 'v1',
    engineVersion: ENGINE_VERSION,
    output: {
      result: {} as CoverageRunRow['output']['result'],
      bands: { type: 'FeatureCollection', features: [] },
      uncovered: { type: 'FeatureCollection', features: [] },
      cellSecond: new Float32Array(0),
      equity: {} as CoverageRunRow['output']['equity'],
    },
  });

  it('keeps only the most recent runs and finds the latest', async () => {
    const db = new OutuDb('runs-test', undefined, { indexedDB: new IDBFactory(), IDBKeyRange });
    for (let i = 0; i < MAX_STORED_RUNS + 3; i++) {
      await putCoverageRun(db, row(`k${i}`, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()));
    }
    expect(await db.coverageRuns.count()).toBe(MAX_STORED_RUNS);
    expect(await getCoverageRun(db, 'k0')).toBeUndefined();
    expect((await latestCoverageRun(db))?.key).toBe(`k${MAX_STORED_RUNS + 2}`);
    db.close();
  });

  it('restores a run only for the data on hand and the engine running now', () => {
    const stored = row('k', '2026-01-01T00:00:00.000Z');
    expect(isCurrentRun(stored, 'v1')).toBe(true);
    expect(isCurrentRun({ ...stored, dataVersion: 'v1+population:abc' }, 'v1')).toBe(true);
    expect(isCurrentRun(stored, 'v2')).toBe(false);
    expect(isCurrentRun({ ...stored, engineVersion: 'older' }, 'v1')).toBe(false);
    // Stored before the engine version was recorded.
    const { engineVersion: _none, ...unversioned } = stored;
    expect(isCurrentRun(unversioned, 'v1')).toBe(false);
  });
});
