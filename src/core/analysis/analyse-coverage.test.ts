import { describe, expect, it } from 'vitest';
import type { CoverageFacility, CoverageRequest } from '../../shared/coverage';
import { runCoverage } from '../coverage/run-coverage';
import { equitySummary } from '../equity/equity-summary';
import { TEST_PROFILES } from '../equity/test-network';
import {
  analyseCoverage,
  analyseScenario,
  isIncrementalChange,
  scenarioRequest,
  withLayers,
  type CoverageAnalysis,
  type ScenarioChange,
} from './analyse-coverage';
import { townData, townPoint } from './test-fixtures';

const town = townData();
const existing: CoverageFacility[] = [
  { id: 'a', name: 'a', ...townPoint(town, 1, 1, 0.3) },
  { id: 'b', name: 'b', ...townPoint(town, 6, 4, 0.2) },
];
const network: CoverageRequest = {
  method: 'network',
  profile: 'drive',
  thresholdsMin: [4, 8],
  radiiM: [],
  facilities: existing,
};
const proposed: CoverageFacility[] = [
  { id: 'p1', name: 'new 1', ...townPoint(town, 4, 2, 0.4) },
  { id: 'p2', name: 'new 2', ...townPoint(town, 0, 5) },
];
const analyse = (request: CoverageRequest, numbersOnly = false) =>
  analyseCoverage(town, request, TEST_PROFILES, { numbersOnly })!;

/** Same figures, whichever way they were computed (the time taken aside). */
function expectSameAnalysis(actual: CoverageAnalysis, expected: CoverageAnalysis) {
  expect(Array.from(actual.result.cellMinutes)).toEqual(Array.from(expected.result.cellMinutes));
  expect(Array.from(actual.cellSecond)).toEqual(Array.from(expected.cellSecond));
  expect(actual.result.request).toEqual(expected.result.request);
  for (const key of ['total', 'mountain', 'other', 'counties', 'facilities'] as const)
    expect(actual.result[key]).toEqual(expected.result[key]);
  expect({ ...actual.equity, computeMs: 0 }).toEqual({ ...expected.equity, computeMs: 0 });
  expect(actual.bands).toEqual(expected.bands);
  expect(actual.uncovered).toEqual(expected.uncovered);
}

describe('analyseCoverage', () => {
  it('is the coverage run and its equity review', () => {
    const analysis = analyse(network);
    const run = runCoverage(town, network, TEST_PROFILES)!;
    expect(Array.from(analysis.result.cellMinutes)).toEqual(Array.from(run.result.cellMinutes));
    expect(analysis.bands).toEqual(run.bands);
    expect(analysis.equity.gini).toBe(equitySummary(run, town.grid).gini);
    expect(analysis.result.total.covered).toBeGreaterThan(0);
    expect(analysis.result.total.covered).toBeLessThan(analysis.result.total.population);
  });

  it('passes equity options and numbers-only through', () => {
    const analysis = analyseCoverage(town, network, TEST_PROFILES, {
      numbersOnly: true,
      equity: { beyond: { kind: 'exclude' }, gapLimit: 1 },
    })!;
    expect(analysis.bands.features).toHaveLength(0);
    expect(analysis.uncovered.features).toHaveLength(0);
    expect(analysis.equity.beyond).toEqual({ kind: 'exclude' });
    expect(analysis.equity.gaps.length).toBeLessThanOrEqual(1);
  });

  it('returns null when cancelled', () => {
    expect(analyseCoverage(town, network, TEST_PROFILES, {}, { shouldCancel: () => true })).toBeNull();
  });
});

describe('scenarioRequest', () => {
  it('drops the closed facilities and appends the proposed ones in order', () => {
    const request = scenarioRequest(network, { proposed, closed: ['a'] });
    expect(request.facilities.map((f) => f.id)).toEqual(['b', 'p1', 'p2']);
    expect(request.facilities[1]!.name).toBe('new 1');
    expect({ ...request, facilities: [] }).toEqual({ ...network, facilities: [] });
  });
});

describe('analyseScenario', () => {
  const base = analyse(network);

  it('adds facilities to a network run incrementally, with the figures of a full run', () => {
    const change: ScenarioChange = { proposed, closed: [] };
    expect(isIncrementalChange(network, change)).toBe(true);
    expectSameAnalysis(analyseScenario(town, TEST_PROFILES, base, change)!, analyse(scenarioRequest(network, change)));
    const one = { proposed: proposed.slice(0, 1), closed: [] };
    expectSameAnalysis(analyseScenario(town, TEST_PROFILES, base, one)!, analyse(scenarioRequest(network, one)));
  });

  it('gives numbers only for a preview, the same numbers', () => {
    const change: ScenarioChange = { proposed, closed: [] };
    const preview = analyseScenario(town, TEST_PROFILES, base, change, { numbersOnly: true })!;
    expectSameAnalysis(preview, analyse(scenarioRequest(network, change), true));
    expect(preview.result.total.covered).toBeGreaterThan(base.result.total.covered);
  });

  it('builds on a numbers-only base and still draws the layers of a full run', () => {
    const numbersOnlyBase = analyse(network, true);
    const change: ScenarioChange = { proposed: proposed.slice(1), closed: [] };
    expectSameAnalysis(
      analyseScenario(town, TEST_PROFILES, numbersOnlyBase, change)!,
      analyse(scenarioRequest(network, change)),
    );
    expectSameAnalysis(
      analyseScenario(town, TEST_PROFILES, numbersOnlyBase, { proposed: [], closed: [] })!,
      analyse(network),
    );
  });

  it('runs again in full when a facility closes', () => {
    const change: ScenarioChange = { proposed, closed: ['b'] };
    expect(isIncrementalChange(network, change)).toBe(false);
    const scenario = analyseScenario(town, TEST_PROFILES, base, change)!;
    expectSameAnalysis(scenario, analyse(scenarioRequest(network, change)));
    expect(scenario.result.total.covered).not.toBe(base.result.total.covered);
  });

  it('ignores closing a facility the base does not have', () => {
    expect(isIncrementalChange(network, { proposed, closed: ['not-in-base'] })).toBe(true);
  });

  it('runs a radius scenario again in full', () => {
    const radius: CoverageRequest = { ...network, method: 'radius', thresholdsMin: [], radiiM: [300, 600] };
    const change: ScenarioChange = { proposed, closed: [] };
    expect(isIncrementalChange(radius, change)).toBe(false);
    expectSameAnalysis(
      analyseScenario(town, TEST_PROFILES, analyse(radius), change)!,
      analyse(scenarioRequest(radius, change)),
    );
  });

  it('with no change is the base itself', () => {
    expectSameAnalysis(analyseScenario(town, TEST_PROFILES, base, { proposed: [], closed: [] })!, base);
  });
});

describe('withLayers', () => {
  it('leaves a run that has its layers alone', () => {
    const run = analyse(network);
    expect(withLayers(town, run)).toBe(run);
  });
});
