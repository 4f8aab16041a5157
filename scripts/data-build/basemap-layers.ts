/**
 * The features of each tile layer, read from data/geo/sources and stripped to the contract's
 * properties. Roads are split by class because each class starts at its own zoom.
 */
import type { Feature, Geometry, LineString, Position } from 'geojson';
import {
  ROAD_CLASSES,
  ROAD_CLASS_MIN_ZOOM,
  TILE_LAYERS,
  TILE_MIN_ZOOM,
  type RoadClass,
} from '../../src/shared/data-contract';
import { geometriesBbox, lineLengthKm, unionBbox, type Bbox } from './geo-math';
import { readFeatureCollection } from './geojson-io';
import { classifyRoad, roadDisplayName, summariseRoadClasses, type RoadClassSummary } from './road-classify';
import { sharedBorder } from './province-border';
import { sourcePath } from './source-files';

/** The box the DCW file was clipped to (its SOURCE.md): edges there are not borders. */
const DCW_CLIP_BOX: Bbox = [119.3, 26.8, 121.6, 28.9];

function polygonRings(f: Feature): Position[][] {
  if (f.geometry.type === 'Polygon') return f.geometry.coordinates;
  if (f.geometry.type === 'MultiPolygon') return f.geometry.coordinates.flat();
  throw new Error(`province feature with ${f.geometry.type} geometry`);
}

function provinceBorder(provinces: readonly Feature[]): Feature<Geometry, LayerProps>[] {
  const byIso = (iso: string) => {
    const f = provinces.find((p) => p.properties?.['iso'] === iso);
    if (!f) throw new Error(`DCW province ${iso} missing`);
    return polygonRings(f);
  };
  return sharedBorder(byIso('CN.FJ'), byIso('CN.ZJ'), DCW_CLIP_BOX);
}

export type TileLayerName = (typeof TILE_LAYERS)[keyof typeof TILE_LAYERS];
export type LayerProps = Record<string, string>;

export interface LayerInput {
  layer: TileLayerName;
  /** Lowest zoom this group is written at. */
  minZoom: number;
  /** Label for logs, e.g. "road/expressway". */
  label: string;
  features: Feature<Geometry, LayerProps>[];
}

export interface BasemapInputs {
  /** In tile layer order (land under province under river under road); roads in ROAD_CLASSES order. */
  inputs: LayerInput[];
  roadSummary: RoadClassSummary[];
  dataBbox: Bbox;
}

function strip(features: readonly Feature[], props: (f: Feature) => LayerProps): Feature<Geometry, LayerProps>[] {
  return features.map((f) => ({ type: 'Feature', properties: props(f), geometry: f.geometry }));
}

export function roadFeature(f: Feature<LineString>): Feature<LineString, LayerProps> & { roadClass: RoadClass } {
  const raw: unknown = f.properties?.['name'];
  const roadClass = classifyRoad(raw);
  const name = roadDisplayName(raw);
  // Key order class, name is fixed so tiles (and their hashes) never depend on source key order.
  const properties: LayerProps = name === null ? { class: roadClass } : { class: roadClass, name };
  return { type: 'Feature', properties, geometry: f.geometry, roadClass };
}

/** Roads grouped by class, in ROAD_CLASSES order, each class keeping source feature order. */
export function groupRoads(features: readonly Feature[]): Map<RoadClass, Feature<LineString, LayerProps>[]> {
  const groups = new Map<RoadClass, Feature<LineString, LayerProps>[]>(ROAD_CLASSES.map((c) => [c, []]));
  for (const f of features) {
    if (f.geometry.type !== 'LineString') throw new Error(`road feature with ${f.geometry.type} geometry`);
    const { roadClass, ...feature } = roadFeature(f as Feature<LineString>);
    groups.get(roadClass)?.push(feature);
  }
  return groups;
}

export function loadBasemapInputs(outDir: string): BasemapInputs {
  const land = readFeatureCollection(sourcePath(outDir, 'basemap-gshhg', 'gshhg_land_f.geojson')).features;
  const rivers = readFeatureCollection(sourcePath(outDir, 'basemap-gshhg', 'gshhg_rivers_f.geojson')).features;
  const provinces = readFeatureCollection(sourcePath(outDir, 'basemap-dcw', 'dcw_provinces_clip.geojson')).features;
  const roads = readFeatureCollection(sourcePath(outDir, 'roads-wangshanbo', 'wenzhou_roads_wgs84.geojson')).features;

  const inputs: LayerInput[] = [
    { layer: TILE_LAYERS.land, minZoom: TILE_MIN_ZOOM, label: 'land', features: strip(land, () => ({})) },
    {
      layer: TILE_LAYERS.provinceBorder,
      minZoom: TILE_MIN_ZOOM,
      label: 'province-border',
      features: provinceBorder(provinces),
    },
    { layer: TILE_LAYERS.river, minZoom: TILE_MIN_ZOOM, label: 'river', features: strip(rivers, () => ({})) },
  ];
  for (const [roadClass, features] of groupRoads(roads)) {
    inputs.push({
      layer: TILE_LAYERS.road,
      minZoom: ROAD_CLASS_MIN_ZOOM[roadClass],
      label: `road/${roadClass}`,
      features,
    });
  }

  const roadSummary = summariseRoadClasses(
    roads.map((f) => ({
      name: f.properties?.['name'],
      km: f.geometry.type === 'LineString' ? lineLengthKm(f.geometry.coordinates) : 0,
    })),
  );
  const dataBbox = inputs
    .filter((i) => i.features.length > 0)
    .map((i) => geometriesBbox(i.features.map((f) => f.geometry)))
    .reduce(unionBbox);
  return { inputs, roadSummary, dataBbox };
}
