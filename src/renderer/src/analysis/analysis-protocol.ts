/**
 * Everything the analysis service and its workers say to each other, typed per request in the
 * style of MapLibre's actor_messages.ts: `AnalysisRequestMap` maps each request type to its
 * params and its result, and both the service's `request` and the worker's handlers are typed
 * from it. A new request type is one entry here plus one handler (analysis-handlers.ts); the
 * compiler then asks for nothing else, and refuses a handler that is missing or mistyped.
 */
import type { CoverageAnalysis, ScenarioChange } from '../../../core/analysis/analyse-coverage';
import type { TwoStepAnalysis, TwoStepSupply } from '../../../core/analysis/two-step';
import type { SitingArea, SitingPoint, SitingResult } from '../../../core/equity/siting';
import type { CoverageRequest, TravelProfile } from '../../../shared/coverage';
import type { TravelProfileSpec } from '../../../shared/travel-profiles';

/** The data every request runs on. */
export interface AnalysisSource {
  dataBaseUrl: string;
  dataVersion: string;
  profiles: Record<TravelProfile, TravelProfileSpec>;
  /** The user's own population grid (encoded), used instead of the modelled one. */
  population: { key: string; bytes: Uint8Array } | null;
}

/**
 * A finished run the worker may still hold under `runId` (the run cache key). When it does not
 * (after a restart, a cancel, or for a run restored from IndexedDB) it runs `request` once again.
 */
export interface BaseRun {
  runId: string;
  request: CoverageRequest;
}

/** A scenario: changes on top of a base run. */
export interface ScenarioSpec {
  base: BaseRun;
  change: ScenarioChange;
}

/** A run as the worker returns it: the analysis without the road-node times only the CLI keeps. */
export type AnalysisOutput = Omit<CoverageAnalysis, 'nodeTimes'>;

export interface AnalysisRequestMap {
  /** A full run with its layers and equity review; the worker keeps it as a base run. */
  run: { params: { runId: string; request: CoverageRequest }; result: AnalysisOutput };
  /** 2SFCA for a run's request, its circle as the catchment. */
  twoStep: { params: { request: CoverageRequest; supply: TwoStepSupply }; result: TwoStepAnalysis };
  /** A live what-if: numbers only, on the base run. Newest-only (see analysis-service.ts). */
  preview: { params: ScenarioSpec; result: AnalysisOutput };
  /** The best new sites on top of a base run. */
  site: {
    params: { base: BaseRun; area: SitingArea; n: number; candidates?: SitingPoint[] };
    result: SitingResult;
  };
  /** Two scenarios side by side, with their layers. */
  compare: { params: { a: ScenarioSpec; b: ScenarioSpec }; result: { a: AnalysisOutput; b: AnalysisOutput } };
}

export type AnalysisRequestType = keyof AnalysisRequestMap;
export type AnalysisParams<T extends AnalysisRequestType> = AnalysisRequestMap[T]['params'];
export type AnalysisResult<T extends AnalysisRequestType> = AnalysisRequestMap[T]['result'];

export type AnalysisPhase = 'loading' | 'snapping' | 'routing' | 'summarising' | 'drawing' | 'siting';

/** To a worker: one request of type T. */
export interface WorkerRequestOf<T extends AnalysisRequestType> {
  type: T;
  id: number;
  source: AnalysisSource;
  params: AnalysisParams<T>;
}

/**
 * What a worker receives: one member per request type, so narrowing on `type` narrows `params`.
 * The service builds a `WorkerRequestOf<T>` from its typed `request<T>` arguments and posts it as
 * a `WorkerRequestOf<AnalysisRequestType>`: the same message, seen before the type is known.
 */
export type WorkerRequest = { [P in AnalysisRequestType]: WorkerRequestOf<P> }[AnalysisRequestType];

/** From a worker: the result of one request type. */
export type WorkerResultReply<T extends AnalysisRequestType = AnalysisRequestType> = {
  [P in T]: { kind: 'result'; type: P; id: number; result: AnalysisResult<P> };
}[T];

export type WorkerReply =
  | WorkerResultReply
  | { kind: 'progress'; id: number; phase: AnalysisPhase; fraction: number }
  | { kind: 'error'; id: number; message: string };

/** Whether a result answers a request of this type (checked at run time, not assumed). */
export function isResultOf<T extends AnalysisRequestType>(
  reply: WorkerResultReply,
  type: T,
): reply is Extract<WorkerResultReply, { type: T }> {
  return reply.type === type;
}
