import type { DataDrivenPropertyValueSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { GLYPH_FONTS } from '../../../shared/data-contract';
import { facilityColorExpression, projectColorExpression } from './catalogue-colors';
import { SOURCE_IDS, type LayerGroupDef } from './layer-types';

const color = (expression: unknown[]) => expression as DataDrivenPropertyValueSpecification<string>;

/** Radius grows with the square root of investment, so the area of a dot tracks the money. */
const investmentRadius = [
  'interpolate',
  ['linear'],
  ['sqrt', ['coalesce', ['get', 'investmentTotal'], 0]],
  0,
  5,
  3,
  8,
  10,
  14,
  32,
  24,
] as unknown as DataDrivenPropertyValueSpecification<number>;

const clusterLayers = (source: string, prefix: string, fill: string): LayerGroupDef['styleLayers'] => [
  {
    baseOpacity: 0.9,
    layer: {
      id: `${prefix}-cluster`,
      type: 'circle',
      source,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': fill,
        'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 11, 20, 16, 500, 26],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  },
  {
    baseOpacity: 1,
    layer: {
      id: `${prefix}-cluster-count`,
      type: 'symbol',
      source,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': [GLYPH_FONTS.bold],
        'text-size': 12,
        'text-allow-overlap': true,
        // Counts sit on county seats: they must not push the county names off the map.
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
  },
];

export const CATALOGUE_GROUPS: readonly LayerGroupDef[] = [
  {
    id: 'projects',
    label: 'layer.projects',
    note: 'layer.projectsNote',
    styleLayers: [
      {
        baseOpacity: 0.9,
        layer: {
          id: 'project-point',
          type: 'circle',
          source: SOURCE_IDS.projects,
          filter: ['!', ['has', 'point_count']],
          paint: {
            'circle-color': color(projectColorExpression()),
            'circle-radius': investmentRadius,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 2,
          },
        },
      },
      ...clusterLayers(SOURCE_IDS.projects, 'project', '#37474f'),
    ],
  },
  {
    id: 'facilities',
    label: 'layer.facilities',
    note: 'layer.facilitiesNote',
    styleLayers: [
      {
        baseOpacity: 0.9,
        layer: {
          id: 'facility-point',
          type: 'circle',
          source: SOURCE_IDS.facilities,
          filter: ['!', ['has', 'point_count']],
          paint: {
            'circle-color': color(facilityColorExpression()),
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 3.5, 14, 6],
            'circle-stroke-color': ['case', ['get', 'isSample'], '#ffeb3b', '#ffffff'],
            'circle-stroke-width': 1.5,
          },
        },
      },
      ...clusterLayers(SOURCE_IDS.facilities, 'facility', '#546e7a'),
    ],
  },
];

/** Always on top and not in the layer panel: the ring around the selected project or facility. */
export const SELECTION_LAYER: LayerSpecification = {
  id: 'selection-ring',
  type: 'circle',
  source: SOURCE_IDS.selection,
  paint: {
    'circle-radius': 16,
    'circle-color': 'rgba(0,0,0,0)',
    'circle-stroke-color': '#d500f9',
    'circle-stroke-width': 3,
  },
};

/** Suggested sites from the siting run: always on top, numbered in the order chosen. */
export const SITING_LAYERS: LayerSpecification[] = [
  {
    id: 'siting-site',
    type: 'circle',
    source: SOURCE_IDS.siting,
    paint: {
      'circle-radius': 11,
      'circle-color': '#00897b',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  },
  {
    id: 'siting-rank',
    type: 'symbol',
    source: SOURCE_IDS.siting,
    layout: {
      'text-field': ['to-string', ['get', 'rank']],
      'text-font': [GLYPH_FONTS.bold],
      'text-size': 12,
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: { 'text-color': '#ffffff' },
  },
];
