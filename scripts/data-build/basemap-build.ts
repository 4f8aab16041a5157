/** Step 3: basemap.pmtiles from the land, province, river and road sources. */
import {
  ROAD_CLASSES,
  ROAD_CLASS_MIN_ZOOM,
  TILE_LAYERS,
  TILE_MAX_ZOOM,
  TILE_MIN_ZOOM,
} from '../../src/shared/data-contract';
import { decodeTileAt, distinctValues, openArchive } from './basemap-inspect';
import type { BasemapInputs } from './basemap-layers';
import { generateTiles } from './basemap-tiles';
import type { Bbox } from './geo-math';
import { gzip } from './gzip';
import { Compression, TileType } from './pmtiles-header';
import { writeArchive, type ArchiveStats, type ArchiveTile } from './pmtiles-writer';

export interface ZoomStats {
  z: number;
  tiles: number;
  bytes: number;
  maxTileBytes: number;
}

export interface BasemapResult {
  archive: Uint8Array;
  stats: ArchiveStats;
  zooms: ZoomStats[];
}

const ATTRIBUTION =
  'Coast/land/rivers: GSHHG 2.3.7 (Wessel & Smith, LGPL-3+) · Provinces: DCW-GMT 2.1.1 (LGPL-3+) · ' +
  'Roads: wangshanbo/mapData (licence not stated)';

function metadata(bbox: Bbox): Record<string, unknown> {
  const layer = (id: string, minzoom: number, description: string, fields: Record<string, string>) => ({
    id,
    description,
    minzoom,
    maxzoom: TILE_MAX_ZOOM,
    fields,
  });
  return {
    name: 'OuTu Wenzhou basemap',
    description: 'Offline background map for 瓯图 OuTu (Wenzhou), built by scripts/data-build',
    attribution: ATTRIBUTION,
    type: 'baselayer',
    format: 'pbf',
    bounds: bbox.join(','),
    vector_layers: [
      layer(TILE_LAYERS.land, TILE_MIN_ZOOM, 'GSHHG full-resolution land polygons', {}),
      layer(TILE_LAYERS.provinceBorder, TILE_MIN_ZOOM, 'Zhejiang–Fujian border from DCW province outlines', {}),
      layer(TILE_LAYERS.river, TILE_MIN_ZOOM, 'GSHHG/WDBII rivers (sparse, NW only)', {}),
      layer(
        TILE_LAYERS.road,
        Math.min(...ROAD_CLASSES.map((c) => ROAD_CLASS_MIN_ZOOM[c])),
        'Wenzhou roads, classed by name',
        {
          class: ROAD_CLASSES.join(' | '),
          name: 'String (absent on unnamed roads)',
        },
      ),
    ],
  };
}

export function buildBasemap(inputs: BasemapInputs, cityBounds: Bbox): BasemapResult {
  const zooms = new Map<number, ZoomStats>();
  function* compressed(): Generator<ArchiveTile> {
    for (const t of generateTiles(inputs.inputs, {
      minZoom: TILE_MIN_ZOOM,
      maxZoom: TILE_MAX_ZOOM,
      bbox: inputs.dataBbox,
    })) {
      const data = gzip(t.mvt);
      const s = zooms.get(t.z) ?? { z: t.z, tiles: 0, bytes: 0, maxTileBytes: 0 };
      s.tiles += 1;
      s.bytes += data.length;
      s.maxTileBytes = Math.max(s.maxTileBytes, data.length);
      zooms.set(t.z, s);
      yield { tileId: t.tileId, data };
    }
  }
  const centerLon = (cityBounds[0] + cityBounds[2]) / 2;
  const centerLat = (cityBounds[1] + cityBounds[3]) / 2;
  const { archive, stats } = writeArchive(compressed(), {
    tileType: TileType.Mvt,
    tileCompression: Compression.Gzip,
    minZoom: TILE_MIN_ZOOM,
    maxZoom: TILE_MAX_ZOOM,
    bounds: inputs.dataBbox,
    center: { lon: centerLon, lat: centerLat, zoom: 9 },
    metadata: metadata(inputs.dataBbox),
  });
  return { archive, stats, zooms: [...zooms.values()].sort((a, b) => a.z - b.z) };
}

/**
 * Reads the archive back with the official reader and decodes the city-centre tiles at the lowest
 * and highest zoom, so a broken writer fails the build rather than the app.
 */
export async function verifyBasemap(archive: Uint8Array, lon: number, lat: number): Promise<void> {
  const reader = openArchive(archive);
  const header = await reader.getHeader();
  if (header.minZoom !== TILE_MIN_ZOOM || header.maxZoom !== TILE_MAX_ZOOM)
    throw new Error('basemap: wrong zoom range in header');
  const checks: [number, string][] = [
    [TILE_MIN_ZOOM, 'expressway'],
    [TILE_MAX_ZOOM, 'unnamed'],
  ];
  for (const [z, roadClass] of checks) {
    const tile = await decodeTileAt(reader, lon, lat, z);
    if (!tile?.layers[TILE_LAYERS.land]) throw new Error(`basemap: no land at z${z} over ${lon},${lat}`);
    const classes = distinctValues(tile, TILE_LAYERS.road, 'class');
    if (!classes.includes(roadClass))
      throw new Error(`basemap: no ${roadClass} road at z${z} over ${lon},${lat} (got ${classes.join(',')})`);
  }
}
