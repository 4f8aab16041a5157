import { scenarioRequest, type ScenarioChange } from '../../../core/analysis/analyse-coverage';
import { stableStringify } from '../../../core/util/stable-json';
import type { CoverageResult, CoverageSummary, GroupStats } from '../../../shared/coverage';
import type { BaseRun, ScenarioSpec } from '../analysis/analysis-protocol';
import type { ScenarioRow } from '../db/scenario-repo';

/** Only the figures: the per-cell arrays of a run are far too big to keep per scenario. */
export function summaryOf(result: CoverageResult): CoverageSummary {
  const { total, mountain, other, counties, facilities } = result;
  return { total, mountain, other, counties, facilities };
}

export interface ScenarioDeltaRow {
  key: string;
  label: string;
  mountain: boolean;
  a: GroupStats;
  b: GroupStats;
  /** b − a, percentage points of coverage and people covered. */
  coveredPctDelta: number;
  coveredDelta: number;
}

/** Side-by-side comparison of two scenarios, county by county, then the groups. */
export function compareScenarios(a: CoverageSummary, b: CoverageSummary): ScenarioDeltaRow[] {
  const row = (key: string, label: string, mountain: boolean, x: GroupStats, y: GroupStats): ScenarioDeltaRow => ({
    key,
    label,
    mountain,
    a: x,
    b: y,
    coveredPctDelta: y.coveredPct - x.coveredPct,
    coveredDelta: y.covered - x.covered,
  });
  const counties = a.counties.flatMap((county) => {
    const other = b.counties.find((c) => c.adcode === county.adcode);
    return other ? [row(String(county.adcode), county.name, county.mountain, county, other)] : [];
  });
  return [
    ...counties,
    row('mountain', 'mountain', true, a.mountain, b.mountain),
    row('other', 'other', false, a.other, b.other),
    row('total', 'total', false, a.total, b.total),
  ];
}

const NO_CHANGE: ScenarioChange = { proposed: [], closed: [] };

/**
 * How to compute a saved scenario for the split view: as its changes on top of the run on screen
 * when it was built on that run (so the worker reuses the run, adding facilities incrementally),
 * otherwise as a run of its own request.
 */
export function scenarioSpec(row: ScenarioRow, base: BaseRun | null): ScenarioSpec {
  if (base) {
    const named = row.proposed.map((p) => row.request.facilities.find((f) => f.id === p.id));
    if (named.every((f) => f !== undefined)) {
      const change: ScenarioChange = { proposed: named, closed: row.closed };
      if (stableStringify(scenarioRequest(base.request, change)) === stableStringify(row.request))
        return { base, change };
    }
  }
  return { base: { runId: `scenario:${row.id}`, request: row.request }, change: NO_CHANGE };
}
