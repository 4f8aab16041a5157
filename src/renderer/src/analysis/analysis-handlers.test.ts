import { describe, expect, it } from 'vitest';
import { analyseCoverage, analyseScenario, scenarioRequest } from '../../../core/analysis/analyse-coverage';
import { townData, townPoint } from '../../../core/analysis/test-fixtures';
import type { CoverageRunOutput } from '../../../core/coverage/run-coverage';
import { TEST_PROFILES } from '../../../core/equity/test-network';
import type { CoverageFacility, CoverageRequest } from '../../../shared/coverage';
import { BaseRunCache, handleRequest, type HandlerContext } from './analysis-handlers';
import type { AnalysisPhase, ScenarioSpec } from './analysis-protocol';

const town = townData();
const request: CoverageRequest = {
  method: 'network',
  profile: 'drive',
  thresholdsMin: [4, 8],
  radiiM: [],
  facilities: [
    { id: 'a', name: 'a', ...townPoint(town, 1, 1, 0.3) },
    { id: 'b', name: 'b', ...townPoint(town, 6, 4, 0.2) },
  ],
};
const proposed: CoverageFacility[] = [{ id: 'p', name: 'new', ...townPoint(town, 3, 3, 0.5) }];

function context(dataKey = 'town'): HandlerContext & { phases: AnalysisPhase[] } {
  const phases: AnalysisPhase[] = [];
  return {
    data: town,
    profiles: TEST_PROFILES,
    dataKey,
    bases: new BaseRunCache(),
    progress: (phase) => phases.push(phase),
    phases,
  };
}

describe('analysis handlers', () => {
  it('run: the analysis with its layers, kept as a base run for what comes next', () => {
    const ctx = context();
    const output = handleRequest('run', { runId: 'r1', request }, ctx);
    const direct = analyseCoverage(town, request, TEST_PROFILES)!;
    expect(Array.from(output.result.cellMinutes)).toEqual(Array.from(direct.result.cellMinutes));
    expect(output.bands).toEqual(direct.bands);
    expect(output.equity.gini).toBe(direct.equity.gini);
    expect(ctx.phases).toContain('routing');

    const spec: ScenarioSpec = { base: { runId: 'r1', request }, change: { proposed, closed: [] } };
    const preview = handleRequest('preview', spec, ctx);
    expect(ctx.bases.recomputed).toBe(0);
    const scenario = analyseScenario(town, TEST_PROFILES, direct, spec.change, { numbersOnly: true })!;
    expect(preview.result.total).toEqual(scenario.result.total);
    expect(preview.bands.features).toHaveLength(0);
    expect(preview.equity.gaps.length).toBeLessThanOrEqual(20);
  });

  it('runs a base run it does not hold once, then reuses it', () => {
    const ctx = context();
    const spec: ScenarioSpec = { base: { runId: 'restored', request }, change: { proposed, closed: [] } };
    const first = handleRequest('preview', spec, ctx);
    expect(ctx.bases.recomputed).toBe(1);
    const again = handleRequest('preview', spec, ctx);
    handleRequest('site', { base: spec.base, area: 'all', n: 1 }, ctx);
    expect(ctx.bases.recomputed).toBe(1);
    expect(again.result.total).toEqual(first.result.total);
    const full = analyseCoverage(town, scenarioRequest(request, spec.change), TEST_PROFILES, { numbersOnly: true })!;
    expect(first.result.total).toEqual(full.result.total);
  });

  it('never reuses a base run on other data or another population', () => {
    const ctx = context('modelled');
    handleRequest('run', { runId: 'r1', request }, ctx);
    const other = { ...ctx, dataKey: 'imported:abc' };
    handleRequest('preview', { base: { runId: 'r1', request }, change: { proposed, closed: [] } }, other);
    expect(ctx.bases.recomputed).toBe(1);
  });

  it('site: the best new sites on the base run', () => {
    const ctx = context();
    handleRequest('run', { runId: 'r1', request }, ctx);
    const sites = handleRequest('site', { base: { runId: 'r1', request }, area: 'all', n: 2 }, ctx);
    expect(ctx.bases.recomputed).toBe(0);
    expect(sites.sites.length).toBeGreaterThan(0);
    expect(sites.coveredAfter).toBeGreaterThan(sites.coveredBefore);
    expect(ctx.phases).toContain('siting');
  });

  it('compare: both scenarios with their layers', () => {
    const ctx = context();
    handleRequest('run', { runId: 'r1', request }, ctx);
    const a: ScenarioSpec = { base: { runId: 'r1', request }, change: { proposed: [], closed: [] } };
    const b: ScenarioSpec = { base: { runId: 'r1', request }, change: { proposed, closed: ['a'] } };
    const both = handleRequest('compare', { a, b }, ctx);
    expect(both.a.bands.features.length).toBeGreaterThan(0);
    expect(both.b.bands.features.length).toBeGreaterThan(0);
    expect(both.b.result.request.facilities.map((f) => f.id)).toEqual(['b', 'p']);
    expect(both.a.result.total.covered).not.toBe(both.b.result.total.covered);
  });

  it('twoStep: 2SFCA for the run’s circle', () => {
    const supply = { supply: request.facilities.map((f) => ({ ...f, supply: 20 })), field: 'beds' as const, per: 1000 };
    const found = handleRequest('twoStep', { request, supply }, context());
    expect(found.result.catchment).toBe(8);
    expect(found.cells.features.length).toBeGreaterThan(0);
  });
});

describe('BaseRunCache', () => {
  it('keeps the most recently used runs', () => {
    const cache = new BaseRunCache(2);
    const run = {} as CoverageRunOutput;
    cache.set('a', run);
    cache.set('b', run);
    expect(cache.get('a')).toBe(run);
    cache.set('c', run);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(run);
    expect(cache.get('c')).toBe(run);
  });
});
