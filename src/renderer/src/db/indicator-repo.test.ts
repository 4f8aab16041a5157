import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { listIndicatorRecords, saveIndicatorRecord } from './indicator-repo';
import { OutuDb } from './outu-db';

const freshDb = () => new OutuDb('indicator-test', undefined, { indexedDB: new IDBFactory(), IDBKeyRange });

describe('indicator repository', () => {
  it('lists nothing before anything is recorded', async () => {
    const db = freshDb();
    expect(await listIndicatorRecords(db)).toEqual([]);
    db.close();
  });

  it('keeps one value per indicator and year: recording a year again replaces it', async () => {
    const db = freshDb();
    await saveIndicatorRecord(db, { indicatorId: 'i-01', year: 2023, value: 1.5, recordedAt: '2024-01-02T00:00:00Z' });
    await saveIndicatorRecord(db, { indicatorId: 'i-01', year: 2024, value: 2, recordedAt: '2024-06-01T00:00:00Z' });
    await saveIndicatorRecord(db, { indicatorId: 'i-02', year: 2024, value: 7, recordedAt: '2024-06-01T00:00:00Z' });
    await saveIndicatorRecord(db, { indicatorId: 'i-01', year: 2024, value: 2.5, recordedAt: '2024-07-01T00:00:00Z' });
    const records = await listIndicatorRecords(db);
    expect(records).toHaveLength(3);
    expect(records.find((r) => r.indicatorId === 'i-01' && r.year === 2024)).toEqual({
      indicatorId: 'i-01',
      year: 2024,
      value: 2.5,
      recordedAt: '2024-07-01T00:00:00Z',
    });
    db.close();
  });
});
