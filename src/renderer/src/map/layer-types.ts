import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { MessageKey } from '../i18n/translate';

export const SOURCE_IDS = {
  basemap: 'basemap',
  counties: 'counties',
  countyLabels: 'county-labels',
  cityOutline: 'city-outline',
  projects: 'projects',
  facilities: 'facilities',
  selection: 'selection',
  coverageBands: 'coverage-bands',
  uncovered: 'uncovered',
  access: 'access',
  siting: 'siting',
  annotations: 'annotations',
} as const;

export const MOUNTAIN_HATCH_IMAGE = 'mountain-hatch';

/** A style layer plus the opacity it has at 100 % group opacity. */
export interface StyleLayerDef {
  layer: LayerSpecification;
  baseOpacity: number;
}

/** A layer as the user sees it in the layer panel: one toggle, one opacity, one place in the order. */
export interface LayerGroupDef {
  id: LayerGroupId;
  label: MessageKey;
  note?: MessageKey;
  styleLayers: StyleLayerDef[];
}

/** Default order, top of the list (drawn last) first. */
export const LAYER_GROUP_IDS = [
  'annotations',
  'projects',
  'facilities',
  'county-labels',
  'coverage',
  'uncovered',
  'access',
  'city-outline',
  'county-boundaries',
  'mountain-counties',
  'roads',
  'rivers',
  'counties',
  'provinces',
  'land',
] as const;
export type LayerGroupId = (typeof LAYER_GROUP_IDS)[number];
