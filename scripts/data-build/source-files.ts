/**
 * Which raw files the pipeline takes from ../shared/geo-sources, and where each lives once
 * copied into data/geo/sources. Every later step reads through `sourcePath` (or, for the plan's
 * documents, `documentSourcePath`) only.
 */
import { dirname, join } from 'node:path';
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

/**
 * Sources that are not under geo-sources: the plan text (whose raw original is ../shared/seed/,
 * see `SEED_RAW_FILES`) and the project tables transcribed from it (authored in the repo by
 * scripts/data-build/plan-projects-extract.ts plus review; no raw original anywhere else).
 * Their SOURCE.md files are written in the repo. copy-sources takes these folders from the seed
 * build (normally the committed data/geo), then refreshes `SEED_RAW_FILES` from the raw seed
 * folder when that is present.
 */
export const DOCUMENT_SOURCE_FOLDERS = {
  'plan-seed': ['plan.txt'],
  'plan-projects': ['projects.tsv', 'summary.tsv'],
  'plan-indicators': ['indicators.tsv'],
  // The PDF font subset, made once by scripts/fonts/subset-cjk-font.py from Debian's fonts-noto-cjk.
  fonts: ['NotoSansSC-OuTu-Subset.ttf', 'OFL.txt'],
} as const satisfies Record<string, readonly string[]>;

export type DocumentSourceFolder = keyof typeof DOCUMENT_SOURCE_FOLDERS;
export const DOCUMENT_SOURCE_FOLDER_IDS = Object.keys(DOCUMENT_SOURCE_FOLDERS) as DocumentSourceFolder[];

/** Every folder under data/geo/sources (e.g. for attribution once the plan's documents are shown). */
export const ALL_SOURCE_FOLDER_IDS: readonly (SourceFolder | DocumentSourceFolder)[] = [
  ...SOURCE_FOLDER_IDS,
  ...DOCUMENT_SOURCE_FOLDER_IDS,
];

/** Files with a raw original in the raw seed folder (../shared/seed): raw name → folder/file here. */
export const SEED_RAW_FILES: readonly { raw: string; folder: DocumentSourceFolder; file: string }[] = [
  { raw: '000_05fe5bef3fd0abf3.txt', folder: 'plan-seed', file: 'plan.txt' },
];

/** The raw seed folder that goes with a raw geo-sources folder: its sibling `seed/` (../shared/seed). */
export function rawSeedDirFor(rawDir: string): string {
  return join(dirname(rawDir), 'seed');
}

export function documentSourcePath<F extends DocumentSourceFolder>(
  outDir: string,
  folder: F,
  file: (typeof DOCUMENT_SOURCE_FOLDERS)[F][number] | 'SOURCE.md',
): string {
  return join(outDir, SOURCES_DIR, folder, file);
}

export function sourcePath<F extends SourceFolder>(
  outDir: string,
  folder: F,
  file: (typeof SOURCE_FOLDERS)[F][number] | 'SOURCE.md',
): string {
  return join(outDir, SOURCES_DIR, folder, file);
}
