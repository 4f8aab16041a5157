import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../i18n/translate';
import { DEFAULT_LAYER_STATE, normaliseLayerState, type LayerState } from '../map/layer-state';
import type { OutuDb } from './outu-db';

/**
 * The settings rows this module owns, one key each. (Other rows of the settings table have their
 * owners beside them in db/: the seeded projects' version in catalogue-store.ts.)
 */
export const SETTING_KEYS = {
  language: 'language',
  showGcj: 'showGcj',
  /** Name written into field records and packages. */
  fieldAuthor: 'fieldAuthor',
  /** ISO time of the last exchange package saved: the next export offers changes since then. */
  fieldLastExport: 'fieldLastExport',
} as const;

async function stringSetting(db: OutuDb, key: string): Promise<string | null> {
  const value = (await db.settings.get(key))?.value;
  return typeof value === 'string' ? value : null;
}

export async function loadLanguage(db: OutuDb): Promise<Language> {
  const row = await db.settings.get(SETTING_KEYS.language);
  return isLanguage(row?.value) ? row.value : DEFAULT_LANGUAGE;
}

export async function saveLanguage(db: OutuDb, language: Language): Promise<void> {
  await db.settings.put({ key: SETTING_KEYS.language, value: language });
}

export async function loadShowGcj(db: OutuDb): Promise<boolean> {
  return (await db.settings.get(SETTING_KEYS.showGcj))?.value === true;
}

export async function saveShowGcj(db: OutuDb, show: boolean): Promise<void> {
  await db.settings.put({ key: SETTING_KEYS.showGcj, value: show });
}

/** '' until someone has given a name. */
export async function loadFieldAuthor(db: OutuDb): Promise<string> {
  return (await stringSetting(db, SETTING_KEYS.fieldAuthor)) ?? '';
}

export async function saveFieldAuthor(db: OutuDb, name: string): Promise<void> {
  await db.settings.put({ key: SETTING_KEYS.fieldAuthor, value: name });
}

/** When the last exchange package was saved (ISO 8601); null before the first. */
export async function loadLastFieldExport(db: OutuDb): Promise<string | null> {
  return stringSetting(db, SETTING_KEYS.fieldLastExport);
}

export async function saveLastFieldExport(db: OutuDb, exportedAt: string): Promise<void> {
  await db.settings.put({ key: SETTING_KEYS.fieldLastExport, value: exportedAt });
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
