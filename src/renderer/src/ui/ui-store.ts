import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CatalogueState } from '../catalogue/catalogue-store';
import type { CatalogueViewState } from '../catalogue/catalogue-view-store';
import type { OutuDb } from '../db/outu-db';
import { saveLanguage, saveLayerState, saveShowGcj } from '../db/settings-store';
import { translate, type Language } from '../i18n/translate';
import type { CatalogueRef } from '../map/catalogue-map';
import { DEFAULT_LAYER_STATE, type LayerState } from '../map/layer-state';
import type { MapState } from '../map/map-store';
import type { Platform } from '../platform/platform';
import { openGeoJson, type OpenedOverlay } from './open-geojson';
import type { SidebarTab } from './sidebar';

/** Dialogs and drawers opened from the toolbar or a panel; at most one of each kind. */
export type DialogId = 'table' | 'import' | 'dataCheck' | 'indicators' | 'equity' | 'export' | 'about';

/** What the next click on the map does: place a proposed facility (what-if) or a field annotation. */
export type PlacingMode = 'proposed-facility' | 'annotation';

export interface UiState {
  language: Language;
  layerState: LayerState;
  showGcj: boolean;
  sidebarOpen: boolean;
  sidebarTab: SidebarTab;
  dialogs: Readonly<Record<DialogId, boolean>>;
  /** The error banner; null when there is none. */
  errorMessage: string | null;
  /** Several items under one click, for the user to pick from. */
  pick: CatalogueRef[] | null;
  selectedAnnotationId: string | null;
  /** The project whose position is being corrected (its detail panel is open). */
  correctingSeq: number | null;
  placing: PlacingMode | null;
  /** A GeoJSON file opened for this session. */
  overlay: OpenedOverlay | null;
  appVersion: string;
  setLanguage: (language: Language) => void;
  toggleLanguage: () => void;
  setLayerState: (state: LayerState) => void;
  resetLayerState: () => void;
  setShowGcj: (show: boolean) => void;
  setSidebarOpen: (open: boolean) => void;
  toggleSidebar: () => void;
  setSidebarTab: (tab: SidebarTab) => void;
  openDialog: (id: DialogId) => void;
  closeDialog: (id: DialogId) => void;
  toggleDialog: (id: DialogId) => void;
  showError: (message: string | null) => void;
  showPick: (refs: CatalogueRef[]) => void;
  closePick: () => void;
  /** Selects a project or facility (the detail panel opens), flying to it when asked. */
  selectCatalogueItem: (ref: CatalogueRef, options: { fly: boolean }) => void;
  /** Closes the project or facility detail panel. */
  clearCatalogueSelection: () => void;
  selectAnnotation: (id: string) => void;
  closeAnnotation: () => void;
  startCorrecting: (seq: number) => void;
  stopCorrecting: () => void;
  startPlacing: (mode: PlacingMode) => void;
  stopPlacing: () => void;
  /** Asks for a GeoJSON file and shows it on the map; a bad file goes to the error banner. */
  openFile: () => Promise<void>;
  closeOverlay: () => void;
  loadAppVersion: () => Promise<void>;
}

export interface UiStoreDeps {
  /** null when IndexedDB is unavailable: settings then last for the session only. */
  db: OutuDb | null;
  platform: Platform;
  initial: { language: Language; layerState: LayerState; showGcj: boolean };
  catalogue: StoreApi<CatalogueState>;
  catalogueView: StoreApi<CatalogueViewState>;
  map: StoreApi<MapState>;
}

const NO_DIALOGS: Record<DialogId, boolean> = {
  table: false,
  import: false,
  dataCheck: false,
  indicators: false,
  equity: false,
  export: false,
  about: false,
};

/** Persists in the background; a failed write is reported but never blocks the UI. */
function persist(task: Promise<void> | undefined) {
  task?.catch((error: unknown) => console.error('OuTu: could not save settings', error));
}

