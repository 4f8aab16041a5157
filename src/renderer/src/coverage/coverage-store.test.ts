import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../../core/analysis/engine-version';
import type { TwoStepAnalysis } from '../../../core/analysis/two-step';
import type { SitingResult } from '../../../core/equity/siting';
import type { CoverageRequest, CoverageResult } from '../../../shared/coverage';
import type {
  AnalysisOutput,
  AnalysisParams,
  AnalysisPhase,
  AnalysisRequestType,
  AnalysisResult,
  AnalysisSource,
} from '../analysis/analysis-protocol';
import { AnalysisCancelled, AnalysisSuperseded, type AnalysisService } from '../analysis/analysis-service';
import { coverageRunKey, putCoverageRun, type CoverageRunRow } from '../db/coverage-run-repo';
import { saveImportedPopulation, type ImportedPopulation } from '../db/imported-population-repo';
import { OutuDb } from '../db/outu-db';
import type { ScenarioRow } from '../db/scenario-repo';
import { createCoverageStore } from './coverage-store';

interface Call {
  type: AnalysisRequestType;
  source: AnalysisSource;
  params: unknown;
  onProgress: ((phase: AnalysisPhase, fraction: number) => void) | undefined;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** The analysis service, answered by hand. */
class FakeService implements Pick<AnalysisService, 'request' | 'cancel'> {
  readonly calls: Call[] = [];
  cancelled = 0;

  request<T extends AnalysisRequestType>(
    type: T,
    source: AnalysisSource,
    params: AnalysisParams<T>,
    onProgress?: (phase: AnalysisPhase, fraction: number) => void,
  ): Promise<AnalysisResult<T>> {
    return new Promise<AnalysisResult<T>>((resolve, reject) =>
      // The test hands each call the result its type expects.
      this.calls.push({ type, source, params, onProgress, resolve: (r) => resolve(r as AnalysisResult<T>), reject }),
    );
  }

  cancel(): void {
    this.cancelled++;
    for (const call of this.calls.splice(0)) if (call.type !== 'preview') call.reject(new AnalysisCancelled());
  }

