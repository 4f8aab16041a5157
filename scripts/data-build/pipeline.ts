/**
 * The whole data build as one function of (raw sources, output dir), so tests can run it into
 * temp dirs. Steps after the copy read only from <outDir>/sources.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DATA_FILES, type DataManifest, type DataSourceAttribution } from '../../src/shared/data-contract';
import { parseSourceMd } from './attribution-parse';
import { buildBasemap, verifyBasemap, type ZoomStats } from './basemap-build';
import { loadBasemapInputs } from './basemap-layers';
import { checkSources, copySources, type CopyOutcome } from './copy-sources';
import { buildCountyOutputs } from './counties-build';
import { readFeatureCollection, serializeFeatureCollection, serializeJson } from './geojson-io';
import { buildManifest, directoryEntry, fileEntry, type ManifestFiles } from './manifest-build';
import type { ArchiveStats } from './pmtiles-writer';
import type { RoadClassSummary } from './road-classify';
import { buildProjects } from './projects-build';
import { buildIndicators } from './indicators-build';
import { buildSamples } from './samples-build';
import { buildRoutingGraph } from './graph-build';
import { buildPopulationGrid } from './population-grid-build';
import { ALL_SOURCE_FOLDER_IDS, GLYPH_FONTSTACKS, SOURCES_DIR, sourcePath } from './source-files';

export interface PipelineOptions {
  outDir: string;
  rawDir: string | null;
  seedDir: string;
  log?: (line: string) => void;
}

export interface StepReport {
  step: string;
  ms: number;
  outputs: { path: string; bytes: number }[];
}

export interface PipelineResult {
  copy: CopyOutcome;
  steps: StepReport[];
  roadSummary: RoadClassSummary[];
  basemapStats: ArchiveStats;
  zoomStats: ZoomStats[];
  manifest: DataManifest;
}

/** City-centre probe used to verify the basemap: 鹿城 around 五马街. */
export const CITY_CENTRE: [number, number] = [120.67, 28.0];

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { outDir } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const steps: StepReport[] = [];
  mkdirSync(outDir, { recursive: true });

  async function step<T>(
    name: string,
    fn: (write: (path: string, data: string | Uint8Array) => void) => T | Promise<T>,
  ): Promise<T> {
    const started = performance.now();
    const outputs: StepReport['outputs'] = [];
    const write = (path: string, data: string | Uint8Array): void => {
      mkdirSync(dirname(join(outDir, path)), { recursive: true });
      writeFileSync(join(outDir, path), data);
      outputs.push({ path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length });
    };
    const value = await fn(write);
    steps.push({ step: name, ms: performance.now() - started, outputs });
    return value;
  }

  const copy = await step('copy sources', () => {
    const outcome = copySources({ rawDir: options.rawDir, seedDir: options.seedDir, outDir });
    if (outcome === 'from-raw') log(`copied raw sources from ${options.rawDir ?? ''}`);
    else if (outcome === 'from-seed') log(`no raw sources; seeded ${outDir} from ${options.seedDir}`);
    else log('no raw geo-sources found (../shared/geo-sources or $OUTU_GEO_SOURCES): building from data/geo/sources');
    checkSources(outDir);
    return outcome;
  });

  const counties = await step('counties', (write) => {
    const out = buildCountyOutputs(
      readFeatureCollection(sourcePath(outDir, 'boundaries-datav', 'wenzhou_counties_wgs84.geojson')),
      readFeatureCollection(sourcePath(outDir, 'boundaries-datav', 'wenzhou_city_outline_wgs84.geojson')),
    );
    write(DATA_FILES.counties, serializeFeatureCollection(out.counties));
    write(DATA_FILES.countyLabels, serializeFeatureCollection(out.labels));
    write(DATA_FILES.cityOutline, serializeFeatureCollection(out.outline));
    return out;
  });

  await step('plan projects', (write) => {
    const projects = buildProjects(outDir);
    write(DATA_FILES.projects, projects.geojson);
    write(DATA_FILES.projectSummary, projects.summary);
  });

  await step('plan indicators', (write) => buildIndicators(outDir, write));

  const samples = await step('facility samples', (write) => buildSamples(outDir, write));

  const population = await step('population grid (modelled)', (write) => buildPopulationGrid(outDir, write));

  const graph = await step('routing graph', (write) => buildRoutingGraph(outDir, write));

  const inputs = await step('read + classify roads', () => loadBasemapInputs(outDir));

  const basemap = await step('basemap tiles', async (write) => {
    const result = buildBasemap(inputs, counties.cityBounds);
    await verifyBasemap(result.archive, ...CITY_CENTRE);
    write(DATA_FILES.basemap, result.archive);
    return result;
  });

  await step('attribution', (write) => {
    const entries: DataSourceAttribution[] = ALL_SOURCE_FOLDER_IDS.map((id) =>
      parseSourceMd(id, readFileSync(join(outDir, SOURCES_DIR, id, 'SOURCE.md'), 'utf8')),
    );
    write(DATA_FILES.attribution, serializeJson(entries));
  });

  const manifest = await step('manifest', (write) => {
    const files: ManifestFiles = {};
    for (const name of [
      DATA_FILES.basemap,
      DATA_FILES.counties,
      DATA_FILES.countyLabels,
      DATA_FILES.cityOutline,
      DATA_FILES.attribution,
      DATA_FILES.projects,
      DATA_FILES.projectSummary,
      DATA_FILES.planIndicators,
      ...samples.outputs.map((o) => o.path),
      ...graph.outputs.map((o) => o.path),
      ...population.outputs.map((o) => o.path),
    ]) {
      files[name] = fileEntry(join(outDir, name));
    }
    for (const stack of GLYPH_FONTSTACKS) {
      files[`${DATA_FILES.glyphsDir}/${stack}/`] = directoryEntry(join(outDir, DATA_FILES.glyphsDir, stack));
    }
    const m = buildManifest(files, counties.cityBounds);
    write(DATA_FILES.manifest, serializeJson(m));
    return m;
  });

  return {
    copy,
    steps,
    roadSummary: inputs.roadSummary,
    basemapStats: basemap.stats,
    zoomStats: basemap.zooms,
    manifest,
  };
}
