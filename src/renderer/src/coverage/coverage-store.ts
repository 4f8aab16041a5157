/**
 * Coverage and analysis state: the run on screen (computed, read from the run cache or restored
 * on start), the population it runs on, siting, the what-if on top of it, and the split view.
 * Computation goes through the analysis service, storage through the repositories in db/; the
 * store is where the two meet. A run is stored only once it has finished: a cancelled or failed
 * run leaves nothing behind.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ENGINE_VERSION } from '../../../core/analysis/engine-version';
import type { TwoStepSupply } from '../../../core/analysis/two-step';
import type { SitingArea, SitingPoint, SitingResult } from '../../../core/equity/siting';
import { sha256Hex } from '../../../core/import/sha256';
import { stableStringify } from '../../../core/util/stable-json';
import type { CoverageRequest, TravelProfile } from '../../../shared/coverage';
import { DEFAULT_TRAVEL_PROFILES, type TravelProfileSpec } from '../../../shared/travel-profiles';
import type { AnalysisOutput, AnalysisPhase, AnalysisSource, BaseRun } from '../analysis/analysis-protocol';
import { AnalysisCancelled, AnalysisSuperseded, type AnalysisService } from '../analysis/analysis-service';
import {
  coverageRunKey,
  getCoverageRun,
  isCurrentRun,
  latestCoverageRun,
  putCoverageRun,
  type StoredCoverageOutput,
} from '../db/coverage-run-repo';
import {
  loadImportedPopulation,
  saveImportedPopulation,
  type ImportedPopulation,
} from '../db/imported-population-repo';
import type { OutuDb } from '../db/outu-db';
import type { ScenarioRow } from '../db/scenario-repo';
import { scenarioSpec } from './scenarios';
import { hasChanges, NO_WHAT_IF, whatIfChange, type ProposedFacility, type WhatIfState } from './what-if';

export type CoverageRunState =
  | { status: 'idle' }
  | { status: 'running'; phase: AnalysisPhase; fraction: number }
  | {
      status: 'done';
      output: StoredCoverageOutput;
      /** The run cache key: also the id the analysis workers keep the run under. */
      key: string;
      label: string;
      fromCache: boolean;
      computedAt: string;
    }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export interface SitingState {
  status: 'idle' | 'running' | 'error';
  result?: SitingResult;
  message?: string;
  fraction?: number;
}

/** Scenario A on the main map, B on a second one; outputs null while they are computed. */
export interface SplitState {
  a: ScenarioRow;
  b: ScenarioRow;
  outputs: [AnalysisOutput, AnalysisOutput] | null;
}

export interface CoverageState {
  /** The shipped data's version; '' until the manifest is read (nothing runs before). */
  dataVersion: string;
  run: CoverageRunState;
  population: ImportedPopulation | null;
  siting: SitingState;
  whatIf: WhatIfState;
  split: SplitState | null;

  /** Loads the imported population and shows the last run, if it answers for this data and engine. */
  start(dataVersion: string): Promise<void>;
  runCoverage(request: CoverageRequest, label: string, supply: TwoStepSupply | null): Promise<void>;
  /** Stops the run (and any siting or comparison) under way. */
  cancel(): void;
  setPopulation(next: ImportedPopulation | null): Promise<void>;
  site(area: SitingArea, n: number, candidates?: SitingPoint[]): Promise<void>;
  addProposed(lon: number, lat: number): void;
  moveProposed(id: string, lon: number, lat: number): void;
  removeProposed(id: string): void;
  toggleClosed(facilityId: string): void;
  resetWhatIf(): void;
  /** How proposed facilities are named (in the UI's language); previews follow a change. */
  setProposedName(name: (index: number) => string): void;
  /** Rejects (after closing the split) when the comparison fails for another reason than a cancel. */
  openSplit(a: ScenarioRow, b: ScenarioRow): Promise<void>;
  closeSplit(): void;
}

