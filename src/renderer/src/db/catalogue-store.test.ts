import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Facility, FacilitySet } from '../../../shared/facilities';
import {
  deleteFacilitySet,
  loadCatalogue,
  replaceFacilitySet,
  seedCountyCentres,
  seedProjects,
} from './catalogue-store';
import { OutuDb } from './outu-db';

const freshDb = () => new OutuDb('catalogue-test', undefined, { indexedDB: new IDBFactory(), IDBKeyRange });

const projects = (names: string[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: names.map((name, i) => ({
    type: 'Feature',
    properties: { seq: i + 1, name, category: '医疗', geocodePrecision: i === 0 ? 'citywide' : 'county' },
    geometry: i === 0 ? null : { type: 'Point', coordinates: [120.5, 27.6] },
  })) as FeatureCollection['features'],
});

const set = (id: string): FacilitySet => ({
  id,
  name: `${id}.csv`,
  kind: 'import',
  isSample: false,
  sourceCrs: 'gcj02',
  createdAt: '2026-01-01T00:00:00.000Z',
  count: 0,
});

const facility = (setId: string, key: string): Facility => ({
  id: `${setId}:${key}`,
  setId,
  name: key,
  category: 'health',
  status: 'existing',
  lon: 120.6,
  lat: 28,
  countyAdcode: 330302,
  capacity: {},
  extra: {},
});

describe('catalogue store', () => {
  it('seeds projects once per data version and keeps citywide projects without a point', async () => {
    const db = freshDb();
    expect(await seedProjects(db, projects(['全市项目', '县项目']), 'v1')).toBe(true);
    expect(await seedProjects(db, projects(['全市项目', '县项目']), 'v1')).toBe(false);
    let snapshot = await loadCatalogue(db);
    expect(snapshot.projects.map((p) => [p.name, p.lon])).toEqual([
      ['全市项目', null],
      ['县项目', 120.5],
    ]);
    expect(await seedProjects(db, projects(['新数据']), 'v2')).toBe(true);
    snapshot = await loadCatalogue(db);
    expect(snapshot.projects.map((p) => p.name)).toEqual(['新数据']);
    db.close();
  });

  it('replaces a facility set in place: a re-import never duplicates and never touches other sets', async () => {
    const db = freshDb();
    await replaceFacilitySet(db, set('a'), [facility('a', '1'), facility('a', '2')]);
    await replaceFacilitySet(db, set('b'), [facility('b', '1')]);
    await replaceFacilitySet(db, set('a'), [facility('a', '1'), facility('a', '2')]);
    let snapshot = await loadCatalogue(db);
    expect(snapshot.facilities.map((f) => f.id).sort()).toEqual(['a:1', 'a:2', 'b:1']);
    expect(snapshot.facilitySets.find((s) => s.id === 'a')?.count).toBe(2);
    await deleteFacilitySet(db, 'a');
    snapshot = await loadCatalogue(db);
    expect(snapshot.facilities.map((f) => f.id)).toEqual(['b:1']);
    db.close();
  });

  it('leaves the stored set untouched when a write fails midway', async () => {
    const db = freshDb();
    await replaceFacilitySet(db, set('a'), [facility('a', '1')]);
    const broken = { ...facility('a', '2'), id: undefined } as unknown as Facility;
    await expect(replaceFacilitySet(db, set('a'), [facility('a', '3'), broken])).rejects.toThrow();
    const snapshot = await loadCatalogue(db);
    expect(snapshot.facilities.map((f) => f.id)).toEqual(['a:1']);
    db.close();
  });

  it('seeds the county public service centres as a real facility set', async () => {
    const db = freshDb();
    const centres: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '泰顺县县级公共服务中心', adcode: 330329 },
          geometry: { type: 'Point', coordinates: [119.711571, 27.560536] },
        },
      ],
    };
    expect(await seedCountyCentres(db, centres, 'v1')).toBe(true);
    expect(await seedCountyCentres(db, centres, 'v1')).toBe(false);
    const snapshot = await loadCatalogue(db);
    expect(snapshot.facilities).toMatchObject([{ id: 'county-centres:330329', countyAdcode: 330329, lon: 119.711571 }]);
    expect(snapshot.facilitySets[0]).toMatchObject({ kind: 'county-centres', isSample: false, count: 1 });
    db.close();
  });
});
