import type { FeatureCollection, Point } from 'geojson';
import type { DataDrivenPropertyValueSpecification } from '@maplibre/maplibre-gl-style-spec';
import type * as maplibregl from 'maplibre-gl';
import { FIELD_STATUSES, type FieldRecordOf, type FieldStatus } from '../../../shared/field';
import { GLYPH_FONTS } from '../../../shared/data-contract';
import { SOURCE_IDS, type LayerGroupDef } from './layer-types';

/** Colours by what was seen on site, from "nothing yet" (grey) to "in use" (green); problems red. */
export const FIELD_STATUS_COLORS: Record<FieldStatus, string> = {
  'not-started': '#9e9e9e',
  'under-construction': '#fb8c00',
  completed: '#1e88e5',
  'in-service': '#43a047',
  problem: '#e53935',
};

const statusColor = [
  'match',
  ['get', 'status'],
  ...FIELD_STATUSES.flatMap((s) => [s, FIELD_STATUS_COLORS[s]]),
  '#9e9e9e',
] as unknown as DataDrivenPropertyValueSpecification<string>;

export const FIELD_GROUPS: readonly LayerGroupDef[] = [
  {
    id: 'annotations',
    label: 'layer.annotations',
    note: 'layer.annotationsNote',
    styleLayers: [
      {
        baseOpacity: 1,
        layer: {
          id: 'annotation-point',
          type: 'circle',
          source: SOURCE_IDS.annotations,
          paint: {
            'circle-color': statusColor,
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 5, 15, 8],
            'circle-stroke-color': '#212121',
            'circle-stroke-width': 2,
          },
        },
      },
      {
        baseOpacity: 1,
        layer: {
          id: 'annotation-label',
          type: 'symbol',
          source: SOURCE_IDS.annotations,
          minzoom: 12,
          layout: {
            'text-field': ['get', 'title'],
            'text-font': [GLYPH_FONTS.regular],
            'text-size': 12,
            'text-offset': [0, 1.2],
            'text-anchor': 'top',
            'text-optional': true,
          },
          paint: { 'text-color': '#212121', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
        },
      },
    ],
  },
];

export function annotationCollection(
  annotations: readonly FieldRecordOf<'annotation'>[],
  photoCounts: ReadonlyMap<string, number>,
): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: annotations.map((a) => ({
      type: 'Feature',
      properties: { id: a.id, title: a.body.title, status: a.body.status, photos: photoCounts.get(a.id) ?? 0 },
      geometry: { type: 'Point', coordinates: [a.body.lon, a.body.lat] },
    })),
  };
}

export function showAnnotations(map: maplibregl.Map, collection: FeatureCollection<Point>): void {
  map.getSource<maplibregl.GeoJSONSource>(SOURCE_IDS.annotations)?.setData(collection);
}