export interface CoverageStoreDeps {
  service: Pick<AnalysisService, 'request' | 'cancel'>;
  /** null when IndexedDB is unavailable: everything works, nothing is kept. */
  db: OutuDb | null;
  dataBaseUrl: string;
  proposedName: (index: number) => string;
  profiles?: Record<TravelProfile, TravelProfileSpec>;
  /** Milliseconds for the preview round trip (performance.now in the app). */
  now?: () => number;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const stopped = (error: unknown) => error instanceof AnalysisCancelled || error instanceof AnalysisSuperseded;

export function createCoverageStore(deps: CoverageStoreDeps): StoreApi<CoverageState> {
  const { service, db, dataBaseUrl } = deps;
  const profiles = deps.profiles ?? DEFAULT_TRAVEL_PROFILES;
  const now = deps.now ?? (() => performance.now());
  let proposedName = deps.proposedName;
  /** Only the newest run, and previews of the current base and changes, may change the state. */
  let runToken = 0;
  let whatIfGeneration = 0;
  let proposedCount = 0;

  return createStore<CoverageState>()((set, get) => {
    const source = (): AnalysisSource => {
      const { population } = get();
      return {
        dataBaseUrl,
        dataVersion: get().dataVersion,
        profiles,
        population: population ? { key: population.key, bytes: population.bytes } : null,
      };
    };

    const baseRun = (): BaseRun | null => {
      const { run } = get();
      return run.status === 'done' ? { runId: run.key, request: run.output.result.request } : null;
    };

    /** A new run on screen starts a fresh what-if. */
    const showRun = (run: CoverageRunState) => {
      whatIfGeneration++;
      set({ run, whatIf: NO_WHAT_IF });
    };

    /**
     * Asks for a preview of the current changes. Answers come in the order asked (the service sends
     * the newest waiting one next), so each is shown as it arrives while the user drags; answers
     * for an earlier base, or from before the changes were cleared, are dropped.
     */
    const refreshPreview = () => {
      const base = baseRun();
      const { whatIf, dataVersion } = get();
      if (!base || !dataVersion || !hasChanges(whatIf)) {
        whatIfGeneration++;
        if (whatIf.preview) set({ whatIf: { ...whatIf, preview: null } });
        return;
      }
      const generation = whatIfGeneration;
      const sentAt = now();
      const change = whatIfChange(whatIf.proposed, whatIf.closed, proposedName);
      service.request('preview', source(), { base, change }).then(
        (preview) => {
          if (generation !== whatIfGeneration) return;
          set({ whatIf: { ...get().whatIf, preview, latencyMs: now() - sentAt } });
        },
        (error: unknown) => {
          // A preview is a courtesy while dragging: a newer one follows, a failed one shows nothing.
          if (!stopped(error)) console.error('OuTu: what-if preview failed', error);
        },
      );
    };

    const changeWhatIf = (change: (whatIf: WhatIfState) => Partial<WhatIfState>) => {
      const whatIf = get().whatIf;
      set({ whatIf: { ...whatIf, ...change(whatIf) } });
      refreshPreview();
    };

    return {
      dataVersion: '',
      run: { status: 'idle' },
      population: null,
      siting: { status: 'idle' },
      whatIf: NO_WHAT_IF,
      split: null,

      async start(dataVersion) {
        set({ dataVersion });
        if (!db) return;
        const population = await loadImportedPopulation(db);
        // A population chosen meanwhile is the user's newer choice.
        if (get().population === null) set({ population });
        const row = await latestCoverageRun(db);
        if (!row || !isCurrentRun(row, dataVersion) || get().run.status !== 'idle') return;
        showRun({
          status: 'done',
          output: row.output,
          key: row.key,
          label: row.label,
          fromCache: true,
          computedAt: row.createdAt,
        });
      },

      async runCoverage(request, label, supply) {
        const { dataVersion, population, run, siting } = get();
        if (!dataVersion) return;
        const token = ++runToken;
        // One job at a time, as before: a new run replaces the run or siting under way.
        if (run.status === 'running' || siting.status === 'running') service.cancel();
        // The population is an input too: a run on imported people never answers for the model.
        const runVersion = population ? `${dataVersion}+population:${population.key}` : dataVersion;
        // Capacities change the 2SFCA part of the output, so they are part of the key too.
        const supplyKey = supply ? await sha256Hex(new TextEncoder().encode(stableStringify(supply))) : '';
        const version = supplyKey ? `${runVersion}+supply:${supplyKey}` : runVersion;
        const key = await coverageRunKey(request, profiles, version);
        const cached = db ? await getCoverageRun(db, key) : undefined;
        if (token !== runToken) return;
        if (cached) {
          showRun({ status: 'done', output: cached.output, key, label, fromCache: true, computedAt: cached.createdAt });
          // Re-stamp so "the last run" restored on start is the one the user last looked at.
          if (db) await putCoverageRun(db, { ...cached, label, createdAt: new Date().toISOString() });
          return;
        }
        const onProgress = (phase: AnalysisPhase, fraction: number) => {
          if (token === runToken) set({ run: { status: 'running', phase, fraction } });
        };
        set({ run: { status: 'running', phase: 'loading', fraction: 0 } });
        try {
          const computed = await service.request('run', source(), { runId: key, request }, onProgress);
          const twoStep = supply ? await service.request('twoStep', source(), { request, supply }, onProgress) : null;
          const output: StoredCoverageOutput = { ...computed, ...(twoStep ? { twoStep } : {}) };
          const computedAt = new Date().toISOString();
          if (db)
            await putCoverageRun(db, {
              key,
              createdAt: computedAt,
              label,
              request,
              profiles,
              dataVersion: version,
              engineVersion: ENGINE_VERSION,
              output,
            });
          if (token === runToken) showRun({ status: 'done', output, key, label, fromCache: false, computedAt });
        } catch (error) {
          if (token !== runToken) return;
          set({ run: stopped(error) ? { status: 'cancelled' } : { status: 'error', message: message(error) } });
        }
      },

      cancel() {
        service.cancel();
      },

      async setPopulation(population) {
        set({ population });
        refreshPreview();
        if (db) await saveImportedPopulation(db, population);
      },

      async site(area, n, candidates) {
        const base = baseRun();
        if (!base || !get().dataVersion) return;
        set({ siting: { status: 'running', fraction: 0 } });
        const onProgress = (phase: AnalysisPhase, fraction: number) => {
          if (phase === 'siting') set({ siting: { status: 'running', fraction } });
        };
        const params = { base, area, n, ...(candidates?.length ? { candidates } : {}) };
        try {
          const result = await service.request('site', source(), params, onProgress);
          set({ siting: { status: 'idle', result } });
        } catch (error) {
          set({ siting: stopped(error) ? { status: 'idle' } : { status: 'error', message: message(error) } });
        }
      },

      addProposed(lon, lat) {
        // Unique across sessions too: saved scenarios keep these ids.
        const id = `proposed-${Date.now()}-${++proposedCount}`;
        changeWhatIf(({ proposed }) => ({ proposed: [...proposed, { id, lon, lat }] }));
      },
      moveProposed(id, lon, lat) {
        changeWhatIf(({ proposed }) => ({
          proposed: proposed.map((p): ProposedFacility => (p.id === id ? { ...p, lon, lat } : p)),
        }));
      },
      removeProposed(id) {
        changeWhatIf(({ proposed }) => ({ proposed: proposed.filter((p) => p.id !== id) }));
      },
      toggleClosed(facilityId) {
        changeWhatIf(({ closed }) => ({
          closed: closed.includes(facilityId) ? closed.filter((id) => id !== facilityId) : [...closed, facilityId],
        }));
      },
      resetWhatIf() {
        changeWhatIf(() => ({ proposed: [], closed: [] }));
      },
      setProposedName(name) {
        proposedName = name;
        refreshPreview();
      },

      async openSplit(a, b) {
        set({ split: { a, b, outputs: null } });
        const base = baseRun();
        try {
          const both = await service.request('compare', source(), {
            a: scenarioSpec(a, base),
            b: scenarioSpec(b, base),
          });
          const split = get().split;
          if (split?.a.id === a.id && split.b.id === b.id) set({ split: { a, b, outputs: [both.a, both.b] } });
        } catch (error) {
          const split = get().split;
          if (split?.a.id === a.id && split.b.id === b.id) set({ split: null });
          if (!stopped(error)) throw error;
        }
      },
      closeSplit() {
        set({ split: null });
      },
    };
  });
}
