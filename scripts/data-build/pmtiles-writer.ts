/**
 * Assembles a PMTiles v3 archive in memory:
 * header | root directory | metadata | leaf directories | tile data.
 * Identical tile contents are stored once: consecutive tile ids with the same bytes become one
 * run-length entry, other repeats point at the first copy's offset.
 */
import { createHash } from 'node:crypto';
import { gzip } from './gzip';
import { buildDirectories, concatBytes, HEADER_BYTES, type Entry } from './pmtiles-directory';
import { Compression, serializeHeader, type HeaderFields, type TileType } from './pmtiles-header';

export interface ArchiveTile {
  tileId: number;
  /** Bytes exactly as stored, i.e. already compressed with `tileCompression`. */
  data: Uint8Array;
}

export interface ArchiveOptions {
  tileType: TileType;
  tileCompression: Compression;
  minZoom: number;
  maxZoom: number;
  bounds: HeaderFields['bounds'];
  center: HeaderFields['center'];
  /** Serialised as JSON in the caller's key order. */
  metadata: Record<string, unknown>;
  /** Overrides for tests that need leaf directories from a handful of tiles. */
  rootBudget?: number;
  minLeafSize?: number;
}

export interface ArchiveStats {
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  leafDirectories: number;
  rootBytes: number;
  leafBytes: number;
  metadataBytes: number;
  tileDataBytes: number;
  totalBytes: number;
}

export function writeArchive(
  tiles: Iterable<ArchiveTile>,
  options: ArchiveOptions,
): { archive: Uint8Array; stats: ArchiveStats } {
  const entries: Entry[] = [];
  const chunks: Uint8Array[] = [];
  const offsetByHash = new Map<string, number>();
  let tileDataBytes = 0;
  let addressedTiles = 0;
  let lastHash = '';
  let lastId = -1;

  for (const tile of tiles) {
    if (tile.tileId <= lastId)
      throw new Error(`tiles must come in increasing tileId order (${tile.tileId} after ${lastId})`);
    lastId = tile.tileId;
    addressedTiles += 1;
    const hash = createHash('sha256').update(tile.data).digest('hex');
    const last = entries.at(-1);
    if (last && hash === lastHash && last.tileId + last.runLength === tile.tileId) {
      last.runLength += 1;
      continue;
    }
    let offset = offsetByHash.get(hash);
    if (offset === undefined) {
      offset = tileDataBytes;
      offsetByHash.set(hash, offset);
      chunks.push(tile.data);
      tileDataBytes += tile.data.length;
    }
    entries.push({ tileId: tile.tileId, offset, length: tile.data.length, runLength: 1 });
    lastHash = hash;
  }

  const dirs = buildDirectories(entries, {
    compress: gzip,
    ...(options.rootBudget !== undefined ? { rootBudget: options.rootBudget } : {}),
    ...(options.minLeafSize !== undefined ? { minLeafSize: options.minLeafSize } : {}),
  });
  const metadata = gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));

  const rootDirectoryOffset = HEADER_BYTES;
  const jsonMetadataOffset = rootDirectoryOffset + dirs.root.length;
  const leafDirectoryOffset = jsonMetadataOffset + metadata.length;
  const tileDataOffset = leafDirectoryOffset + dirs.leaves.length;
  const header = serializeHeader({
    rootDirectoryOffset,
    rootDirectoryLength: dirs.root.length,
    jsonMetadataOffset,
    jsonMetadataLength: metadata.length,
    leafDirectoryOffset,
    leafDirectoryLength: dirs.leaves.length,
    tileDataOffset,
    tileDataLength: tileDataBytes,
    numAddressedTiles: addressedTiles,
    numTileEntries: entries.length,
    numTileContents: offsetByHash.size,
    // Tile data is laid out in tileId order (repeats point backwards), which is what "clustered" means.
    clustered: true,
    internalCompression: Compression.Gzip,
    tileCompression: options.tileCompression,
    tileType: options.tileType,
    minZoom: options.minZoom,
    maxZoom: options.maxZoom,
    bounds: options.bounds,
    center: options.center,
  });

  const archive = concatBytes([header, dirs.root, metadata, dirs.leaves, ...chunks]);
  return {
    archive,
    stats: {
      addressedTiles,
      tileEntries: entries.length,
      tileContents: offsetByHash.size,
      leafDirectories: dirs.leafCount,
      rootBytes: dirs.root.length,
      leafBytes: dirs.leaves.length,
      metadataBytes: metadata.length,
      tileDataBytes,
      totalBytes: archive.length,
    },
  };
}
