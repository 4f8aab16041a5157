import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { OutuDb, SCHEMA_VERSION } from './outu-db';

const options = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

describe('OutuDb migrations', () => {
  const opened: OutuDb[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  it('lists versions strictly increasing, ending at the schema version', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('migrates a v1 database: layer blob becomes rows, other settings survive', async () => {
    const factory = options();
    const v1 = new OutuDb('migrate-test', MIGRATIONS.slice(0, 1), factory);
    await v1.open();
    await v1.table('settings').bulkPut([
      { key: 'language', value: 'en' },
      {
        key: 'layers',
        value: {
          order: ['county-labels', 'roads', 'land'],
          visible: { roads: false },
          opacity: { land: 0.5, roads: 7 },
        },
      },
    ]);
    v1.close();

    const current = new OutuDb('migrate-test', MIGRATIONS, factory);
    opened.push(current);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSION);
    expect(await current.settings.get('language')).toEqual({ key: 'language', value: 'en' });
    expect(await current.settings.get('layers')).toBeUndefined();
    const rows = await current.layerState.orderBy('order').toArray();
    expect(rows).toEqual([
      { id: 'county-labels', order: 0, visible: true, opacity: 1 },
      { id: 'roads', order: 1, visible: false, opacity: 1 },
      { id: 'land', order: 2, visible: true, opacity: 0.5 },
    ]);
  });

  it('migrates a v1 database that never stored layers', async () => {
    const factory = options();
    const v1 = new OutuDb('empty-v1', MIGRATIONS.slice(0, 1), factory);
    await v1.open();
    v1.close();
    const current = new OutuDb('empty-v1', MIGRATIONS, factory);
    opened.push(current);
    await current.open();
    expect(await current.layerState.count()).toBe(0);
  });

  it('migrates a v2 database to v3: layer rows and settings kept, catalogue tables created empty', async () => {
    const factory = options();
    const v2 = new OutuDb('v2-to-v3', MIGRATIONS.slice(0, 2), factory);
    await v2.open();
    await v2.table('settings').put({ key: 'language', value: 'en' });
    await v2.table('layerState').bulkPut([{ id: 'roads', order: 0, visible: false, opacity: 0.3 }]);
    v2.close();

    const current = new OutuDb('v2-to-v3', MIGRATIONS, factory);
    opened.push(current);
    await current.open();
    expect(await current.layerState.toArray()).toEqual([{ id: 'roads', order: 0, visible: false, opacity: 0.3 }]);
    expect(await current.settings.get('language')).toEqual({ key: 'language', value: 'en' });
    expect(await current.projects.count()).toBe(0);
    expect(await current.facilities.count()).toBe(0);
  });

  it('migrates a v3 database to v4: imported facilities survive, the run cache starts empty', async () => {
    const factory = options();
    const v3 = new OutuDb('v3-to-v4', MIGRATIONS.slice(0, 3), factory);
    await v3.open();
    await v3.table('facilitySets').put({
      id: 'import-1',
      name: 'a.csv',
      kind: 'import',
      isSample: false,
      sourceCrs: 'gcj02',
      createdAt: '',
      count: 1,
    });
    await v3.table('facilities').put({
      id: 'import-1:x',
      setId: 'import-1',
      name: 'x',
      category: 'health',
      status: 'existing',
      lon: 120.6,
      lat: 28,
      countyAdcode: 330302,
      capacity: {},
      extra: {},
    });
    v3.close();

    const current = new OutuDb('v3-to-v4', MIGRATIONS, factory);
    opened.push(current);
    await current.open();
    expect(await current.facilities.get('import-1:x')).toMatchObject({ name: 'x', countyAdcode: 330302 });
    expect(await current.facilitySets.count()).toBe(1);
    expect(await current.coverageRuns.count()).toBe(0);
  });

  it('migrates a v4 database to v5: stored coverage runs survive, scenarios start empty', async () => {
    const factory = options();
    const v4 = new OutuDb('v4-to-v5', MIGRATIONS.slice(0, 4), factory);
    await v4.open();
    await v4.table('coverageRuns').put({ key: 'k', createdAt: '2026-01-01', label: 'run' });
    v4.close();
    const current = new OutuDb('v4-to-v5', MIGRATIONS, factory);
    opened.push(current);
    await current.open();
    expect(await current.coverageRuns.get('k')).toMatchObject({ label: 'run' });
    expect(await current.scenarios.count()).toBe(0);
  });

  it('migrates a v6 database to v7: every record of every table kept, field tables created empty', async () => {
    const factory = options();
    const v6 = new OutuDb('v6-to-v7', MIGRATIONS.slice(0, 6), factory);
    await v6.open();
    const before: Record<string, unknown[]> = {
      settings: [
        { key: 'language', value: 'en' },
        { key: 'projectsVersion', value: 'abc' },
      ],
      layerState: [{ id: 'roads', order: 0, visible: false, opacity: 0.3 }],
      projects: [{ seq: 1, name: 'p', category: '教育', countyAdcode: 330302, lon: 120.6, lat: 28 }],
      facilitySets: [{ id: 'import-1', name: 'a.csv', kind: 'import', isSample: false, createdAt: '', count: 1 }],
      facilities: [{ id: 'import-1:x', setId: 'import-1', name: 'x', category: 'health', countyAdcode: 330302 }],
      coverageRuns: [{ key: 'k', createdAt: '2026-01-01', label: 'run' }],
      scenarios: [{ id: 's1', name: 'A', createdAt: '2026-01-02' }],
      indicatorRecords: [{ indicatorId: 'i1', year: 2025, value: 3 }],
    };
    for (const [table, rows] of Object.entries(before)) await v6.table(table).bulkPut(rows);
    v6.close();

    const current = new OutuDb('v6-to-v7', MIGRATIONS, factory);
    opened.push(current);
    await current.open();
    expect(current.verno).toBe(7);
    for (const [table, rows] of Object.entries(before)) expect(await current.table(table).toArray()).toEqual(rows);
    expect(await current.fieldRecords.count()).toBe(0);
    expect(await current.blobs.count()).toBe(0);
    expect(await current.changes.count()).toBe(0);
  });

  it('creates a fresh database at the current version', async () => {
    const db = new OutuDb('fresh', MIGRATIONS, options());
    opened.push(db);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'blobs',
      'changes',
      'coverageRuns',
      'facilities',
      'facilitySets',
      'fieldRecords',
      'indicatorRecords',
      'layerState',
      'projects',
      'scenarios',
      'settings',
    ]);
  });
});
