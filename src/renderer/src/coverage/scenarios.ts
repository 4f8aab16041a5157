import type { CoverageResult, CoverageSummary, GroupStats } from '../../../shared/coverage';
import type { OutuDb, ScenarioRow } from '../db/outu-db';

/** Only the figures: the per-cell arrays of a run are far too big to keep per scenario. */
export function summaryOf(result: CoverageResult): CoverageSummary {
  const { total, mountain, other, counties, facilities } = result;
  return { total, mountain, other, counties, facilities };
}

export async function saveScenario(db: OutuDb, row: ScenarioRow): Promise<void> {
  await db.scenarios.put(row);
}

export function listScenarios(db: OutuDb): Promise<ScenarioRow[]> {
  return db.scenarios.orderBy('createdAt').toArray();
}

export async function deleteScenario(db: OutuDb, id: string): Promise<void> {
  await db.scenarios.delete(id);
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
