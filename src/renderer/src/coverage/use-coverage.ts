import { useCallback, useEffect, useRef, useState } from 'react';
import type { DataManifest } from '../../../shared/data-contract';
import { DEFAULT_TRAVEL_PROFILES } from '../../../shared/travel-profiles';
import type { OutuDb } from '../db/outu-db';
import { CoverageCancelled, CoverageClient } from './coverage-client';
import { coverageRunKey, getCoverageRun, latestCoverageRun, putCoverageRun } from './coverage-runs';
import type { CoverageOutput, CoveragePhase, RunMessage } from './worker-protocol';
import { sha256Hex } from '../../../core/import/sha256';
import { stableStringify } from '../../../core/util/stable-json';
import type { CoverageRequest } from '../../../shared/coverage';
import type { SitingArea, SitingPoint, SitingResult } from '../../../core/equity/siting';
import { loadImportedPopulation, saveImportedPopulation, type ImportedPopulation } from './imported-population';

export type CoverageRunState =
  | { status: 'idle' }
  | { status: 'running'; phase: CoveragePhase; fraction: number }
  | { status: 'done'; output: CoverageOutput; label: string; fromCache: boolean; computedAt: string }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

/**
 * Runs coverage in the worker, reads and writes the run cache, and restores the last run on start.
 * A run is stored only once it has finished: a cancelled or failed run leaves nothing behind.
 */
export function useCoverage(db: OutuDb | null, dataBaseUrl: string, manifest: DataManifest | null) {
  const [state, setState] = useState<CoverageRunState>({ status: 'idle' });
  const [population, setPopulationState] = useState<ImportedPopulation | null>(null);
  const clientRef = useRef<CoverageClient | null>(null);
  const dataVersion = manifest?.dataVersion ?? '';

  useEffect(() => {
    clientRef.current = new CoverageClient();
    return () => clientRef.current?.dispose();
  }, []);

  useEffect(() => {
    if (db) void loadImportedPopulation(db).then(setPopulationState);
  }, [db]);

  const setPopulation = useCallback(
    async (next: ImportedPopulation | null) => {
      setPopulationState(next);
      if (db) await saveImportedPopulation(db, next);
    },
    [db],
  );

  useEffect(() => {
    if (!db || !dataVersion) return;
    let cancelled = false;
    void latestCoverageRun(db).then((row) => {
      if (cancelled || !row || !row.dataVersion.startsWith(dataVersion)) return;
      setState((prev) =>
        prev.status === 'idle'
          ? { status: 'done', output: row.output, label: row.label, fromCache: true, computedAt: row.createdAt }
          : prev,
      );
    });
    return () => {
      cancelled = true;
    };
  }, [db, dataVersion]);

  const run = useCallback(
    async (request: CoverageRequest, label: string, twoStep?: RunMessage['twoStep'] | null) => {
      const client = clientRef.current;
      if (!client || !dataVersion) return;
      const profiles = DEFAULT_TRAVEL_PROFILES;
      // The population is an input too: a run on imported people never answers for the model.
      const runVersion = population ? `${dataVersion}+population:${population.key}` : dataVersion;
      // Capacities change the 2SFCA part of the output, so they are part of the key too.
      const supplyKey = twoStep ? await sha256Hex(new TextEncoder().encode(stableStringify(twoStep))) : '';
      const key = await coverageRunKey(request, profiles, supplyKey ? `${runVersion}+supply:${supplyKey}` : runVersion);
      const cached = db ? await getCoverageRun(db, key) : undefined;
      if (cached) {
        setState({ status: 'done', output: cached.output, label, fromCache: true, computedAt: cached.createdAt });
        // Re-stamp so "the last run" restored on start is the one the user last looked at.
        if (db) await putCoverageRun(db, { ...cached, label, createdAt: new Date().toISOString() });
        return;
      }
      setState({ status: 'running', phase: 'loading', fraction: 0 });
      try {
        const output = await client.run(
          {
            type: 'run',
            runId: key,
            dataBaseUrl,
            dataVersion,
            request,
            profiles,
            ...(population ? { population: { key: population.key, bytes: population.bytes } } : {}),
            ...(twoStep ? { twoStep } : {}),
          },
          (phase, fraction) => setState({ status: 'running', phase, fraction }),
        );
        const computedAt = new Date().toISOString();
        if (db)
          await putCoverageRun(db, {
            key,
            createdAt: computedAt,
            label,
            request,
            profiles,
            dataVersion: runVersion,
            output,
          });
        setState({ status: 'done', output, label, fromCache: false, computedAt });
      } catch (error) {
        if (error instanceof CoverageCancelled) setState({ status: 'cancelled' });
        else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [db, dataBaseUrl, dataVersion, population],
  );

  const [siting, setSiting] = useState<{
    status: 'idle' | 'running' | 'error';
    result?: SitingResult;
    message?: string;
    fraction?: number;
  }>({ status: 'idle' });

  /** Best new sites on top of a run; the run itself is recomputed in the worker (fast) and not stored. */
  const site = useCallback(
    async (request: CoverageRequest, area: SitingArea, n: number, candidates?: SitingPoint[]) => {
      const client = clientRef.current;
      if (!client || !dataVersion) return;
      setSiting({ status: 'running', fraction: 0 });
      try {
        const output = await client.run(
          {
            type: 'run',
            runId: `siting-${Date.now()}`,
            dataBaseUrl,
            dataVersion,
            request,
            profiles: DEFAULT_TRAVEL_PROFILES,
            siting: candidates?.length ? { area, n, candidates } : { area, n },
            ...(population ? { population: { key: population.key, bytes: population.bytes } } : {}),
          },
          (phase, fraction) => phase === 'siting' && setSiting({ status: 'running', fraction }),
        );
        setSiting(
          output.siting ? { status: 'idle', result: output.siting } : { status: 'error', message: 'no result' },
        );
      } catch (error) {
        setSiting(
          error instanceof CoverageCancelled
            ? { status: 'idle' }
            : { status: 'error', message: error instanceof Error ? error.message : String(error) },
        );
      }
    },
    [dataBaseUrl, dataVersion, population],
  );

  const cancel = useCallback(() => clientRef.current?.cancel(), []);

  return { state, run, cancel, population, setPopulation, siting, site };
}
