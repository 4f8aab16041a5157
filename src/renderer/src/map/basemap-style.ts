import type {
  DataDrivenPropertyValueSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { DATA_FILES, GLYPH_FONTS } from '../../../shared/data-contract';
import type { Language } from '../i18n/translate';
import { SELECTION_LAYER, SITING_LAYERS } from './catalogue-layers';
import { SOURCE_IDS } from './layer-types';
import { MAP_COLORS } from './map-colors';
import { opacityProperties, orderedStyleLayers, type LayerState } from './layer-state';

export const BASEMAP_PMTILES_KEY = 'outu-basemap';

export interface BasemapStyleParams {
  /** Base URL of data/geo, ending in '/'. */
  dataBaseUrl: string;
  language: Language;
  layerState: LayerState;
}

/** County labels: Chinese only in Chinese, English over Chinese in English. */
export function countyLabelField(language: Language): DataDrivenPropertyValueSpecification<string> {
  return language === 'zh' ? ['get', 'name'] : ['concat', ['get', 'nameEn'], '\n', ['get', 'name']];
}

function withState(
  layer: LayerSpecification,
  visible: boolean,
  opacity: number,
  language: Language,
): LayerSpecification {
  const paint: Record<string, unknown> = { ...('paint' in layer ? layer.paint : {}) };
  for (const property of opacityProperties(layer.type)) paint[property] = opacity;
  const layout: Record<string, unknown> = {
    ...('layout' in layer ? layer.layout : {}),
    visibility: visible ? 'visible' : 'none',
  };
  if (layer.id === 'county-label') layout['text-field'] = countyLabelField(language);
  return { ...layer, paint, layout } as LayerSpecification;
}

/** The whole basemap as one MapLibre style; a pure function of its inputs (unit-tested). */
export function buildBasemapStyle({ dataBaseUrl, language, layerState }: BasemapStyleParams): StyleSpecification {
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': MAP_COLORS.sea } },
    ...orderedStyleLayers(layerState).map(({ def, group }) =>
      withState(def.layer, group.visible, def.baseOpacity * group.opacity, language),
    ),
    SELECTION_LAYER,
    ...SITING_LAYERS,
  ];
  const empty = { type: 'FeatureCollection' as const, features: [] };
  return {
    version: 8,
    name: 'OuTu basemap',
    // String join, not new URL(): URL() would percent-escape the {fontstack} and {range} tokens.
    glyphs: `${dataBaseUrl}${DATA_FILES.glyphsDir}/{fontstack}/{range}.pbf`,
    sources: {
      [SOURCE_IDS.basemap]: { type: 'vector', url: `pmtiles://${BASEMAP_PMTILES_KEY}` },
      [SOURCE_IDS.counties]: { type: 'geojson', data: `${dataBaseUrl}${DATA_FILES.counties}` },
      [SOURCE_IDS.countyLabels]: { type: 'geojson', data: `${dataBaseUrl}${DATA_FILES.countyLabels}` },
      [SOURCE_IDS.cityOutline]: { type: 'geojson', data: `${dataBaseUrl}${DATA_FILES.cityOutline}` },
      // Many projects share their county seat: kept clustered at every zoom so none hides another.
      [SOURCE_IDS.projects]: { type: 'geojson', data: empty, cluster: true, clusterRadius: 24, clusterMaxZoom: 17 },
      [SOURCE_IDS.facilities]: { type: 'geojson', data: empty, cluster: true, clusterRadius: 36, clusterMaxZoom: 13 },
      [SOURCE_IDS.selection]: { type: 'geojson', data: empty },
      [SOURCE_IDS.coverageBands]: { type: 'geojson', data: empty },
      [SOURCE_IDS.uncovered]: { type: 'geojson', data: empty },
      [SOURCE_IDS.access]: { type: 'geojson', data: empty },
      [SOURCE_IDS.siting]: { type: 'geojson', data: empty },
      [SOURCE_IDS.annotations]: { type: 'geojson', data: empty },
    },
    layers,
    metadata: { 'outu:fonts': GLYPH_FONTS },
  };
}
