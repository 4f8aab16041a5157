import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SitingResult } from '../../../core/equity/siting';
import { DEFAULT_TRAVEL_PROFILES } from '../../../shared/travel-profiles';
import type { CoverageRequest } from '../../../shared/coverage';
import type { AnalysisOutput, AnalysisSource, ScenarioSpec } from './analysis-protocol';
import { AnalysisCancelled, AnalysisSuperseded, createAnalysisService } from './analysis-service';
import { fakeSpawner } from './fake-analysis-worker';

const source: AnalysisSource = {
  dataBaseUrl: '/data/',
  dataVersion: 'v1',
  profiles: DEFAULT_TRAVEL_PROFILES,
  population: null,
};
const request: CoverageRequest = { method: 'network', profile: 'walk', thresholdsMin: [5], radiiM: [], facilities: [] };
const base = { runId: 'run-1', request };
const preview = (n: number): ScenarioSpec => ({
  base,
  change: { proposed: [{ id: `p${n}`, name: `p${n}`, lon: 120, lat: 28 }], closed: [] },
});
/** Results are opaque to the service: any object stands in for one. */
const output = (label: string) => ({ label }) as unknown as AnalysisOutput;
const siting = { sites: [] } as unknown as SitingResult;

describe('analysis service', () => {
  it('types each request’s params and result by its type', async () => {
    const { spawn, workers } = fakeSpawner();
    const service = createAnalysisService(spawn);
    const sites = service.request('site', source, { base, area: 'mountain', n: 3 });
    expectTypeOf(sites).resolves.toEqualTypeOf<SitingResult>();
    const message = workers[0]!.posted[0]!;
    expect(message).toMatchObject({ type: 'site', source, params: { base, area: 'mountain', n: 3 } });
    workers[0]!.reply({ kind: 'result', type: 'site', id: message.id, result: siting });
    expect(await sites).toBe(siting);

    // Never called: only the compiler reads these.
    const mistakes = async () => {
      // @ts-expect-error a preview takes a scenario, not siting options
      await service.request('preview', source, { base, area: 'mountain', n: 3 });
      // @ts-expect-error siting answers with sites, not a coverage output
      const wrong: AnalysisOutput = await service.request('site', source, { base, area: 'all', n: 1 });
      // @ts-expect-error no such request
      await service.request('isochrone', source, {});
      return wrong;
    };
    expect(typeof mistakes).toBe('function');
    service.dispose();
  });

  it('rejects a result of another type instead of passing it on', async () => {
    const { spawn, workers } = fakeSpawner();
    const service = createAnalysisService(spawn);
    const sites = service.request('site', source, { base, area: 'all', n: 1 });
    const { id } = workers[0]!.posted[0]!;
    workers[0]!.reply({ kind: 'result', type: 'run', id, result: output('run') });
    await expect(sites).rejects.toThrow('a run result answered a site request');
  });

  it('sends previews newest-only: one in flight, then only the newest that waited', async () => {
    const { spawn, workers } = fakeSpawner();
    const service = createAnalysisService(spawn);
    const first = service.request('preview', source, preview(1));
    const second = service.request('preview', source, preview(2));
    const third = service.request('preview', source, preview(3));
    const live = workers[0]!;
    expect(live.posted.map((m) => m.params)).toEqual([preview(1)]);
    await expect(second).rejects.toBeInstanceOf(AnalysisSuperseded);

    live.reply({ kind: 'result', type: 'preview', id: live.posted[0]!.id, result: output('1') });
    expect(await first).toEqual(output('1'));
    expect(live.posted.map((m) => m.params)).toEqual([preview(1), preview(3)]);
    live.reply({ kind: 'result', type: 'preview', id: live.posted[1]!.id, result: output('3') });
    expect(await third).toEqual(output('3'));
    expect(workers).toHaveLength(1);
  });

  it('sends jobs at once, in order, on a worker of their own, with their progress', async () => {
    const { spawn, workers } = fakeSpawner();
    const service = createAnalysisService(spawn);
    const phases: string[] = [];
    const run = service.request('run', source, { runId: 'run-1', request }, (phase, f) => phases.push(`${phase} ${f}`));
    const sites = service.request('site', source, { base, area: 'all', n: 1 });
    void service.request('preview', source, preview(1));
    const [jobs, live] = workers;
    expect(jobs!.posted.map((m) => m.type)).toEqual(['run', 'site']);
    expect(live!.posted.map((m) => m.type)).toEqual(['preview']);

    const [runId, siteId] = jobs!.posted.map((m) => m.id);
    jobs!.reply({ kind: 'progress', id: runId!, phase: 'routing', fraction: 0.5 });
    jobs!.reply({ kind: 'result', type: 'run', id: runId!, result: output('run') });
    jobs!.reply({ kind: 'error', id: siteId!, message: 'no candidates' });
    expect(await run).toEqual(output('run'));
    await expect(sites).rejects.toThrow('no candidates');
    expect(phases).toEqual(['routing 0.5']);
  });

  it('cancels by terminating the jobs worker: the run never resolves, previews go on', async () => {
    const { spawn, workers } = fakeSpawner();
    const service = createAnalysisService(spawn);
    const run = service.request('run', source, { runId: 'run-1', request });
    const previewing = service.request('preview', source, preview(1));
    const [jobs, live] = workers;
    service.cancel();
    await expect(run).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(jobs!.terminated).toBe(true);
    expect(live!.terminated).toBe(false);

    // A late answer from the terminated worker goes nowhere.
    jobs!.reply({ kind: 'result', type: 'run', id: jobs!.posted[0]!.id, result: output('late') });
    live!.reply({ kind: 'result', type: 'preview', id: live!.posted[0]!.id, result: output('preview') });
    expect(await previewing).toEqual(output('preview'));

    // The next job starts a fresh worker.
    const again = service.request('run', source, { runId: 'run-2', request });
    expect(workers).toHaveLength(3);
    workers[2]!.reply({ kind: 'result', type: 'run', id: workers[2]!.posted[0]!.id, result: output('again') });
    expect(await again).toEqual(output('again'));
  });

  it('rejects everything on a worker that fails, and starts a fresh one next time', async () => {
    const { spawn, workers } = fakeSpawner();
    const service = createAnalysisService(spawn);
    const first = service.request('preview', source, preview(1));
    const waiting = service.request('preview', source, preview(2));
    workers[0]!.fail('out of memory');
    await expect(first).rejects.toThrow('out of memory');
    await expect(waiting).rejects.toThrow('out of memory');
    expect(workers[0]!.terminated).toBe(true);
    void service.request('preview', source, preview(3));
    expect(workers).toHaveLength(2);
    expect(workers[1]!.posted.map((m) => m.params)).toEqual([preview(3)]);
  });

  it('dispose stops both workers', async () => {
    const { spawn, workers } = fakeSpawner();
    const service = createAnalysisService(spawn);
    const run = service.request('run', source, { runId: 'run-1', request });
    const previewing = service.request('preview', source, preview(1));
    service.dispose();
    await expect(run).rejects.toBeInstanceOf(AnalysisCancelled);
    await expect(previewing).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });
});
