import type { FeatureCollection } from 'geojson';
import type { Map as MaplibreMap, GeoJSONSource } from 'maplibre-gl';
import { SOURCE_IDS, type LayerGroupDef } from './layer-types';

/** Nearest band darkest: green to yellow, readable over the hatched mountain counties. */
export const BAND_COLORS = ['#1a9850', '#66bd63', '#a6d96a', '#d9ef8b', '#fee08b'];

const bandColor = [
  'match',
  ['get', 'band'],
  ...BAND_COLORS.slice(0, -1).flatMap((c, i) => [i, c]),
  BAND_COLORS.at(-1)!,
] as unknown as string;

export const COVERAGE_GROUPS: readonly LayerGroupDef[] = [
  {
    id: 'coverage',
    label: 'layer.coverage',
    note: 'layer.coverageNote',
    styleLayers: [
      {
        baseOpacity: 0.5,
        layer: {
          id: 'coverage-band-fill',
          type: 'fill',
          source: SOURCE_IDS.coverageBands,
          paint: { 'fill-color': bandColor },
        },
      },
      {
        baseOpacity: 0.9,
        layer: {
          id: 'coverage-band-line',
          type: 'line',
          source: SOURCE_IDS.coverageBands,
          paint: { 'line-color': bandColor, 'line-width': 1 },
        },
      },
    ],
  },
  {
    id: 'uncovered',
    label: 'layer.uncovered',
    note: 'layer.uncoveredNote',
    styleLayers: [
      {
        baseOpacity: 0.7,
        layer: {
          id: 'uncovered-heat',
          type: 'heatmap',
          source: SOURCE_IDS.uncovered,
          maxzoom: 15,
          paint: {
            'heatmap-weight': ['interpolate', ['linear'], ['get', 'population'], 0, 0, 2000, 1],
            'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 7, 0.6, 13, 2],
            'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 7, 6, 13, 28],
            'heatmap-color': [
              'interpolate',
              ['linear'],
              ['heatmap-density'],
              0,
              'rgba(0,0,0,0)',
              0.2,
              '#fdd49e',
              0.5,
              '#fc8d59',
              0.8,
              '#d7301f',
              1,
              '#7f0000',
            ],
          },
        },
      },
    ],
  },
  {
    id: 'access',
    label: 'layer.access',
    note: 'layer.accessNote',
    styleLayers: [
      {
        baseOpacity: 0.85,
        layer: {
          id: 'access-cells',
          type: 'circle',
          source: SOURCE_IDS.access,
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 13, 6],
            'circle-color': ['match', ['get', 'q'], 0, '#d7191c', 1, '#fdae61', 2, '#ffffbf', 3, '#a6d96a', '#1a9641'],
          },
        },
      },
    ],
  },
];

export function showCoverage(
  map: MaplibreMap,
  bands: FeatureCollection | null,
  uncovered: FeatureCollection | null,
  access: FeatureCollection | null = null,
) {
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  map.getSource<GeoJSONSource>(SOURCE_IDS.coverageBands)?.setData(bands ?? empty);
  map.getSource<GeoJSONSource>(SOURCE_IDS.uncovered)?.setData(uncovered ?? empty);
  map.getSource<GeoJSONSource>(SOURCE_IDS.access)?.setData(access ?? empty);
}

export function showSitingSites(map: MaplibreMap, sites: readonly { rank: number; lon: number; lat: number }[]) {
  map.getSource<GeoJSONSource>(SOURCE_IDS.siting)?.setData({
    type: 'FeatureCollection',
    features: sites.map((s) => ({
      type: 'Feature',
      properties: { rank: s.rank },
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
    })),
  });
}
