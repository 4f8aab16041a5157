import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fixtureSummary } from '../../../core/coverage/summary-fixtures';
import { OutuDb } from './outu-db';
import { deleteScenario, listScenarios, saveScenario, type ScenarioRow } from './scenario-repo';

describe('scenarios', () => {
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
      summary: fixtureSummary(50, 93),
    });
    await saveScenario(db, row('b', '2026-02-01'));
    await saveScenario(db, row('a', '2026-01-01'));
    expect((await listScenarios(db)).map((s) => s.id)).toEqual(['a', 'b']);
    await deleteScenario(db, 'a');
    expect((await listScenarios(db)).map((s) => s.id)).toEqual(['b']);
    db.close();
  });
});
