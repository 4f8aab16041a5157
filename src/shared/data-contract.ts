/**
 * What `npm run data:build` writes into data/geo and what the app loads from there.
 * Pipeline, protocol, map style and tests all name files and layers through this module.
 */
export const DATA_FILES = {
  basemap: 'basemap.pmtiles',
  counties: 'counties.geojson',
  countyLabels: 'county-labels.geojson',
  cityOutline: 'city-outline.geojson',
  manifest: 'manifest.json',
  attribution: 'attribution.json',
  glyphsDir: 'glyphs',
  projects: 'projects.geojson',
  projectSummary: 'project-summary.json',
  planIndicators: 'plan-indicators.json',
  countyCentres: 'facilities-county-centres.geojson',
  samplesDir: 'samples',
  routingGraph: 'graph/routing-graph.bin',
  routingGraphInfo: 'graph/routing-graph.json',
  populationGrid: 'population/population-grid.bin',
  populationGridInfo: 'population/population-grid.json',
} as const;

/** Vector-tile layers inside basemap.pmtiles. */
export const TILE_LAYERS = {
  land: 'land',
  /** The Zhejiang–Fujian provincial border, as lines (not polygons: DCW's coastline is too crude). */
  provinceBorder: 'province-border',
  river: 'river',
  road: 'road',
} as const;

export const TILE_MIN_ZOOM = 6;
export const TILE_MAX_ZOOM = 13;

export const ROAD_CLASSES = ['expressway', 'arterial', 'provincial', 'named', 'unnamed'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

/** The lowest zoom at which each road class is written into the tiles (keeps low-zoom tiles light). */
export const ROAD_CLASS_MIN_ZOOM: Record<RoadClass, number> = {
  expressway: 6,
  arterial: 7,
  provincial: 7,
  named: 10,
  unnamed: 11,
};

export const GLYPH_FONTS = {
  regular: 'Klokantech Noto Sans Regular',
  bold: 'Klokantech Noto Sans Bold',
} as const;

/** Properties of each feature in counties.geojson and county-labels.geojson. */
export interface CountyFeatureProps {
  adcode: number;
  name: string;
  nameEn: string;
  mountain: boolean;
  /** County seat (县政府驻地), WGS-84. */
  center: [number, number];
}

/** One entry of attribution.json, built from a SOURCE.md. */
export interface DataSourceAttribution {
  id: string;
  title: string;
  licence: string;
  origin: string;
  caveats: string;
}

export interface DataManifest {
  /** Content hash of every built output; changes whenever the data changes. */
  dataVersion: string;
  bounds: [number, number, number, number];
  files: Record<string, { bytes: number; sha256: string }>;
}
