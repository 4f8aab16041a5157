import { describe, expect, it } from 'vitest';
import type { DataManifest } from '../../../shared/data-contract';
import { fakeMapController } from '../stores/test-support';
import type { BasemapData } from './load-basemap-data';
import { createMapStore, DETAIL_PANEL_WIDTH } from './map-store';

const manifest: DataManifest = { dataVersion: 'v1', bounds: [119, 27, 121, 29], files: {} };
const basemap: BasemapData = { archive: new ArrayBuffer(8), manifest, attribution: [] };
const LUCHENG: [number, number, number, number] = [120.5, 27.9, 120.8, 28.1];

describe('map store', () => {
  it('loads the basemap files and exposes their manifest', async () => {
    const store = createMapStore({ dataBaseUrl: 'http://data/', loadBasemapData: async () => basemap });
    expect(store.getState().basemap.status).toBe('loading');
    await store.getState().loadBasemap();
    expect(store.getState().basemap).toEqual({ status: 'ready', data: basemap });
    expect(store.getState().manifest).toBe(manifest);
  });

  it('reports why the basemap did not load', async () => {
    const store = createMapStore({
      dataBaseUrl: 'http://data/',
      loadBasemapData: () => Promise.reject(new Error('basemap.pmtiles: HTTP 404')),
    });
    await store.getState().loadBasemap();
    expect(store.getState().basemap).toEqual({ status: 'error', reason: 'basemap.pmtiles: HTTP 404' });
    expect(store.getState().manifest).toBeNull();
  });

  it('flies to a point with the detail panel kept clear, and clears the inset when the panel closes', () => {
    const store = createMapStore({ dataBaseUrl: 'http://data/' });
    store.getState().focus([120.6, 28]); // no map yet: nothing to do, nothing thrown
    const { controller, calls } = fakeMapController();
    store.getState().setController(controller);
    store.getState().focus([120.6, 28]);
    store.getState().setDetailPanelOpen(false);
    expect(calls).toEqual([
      ['setRightInset', DETAIL_PANEL_WIDTH],
      ['flyTo', [120.6, 28]],
      ['setRightInset', 0],
    ]);
  });

  it('zooms to a county by its bounds, and ignores an unknown county', async () => {
    const store = createMapStore({
      dataBaseUrl: 'http://data/',
      countyBounds: async (_url, adcode) => (adcode === 330302 ? LUCHENG : null),
    });
    const { controller, calls } = fakeMapController();
    store.getState().setController(controller);
    await store.getState().zoomToCounty(330302);
    await store.getState().zoomToCounty(999999);
    expect(calls).toEqual([['fitBounds', LUCHENG]]);
  });
});
