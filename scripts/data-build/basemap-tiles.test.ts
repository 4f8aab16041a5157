import { VectorTile } from '@mapbox/vector-tile';
import type { Feature, LineString } from 'geojson';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { groupRoads, roadFeature, type LayerInput } from './basemap-layers';
import { generateTiles, tilesOverBbox, type EncodedTile } from './basemap-tiles';
import type { Bbox } from './geo-math';

const BBOX: Bbox = [120.5, 27.9, 120.8, 28.1];

function line(name: string, lon: number): Feature<LineString> {
  return {
    type: 'Feature',
    properties: { name },
    geometry: {
      type: 'LineString',
      coordinates: [
        [lon, 27.95],
        [lon, 28.05],
      ],
    },
  };
}

const roads = groupRoads([line('甬台温高速', 120.7), line('人民路', 120.6), line('Unnamed Road', 120.65)]);
const inputs: LayerInput[] = [
  {
    layer: 'land',
    minZoom: 6,
    label: 'land',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [120.5, 27.9],
              [120.8, 27.9],
              [120.8, 28.1],
              [120.5, 28.1],
              [120.5, 27.9],
            ],
          ],
        },
      },
    ],
  },
  { layer: 'road', minZoom: 6, label: 'road/expressway', features: roads.get('expressway') ?? [] },
  { layer: 'road', minZoom: 10, label: 'road/named', features: roads.get('named') ?? [] },
  { layer: 'road', minZoom: 11, label: 'road/unnamed', features: roads.get('unnamed') ?? [] },
];

function classesIn(tiles: EncodedTile[], z: number): string[] {
  const classes = new Set<string>();
  for (const t of tiles.filter((t) => t.z === z)) {
    const road = new VectorTile(new PbfReader(t.mvt)).layers['road'];
    for (let i = 0; road && i < road.length; i++) classes.add(String(road.feature(i).properties['class']));
  }
  return [...classes].sort();
}

describe('roadFeature / groupRoads', () => {
  it('writes class then name, and no name for unnamed roads', () => {
    expect(roadFeature(line('人民路', 0)).properties).toEqual({ class: 'named', name: '人民路' });
    expect(Object.keys(roadFeature(line('人民路', 0)).properties)).toEqual(['class', 'name']);
    expect(roadFeature(line('Unnamed Road', 0)).properties).toEqual({ class: 'unnamed' });
  });

  it('groups in contract order, keeping empty classes', () => {
    expect([...roads.keys()]).toEqual(['expressway', 'arterial', 'provincial', 'named', 'unnamed']);
    expect(roads.get('arterial')).toEqual([]);
  });
});

describe('tilesOverBbox', () => {
  it('covers the bbox in increasing tileId order', () => {
    const tiles = tilesOverBbox(BBOX, 12);
    expect(tiles.length).toBeGreaterThan(4);
    expect(tiles.map((t) => t.tileId)).toEqual([...tiles.map((t) => t.tileId)].sort((a, b) => a - b));
  });
});

describe('generateTiles', () => {
  const tiles = [...generateTiles(inputs, { minZoom: 6, maxZoom: 12, bbox: BBOX })];

  it('yields tiles in strictly increasing tileId order', () => {
    for (let i = 1; i < tiles.length; i++) expect(tiles[i]?.tileId).toBeGreaterThan(tiles[i - 1]?.tileId ?? -1);
  });

  it('writes each road class only from its minimum zoom', () => {
    expect(classesIn(tiles, 9)).toEqual(['expressway']);
    expect(classesIn(tiles, 10)).toEqual(['expressway', 'named']);
    expect(classesIn(tiles, 12)).toEqual(['expressway', 'named', 'unnamed']);
  });

  it('puts land before road and merges road groups into one layer', () => {
    const tile = tiles.find((t) => t.z === 12 && (t.counts.road ?? 0) > 0);
    expect(Object.keys(new VectorTile(new PbfReader(tile?.mvt ?? new Uint8Array())).layers)).toEqual(['land', 'road']);
  });

  it('skips tiles without features', () => {
    const far = [...generateTiles(inputs, { minZoom: 12, maxZoom: 12, bbox: [121.5, 28.5, 121.6, 28.6] })];
    expect(far).toEqual([]);
  });
});
