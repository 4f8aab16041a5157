import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { GLYPH_FONTS, TILE_LAYERS, type RoadClass } from '../../../shared/data-contract';
import { MAP_COLORS as C } from './map-colors';
import { MOUNTAIN_HATCH_IMAGE, SOURCE_IDS, type LayerGroupDef, type StyleLayerDef } from './layer-types';

const zoomLinear = (stops: [number, number][]) =>
  ['interpolate', ['exponential', 1.6], ['zoom'], ...stops.flat()] as unknown as number;

function roadLayers(
  roadClass: RoadClass,
  minzoom: number,
  fill: string,
  casing: string,
  widths: [number, number][],
): StyleLayerDef[] {
  const filter: FilterSpecification = ['==', ['get', 'class'], roadClass];
  const source = { source: SOURCE_IDS.basemap, 'source-layer': TILE_LAYERS.road, minzoom, filter };
  const layout = { 'line-cap': 'round', 'line-join': 'round' } as const;
  return [
    {
      baseOpacity: 1,
      layer: {
        id: `road-${roadClass}-casing`,
        type: 'line',
        ...source,
        layout,
        paint: { 'line-color': casing, 'line-width': zoomLinear(widths.map(([z, w]) => [z, w + 1.5])) },
      },
    },
    {
      baseOpacity: 1,
      layer: {
        id: `road-${roadClass}`,
        type: 'line',
        ...source,
        layout,
        paint: { 'line-color': fill, 'line-width': zoomLinear(widths) },
      },
    },
  ];
}

