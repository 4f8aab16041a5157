import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CoverageSummary, GroupStats } from '../../../shared/coverage';
import { OutuDb, type ScenarioRow } from '../db/outu-db';
import { compareScenarios, deleteScenario, listScenarios, saveScenario } from './scenarios';

const stats = (coveredPct: number, population = 1000): GroupStats => ({
  population,
  covered: (population * coveredPct) / 100,
  coveredPct,
  meanMinutes: 10,
  p50Minutes: 9,
  p90Minutes: 20,
  bands: [],
});

const summary = (taishun: number, total: number): CoverageSummary => ({
  total: stats(total),
  mountain: stats(taishun),
  other: stats(90),
  counties: [{ ...stats(taishun), adcode: 330329, name: '泰顺县', mountain: true }],
  facilities: [],
});

describe('scenarios', () => {
  it('compares two scenarios county by county and for the groups', () => {
    const rows = compareScenarios(summary(42, 93), summary(55, 94));
    expect(rows.map((r) => r.key)).toEqual(['330329', 'mountain', 'other', 'total']);
    expect(rows[0]).toMatchObject({ label: '泰顺县', mountain: true, coveredPctDelta: 13, coveredDelta: 130 });
    expect(rows[3]?.coveredPctDelta).toBeCloseTo(1);
  });

  it('are kept in IndexedDB, oldest first, and can be deleted', async () => {
    const db = new OutuDb('scenario-test', undefined, { indexedDB: new IDBFactory(), IDBKeyRange });
    const row = (id: string, createdAt: string): ScenarioRow => ({
      id,
      name: id,
      createdAt,
      baseLabel: 'rural',
      request: { method: 'network', profile: 'drive', thresholdsMin: [90], radiiM: [], facilities: [] },
      proposed: [{ id: 'p1', lon: 119.8, lat: 27.4 }],
      closed: [],
      summary: summary(50, 93),
    });
    await saveScenario(db, row('b', '2026-02-01'));
    await saveScenario(db, row('a', '2026-01-01'));
    expect((await listScenarios(db)).map((s) => s.id)).toEqual(['a', 'b']);
    await deleteScenario(db, 'a');
    expect((await listScenarios(db)).map((s) => s.id)).toEqual(['b']);
    db.close();
  });
});
