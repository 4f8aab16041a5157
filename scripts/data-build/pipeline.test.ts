import { FACILITY_CATEGORIES } from '../../src/shared/facilities';
/**
 * Runs the real pipeline into temp dirs: determinism, rebuild-from-repo, and what the app
 * relies on in the outputs.
 */
import type { FeatureCollection } from 'geojson';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTIES } from '../../src/shared/counties';
import {
  DATA_FILES,
  ROAD_CLASSES,
  type DataManifest,
  type DataSourceAttribution,
} from '../../src/shared/data-contract';
import { decodeTileAt, distinctValues, openArchive, type DecodedTile } from './basemap-inspect';
import { DEFAULT_OUT_DIR, resolveRawDir } from './paths';
import { CITY_CENTRE, runPipeline, type PipelineResult } from './pipeline';

const tmp = mkdtempSync(join(tmpdir(), 'outu-data-build-'));
const dirA = join(tmp, 'a');
const dirB = join(tmp, 'b');
const rawDir = resolveRawDir();
const quiet = (): void => undefined;
let resultA: PipelineResult;

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? listFiles(join(dir, d.name), root) : [relative(root, join(dir, d.name))]))
    .sort();
}

function expectSameTree(a: string, b: string): void {
  const files = listFiles(a);
  expect(listFiles(b)).toEqual(files);
  const differing = files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  expect(differing).toEqual([]);
}

