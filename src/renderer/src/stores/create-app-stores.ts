import type { StoreApi } from 'zustand/vanilla';
import { createAnalysisService, type AnalysisService } from '../analysis/analysis-service';
import { createCatalogueStore, type CatalogueState } from '../catalogue/catalogue-store';
import { createCatalogueViewStore, type CatalogueViewState } from '../catalogue/catalogue-view-store';
import { createCoverageStore, type CoverageState } from '../coverage/coverage-store';
import type { OutuDb } from '../db/outu-db';
import { createFieldStore, type FieldState, type FieldStoreDeps } from '../field/field-store';
import { translate, type Language } from '../i18n/translate';
import type { LayerState } from '../map/layer-state';
import { createMapStore, type MapState, type MapStoreDeps } from '../map/map-store';
import type { Platform } from '../platform/platform';
import { createUiStore, type UiState } from '../ui/ui-store';

/** The renderer's state, one store per concern; components read them through AppStoresProvider. */
export interface AppStores {
  platform: Platform;
  /** null when IndexedDB is unavailable: the app still works, nothing is kept. */
  db: OutuDb | null;
  /** Why IndexedDB is unavailable, for the banner. */
  dbError: string | null;
  map: StoreApi<MapState>;
  catalogue: StoreApi<CatalogueState>;
  catalogueView: StoreApi<CatalogueViewState>;
  field: StoreApi<FieldState>;
  ui: StoreApi<UiState>;
  /** The run on the map, the what-if, siting and the split view; computed by `analysis`. */
  coverage: StoreApi<CoverageState>;
  /** The one owner of the analysis workers. */
  analysis: AnalysisService;
}

export interface AppStoresOptions {
  platform: Platform;
  db: OutuDb | null;
  dbError: string | null;
  initial: { language: Language; layerState: LayerState; showGcj: boolean };
  /** Injected by tests; the browser's otherwise. */
  geolocation?: Geolocation | null;
  loadBasemapData?: MapStoreDeps['loadBasemapData'];
  fetchJson?: <T>(url: string) => Promise<T>;
  newRecordId?: FieldStoreDeps['newRecordId'];
  /** Injected by tests (a fake worker behind it); the Web Worker service otherwise. */
  analysis?: AnalysisService;
}

/**
 * Creates the stores and wires what one concern needs from another: field corrections move
 * catalogue projects; field actions select what they create and report errors in the UI.
 */
export function createAppStores(options: AppStoresOptions): AppStores {
  const { platform, db, dbError } = options;
  const dataBaseUrl = platform.dataBaseUrl;
  const map = createMapStore({
    dataBaseUrl,
    ...(options.loadBasemapData ? { loadBasemapData: options.loadBasemapData } : {}),
  });
  const catalogue = createCatalogueStore({
    db,
    dataBaseUrl,
    ...(options.fetchJson ? { fetchJson: options.fetchJson } : {}),
  });
  const catalogueView = createCatalogueViewStore(catalogue);
  const ui = createUiStore({ db, platform, initial: options.initial, catalogue, catalogueView, map });
  const field = createFieldStore({
    db,
    language: () => ui.getState().language,
    map: () => map.getState().controller,
    onAnnotationCreated: (id) => ui.getState().selectAnnotation(id),
    showError: (message) => ui.getState().showError(message),
    geolocation:
      options.geolocation !== undefined
        ? options.geolocation
        : typeof navigator !== 'undefined' && 'geolocation' in navigator
          ? navigator.geolocation
          : null,
    ...(options.newRecordId ? { newRecordId: options.newRecordId } : {}),
  });

  const analysis = options.analysis ?? createAnalysisService();
  const proposedName = (language: Language) => (index: number) =>
    translate(language, 'whatif.proposedName', { n: index + 1 });
  const coverage = createCoverageStore({
    service: analysis,
    db,
    dataBaseUrl,
    proposedName: proposedName(ui.getState().language),
  });
  // Proposed facilities are named in the UI's language; a switch renames them in the preview too.
  ui.subscribe((next, prev) => {
    if (next.language !== prev.language) coverage.getState().setProposedName(proposedName(next.language));
  });

  field.subscribe((next, prev) => {
    if (next.snapshot.positions !== prev.snapshot.positions)
      catalogue.getState().setPositionCorrections(next.snapshot.positions);
  });

  return { platform, db, dbError, map, catalogue, catalogueView, field, ui, coverage, analysis };
}

/**
 * What the app loads at start: the basemap files (then the catalogue, which needs their manifest),
 * the field records, the last coverage run and the app version. Failures show in the UI; none stops the others.
 */
export async function startAppStores(stores: AppStores): Promise<void> {
  const field = stores.field
    .getState()
    .load()
    .catch((error: unknown) => console.error(error));
  const version = stores.ui.getState().loadAppVersion();
  await stores.map.getState().loadBasemap();
  const manifest = stores.map.getState().manifest;
  await Promise.all([
    manifest ? stores.catalogue.getState().load(manifest) : undefined,
    // The imported population and the last run (if it answers for this data and engine).
    manifest
      ? stores.coverage
          .getState()
          .start(manifest.dataVersion)
          .catch((error: unknown) => console.error(error))
      : undefined,
    field,
    version,
  ]);
}
