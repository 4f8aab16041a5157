/** The fixed 127-byte PMTiles v3 header (spec §3), little-endian. */
import { Compression, TileType } from 'pmtiles';
import { HEADER_BYTES } from './pmtiles-directory';

export { Compression, TileType };

export interface HeaderFields {
  rootDirectoryOffset: number;
  rootDirectoryLength: number;
  jsonMetadataOffset: number;
  jsonMetadataLength: number;
  leafDirectoryOffset: number;
  leafDirectoryLength: number;
  tileDataOffset: number;
  tileDataLength: number;
  numAddressedTiles: number;
  numTileEntries: number;
  numTileContents: number;
  clustered: boolean;
  internalCompression: Compression;
  tileCompression: Compression;
  tileType: TileType;
  minZoom: number;
  maxZoom: number;
  /** [minLon, minLat, maxLon, maxLat] */
  bounds: [number, number, number, number];
  center: { lon: number; lat: number; zoom: number };
}

function e7(deg: number): number {
  return Math.round(deg * 1e7);
}

export function serializeHeader(h: HeaderFields): Uint8Array {
  const buf = new Uint8Array(HEADER_BYTES);
  const v = new DataView(buf.buffer);
  buf.set(new TextEncoder().encode('PMTiles'), 0);
  v.setUint8(7, 3);
  const u64: [number, number][] = [
    [8, h.rootDirectoryOffset],
    [16, h.rootDirectoryLength],
    [24, h.jsonMetadataOffset],
    [32, h.jsonMetadataLength],
    [40, h.leafDirectoryOffset],
    [48, h.leafDirectoryLength],
    [56, h.tileDataOffset],
    [64, h.tileDataLength],
    [72, h.numAddressedTiles],
    [80, h.numTileEntries],
    [88, h.numTileContents],
  ];
  for (const [offset, value] of u64) v.setBigUint64(offset, BigInt(value), true);
  v.setUint8(96, h.clustered ? 1 : 0);
  v.setUint8(97, h.internalCompression);
  v.setUint8(98, h.tileCompression);
  v.setUint8(99, h.tileType);
  v.setUint8(100, h.minZoom);
  v.setUint8(101, h.maxZoom);
  v.setInt32(102, e7(h.bounds[0]), true);
  v.setInt32(106, e7(h.bounds[1]), true);
  v.setInt32(110, e7(h.bounds[2]), true);
  v.setInt32(114, e7(h.bounds[3]), true);
  v.setUint8(118, h.center.zoom);
  v.setInt32(119, e7(h.center.lon), true);
  v.setInt32(123, e7(h.center.lat), true);
  return buf;
}
