/**
 * Types for the two untyped tiling libraries, limited to what the pipeline uses.
 * (@types/geojson-vt targets v3 and @types/vt-pbf drags in old pbf typings, so we keep our own.)
 */
declare module 'geojson-vt' {
  import type { GeoJSON } from 'geojson';

  export interface GeoJSONVTOptions {
    maxZoom?: number;
    indexMaxZoom?: number;
    indexMaxPoints?: number;
    tolerance?: number;
    extent?: number;
    buffer?: number;
    lineMetrics?: boolean;
    promoteId?: string | null;
    generateId?: boolean;
    debug?: number;
  }

  export type TilePoint = [number, number];

  /** type 1 = point (geometry is a point list), 2 = line, 3 = polygon (geometry is rings). */
  export interface TileFeature {
    type: 1 | 2 | 3;
    geometry: TilePoint[] | TilePoint[][];
    tags: Record<string, string | number | boolean> | null;
    id?: number | string;
  }

  export interface Tile {
    features: TileFeature[];
    numPoints: number;
    numSimplified: number;
    numFeatures: number;
  }

  export interface GeoJSONVT {
    getTile(z: number, x: number, y: number): Tile | null;
  }

  export default function geojsonvt(data: GeoJSON, options?: GeoJSONVTOptions): GeoJSONVT;
}

declare module 'vt-pbf' {
  import type { TileFeature } from 'geojson-vt';

  /** Layers are written in the object's key order. Returns the uncompressed MVT bytes. */
  export function fromGeojsonVt(
    layers: Record<string, { features: TileFeature[] }>,
    options?: { version?: number; extent?: number },
  ): Uint8Array;
}