beforeAll(async () => {
  resultA = await runPipeline({ outDir: dirA, rawDir, seedDir: DEFAULT_OUT_DIR, log: quiet });
  await runPipeline({ outDir: dirB, rawDir, seedDir: DEFAULT_OUT_DIR, log: quiet });
}, 180_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('data pipeline', () => {
  it('is deterministic: two builds are byte-identical, file for file', () => {
    expect(listFiles(dirA)).toContain(DATA_FILES.basemap);
    expectSameTree(dirA, dirB);
  });

  it('rebuilds identically from its own sources/ without the raw folder', async () => {
    const dirC = join(tmp, 'c');
    expect(await runPipeline({ outDir: dirC, rawDir: null, seedDir: dirA, log: quiet }).then((r) => r.copy)).toBe(
      'from-seed',
    );
    expectSameTree(dirA, dirC);
    // In place (the committed-repo case): copy is skipped and outputs stay the same.
    expect(await runPipeline({ outDir: dirC, rawDir: null, seedDir: dirC, log: quiet }).then((r) => r.copy)).toBe(
      'skipped',
    );
    expectSameTree(dirA, dirC);
  }, 120_000);

  it('matches the committed data/geo (run `npm run data:build` after changing the pipeline)', () => {
    const committed = join(DEFAULT_OUT_DIR, DATA_FILES.manifest);
    if (!existsSync(committed)) return;
    expect(readFileSync(committed, 'utf8')).toBe(readFileSync(join(dirA, DATA_FILES.manifest), 'utf8'));
  });

  it('writes the 12 counties, their labels and the city outline', () => {
    const counties = JSON.parse(readFileSync(join(dirA, DATA_FILES.counties), 'utf8')) as FeatureCollection;
    expect(counties.features.map((f) => f.properties?.['adcode'])).toEqual(COUNTIES.map((c) => c.adcode));
    const labels = JSON.parse(readFileSync(join(dirA, DATA_FILES.countyLabels), 'utf8')) as FeatureCollection;
    expect(labels.features.every((f) => f.geometry.type === 'Point')).toBe(true);
    const outline = JSON.parse(readFileSync(join(dirA, DATA_FILES.cityOutline), 'utf8')) as FeatureCollection;
    expect(outline.features).toHaveLength(1);
  });

  it('attributes all 10 sources, each with a licence and an origin', () => {
    const entries = JSON.parse(readFileSync(join(dirA, DATA_FILES.attribution), 'utf8')) as DataSourceAttribution[];
    expect(entries.map((e) => e.id).sort()).toEqual([
      'basemap-dcw',
      'basemap-gshhg',
      'boundaries-datav',
      'fonts',
      'glyphs-openmaptiles',
      'plan-indicators',
      'plan-projects',
      'plan-seed',
      'population',
      'roads-wangshanbo',
    ]);
    for (const e of entries) {
      expect(e.title && e.licence && e.origin).toBeTruthy();
      expect(`${e.title}${e.licence}${e.origin}${e.caveats}`).not.toMatch(/\*\*|`|^#/);
    }
  });

  it('lists every output in the manifest with its size and hash', () => {
    const manifest = JSON.parse(readFileSync(join(dirA, DATA_FILES.manifest), 'utf8')) as DataManifest;
    expect(manifest.dataVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(Object.keys(manifest.files)).toEqual(
      [
        DATA_FILES.attribution,
        DATA_FILES.basemap,
        DATA_FILES.cityOutline,
        DATA_FILES.counties,
        DATA_FILES.countyLabels,
        'glyphs/Klokantech Noto Sans Bold/',
        'glyphs/Klokantech Noto Sans Regular/',
        DATA_FILES.projectSummary,
        DATA_FILES.projects,
        DATA_FILES.planIndicators,
        DATA_FILES.countyCentres,
        'samples/README.md',
        ...FACILITY_CATEGORIES.map((c) => `samples/sample-${c}.csv`),
        DATA_FILES.routingGraph,
        DATA_FILES.routingGraphInfo,
        DATA_FILES.populationGrid,
        DATA_FILES.populationGridInfo,
        'population/README.md',
      ].sort(),
    );
    expect(manifest.files[DATA_FILES.basemap]?.bytes).toBe(readFileSync(join(dirA, DATA_FILES.basemap)).length);
    const [w, s, e, n] = manifest.bounds;
    expect([w < 119.7, s < 27.1, e > 121.2, n > 28.6]).toEqual([true, true, true, true]);
  });

  it('classifies every road segment', () => {
    const total = resultA.roadSummary.reduce((a, s) => a + s.segments, 0);
    expect(total).toBeGreaterThan(50_000);
    expect(resultA.roadSummary.map((s) => s.roadClass)).toEqual([...ROAD_CLASSES]);
  });
});

describe('basemap.pmtiles over the city centre', () => {
  const tiles = new Map<number, DecodedTile | null>();
  beforeAll(async () => {
    const reader = openArchive(new Uint8Array(readFileSync(join(dirA, DATA_FILES.basemap))));
    for (const z of [7, 10, 13]) tiles.set(z, await decodeTileAt(reader, ...CITY_CENTRE, z));
  });

  it.each([
    [7, ['land', 'province-border', 'river', 'road'], ['arterial', 'expressway', 'provincial']],
    [10, ['land', 'road'], ['arterial', 'expressway', 'named', 'provincial']],
    [13, ['land', 'road'], ['expressway', 'named', 'unnamed']],
  ])('z%i has layers %j and road classes %j', (z, layers, classes) => {
    const tile = tiles.get(z) ?? null;
    expect(Object.keys(tile?.layers ?? {})).toEqual(layers);
    expect(distinctValues(tile, 'road', 'class')).toEqual(classes);
    expect(tile?.layers['road']?.extent).toBe(4096);
  });

  it('labels named roads and leaves unnamed ones without a name', () => {
    const roads = tiles.get(13)?.layers['road']?.features ?? [];
    const unnamed = roads.filter((f) => f.properties['class'] === 'unnamed');
    const named = roads.filter((f) => f.properties['class'] === 'named');
    expect(unnamed.length).toBeGreaterThan(0);
    expect(unnamed.every((f) => !('name' in f.properties))).toBe(true);
    expect(named.every((f) => typeof f.properties['name'] === 'string' && f.properties['name'] !== '')).toBe(true);
    expect(tiles.get(7)?.layers['province-border']?.features.length).toBeGreaterThan(0);
  });
});
