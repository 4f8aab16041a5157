import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYER_STATE, move, setOpacity, setVisible } from '../map/layer-state';
import { OutuDb } from './outu-db';
import {
  loadFieldAuthor,
  loadLanguage,
  loadLastFieldExport,
  loadLayerState,
  loadShowGcj,
  saveFieldAuthor,
  saveLanguage,
  saveLastFieldExport,
  saveLayerState,
  saveShowGcj,
  SETTING_KEYS,
} from './settings-store';

const freshDb = () => new OutuDb('settings-test', undefined, { indexedDB: new IDBFactory(), IDBKeyRange });

describe('settings store', () => {
  it('defaults to Chinese and the default layer order', async () => {
    const db = freshDb();
    expect(await loadLanguage(db)).toBe('zh');
    expect(await loadLayerState(db)).toEqual(DEFAULT_LAYER_STATE);
    db.close();
  });

  it('round-trips language and layer state', async () => {
    const db = freshDb();
    let state = setVisible(DEFAULT_LAYER_STATE, 'roads', false);
    state = setOpacity(state, 'mountain-counties', 0.4);
    state = move(state, 'land', -1);
    await saveLanguage(db, 'en');
    await saveLayerState(db, state);
    expect(await loadLanguage(db)).toBe('en');
    expect(await loadLayerState(db)).toEqual(state);
    db.close();
  });

  it('keeps the field author and the last exchange export, each under its declared key', async () => {
    const db = freshDb();
    expect(await loadFieldAuthor(db)).toBe('');
    expect(await loadLastFieldExport(db)).toBeNull();
    expect(await loadShowGcj(db)).toBe(false);
    await saveFieldAuthor(db, '张三');
    await saveLastFieldExport(db, '2025-03-01T08:30:00.000Z');
    await saveShowGcj(db, true);
    expect(await loadFieldAuthor(db)).toBe('张三');
    expect(await loadLastFieldExport(db)).toBe('2025-03-01T08:30:00.000Z');
    expect(await loadShowGcj(db)).toBe(true);
    // The rows a backup carries and older releases wrote: the keys must not drift.
    expect(await db.settings.get(SETTING_KEYS.fieldLastExport)).toEqual({
      key: 'fieldLastExport',
      value: '2025-03-01T08:30:00.000Z',
    });
    expect(await db.settings.get('fieldAuthor')).toEqual({ key: 'fieldAuthor', value: '张三' });
    db.close();
  });

  it('reads a stored value of the wrong type as not set', async () => {
    const db = freshDb();
    await db.settings.bulkPut([
      { key: SETTING_KEYS.fieldAuthor, value: 42 },
      { key: SETTING_KEYS.fieldLastExport, value: { at: 'yesterday' } },
    ]);
    expect(await loadFieldAuthor(db)).toBe('');
    expect(await loadLastFieldExport(db)).toBeNull();
    db.close();
  });
});
