import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';

const SOURCE = 'file-overlay';
const COLOR = '#c2185b';

const LAYERS: LayerSpecification[] = [
  {
    id: 'file-overlay-fill',
    type: 'fill',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': COLOR, 'fill-opacity': 0.2 },
  },
  {
    id: 'file-overlay-line',
    type: 'line',
    source: SOURCE,
    filter: ['!=', ['geometry-type'], 'Point'],
    paint: { 'line-color': COLOR, 'line-width': 2 },
  },
  {
    id: 'file-overlay-point',
    type: 'circle',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-color': COLOR, 'circle-radius': 5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 },
  },
];

/** Shows an opened file above every basemap layer, replacing any file shown before. */
export function showFileOverlay(map: MaplibreMap, collection: FeatureCollection): void {
  clearFileOverlay(map);
  map.addSource(SOURCE, { type: 'geojson', data: collection });
  for (const layer of LAYERS) map.addLayer(layer);
}

export function clearFileOverlay(map: MaplibreMap): void {
  for (const layer of LAYERS) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
}

export const FILE_OVERLAY_LAYER_IDS = LAYERS.map((l) => l.id);
