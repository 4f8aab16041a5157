import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataManifest } from '../../../shared/data-contract';
import { countyBounds } from '../catalogue/facility-import';
import { loadBasemapData, type BasemapData } from './load-basemap-data';
import type { MapController } from './map-controller';

/** Matches .detail-panel's width in styles.css: the map keeps its centre clear of it. */
export const DETAIL_PANEL_WIDTH = 340;

export type BasemapLoad =
  { status: 'loading' } | { status: 'ready'; data: BasemapData } | { status: 'error'; reason: string };

export interface MapState {
  basemap: BasemapLoad;
  /** The data manifest, once the basemap files have loaded. */
  manifest: DataManifest | null;
  /** The live map, once it has been mounted; everything the app does to the map goes through it. */
  controller: MapController | null;
  loadBasemap: () => Promise<void>;
  setController: (controller: MapController | null) => void;
  /** Flies to a point that the detail panel is about to describe, centring it in what stays visible. */
  focus: (point: [number, number]) => void;
  /** Keeps the camera's centre clear of the detail panel while one is open. */
  setDetailPanelOpen: (open: boolean) => void;
  zoomToCounty: (adcode: number) => Promise<void>;
}

export interface MapStoreDeps {
  dataBaseUrl: string;
  /** Injected by tests; fetches the basemap archive, manifest and attribution otherwise. */
  loadBasemapData?: (dataBaseUrl: string) => Promise<BasemapData>;
  countyBounds?: (dataBaseUrl: string, adcode: number) => Promise<[number, number, number, number] | null>;
}

/** The basemap files and the map controller: what the map column shows and how the app moves the map. */
export function createMapStore({
  dataBaseUrl,
  loadBasemapData: load = loadBasemapData,
  countyBounds: boundsOf = countyBounds,
}: MapStoreDeps): StoreApi<MapState> {
  return createStore<MapState>()((set, get) => ({
    basemap: { status: 'loading' },
    manifest: null,
    controller: null,
    loadBasemap: async () => {
      try {
        const data = await load(dataBaseUrl);
        set({ basemap: { status: 'ready', data }, manifest: data.manifest });
      } catch (error) {
        set({ basemap: { status: 'error', reason: error instanceof Error ? error.message : String(error) } });
      }
    },
    setController: (controller) => set({ controller }),
    focus: (point) => {
      const controller = get().controller;
      if (!controller) return;
      controller.setRightInset(DETAIL_PANEL_WIDTH);
      controller.flyTo(point);
    },
    setDetailPanelOpen: (open) => get().controller?.setRightInset(open ? DETAIL_PANEL_WIDTH : 0),
    zoomToCounty: async (adcode) => {
      const bounds = await boundsOf(dataBaseUrl, adcode);
      const controller = get().controller;
      if (bounds && controller) controller.fitBounds(bounds);
    },
  }));
}
