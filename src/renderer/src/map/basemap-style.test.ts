import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYER_STATE, setVisible } from './layer-state';
import { buildBasemapStyle } from './basemap-style';

describe('basemap style', () => {
  const style = buildBasemapStyle({ dataBaseUrl: 'outu://data/', language: 'zh', layerState: DEFAULT_LAYER_STATE });

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('keeps the glyph URL template unescaped', () => {
    expect(style.glyphs).toBe('outu://data/glyphs/{fontstack}/{range}.pbf');
  });

  it('has unique layer ids, sea background first', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('background');
  });

  it('hides every style layer of a hidden group', () => {
    const hidden = buildBasemapStyle({
      dataBaseUrl: './data/',
      language: 'en',
      layerState: setVisible(DEFAULT_LAYER_STATE, 'mountain-counties', false),
    });
    const mountain = hidden.layers.filter((l) => l.id.startsWith('mountain-'));
    expect(mountain).toHaveLength(3);
    for (const layer of mountain) expect(layer.layout?.visibility).toBe('none');
  });
});