  /** The oldest unanswered call of this type, once the store has made it. */
  async take(type: AnalysisRequestType): Promise<Call> {
    for (let waited = 0; waited < 5000; waited += 5) {
      const k = this.calls.findIndex((c) => c.type === type);
      if (k >= 0) return this.calls.splice(k, 1)[0]!;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no ${type} request (have: ${this.calls.map((c) => c.type).join(', ')})`);
  }

  /** Waits until the store has made a call of this type, leaving it unanswered. */
  async made(type: AnalysisRequestType): Promise<void> {
    this.calls.push(await this.take(type));
  }
}

const request: CoverageRequest = {
  method: 'network',
  profile: 'drive',
  thresholdsMin: [90],
  radiiM: [],
  facilities: [{ id: 'a', name: 'A', lon: 120.6, lat: 28 }],
};
const output = (covered: number, req = request): AnalysisOutput =>
  ({
    result: { request: req, total: { covered } } as unknown as CoverageResult,
    bands: { type: 'FeatureCollection', features: [] },
    uncovered: { type: 'FeatureCollection', features: [] },
    cellSecond: new Float32Array(2),
    equity: { gini: 0.3 },
  }) as unknown as AnalysisOutput;
const population: ImportedPopulation = {
  name: 'people.csv',
  key: 'grid-1',
  bytes: Uint8Array.from([1]),
  people: 5,
  cells: 1,
  rejectedPoints: 0,
  rejectedPeople: 0,
};
/** Lets awaited promises (IndexedDB, hashing, the fake's answers) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

const opened: OutuDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function setup(options: { db?: boolean } = {}) {
  const service = new FakeService();
  const db =
    options.db === false ? null : new OutuDb('coverage-store', undefined, { indexedDB: new IDBFactory(), IDBKeyRange });
  if (db) opened.push(db);
  let clock = 0;
  const store = createCoverageStore({
    service,
    db,
    dataBaseUrl: '/data/',
    proposedName: (i) => `proposed ${i + 1}`,
    now: () => (clock += 10),
  });
  return { service, db, store, state: () => store.getState() };
}

/** A finished run on screen. */
async function ranOnce(s: ReturnType<typeof setup>, covered = 100) {
  await s.state().start('v1');
  const running = s.state().runCoverage(request, 'rural', null);
  (await s.service.take('run')).resolve(output(covered));
  await running;
  return s.state().run;
}

describe('coverage store: runs', () => {
  it('runs through the service with progress, stores the finished run, then answers it from the cache', async () => {
    const s = setup();
    await s.state().start('v1');
    const running = s.state().runCoverage(request, 'rural', null);
    const call = await s.service.take('run');
    expect(call.params).toMatchObject({ request });
    expect(call.source).toMatchObject({ dataBaseUrl: '/data/', dataVersion: 'v1', population: null });
    call.onProgress?.('routing', 0.5);
    expect(s.state().run).toEqual({ status: 'running', phase: 'routing', fraction: 0.5 });
    call.resolve(output(100));
    await running;

    const done = s.state().run;
    expect(done).toMatchObject({ status: 'done', label: 'rural', fromCache: false });
    if (done.status !== 'done') throw new Error('not done');
    expect(done.key).toBe(await coverageRunKey(request, (call.source as AnalysisSource).profiles, 'v1'));
    expect((call.params as { runId: string }).runId).toBe(done.key);
    const row = await s.db!.coverageRuns.get(done.key);
    expect(row).toMatchObject({ label: 'rural', dataVersion: 'v1', engineVersion: ENGINE_VERSION });
    expect(row!.output.cellSecond).toHaveLength(2);

    await s.state().runCoverage(request, 'again', null);
    expect(s.service.calls).toHaveLength(0);
    expect(s.state().run).toMatchObject({ status: 'done', fromCache: true, label: 'again', key: done.key });
  });

  it('adds 2SFCA when the facilities carry a capacity, under a key of its own', async () => {
    const s = setup();
    await s.state().start('v1');
    const supply = { supply: [{ id: 'a', lon: 120.6, lat: 28, supply: 10 }], field: 'beds' as const, per: 1000 };
    const running = s.state().runCoverage(request, 'beds', supply);
    (await s.service.take('run')).resolve(output(100));
    const twoStep = await s.service.take('twoStep');
    expect(twoStep.params).toEqual({ request, supply });
    const access = { field: 'beds', cells: { type: 'FeatureCollection', features: [] } } as unknown as TwoStepAnalysis;
    twoStep.resolve(access);
    await running;
    const run = s.state().run;
    expect(run.status === 'done' && run.output.twoStep).toBe(access);
    expect(run.status === 'done' && run.key).not.toBe(await coverageRunKey(request, twoStep.source.profiles, 'v1'));
  });

  it('cancels: the run stops, nothing is stored', async () => {
    const s = setup();
    await s.state().start('v1');
    const running = s.state().runCoverage(request, 'rural', null);
    await s.service.made('run');
    s.state().cancel();
    await running;
    expect(s.service.cancelled).toBe(1);
    expect(s.state().run).toEqual({ status: 'cancelled' });
    expect(await s.db!.coverageRuns.count()).toBe(0);
  });

  it('reports a failed run and stores nothing', async () => {
    const s = setup();
    await s.state().start('v1');
    const running = s.state().runCoverage(request, 'rural', null);
    (await s.service.take('run')).reject(new Error('HTTP 404'));
    await running;
    expect(s.state().run).toEqual({ status: 'error', message: 'HTTP 404' });
    expect(await s.db!.coverageRuns.count()).toBe(0);
  });

  it('a new run replaces the one under way', async () => {
    const s = setup();
    await s.state().start('v1');
    const first = s.state().runCoverage(request, 'first', null);
    await s.service.made('run');
    const other = { ...request, thresholdsMin: [60] };
    const second = s.state().runCoverage(other, 'second', null);
    await first;
    expect(s.service.cancelled).toBe(1);
    (await s.service.take('run')).resolve(output(60, other));
    await second;
    expect(s.state().run).toMatchObject({ status: 'done', label: 'second' });
  });

  it('does nothing before the data version is known', async () => {
    const s = setup();
    await s.state().runCoverage(request, 'rural', null);
    expect(s.service.calls).toHaveLength(0);
    expect(s.state().run).toEqual({ status: 'idle' });
  });
});

describe('coverage store: start and population', () => {
  const stored = (over: Partial<CoverageRunRow>): CoverageRunRow => ({
    key: 'k',
    createdAt: '2026-01-01T00:00:00.000Z',
    label: 'last',
    request,
    profiles: {} as CoverageRunRow['profiles'],
    dataVersion: 'v1',
    engineVersion: ENGINE_VERSION,
    output: output(100),
    ...over,
  });

  it('restores the last run when it answers for this data and engine', async () => {
    const s = setup();
    await putCoverageRun(s.db!, stored({}));
    await s.state().start('v1');
    expect(s.state().run).toMatchObject({ status: 'done', key: 'k', label: 'last', fromCache: true });
  });

  it('does not restore a run of another engine version or data version', async () => {
    for (const over of [{ engineVersion: 'older' }, { dataVersion: 'v0' }]) {
      const s = setup();
      await putCoverageRun(s.db!, stored(over));
      await s.state().start('v1');
      expect(s.state().run).toEqual({ status: 'idle' });
    }
  });

  it('loads the imported population, runs on it, keys the run by it, and forgets it', async () => {
    const s = setup();
    await saveImportedPopulation(s.db!, population);
    await s.state().start('v1');
    expect(s.state().population).toMatchObject({ key: 'grid-1' });
    const running = s.state().runCoverage(request, 'rural', null);
    const call = await s.service.take('run');
    expect(call.source.population).toEqual({ key: 'grid-1', bytes: population.bytes });
    call.resolve(output(5));
    await running;
    const run = s.state().run;
    if (run.status !== 'done') throw new Error('not done');
    expect((await s.db!.coverageRuns.get(run.key))!.dataVersion).toBe('v1+population:grid-1');

    await s.state().setPopulation(null);
    expect(s.state().population).toBeNull();
    expect(await s.db!.settings.get('importedPopulation')).toBeUndefined();
  });

  it('works without IndexedDB, keeping nothing', async () => {
    const s = setup({ db: false });
    await ranOnce(s);
    expect(s.state().run).toMatchObject({ status: 'done', fromCache: false });
  });
});

describe('coverage store: what-if', () => {
  it('previews changes on the base run, names proposed facilities, measures the round trip', async () => {
    const s = setup();
    const run = await ranOnce(s);
    if (run.status !== 'done') throw new Error('not done');
    s.state().addProposed(119.8, 27.4);
    s.state().toggleClosed('a');
    const [first, second] = [await s.service.take('preview'), await s.service.take('preview')];
    expect(second.params).toEqual({
      base: { runId: run.key, request },
      change: { proposed: [{ id: expect.any(String), name: 'proposed 1', lon: 119.8, lat: 27.4 }], closed: ['a'] },
    });
    // While dragging, each answer shows as it comes.
    first.resolve(output(110));
    await settle();
    expect(s.state().whatIf.preview?.result.total.covered).toBe(110);
    second.resolve(output(120));
    await settle();
    expect(s.state().whatIf.preview?.result.total.covered).toBe(120);
    expect(s.state().whatIf.latencyMs).toBeGreaterThan(0);

    const id = s.state().whatIf.proposed[0]!.id;
    s.state().moveProposed(id, 119.9, 27.5);
    expect(s.state().whatIf.proposed).toEqual([{ id, lon: 119.9, lat: 27.5 }]);
    s.state().toggleClosed('a');
    expect(s.state().whatIf.closed).toEqual([]);
    s.state().setProposedName((i) => `新建 ${i + 1}`);
    const renamed = s.service.calls.at(-1)!;
    expect(renamed.params).toMatchObject({ change: { proposed: [{ name: '新建 1' }] } });
  });

  it('drops a superseded preview and an answer that comes after the changes were cleared', async () => {
    const s = setup();
    await ranOnce(s);
    s.state().addProposed(119.8, 27.4);
    const late = await s.service.take('preview');
    s.state().resetWhatIf();
    expect(s.state().whatIf).toMatchObject({ proposed: [], closed: [], preview: null });
    expect(s.service.calls).toHaveLength(0);
    late.resolve(output(150));
    await settle();
    expect(s.state().whatIf.preview).toBeNull();

    s.state().addProposed(119.8, 27.4);
    (await s.service.take('preview')).reject(new AnalysisSuperseded());
    await settle();
    expect(s.state().whatIf.preview).toBeNull();
  });

  it('starts a fresh what-if on a new base run', async () => {
    const s = setup();
    await ranOnce(s);
    s.state().addProposed(119.8, 27.4);
    const pending = await s.service.take('preview');
    const running = s.state().runCoverage({ ...request, thresholdsMin: [30] }, 'drive 30', null);
    (await s.service.take('run')).resolve(output(50));
    await running;
    expect(s.state().whatIf).toEqual({ proposed: [], closed: [], preview: null, latencyMs: null });
    pending.resolve(output(999));
    await settle();
    expect(s.state().whatIf.preview).toBeNull();
  });

  it('removes a proposed facility; with no change left there is no preview', async () => {
    const s = setup();
    await ranOnce(s);
    s.state().addProposed(119.8, 27.4);
    (await s.service.take('preview')).resolve(output(110));
    await settle();
    s.state().removeProposed(s.state().whatIf.proposed[0]!.id);
    expect(s.state().whatIf.preview).toBeNull();
    expect(s.service.calls).toHaveLength(0);
  });
});

describe('coverage store: siting and split', () => {
  it('sites on the base run, with progress and the user’s candidates', async () => {
    const s = setup();
    const run = await ranOnce(s);
    if (run.status !== 'done') throw new Error('not done');
    const candidates = [{ id: 'c', name: 'C', lon: 119.9, lat: 27.5 }];
    const siting = s.state().site('mountain', 3, candidates);
    const call = await s.service.take('site');
    expect(call.params).toEqual({ base: { runId: run.key, request }, area: 'mountain', n: 3, candidates });
    call.onProgress?.('siting', 0.25);
    expect(s.state().siting).toEqual({ status: 'running', fraction: 0.25 });
    const result = { sites: [] } as unknown as SitingResult;
    call.resolve(result);
    await siting;
    expect(s.state().siting).toEqual({ status: 'idle', result });

    const failing = s.state().site('all', 1);
    expect(s.service.calls.at(-1)!.params).not.toHaveProperty('candidates');
    (await s.service.take('site')).reject(new Error('no road'));
    await failing;
    expect(s.state().siting).toEqual({ status: 'error', message: 'no road' });
  });

  it('compares two scenarios: on the base run when built on it, otherwise on their own', async () => {
    const s = setup();
    const run = await ranOnce(s);
    if (run.status !== 'done') throw new Error('not done');
    const proposed = { id: 'p1', name: 'proposed 1', lon: 119.8, lat: 27.4 };
    const scenario = (id: string, req: CoverageRequest, p: ScenarioRow['proposed']): ScenarioRow => ({
      id,
      name: id,
      createdAt: '2026-01-01',
      baseLabel: 'rural',
      request: req,
      proposed: p,
      closed: [],
      summary: {} as ScenarioRow['summary'],
    });
    const onBase = scenario('a', { ...request, facilities: [...request.facilities, proposed] }, [
      { id: 'p1', lon: 119.8, lat: 27.4 },
    ]);
    const elsewhere = scenario('b', { ...request, thresholdsMin: [60] }, []);
    const opening = s.state().openSplit(onBase, elsewhere);
    expect(s.state().split).toEqual({ a: onBase, b: elsewhere, outputs: null });
    const call = await s.service.take('compare');
    expect(call.params).toEqual({
      a: { base: { runId: run.key, request }, change: { proposed: [proposed], closed: [] } },
      b: { base: { runId: 'scenario:b', request: elsewhere.request }, change: { proposed: [], closed: [] } },
    });
    call.resolve({ a: output(110), b: output(90) });
    await opening;
    expect(s.state().split?.outputs?.map((o) => o.result.total.covered)).toEqual([110, 90]);
    s.state().closeSplit();
    expect(s.state().split).toBeNull();

    const failing = s.state().openSplit(onBase, elsewhere);
    (await s.service.take('compare')).reject(new Error('worker died'));
    await expect(failing).rejects.toThrow('worker died');
    expect(s.state().split).toBeNull();
  });
});
