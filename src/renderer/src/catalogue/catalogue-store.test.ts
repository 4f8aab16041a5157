import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DATA_FILES, type DataManifest } from '../../../shared/data-contract';
import type { FieldRecordOf } from '../../../shared/field';
import { facilityRow, facilitySetRow, openTestDb } from '../stores/test-support';
import { createCatalogueStore, type CatalogueStoreDeps } from './catalogue-store';

const DATA = 'http://data/';
const manifest: DataManifest = { dataVersion: 'v1', bounds: [119, 27, 121, 29], files: {} };

const projectsGeoJson: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { seq: 1, name: '市体育中心', category: '体育', geocodePrecision: 'citywide' },
      geometry: null,
    },
    {
      type: 'Feature',
      properties: { seq: 2, name: '鹿城区医院', category: '医疗', geocodePrecision: 'county' },
      geometry: { type: 'Point', coordinates: [120.65, 28.01] },
    },
  ] as FeatureCollection['features'],
};

const centresGeoJson: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: '鹿城区', adcode: 330302 },
      geometry: { type: 'Point', coordinates: [120.66, 28.02] },
    },
  ],
};

/** Serves the two shipped files the catalogue reads; anything else is a 404. */
const fetchJson = async <T>(url: string): Promise<T> => {
  if (url === DATA + DATA_FILES.projects) return projectsGeoJson as T;
  if (url === DATA + DATA_FILES.countyCentres) return centresGeoJson as T;
  throw new Error(`${url}: HTTP 404`);
};

const correction = (projectSeq: number, lon: number, lat: number): FieldRecordOf<'position'> => ({
  kind: 'position',
  id: `position:${projectSeq}`,
  rev: 'r1',
  revs: ['r1'],
  createdAt: '2026-01-02T00:00:00.000Z',
  createdBy: '张三',
  updatedAt: '2026-01-02T00:00:00.000Z',
  updatedBy: '张三',
  deleted: false,
  body: { projectSeq, lon, lat, original: { lon: null, lat: null, geocodePrecision: 'citywide' } },
});

const storeWith = (deps: Partial<CatalogueStoreDeps> = {}) =>
  createCatalogueStore({ db: null, dataBaseUrl: DATA, fetchJson, ...deps });

describe('catalogue store', () => {
  it('loads the shipped projects and county centres in memory when IndexedDB is unavailable', async () => {
    const store = storeWith();
    expect(store.getState().status).toEqual({ status: 'loading' });
    await store.getState().load(manifest);
    const state = store.getState();
    expect(state.status).toEqual({ status: 'ready' });
    expect(state.projects.map((p) => [p.seq, p.lon])).toEqual([
      [1, null],
      [2, 120.65],
    ]);
    expect(state.facilitySets.map((s) => s.kind)).toEqual(['county-centres']);
    expect(state.facilities.map((f) => f.id)).toEqual(['county-centres:330302']);
  });

  it('reports a load failure as an error status with the reason', async () => {
    const store = storeWith({ fetchJson: () => Promise.reject(new Error('projects.geojson: HTTP 500')) });
    await store.getState().load(manifest);
    expect(store.getState().status).toEqual({ status: 'error', reason: 'projects.geojson: HTTP 500' });
  });

  it('saves and removes facility sets in memory, replacing a set saved twice and tracking sample sets', async () => {
    const store = storeWith();
    await store.getState().load(manifest);
    await store
      .getState()
      .saveSet(facilitySetRow('clinics'), [facilityRow('clinics', 'a'), facilityRow('clinics', 'b')]);
    expect(store.getState().facilitySets.find((s) => s.id === 'clinics')?.count).toBe(2);
    await store.getState().saveSet(facilitySetRow('clinics'), [facilityRow('clinics', 'c')]);
    await store.getState().saveSet(facilitySetRow('sample-health', true), [facilityRow('sample-health', 'x')]);
    let state = store.getState();
    expect(state.facilitySets.find((s) => s.id === 'clinics')?.count).toBe(1);
    expect(state.facilities.filter((f) => f.setId === 'clinics').map((f) => f.name)).toEqual(['c']);
    expect([...state.sampleSetIds]).toEqual(['sample-health']);

    await store.getState().removeSet('sample-health');
    state = store.getState();
    expect(state.facilitySets.map((s) => s.id)).toEqual(['county-centres', 'clinics']);
    expect(state.facilities.some((f) => f.setId === 'sample-health')).toBe(false);
    expect(state.sampleSetIds.size).toBe(0);
  });

  it('seeds IndexedDB and keeps imported sets there across a reload of the store', async () => {
    const db = await openTestDb('catalogue-store-test');
    try {
      const store = storeWith({ db });
      await store.getState().load(manifest);
      await store.getState().saveSet(facilitySetRow('clinics'), [facilityRow('clinics', 'a')]);

      const reopened = storeWith({ db });
      await reopened.getState().load(manifest);
      expect(
        reopened
          .getState()
          .facilitySets.map((s) => s.id)
          .sort(),
      ).toEqual(['clinics', 'county-centres']);
      expect(reopened.getState().projects).toHaveLength(2);

      await reopened.getState().removeSet('clinics');
      expect(await db.facilities.where('setId').equals('clinics').count()).toBe(0);
      expect(reopened.getState().facilitySets.map((s) => s.id)).toEqual(['county-centres']);
    } finally {
      db.close();
    }
  });

  it('moves corrected projects without touching the shipped rows, before and after the catalogue loads', async () => {
    const store = storeWith();
    store.getState().setPositionCorrections([correction(1, 120.7, 28.05)]);
    await store.getState().load(manifest);
    const moved = store.getState().projects.find((p) => p.seq === 1)!;
    expect([moved.lon, moved.lat, moved.geocodePrecision]).toEqual([120.7, 28.05, 'site']);
    expect(moved.correction?.by).toBe('张三');
    expect(store.getState().shippedProjects.find((p) => p.seq === 1)?.lon).toBeNull();

    store.getState().setPositionCorrections([]);
    expect(store.getState().projects.find((p) => p.seq === 1)?.lon).toBeNull();
  });

  it('loads every sample set through saveSet, flagging the load while it runs', async () => {
    let loadingWhileRunning: boolean | undefined;
    const store = storeWith({
      loadSampleSets: async () => {
        loadingWhileRunning = store.getState().samplesLoading;
        return [
          { set: facilitySetRow('sample-health', true), facilities: [facilityRow('sample-health', 'a')] },
          { set: facilitySetRow('sample-school', true), facilities: [facilityRow('sample-school', 'b')] },
        ];
      },
    });
    await store.getState().load(manifest);
    await store.getState().loadSamples();
    expect(loadingWhileRunning).toBe(true);
    expect(store.getState().samplesLoading).toBe(false);
    expect([...store.getState().sampleSetIds].sort()).toEqual(['sample-health', 'sample-school']);
  });

  it('rejects with the reason when a sample file cannot be read, and stops loading', async () => {
    const store = storeWith({ loadSampleSets: () => Promise.reject(new Error('sample-health.csv: HTTP 404')) });
    await expect(store.getState().loadSamples()).rejects.toThrow('sample-health.csv: HTTP 404');
    expect(store.getState().samplesLoading).toBe(false);
  });
});
