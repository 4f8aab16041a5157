/**
 * Cuts the layer inputs into Mapbox Vector Tiles with geojson-vt and encodes them with vt-pbf.
 * One geojson-vt index per input group, so each road class simply is not asked for tiles
 * below its minimum zoom.
 */
import geojsonvt, { type GeoJSONVT, type TileFeature } from 'geojson-vt';
import { zxyToTileId } from 'pmtiles';
import { fromGeojsonVt } from 'vt-pbf';
import { bboxTileRange, type Bbox } from './geo-math';
import type { LayerInput, TileLayerName } from './basemap-layers';

export const TILE_EXTENT = 4096;

export interface TileOptions {
  minZoom: number;
  maxZoom: number;
  bbox: Bbox;
}

export interface EncodedTile {
  tileId: number;
  z: number;
  x: number;
  y: number;
  /** Uncompressed MVT bytes. */
  mvt: Uint8Array;
  /** Feature count per layer, for statistics. */
  counts: Partial<Record<TileLayerName, number>>;
}

interface IndexedInput {
  input: LayerInput;
  index: GeoJSONVT;
}

function buildIndexes(inputs: readonly LayerInput[], maxZoom: number): IndexedInput[] {
  return inputs
    .filter((input) => input.features.length > 0 && input.minZoom <= maxZoom)
    .map((input) => ({
      input,
      index: geojsonvt(
        { type: 'FeatureCollection', features: input.features },
        // tolerance 3 of 4096 ≈ 0.75 px on a 1024-px tile: invisible, and it keeps low zooms light.
        { maxZoom, indexMaxZoom: input.minZoom, extent: TILE_EXTENT, buffer: 64, tolerance: 3 },
      ),
    }));
}

/** Tile ids of every tile over the bbox at zoom z, ascending (PMTiles wants tileId order). */
export function tilesOverBbox(bbox: Bbox, z: number): { tileId: number; x: number; y: number }[] {
  const [x0, y0, x1, y1] = bboxTileRange(bbox, z);
  const tiles: { tileId: number; x: number; y: number }[] = [];
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) tiles.push({ tileId: zxyToTileId(z, x, y), x, y });
  }
  return tiles.sort((a, b) => a.tileId - b.tileId);
}

/**
 * Yields only tiles that hold at least one feature, in increasing tileId order. Layer order in
 * each tile follows the inputs (land, province, river, road); absent layers are left out.
 */
export function* generateTiles(inputs: readonly LayerInput[], options: TileOptions): Generator<EncodedTile> {
  const indexes = buildIndexes(inputs, options.maxZoom);
  for (let z = options.minZoom; z <= options.maxZoom; z++) {
    const active = indexes.filter((i) => i.input.minZoom <= z);
    for (const { tileId, x, y } of tilesOverBbox(options.bbox, z)) {
      const layers = new Map<TileLayerName, TileFeature[]>();
      for (const { input, index } of active) {
        const tile = index.getTile(z, x, y);
        if (!tile || tile.features.length === 0) continue;
        const list = layers.get(input.layer) ?? [];
        // push(...) would overflow the call stack on tiles with very many features.
        for (const f of tile.features) list.push(f);
        layers.set(input.layer, list);
      }
      if (layers.size === 0) continue;
      const counts: EncodedTile['counts'] = {};
      const pbfLayers: Record<string, { features: TileFeature[] }> = {};
      for (const [name, features] of layers) {
        pbfLayers[name] = { features };
        counts[name] = features.length;
      }
      yield { tileId, z, x, y, mvt: fromGeojsonVt(pbfLayers, { version: 2, extent: TILE_EXTENT }), counts };
    }
  }
}
