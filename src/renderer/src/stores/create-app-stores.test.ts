import type { FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_FILES, type DataManifest } from '../../../shared/data-contract';
import type { OutuDb } from '../db/outu-db';
import { translate } from '../i18n/translate';
import { DEFAULT_LAYER_STATE } from '../map/layer-state';
import { createAppStores, startAppStores, type AppStoresOptions } from './create-app-stores';
import { fakeMapController, fakePlatform, openTestDb } from './test-support';

const manifest: DataManifest = { dataVersion: 'v1', bounds: [119, 27, 121, 29], files: {} };
const shipped: Record<string, FeatureCollection> = {
  [DATA_FILES.projects]: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { seq: 7, name: '瓯海区文化中心', category: '文化', geocodePrecision: 'county' },
        geometry: { type: 'Point', coordinates: [120.64, 27.97] },
      },
    ],
  },
  [DATA_FILES.countyCentres]: { type: 'FeatureCollection', features: [] },
};

describe('app stores', () => {
  const opened: OutuDb[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  async function start(withDb = true) {
    const db = withDb ? await openTestDb(`app-stores-${opened.length}`) : null;
    if (db) opened.push(db);
    const options: AppStoresOptions = {
      platform: fakePlatform(),
      db,
      dbError: db ? null : 'blocked',
      initial: { language: 'zh', layerState: DEFAULT_LAYER_STATE, showGcj: false },
      geolocation: null,
      loadBasemapData: async () => ({ archive: new ArrayBuffer(0), manifest, attribution: [] }),
      fetchJson: async <T>(url: string) => shipped[url.slice('http://data/'.length)] as T,
    };
    const stores = createAppStores(options);
    await startAppStores(stores);
    return stores;
  }

  it('loads the basemap, then the catalogue from its manifest, the field records and the app version', async () => {
    const stores = await start();
    expect(stores.map.getState().basemap.status).toBe('ready');
    expect(stores.catalogue.getState().status).toEqual({ status: 'ready' });
    expect(stores.catalogue.getState().projects.map((p) => p.name)).toEqual(['瓯海区文化中心']);
    expect(stores.field.getState().available).toBe(true);
    expect(stores.ui.getState().appVersion).toBe('9.9.9');
  });

  it('a field correction moves the project on the map lists and in the open detail panel', async () => {
    const stores = await start();
    stores.ui.getState().selectCatalogueItem({ kind: 'project', seq: 7 }, { fly: false });
    const project = stores.catalogue.getState().projects[0]!;
    await stores.field.getState().correctPosition(project, 120.7, 28, 'correct');
    expect(stores.catalogueView.getState().shownProjects[0]).toMatchObject({ lon: 120.7, lat: 28 });
    expect(stores.catalogueView.getState().selectedPoint).toEqual([120.7, 28]);
    expect(stores.catalogue.getState().shippedProjects[0]?.lon).toBe(120.64);
  });

  it('a new annotation is titled in the UI language and selected, closing the catalogue detail', async () => {
    const stores = await start();
    stores.ui.getState().setLanguage('en');
    stores.ui.getState().selectCatalogueItem({ kind: 'project', seq: 7 }, { fly: false });
    await stores.field.getState().createAnnotation({ lon: 120.6, lat: 28 });
    const [annotation] = stores.field.getState().snapshot.annotations;
    expect(annotation?.body.title).toBe(translate('en', 'field.newTitle', { n: 1 }));
    expect(stores.ui.getState().selectedAnnotationId).toBe(annotation?.id);
    expect(stores.catalogueView.getState().selection).toBeNull();
  });

  it('annotating a project without a point starts at the centre of the live map', async () => {
    const stores = await start();
    stores.map.getState().setController(fakeMapController([120.9, 27.8]).controller);
    const project = { ...stores.catalogue.getState().projects[0]!, lon: null, lat: null };
    await stores.field.getState().annotateDetail({ kind: 'project', project });
    expect(stores.field.getState().snapshot.annotations[0]?.body).toMatchObject({ lon: 120.9, lat: 27.8 });
  });

  it('works without IndexedDB: the catalogue in memory, field errors in the banner', async () => {
    const stores = await start(false);
    expect(stores.catalogue.getState().status).toEqual({ status: 'ready' });
    expect(stores.field.getState().available).toBe(false);
    await stores.field.getState().createAnnotation({ lon: 120.6, lat: 28 });
    expect(stores.ui.getState().errorMessage).toBe(
      translate('zh', 'field.saveFailed', { reason: 'IndexedDB unavailable' }),
    );
  });
});
