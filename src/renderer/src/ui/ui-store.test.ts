import { describe, expect, it, vi } from 'vitest';
import type { OpenedFile } from '../../../shared/ipc';
import { createCatalogueStore } from '../catalogue/catalogue-store';
import { createCatalogueViewStore } from '../catalogue/catalogue-view-store';
import type { OutuDb } from '../db/outu-db';
import { loadLanguage, loadLayerState, loadShowGcj } from '../db/settings-store';
import { DEFAULT_LAYER_STATE, setVisible } from '../map/layer-state';
import { createMapStore, DETAIL_PANEL_WIDTH } from '../map/map-store';
import { translate } from '../i18n/translate';
import { facilityRow, fakeMapController, fakePlatform, openTestDb, projectRow } from '../stores/test-support';
import { createUiStore } from './ui-store';

const clinic = facilityRow('clinics', 'a');

function stores({ db = null, files = [] }: { db?: OutuDb | null; files?: (OpenedFile | null)[] } = {}) {
  const catalogue = createCatalogueStore({ db: null, dataBaseUrl: '' });
  catalogue.setState({
    projects: [projectRow(1, '市体育中心', null, '体育'), projectRow(2, '鹿城区医院', [120.65, 28.01])],
    facilities: [clinic],
  });
  const catalogueView = createCatalogueViewStore(catalogue);
  const map = createMapStore({ dataBaseUrl: '' });
  const camera = fakeMapController();
  map.getState().setController(camera.controller);
  const ui = createUiStore({
    db,
    platform: fakePlatform(files),
    initial: { language: 'zh', layerState: DEFAULT_LAYER_STATE, showGcj: false },
    catalogue,
    catalogueView,
    map,
  });
  return { ui, catalogueView, camera };
}

const file = (name: string, text: string): OpenedFile => ({ name, bytes: new TextEncoder().encode(text) });

describe('ui store', () => {
  it('keeps language, layer state and the GCJ toggle in IndexedDB', async () => {
    const db = await openTestDb('ui-store-settings');
    try {
      const { ui } = stores({ db });
      const hidden = setVisible(DEFAULT_LAYER_STATE, 'roads', false);
      ui.getState().toggleLanguage();
      ui.getState().setLayerState(hidden);
      ui.getState().setShowGcj(true);
      expect([ui.getState().language, ui.getState().layerState, ui.getState().showGcj]).toEqual(['en', hidden, true]);
      await vi.waitFor(async () => {
        expect(await loadLanguage(db)).toBe('en');
        expect(await loadLayerState(db)).toEqual(hidden);
        expect(await loadShowGcj(db)).toBe(true);
      });
      ui.getState().resetLayerState();
      await vi.waitFor(async () => expect(await loadLayerState(db)).toEqual(DEFAULT_LAYER_STATE));
    } finally {
      db.close();
    }
  });

  it('still changes settings for the session without IndexedDB', () => {
    const { ui } = stores();
    ui.getState().setLanguage('en');
    ui.getState().setShowGcj(true);
    expect([ui.getState().language, ui.getState().showGcj]).toEqual(['en', true]);
  });

  it('opens, closes and toggles each dialog on its own', () => {
    const { ui } = stores();
    ui.getState().openDialog('export');
    ui.getState().toggleDialog('table');
    expect(ui.getState().dialogs).toMatchObject({ export: true, table: true, about: false });
    ui.getState().closeDialog('export');
    ui.getState().toggleDialog('table');
    expect(Object.values(ui.getState().dialogs).some(Boolean)).toBe(false);
  });

  it('selecting an item clears the annotation, the correction and the pick list, and follows the list tab', () => {
    const { ui, catalogueView } = stores();
    ui.getState().selectAnnotation('a1');
    ui.getState().startCorrecting(2);
    ui.getState().showPick([{ kind: 'project', seq: 2 }]);
    ui.getState().setSidebarTab('projects');
    ui.getState().selectCatalogueItem({ kind: 'facility', id: clinic.id }, { fly: false });
    expect(catalogueView.getState().selection).toEqual({ kind: 'facility', id: clinic.id });
    const { selectedAnnotationId, correctingSeq, pick, sidebarTab } = ui.getState();
    expect({ selectedAnnotationId, correctingSeq, pick, sidebarTab }).toEqual({
      selectedAnnotationId: null,
      correctingSeq: null,
      pick: null,
      sidebarTab: 'facilities',
    });
    ui.getState().selectCatalogueItem({ kind: 'project', seq: 2 }, { fly: false });
    expect(ui.getState().sidebarTab).toBe('projects');
    ui.getState().setSidebarTab('coverage');
    ui.getState().selectCatalogueItem({ kind: 'facility', id: clinic.id }, { fly: false });
    expect(ui.getState().sidebarTab).toBe('coverage');
  });

  it('flies to a selected item only when asked and only when it has a point', () => {
    const { ui, camera } = stores();
    ui.getState().selectCatalogueItem({ kind: 'project', seq: 2 }, { fly: false });
    ui.getState().selectCatalogueItem({ kind: 'project', seq: 1 }, { fly: true });
    expect(camera.calls).toEqual([]);
    ui.getState().selectCatalogueItem({ kind: 'project', seq: 2 }, { fly: true });
    expect(camera.calls).toEqual([
      ['setRightInset', DETAIL_PANEL_WIDTH],
      ['flyTo', [120.65, 28.01]],
    ]);
  });

  it('an annotation and a catalogue item are never selected together', () => {
    const { ui, catalogueView } = stores();
    ui.getState().selectCatalogueItem({ kind: 'project', seq: 2 }, { fly: false });
    ui.getState().startCorrecting(2);
    ui.getState().selectAnnotation('a1');
    expect(catalogueView.getState().selection).toBeNull();
    expect([ui.getState().selectedAnnotationId, ui.getState().correctingSeq]).toEqual(['a1', null]);

    ui.getState().selectCatalogueItem({ kind: 'project', seq: 2 }, { fly: false });
    ui.getState().startCorrecting(2);
    ui.getState().clearCatalogueSelection();
    expect([catalogueView.getState().selection, ui.getState().correctingSeq]).toEqual([null, null]);
  });

  it('places one thing at a time: starting another placing mode replaces the first', () => {
    const { ui } = stores();
    ui.getState().startPlacing('proposed-facility');
    ui.getState().startPlacing('annotation');
    expect(ui.getState().placing).toBe('annotation');
    ui.getState().stopPlacing();
    expect(ui.getState().placing).toBeNull();
  });

  it('shows an opened GeoJSON file, explains a bad one in the UI language, and ignores a cancel', async () => {
    const point = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [120.6, 28] } }],
    });
    const { ui } = stores({ files: [file('bad.txt', 'x'), file('sites.geojson', point), null] });
    ui.getState().setLanguage('en');
    await ui.getState().openFile();
    expect(ui.getState().errorMessage).toBe(translate('en', 'overlay.error.unsupported', { name: 'bad.txt' }));
    await ui.getState().openFile();
    expect(ui.getState().errorMessage).toBeNull();
    expect(ui.getState().overlay).toMatchObject({ name: 'sites.geojson', bbox: [120.6, 28, 120.6, 28] });
    await ui.getState().openFile();
    expect(ui.getState().overlay?.name).toBe('sites.geojson');
    ui.getState().closeOverlay();
    expect(ui.getState().overlay).toBeNull();
  });

  it('reads the app version from the platform', async () => {
    const { ui } = stores();
    await ui.getState().loadAppVersion();
    expect(ui.getState().appVersion).toBe('9.9.9');
  });
});