/** Selection, panels, dialogs, banners and the settings the user sets in the UI (kept in IndexedDB). */
export function createUiStore({
  db,
  platform,
  initial,
  catalogue,
  catalogueView,
  map,
}: UiStoreDeps): StoreApi<UiState> {
  return createStore<UiState>()((set, get) => ({
    language: initial.language,
    layerState: initial.layerState,
    showGcj: initial.showGcj,
    sidebarOpen: true,
    sidebarTab: 'layers',
    dialogs: NO_DIALOGS,
    errorMessage: null,
    pick: null,
    selectedAnnotationId: null,
    correctingSeq: null,
    placing: null,
    overlay: null,
    appVersion: '',

    setLanguage: (language) => {
      set({ language });
      persist(db ? saveLanguage(db, language) : undefined);
    },
    toggleLanguage: () => get().setLanguage(get().language === 'zh' ? 'en' : 'zh'),
    setLayerState: (layerState) => {
      set({ layerState });
      persist(db ? saveLayerState(db, layerState) : undefined);
    },
    resetLayerState: () => get().setLayerState(DEFAULT_LAYER_STATE),
    setShowGcj: (showGcj) => {
      set({ showGcj });
      persist(db ? saveShowGcj(db, showGcj) : undefined);
    },

    setSidebarOpen: (sidebarOpen) => set({ sidebarOpen }),
    toggleSidebar: () => set({ sidebarOpen: !get().sidebarOpen }),
    setSidebarTab: (sidebarTab) => set({ sidebarTab }),
    openDialog: (id) => set({ dialogs: { ...get().dialogs, [id]: true } }),
    closeDialog: (id) => set({ dialogs: { ...get().dialogs, [id]: false } }),
    toggleDialog: (id) => set({ dialogs: { ...get().dialogs, [id]: !get().dialogs[id] } }),
    showError: (errorMessage) => set({ errorMessage }),
    showPick: (pick) => set({ pick }),
    closePick: () => set({ pick: null }),

    selectCatalogueItem: (ref, { fly }) => {
      catalogueView.getState().setSelection(ref);
      const tab = get().sidebarTab;
      // The list tab follows the kind of item chosen; other tabs stay where the user is.
      const sidebarTab =
        ref.kind === 'facility' && tab === 'projects'
          ? 'facilities'
          : ref.kind === 'project' && tab === 'facilities'
            ? 'projects'
            : tab;
      set({ selectedAnnotationId: null, correctingSeq: null, pick: null, sidebarTab });
      if (!fly) return;
      const { projects, facilities } = catalogue.getState();
      const point =
        ref.kind === 'project' ? projects.find((p) => p.seq === ref.seq) : facilities.find((f) => f.id === ref.id);
      if (!point || point.lon === null || point.lat === null) return;
      map.getState().focus([point.lon, point.lat]);
    },
    clearCatalogueSelection: () => {
      catalogueView.getState().setSelection(null);
      set({ correctingSeq: null });
    },
    selectAnnotation: (id) => {
      catalogueView.getState().setSelection(null);
      set({ correctingSeq: null, selectedAnnotationId: id });
    },
    closeAnnotation: () => set({ selectedAnnotationId: null }),
    startCorrecting: (correctingSeq) => set({ correctingSeq }),
    stopCorrecting: () => set({ correctingSeq: null }),
    startPlacing: (placing) => set({ placing }),
    stopPlacing: () => set({ placing: null }),

    openFile: async () => {
      const language = get().language;
      const outcome = await openGeoJson(platform, (key, params) => translate(language, key, params));
      if (outcome.kind === 'opened') set({ errorMessage: null, overlay: outcome.overlay });
      else if (outcome.kind === 'error') set({ errorMessage: outcome.message });
    },
    closeOverlay: () => set({ overlay: null }),
    loadAppVersion: async () => set({ appVersion: (await platform.appInfo()).version }),
  }));
}
