import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCountyLocator } from '../../src/core/geo/county-locator';
import { buildFacilities } from '../../src/core/import/build-facilities';
import { guessColumns } from '../../src/core/import/guess-columns';
import { parseFacilityFile } from '../../src/core/import/parse-facility-file';
import { COUNTIES } from '../../src/shared/counties';
import { DATA_FILES } from '../../src/shared/data-contract';
import { DEFAULT_OUT_DIR } from './paths';
import {
  apportion,
  buildSamples,
  COUNTY_CENTRES_FILE,
  readPopulation,
  sampleFileName,
  SAMPLE_NATURE,
  SAMPLE_SPECS,
  SAMPLES_DIR,
  type SamplesReport,
} from './samples-build';
import { sourcePath } from './source-files';

const tmp = mkdtempSync(join(tmpdir(), 'outu-samples-'));
const dirs = [join(tmp, 'a'), join(tmp, 'b')];
let report: SamplesReport;

/** The step's inputs, as the pipeline leaves them in outDir before this step runs. */
function seed(dir: string): void {
  for (const folder of ['roads-wangshanbo', 'population']) {
    mkdirSync(join(dir, 'sources', folder), { recursive: true });
    cpSync(join(DEFAULT_OUT_DIR, 'sources', folder), join(dir, 'sources', folder), { recursive: true });
  }
  cpSync(join(DEFAULT_OUT_DIR, DATA_FILES.counties), join(dir, DATA_FILES.counties));
}

beforeAll(() => {
  for (const dir of dirs) seed(dir);
  report = buildSamples(dirs[0] ?? '');
  buildSamples(dirs[1] ?? '');
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (path: string): Buffer => readFileSync(join(dirs[0] ?? '', path));

describe('apportion', () => {
  it('splits proportionally and sums exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0, 5, 2])).toEqual([0, 5, 2]);
    const counts = apportion(60, [118.95, 73.29, 97.82, 15.03]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
  });
});

describe('buildSamples', () => {
  it('is deterministic: two runs write byte-identical files', () => {
    const files = readdirSync(join(dirs[0] ?? '', SAMPLES_DIR)).sort();
    expect(files).toEqual([...SAMPLE_SPECS.map((s) => sampleFileName(s.category).split('/')[1]), 'README.md'].sort());
    for (const { path } of report.outputs) {
      expect(readFileSync(join(dirs[1] ?? '', path)).equals(read(path)), path).toBe(true);
    }
    expect(report.outputs.map((o) => o.path)).toContain(COUNTY_CENTRES_FILE);
  });

  it('writes UTF-8 CSVs with BOM that import cleanly, with the specified counts and sample markings', async () => {
    const counties = JSON.parse(read(DATA_FILES.counties).toString('utf8')) as FeatureCollection;
    const locate = createCountyLocator(counties);
    for (const spec of SAMPLE_SPECS) {
      const bytes = read(sampleFileName(spec.category));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const parsed = await parseFacilityFile('sample.csv', new Uint8Array(bytes));
      if (!parsed.ok) throw new Error(parsed.error.code);
      expect(parsed.encoding).toBe('utf-8');
      const guess = guessColumns(parsed.table);
      expect(guess.missing).toEqual([]);
      const built = buildFacilities({
        table: parsed.table,
        mapping: guess.complete ?? { name: '', lon: '', lat: '' },
        sourceCrs: 'wgs84',
        setId: 'sample',
        counties: locate,
      });
      if (!built.ok) throw new Error(JSON.stringify(built.errors.slice(0, 3)));
      expect(built.warnings, spec.category).toEqual([]);
      expect(built.facilities).toHaveLength(spec.count);
      expect(new Set(built.facilities.map((f) => f.category))).toEqual(new Set([spec.category]));
      expect(built.facilities.every((f) => f.name.startsWith('【示例】'))).toBe(true);
      expect(built.facilities.every((f) => f.extra['数据性质'] === SAMPLE_NATURE)).toBe(true);
      expect(built.facilities.every((f) => f.countyAdcode !== null)).toBe(true);
      expect(parsed.table.rows.every((r) => /^\d+\.\d{6}$/.test(r[2] ?? '') && /^\d+\.\d{6}$/.test(r[3] ?? ''))).toBe(
        true,
      );
    }
  });

  it('spreads each category over counties in proportion to the 2021 population', () => {
    const population = readPopulation(
      readFileSync(sourcePath(dirs[0] ?? '', 'population', 'wenzhou_population_by_county.csv'), 'utf8'),
    );
    const sports = read(sampleFileName('sports')).toString('utf8').trim().split('\n').slice(1);
    const counties = JSON.parse(read(DATA_FILES.counties).toString('utf8')) as FeatureCollection;
    const locate = createCountyLocator(counties, 0);
    const perCounty = new Map<number, number>();
    for (const line of sports) {
      const [, , lon, lat] = line.split(',');
      const adcode = locate(Number(lon), Number(lat))?.adcode ?? 0;
      perCounty.set(adcode, (perCounty.get(adcode) ?? 0) + 1);
    }
    const expected = apportion(
      2000,
      COUNTIES.map((c) => population.get(c.adcode) ?? 0),
    );
    expect(COUNTIES.map((c) => perCounty.get(c.adcode) ?? 0)).toEqual(expected);
  });

  it('places samples on road vertices only, never two on the same vertex', () => {
    const roads = JSON.parse(
      readFileSync(sourcePath(dirs[0] ?? '', 'roads-wangshanbo', 'wenzhou_roads_wgs84.geojson'), 'utf8'),
    ) as FeatureCollection;
    const vertices = new Set<string>();
    for (const f of roads.features)
      if (f.geometry.type === 'LineString') for (const [x, y] of f.geometry.coordinates) vertices.add(`${x},${y}`);
    const seen = new Set<string>();
    for (const spec of SAMPLE_SPECS) {
      const lines = read(sampleFileName(spec.category)).toString('utf8').trim().split('\n').slice(1);
      for (const line of lines) {
        const [, , lon, lat] = line.split(',');
        const key = `${Number(lon)},${Number(lat)}`;
        expect(vertices.has(key), key).toBe(true);
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });

  it('writes the 12 county centres at the county seats', () => {
    const fc = JSON.parse(read(COUNTY_CENTRES_FILE).toString('utf8')) as FeatureCollection;
    const counties = JSON.parse(read(DATA_FILES.counties).toString('utf8')) as FeatureCollection;
    expect(fc.features.map((f) => f.properties?.['countyAdcode'])).toEqual(COUNTIES.map((c) => c.adcode));
    for (const f of fc.features) {
      const county = counties.features.find((c) => c.properties?.['adcode'] === f.properties?.['countyAdcode']);
      expect(f.geometry).toEqual({ type: 'Point', coordinates: county?.properties?.['center'] });
      expect(f.properties).toMatchObject({ category: 'other', status: 'existing', pointSource: 'county-seat' });
      expect(f.properties?.['adcode']).toBe(f.properties?.['countyAdcode']);
    }
    expect(fc.features[0]?.properties?.['name']).toBe('鹿城区县级公共服务中心（县政府驻地）');
  });

  it('explains the samples in a README', () => {
    const text = read(`${SAMPLES_DIR}/README.md`).toString('utf8');
    expect(text).toContain('not real facilities');
    expect(text).toContain('| 合计 | 2000 | 300 | 400 | 150 | 300 | 250 | 60 | 200 |');
  });
});
