/** Reads a built basemap back through the official `pmtiles` reader and decodes tiles. */
import { VectorTile } from '@mapbox/vector-tile';
import { PMTiles, type Header } from 'pmtiles';
import { PbfReader } from 'pbf';
import { lonLatToTile } from './geo-math';
import { BufferSource } from './pmtiles-buffer-source';

export interface DecodedLayer {
  extent: number;
  features: { type: number; properties: Record<string, string | number | boolean> }[];
}

export interface DecodedTile {
  z: number;
  x: number;
  y: number;
  layers: Record<string, DecodedLayer>;
}

export function openArchive(archive: Uint8Array): PMTiles {
  return new PMTiles(new BufferSource(archive));
}

export async function readHeader(archive: Uint8Array): Promise<Header> {
  return openArchive(archive).getHeader();
}

/** The tile containing lon/lat at zoom z, or null when the archive has none there. */
export async function decodeTileAt(reader: PMTiles, lon: number, lat: number, z: number): Promise<DecodedTile | null> {
  const [x, y] = lonLatToTile(lon, lat, z);
  const res = await reader.getZxy(z, x, y);
  if (!res) return null;
  const tile = new VectorTile(new PbfReader(new Uint8Array(res.data)));
  const layers: Record<string, DecodedLayer> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    const features: DecodedLayer['features'] = [];
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      features.push({ type: f.type, properties: f.properties });
    }
    layers[name] = { extent: layer.extent, features };
  }
  return { z, x, y, layers };
}

/** Distinct values of one property in a decoded layer, sorted. */
export function distinctValues(tile: DecodedTile | null, layer: string, prop: string): string[] {
  const values = new Set<string>();
  for (const f of tile?.layers[layer]?.features ?? []) {
    const v = f.properties[prop];
    if (v !== undefined) values.add(String(v));
  }
  return [...values].sort();
}
