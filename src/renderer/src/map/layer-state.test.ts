import { describe, expect, it } from 'vitest';
import { LAYER_GROUP_IDS } from './layer-types';
import { DEFAULT_LAYER_STATE, move, normaliseLayerState, orderedStyleLayers, setOpacity } from './layer-state';

describe('layer state', () => {
  it('moves a group and refuses to move past either end', () => {
    const ids = (s: typeof DEFAULT_LAYER_STATE) => s.map((g) => g.id);
    const at = ids(DEFAULT_LAYER_STATE).indexOf('city-outline');
    const above = ids(DEFAULT_LAYER_STATE)[at - 1];
    expect(ids(move(DEFAULT_LAYER_STATE, 'city-outline', -1)).slice(at - 1, at + 1)).toEqual(['city-outline', above]);
    expect(move(DEFAULT_LAYER_STATE, 'annotations', -1)).toBe(DEFAULT_LAYER_STATE);
    expect(move(DEFAULT_LAYER_STATE, 'land', 1)).toBe(DEFAULT_LAYER_STATE);
  });

  it('clamps opacity into 0..1', () => {
    expect(setOpacity(DEFAULT_LAYER_STATE, 'roads', 3).find((g) => g.id === 'roads')?.opacity).toBe(1);
    expect(setOpacity(DEFAULT_LAYER_STATE, 'roads', -1).find((g) => g.id === 'roads')?.opacity).toBe(0);
  });

  it('repairs stored state: drops unknown ids and duplicates, restores missing groups', () => {
    const repaired = normaliseLayerState([
      { id: 'roads', visible: false, opacity: 0.5 },
      { id: 'no-such-layer' as never, visible: true, opacity: 1 },
      { id: 'roads', visible: true, opacity: 1 },
      { id: 'land', visible: true, opacity: Number.NaN },
    ]);
    expect(repaired.map((g) => g.id).sort()).toEqual([...LAYER_GROUP_IDS].sort());
    expect(repaired.find((g) => g.id === 'roads')).toEqual({ id: 'roads', visible: false, opacity: 0.5 });
    expect(repaired.find((g) => g.id === 'land')?.opacity).toBe(1);
  });

  it('draws the top of the list last', () => {
    const layers = orderedStyleLayers(DEFAULT_LAYER_STATE).map(({ def }) => def.layer.id);
    expect(layers[0]).toBe('land');
    expect(layers.at(-1)).toBe('annotation-label');
    expect(layers.indexOf('county-label')).toBeLessThan(layers.indexOf('facility-point'));
    expect(layers.indexOf('annotation-point')).toBeGreaterThan(layers.indexOf('project-cluster-count'));
    expect(layers.indexOf('mountain-hatch')).toBeGreaterThan(layers.indexOf('county-fill'));
    expect(layers.indexOf('road-label')).toBeGreaterThan(layers.indexOf('road-expressway'));
  });
});

describe('layer groups', () => {
  it('define every group id exactly once, in the default order', async () => {
    const { LAYER_GROUPS } = await import('./layer-groups');
    expect(LAYER_GROUPS.map((g) => g.id)).toEqual([...LAYER_GROUP_IDS]);
  });
});
