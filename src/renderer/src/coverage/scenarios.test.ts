import { describe, expect, it } from 'vitest';
import { fixtureSummary, fixtureTwoFacilityRequest } from '../../../core/coverage/summary-fixtures';
import type { CoverageRequest } from '../../../shared/coverage';
import type { ScenarioRow } from '../db/scenario-repo';
import { compareScenarios, scenarioSpec } from './scenarios';

describe('scenarios', () => {
  it('compares two scenarios county by county and for the groups', () => {
    const rows = compareScenarios(fixtureSummary(42, 93), fixtureSummary(55, 94));
    expect(rows.map((r) => r.key)).toEqual(['330329', 'mountain', 'other', 'total']);
    expect(rows[0]).toMatchObject({ label: '泰顺县', mountain: true, coveredPctDelta: 13, coveredDelta: 130 });
    expect(rows[3]?.coveredPctDelta).toBeCloseTo(1);
  });
});

describe('scenario for the split view', () => {
  const baseRequest = fixtureTwoFacilityRequest;
  const base = { runId: 'run-1', request: baseRequest };
  const proposed = { id: 'p1', name: '新建 1', lon: 119.8, lat: 27.4 };
  const row = (request: CoverageRequest, closed: string[] = []): ScenarioRow => ({
    id: 's1',
    name: 'S',
    createdAt: '2026-01-01',
    baseLabel: 'rural',
    request,
    proposed: request.facilities.filter((f) => f.id.startsWith('p')).map(({ id, lon, lat }) => ({ id, lon, lat })),
    closed,
    summary: fixtureSummary(50, 93),
  });

  it('builds on the run on screen when the scenario was built on it', () => {
    const withNew = row({ ...baseRequest, facilities: [baseRequest.facilities[1]!, proposed] }, ['a']);
    expect(scenarioSpec(withNew, base)).toEqual({ base, change: { proposed: [proposed], closed: ['a'] } });
    expect(scenarioSpec(row(baseRequest), base)).toEqual({ base, change: { proposed: [], closed: [] } });
  });

  it('runs the scenario’s own request otherwise', () => {
    const other = row({ ...baseRequest, thresholdsMin: [60], facilities: [...baseRequest.facilities, proposed] });
    const own = { base: { runId: 'scenario:s1', request: other.request }, change: { proposed: [], closed: [] } };
    expect(scenarioSpec(other, base)).toEqual(own);
    expect(scenarioSpec(other, null)).toEqual(own);
  });
});
