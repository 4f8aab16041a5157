import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYER_STATE, move, setOpacity, setVisible } from '../map/layer-state';
import { OutuDb } from './outu-db';
import { loadLanguage, loadLayerState, saveLanguage, saveLayerState } from './settings-store';

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
});
