/**
 * What a worker does for each request type: one handler per entry of AnalysisRequestMap, each a
 * call into core's analysis functions. Kept apart from the worker's messaging so it runs (and is
 * tested) under Node as it runs in the worker.
 *
 * Base runs: a `run` is kept under its run id, and siting, previews and comparisons build on it
 * instead of running it again. A base the worker does not hold (it restarted, or the run was
 * restored from IndexedDB) is run once, numbers only, and kept from then on.
 */
import { analyseCoverage, analyseScenario, type CoverageAnalysis } from '../../../core/analysis/analyse-coverage';
import { analyseTwoStep } from '../../../core/analysis/two-step';
import { runCoverage, type CoverageData, type CoverageRunOutput } from '../../../core/coverage/run-coverage';
import { siteFacilities } from '../../../core/equity/siting';
import type { TravelProfile } from '../../../shared/coverage';
import type { TravelProfileSpec } from '../../../shared/travel-profiles';
import type {
  AnalysisOutput,
  AnalysisParams,
  AnalysisPhase,
  AnalysisRequestType,
  AnalysisResult,
  BaseRun,
  ScenarioSpec,
} from './analysis-protocol';

/** Gaps listed with a stored run, and with a live preview (only the figures are shown there). */
const RUN_GAPS = 50;
const PREVIEW_GAPS = 20;

/** The last few finished runs, least recently used first out. */
export class BaseRunCache {
  private readonly runs = new Map<string, CoverageRunOutput>();
  /** Base runs that had to be run again because they were not held: what reuse saves. */
  recomputed = 0;

  constructor(private readonly capacity = 4) {}

  get(key: string): CoverageRunOutput | undefined {
    const run = this.runs.get(key);
    if (run) {
      this.runs.delete(key);
      this.runs.set(key, run);
    }
    return run;
  }

  set(key: string, run: CoverageRunOutput): void {
    this.runs.delete(key);
    this.runs.set(key, run);
    for (const oldest of this.runs.keys()) {
      if (this.runs.size <= this.capacity) break;
      this.runs.delete(oldest);
    }
  }
}

export interface HandlerContext {
  data: CoverageData;
  profiles: Record<TravelProfile, TravelProfileSpec>;
  /** Identifies the data and population: a base run is only reused on the data it was run on. */
  dataKey: string;
  bases: BaseRunCache;
  progress: (phase: AnalysisPhase, fraction: number) => void;
}

/** Core returns null only when asked to stop, which a worker never asks (it is terminated instead). */
function finished<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`${what} stopped unexpectedly`);
  return value;
}

function withoutNodeTimes({ nodeTimes: _unused, ...output }: CoverageAnalysis): AnalysisOutput {
  return output;
}

function baseRun(ctx: HandlerContext, base: BaseRun): CoverageRunOutput {
  const key = `${ctx.dataKey}|${base.runId}`;
  const held = ctx.bases.get(key);
  if (held) return held;
  ctx.bases.recomputed++;
  const run = finished(
    runCoverage(ctx.data, base.request, ctx.profiles, { numbersOnly: true, onProgress: ctx.progress }),
    'base run',
  );
  ctx.bases.set(key, run);
  return run;
}

function scenario(ctx: HandlerContext, spec: ScenarioSpec, numbersOnly: boolean): AnalysisOutput {
  const output = analyseScenario(ctx.data, ctx.profiles, baseRun(ctx, spec.base), spec.change, {
    numbersOnly,
    equity: { gapLimit: numbersOnly ? PREVIEW_GAPS : RUN_GAPS },
  });
  return withoutNodeTimes(finished(output, 'scenario'));
}

type Handlers = {
  [T in AnalysisRequestType]: (params: AnalysisParams<T>, ctx: HandlerContext) => AnalysisResult<T>;
};

export const HANDLERS: Handlers = {
  run({ runId, request }, ctx) {
    const output = finished(
      analyseCoverage(
        ctx.data,
        request,
        ctx.profiles,
        { equity: { gapLimit: RUN_GAPS } },
        { onProgress: ctx.progress },
      ),
      'coverage run',
    );
    ctx.bases.set(`${ctx.dataKey}|${runId}`, output);
    ctx.progress('summarising', 1);
    return withoutNodeTimes(output);
  },
  twoStep({ request, supply }, ctx) {
    const onProgress = (fraction: number) => ctx.progress('summarising', fraction);
    return finished(analyseTwoStep(ctx.data, ctx.profiles, request, supply, { onProgress }), '2SFCA');
  },
  preview(spec, ctx) {
    return scenario(ctx, spec, true);
  },
  site({ base, area, n, candidates }, ctx) {
    const run = baseRun(ctx, base);
    const options = candidates?.length ? { area, n, candidates } : { area, n };
    const onProgress = (fraction: number) => ctx.progress('siting', fraction);
    return finished(siteFacilities(ctx.data, ctx.profiles, run, options, { onProgress }), 'siting');
  },
  compare({ a, b }, ctx) {
    return { a: scenario(ctx, a, false), b: scenario(ctx, b, false) };
  },
};

/** Runs the handler of one request (type and params taken from the same message). */
export function handleRequest<T extends AnalysisRequestType>(
  type: T,
  params: AnalysisParams<T>,
  ctx: HandlerContext,
): AnalysisResult<T> {
  return HANDLERS[type](params, ctx);
}
