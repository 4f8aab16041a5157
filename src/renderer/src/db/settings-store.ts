import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../i18n/translate';
import { DEFAULT_LAYER_STATE, normaliseLayerState, type LayerState } from '../map/layer-state';
import type { OutuDb } from './outu-db';

export async function loadLanguage(db: OutuDb): Promise<Language> {
  const row = await db.settings.get('language');
  return isLanguage(row?.value) ? row.value : DEFAULT_LANGUAGE;
}

export async function saveLanguage(db: OutuDb, language: Language): Promise<void> {
  await db.settings.put({ key: 'language', value: language });
}

export async function loadShowGcj(db: OutuDb): Promise<boolean> {
  return (await db.settings.get('showGcj'))?.value === true;
}

export async function saveShowGcj(db: OutuDb, show: boolean): Promise<void> {
  await db.settings.put({ key: 'showGcj', value: show });
}

export async function loadLayerState(db: OutuDb): Promise<LayerState> {
  const rows = await db.layerState.orderBy('order').toArray();
  return rows.length ? normaliseLayerState(rows) : DEFAULT_LAYER_STATE;
}

/** Replaces all rows in one transaction so a crash never leaves a half-written order. */
export async function saveLayerState(db: OutuDb, state: LayerState): Promise<void> {
  await db.transaction('rw', db.layerState, async () => {
    await db.layerState.clear();
    await db.layerState.bulkPut(state.map((g, order) => ({ id: g.id, order, visible: g.visible, opacity: g.opacity })));
  });
}