/** Bottom to top within each group; groups are ordered by the layer panel. */
export const BASEMAP_GROUPS: readonly LayerGroupDef[] = [
  {
    id: 'county-labels',
    label: 'layer.countyLabels',
    styleLayers: [
      {
        baseOpacity: 1,
        layer: {
          id: 'county-seat',
          type: 'circle',
          source: SOURCE_IDS.countyLabels,
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 2.5, 12, 4],
            'circle-color': ['case', ['get', 'mountain'], C.mountainLabelText, C.labelText],
            'circle-stroke-color': C.halo,
            'circle-stroke-width': 1.5,
          },
        },
      },
      {
        baseOpacity: 1,
        layer: {
          id: 'county-label',
          type: 'symbol',
          source: SOURCE_IDS.countyLabels,
          layout: {
            'text-field': ['get', 'name'],
            'text-font': [GLYPH_FONTS.bold],
            'text-size': ['interpolate', ['linear'], ['zoom'], 7, 13, 12, 18],
            // Seats of 鹿城 and 瓯海 are 3.6 km apart: labels move around their dot to stay apart.
            'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
            'text-radial-offset': 0.5,
            'text-padding': 1,
            'text-max-width': 12,
          },
          paint: {
            'text-color': ['case', ['get', 'mountain'], C.mountainLabelText, C.labelText],
            'text-halo-color': C.halo,
            'text-halo-width': 2,
          },
        },
      },
    ],
  },
  {
    id: 'city-outline',
    label: 'layer.cityOutline',
    styleLayers: [
      {
        baseOpacity: 0.9,
        layer: {
          id: 'city-outline-casing',
          type: 'line',
          source: SOURCE_IDS.cityOutline,
          paint: {
            'line-color': C.halo,
            'line-width': zoomLinear([
              [7, 4],
              [14, 8],
            ]),
          },
        },
      },
      {
        baseOpacity: 1,
        layer: {
          id: 'city-outline',
          type: 'line',
          source: SOURCE_IDS.cityOutline,
          paint: {
            'line-color': C.cityOutline,
            'line-width': zoomLinear([
              [7, 2],
              [14, 4],
            ]),
          },
        },
      },
    ],
  },
  {
    id: 'county-boundaries',
    label: 'layer.countyBoundaries',
    styleLayers: [
      {
        baseOpacity: 0.9,
        layer: {
          id: 'county-line',
          type: 'line',
          source: SOURCE_IDS.counties,
          paint: {
            'line-color': C.countyLine,
            'line-width': zoomLinear([
              [7, 1],
              [14, 2.5],
            ]),
            'line-dasharray': [4, 2],
          },
        },
      },
    ],
  },
  {
    id: 'mountain-counties',
    label: 'layer.mountainCounties',
    note: 'layer.mountainCountiesNote',
    styleLayers: [
      {
        baseOpacity: 0.28,
        layer: {
          id: 'mountain-fill',
          type: 'fill',
          source: SOURCE_IDS.counties,
          filter: ['==', ['get', 'mountain'], true],
          paint: { 'fill-color': C.mountainFill },
        },
      },
      {
        baseOpacity: 0.55,
        layer: {
          id: 'mountain-hatch',
          type: 'fill',
          source: SOURCE_IDS.counties,
          filter: ['==', ['get', 'mountain'], true],
          paint: { 'fill-pattern': MOUNTAIN_HATCH_IMAGE },
        },
      },
      {
        baseOpacity: 0.8,
        layer: {
          id: 'mountain-line',
          type: 'line',
          source: SOURCE_IDS.counties,
          filter: ['==', ['get', 'mountain'], true],
          paint: {
            'line-color': C.mountainLine,
            'line-width': zoomLinear([
              [7, 1.5],
              [14, 3],
            ]),
          },
        },
      },
    ],
  },
  {
    id: 'roads',
    label: 'layer.roads',
    styleLayers: [
      ...roadLayers('unnamed', 12, C.unnamed, C.unnamedCasing, [
        [12, 0.6],
        [16, 4],
      ]),
      ...roadLayers('named', 10, C.named, C.namedCasing, [
        [10, 0.5],
        [16, 7],
      ]),
      ...roadLayers('provincial', 7, C.provincial, C.provincialCasing, [
        [7, 0.6],
        [16, 8],
      ]),
      ...roadLayers('arterial', 7, C.arterial, C.arterialCasing, [
        [7, 0.8],
        [16, 10],
      ]),
      ...roadLayers('expressway', 6, C.expressway, C.expresswayCasing, [
        [6, 0.8],
        [16, 11],
      ]),
      {
        baseOpacity: 1,
        layer: {
          id: 'road-label',
          type: 'symbol',
          source: SOURCE_IDS.basemap,
          'source-layer': TILE_LAYERS.road,
          minzoom: 12,
          filter: ['all', ['has', 'name'], ['!=', ['get', 'class'], 'unnamed']],
          layout: {
            'symbol-placement': 'line',
            'text-field': ['get', 'name'],
            'text-font': [GLYPH_FONTS.regular],
            'text-size': 11,
          },
          paint: { 'text-color': '#5a5148', 'text-halo-color': C.halo, 'text-halo-width': 1.5 },
        },
      },
    ],
  },
  {
    id: 'rivers',
    label: 'layer.rivers',
    styleLayers: [
      {
        baseOpacity: 1,
        layer: {
          id: 'river',
          type: 'line',
          source: SOURCE_IDS.basemap,
          'source-layer': TILE_LAYERS.river,
          paint: {
            'line-color': C.river,
            'line-width': zoomLinear([
              [7, 0.8],
              [14, 3],
            ]),
          },
        },
      },
    ],
  },
  {
    id: 'counties',
    label: 'layer.counties',
    styleLayers: [
      {
        // Counties include reclaimed land that GSHHG still shows as sea, so they are filled as land.
        baseOpacity: 1,
        layer: { id: 'county-fill', type: 'fill', source: SOURCE_IDS.counties, paint: { 'fill-color': C.county } },
      },
    ],
  },
  {
    id: 'provinces',
    label: 'layer.provinces',
    styleLayers: [
      {
        baseOpacity: 0.5,
        layer: {
          id: 'province-border-casing',
          type: 'line',
          source: SOURCE_IDS.basemap,
          'source-layer': TILE_LAYERS.provinceBorder,
          paint: {
            'line-color': C.provinceLine,
            'line-width': zoomLinear([
              [6, 3],
              [14, 9],
            ]),
          },
        },
      },
      {
        baseOpacity: 1,
        layer: {
          id: 'province-border',
          type: 'line',
          source: SOURCE_IDS.basemap,
          'source-layer': TILE_LAYERS.provinceBorder,
          paint: {
            'line-color': C.provinceLine,
            'line-width': zoomLinear([
              [6, 1],
              [14, 2.5],
            ]),
            'line-dasharray': [6, 2, 1, 2],
          },
        },
      },
    ],
  },
  {
    id: 'land',
    label: 'layer.land',
    styleLayers: [
      {
        baseOpacity: 1,
        layer: {
          id: 'land',
          type: 'fill',
          source: SOURCE_IDS.basemap,
          'source-layer': TILE_LAYERS.land,
          paint: { 'fill-color': C.land },
        },
      },
    ],
  },
];
