/**
 * Which raw files the pipeline takes from ../shared/geo-sources, and where each lives once
 * copied into data/geo/sources. Every later step reads through `sourcePath` only.
 */
import { join } from 'node:path';
import { GLYPH_FONTS } from '../../src/shared/data-contract';

export const SOURCES_DIR = 'sources';

/** Folder → files copied into data/geo/sources/<folder>/ (SOURCE.md always included). */
export const SOURCE_FOLDERS = {
  'boundaries-datav': [
    'wenzhou_counties_wgs84.geojson',
    'wenzhou_city_outline_wgs84.geojson',
    // Not read by the build; kept so the published (GCJ-02) geometry stays auditable.
    'wenzhou_counties_gcj02.geojson',
  ],
  'roads-wangshanbo': ['wenzhou_roads_wgs84.geojson'],
  'basemap-gshhg': ['gshhg_land_f.geojson', 'gshhg_rivers_f.geojson', 'gshhg_coastline_f.geojson'],
  'basemap-dcw': ['dcw_provinces_clip.geojson'],
  population: ['wenzhou_population_by_county.csv'],
  // The glyph PBFs themselves are build output (data/geo/glyphs), not duplicated here.
  'glyphs-openmaptiles': ['LICENSE-NotoSans-OFL.txt'],
} as const satisfies Record<string, readonly string[]>;

export type SourceFolder = keyof typeof SOURCE_FOLDERS;
export const SOURCE_FOLDER_IDS = Object.keys(SOURCE_FOLDERS) as SourceFolder[];

export const GLYPH_SOURCE_FOLDER: SourceFolder = 'glyphs-openmaptiles';
export const GLYPH_FONTSTACKS: readonly string[] = [GLYPH_FONTS.regular, GLYPH_FONTS.bold];

export function sourcePath<F extends SourceFolder>(
  outDir: string,
  folder: F,
  file: (typeof SOURCE_FOLDERS)[F][number] | 'SOURCE.md',
): string {
  return join(outDir, SOURCES_DIR, folder, file);
}
