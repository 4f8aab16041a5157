/** Saved what-if scenarios (table `scenarios`): the only code that reads or writes them. */
import type { CoverageRequest, CoverageSummary } from '../../../shared/coverage';
import type { OutuDb } from './outu-db';

/** A named what-if: changes on top of a run and the figures they gave. */
export interface ScenarioRow {
  id: string;
  name: string;
  createdAt: string;
  /** Label of the run it was built on (preset name or custom). */
  baseLabel: string;
  /** The run's request with the changes applied (closed facilities out, proposed ones appended). */
  request: CoverageRequest;
  proposed: { id: string; lon: number; lat: number }[];
  closed: string[];
  summary: CoverageSummary;
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
