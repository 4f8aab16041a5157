import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCoverage } from '../../src/core/coverage/run-coverage';
import { supplyFor } from '../../src/core/analysis/supply';
import { analyseTwoStep } from '../../src/core/analysis/two-step';
import { equitySummary } from '../../src/core/equity/equity-summary';
import type { CoverageRequest } from '../../src/shared/coverage';
import { DEFAULT_TRAVEL_PROFILES } from '../../src/shared/travel-profiles';
import { DEFAULT_OUT_DIR } from '../data-build/paths';
import { loadCoverageData, loadFacilities } from './coverage-data';
import { EXIT_USAGE } from './run';
import { cli } from './test-support';

const dir = mkdtempSync(join(tmpdir(), 'outu-cli-equity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DRIVE_90 = ['--facilities', 'county-centres', '--profile', 'drive', '--minutes', '90'];

describe('equity command', () => {
  it('writes the coverage JSON plus gini, theil and gaps, with the numbers of the engine itself', async () => {
    const json = join(dir, 'equity.json');
    const run = await cli('equity', ...DRIVE_90, '--json', json);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    // Everything `coverage` writes …
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['inputs', 'total', 'mountain', 'other', 'counties', 'facilities', 'isolatedPopulation']),
    );
    expect(result.total.population).toBe(9_645_000);
    expect(result.inputs).toMatchObject({
      method: 'network',
      profile: 'drive',
      thresholdsMin: [90],
      facilityCount: 12,
    });
    // … plus the equity keys.
    expect(result.gini).toBeGreaterThan(0);
    expect(result.gini).toBeLessThan(1);
    expect(Object.keys(result.theil)).toEqual(expect.arrayContaining(['total', 'between', 'within']));
    expect(result.theil.between + result.theil.within).toBeCloseTo(result.theil.total, 5);
    expect(result.gaps).toHaveLength(50);
    for (const gap of result.gaps) {
      expect(Object.keys(gap)).toEqual(
        expect.arrayContaining(['rank', 'population', 'cellCount', 'county', 'countyName', 'centroid', 'bbox']),
      );
      expect(gap.nearestFacility.straightLineM).toBeGreaterThan(0);
    }
    for (let k = 1; k < result.gaps.length; k++)
      expect(result.gaps[k].population).toBeLessThanOrEqual(result.gaps[k - 1].population);
    expect(result.equity).toMatchObject({ beyond: { kind: 'cap', capMinutes: 180 }, neighbours: 8 });
    expect(result.equity.uncoveredPopulation).toBe(result.total.population - result.total.covered);
    expect(result.equity.lorenz.population).toHaveLength(101);
    // The indices come with the share beyond the circle and how the beyond rule moves them: 93.8 %
    // covered is enough to read them; the Gini rises with the value given to the people beyond.
    expect(result.beyondShare).toBeCloseTo(1 - result.total.coveredPct / 100, 4);
    expect(result.timeInequalityMeaningful).toBe(true);
    expect(result.byBeyondRule.map((v: { rule: unknown }) => v.rule)).toEqual([
      { kind: 'exclude' },
      { kind: 'cap', capMinutes: 135 },
      { kind: 'cap', capMinutes: 180 },
      { kind: 'cap', capMinutes: 270 },
    ]);
    expect(result.byBeyondRule[2].gini).toBe(result.gini);
    expect(result.byBeyondRule[1].gini).toBeLessThan(result.byBeyondRule[2].gini);
    expect(result.byBeyondRule[2].gini).toBeLessThan(result.byBeyondRule[3].gini);

    // Same inputs straight through the engine (as the app's worker calls it): same figures.
    const facilities = (await loadFacilities('county-centres', 'wgs84')).facilities
      .map(({ id, name, lon, lat }) => ({ id, name, lon, lat }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const data = loadCoverageData();
    const direct = runCoverage(
      data,
      { method: 'network', profile: 'drive', thresholdsMin: [90], radiiM: [], facilities },
      DEFAULT_TRAVEL_PROFILES,
    )!;
    const summary = equitySummary(direct, data.grid);
    expect(result.gini).toBeCloseTo(summary.gini, 6);
    expect(result.theil.within).toBeCloseTo(summary.theil.within, 6);
    expect(result.gaps[0].population).toBe(Math.round(summary.gaps[0]!.population));
  });

  it('takes its own options: exclude the uncovered, 4-neighbour gaps, fewer gaps', async () => {
    const json = join(dir, 'equity-exclude.json');
    const run = await cli(
      'equity',
      ...DRIVE_90,
      '--json',
      json,
      '--beyond',
      'exclude',
      '--neighbours=4',
      '--gaps',
      '5',
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    expect(result.equity).toMatchObject({ beyond: { kind: 'exclude' }, cappedPopulation: 0, neighbours: 4 });
    expect(result.equity.population).toBe(result.total.covered);
    expect(result.gaps).toHaveLength(5);
  });

  it('adds 2SFCA on request, through the app’s own function', async () => {
    const json = join(dir, 'equity-two-step.json');
    const health = join(DEFAULT_OUT_DIR, 'samples', 'sample-health.csv');
    const args = ['--facilities', health, '--profile', 'drive', '--minutes', '15,30', '--json', json];
    const run = await cli('equity', ...args, '--two-step', '--gaps', '3');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    expect(result.twoStep).toMatchObject({ field: 'beds', per: 1000, catchment: 30 });
    expect(result.twoStep.counties).toHaveLength(12);

    // Existing facilities only, as the run counts them by default (257 of the 300 samples).
    const facilities = (await loadFacilities(health, 'wgs84')).facilities.filter((f) => f.status === 'existing');
    expect(result.inputs).toMatchObject({ facilityCount: 257, leftOutByStatus: 43 });
    const request: CoverageRequest = {
      method: 'network',
      profile: 'drive',
      thresholdsMin: [15, 30],
      radiiM: [],
      facilities: facilities
        .map(({ id, name, lon, lat }) => ({ id, name, lon, lat }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    };
    const direct = analyseTwoStep(
      loadCoverageData(),
      DEFAULT_TRAVEL_PROFILES,
      request,
      supplyFor(request, facilities)!,
    )!;
    expect(result.twoStep.total.meanAccessibility).toBeCloseTo(direct.result.total.meanAccessibility!, 4);
    expect(result.twoStep.facilities).toHaveLength(facilities.length);
    // The people reaching no facility, as a share of each county.
    for (const c of result.twoStep.counties)
      expect(c.noAccessShare).toBeCloseTo(c.noAccessPopulation / c.population, 3);

    // A catchment set apart from the run's circle: 15 min reaches fewer people than 30.
    const narrow = await cli('equity', ...args, '--two-step', '--two-step-catchment', '15', '--gaps', '3');
    expect(narrow.code).toBe(0);
    const at15 = JSON.parse(readFileSync(json, 'utf8'));
    expect(at15.twoStep.catchment).toBe(15);
    expect(at15.twoStep.total.noAccessPopulation).toBeGreaterThan(result.twoStep.total.noAccessPopulation);
    expect((await cli('equity', ...args, '--two-step-catchment', '15')).code).toBe(EXIT_USAGE);

    // Without the flag, and for facilities without any capacity: no 2SFCA.
    expect((await cli('equity', ...args)).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).not.toHaveProperty('twoStep');
    expect((await cli('equity', ...DRIVE_90, '--json', json, '--two-step')).code).toBe(EXIT_USAGE);
  });

  it('explains bad arguments with exit code 2', async () => {
    const json = join(dir, 'x.json');
    expect((await cli('equity', ...DRIVE_90, '--json', json, '--beyond', 'drop')).code).toBe(EXIT_USAGE);
    expect((await cli('equity', ...DRIVE_90, '--json', json, '--neighbours', '6')).code).toBe(EXIT_USAGE);
    const missing = await cli('equity', '--facilities', 'county-centres', '--profile', 'drive', '--json', json);
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.err).toContain('--minutes');
    const cap = await cli('equity', ...DRIVE_90, '--json', json, '--cap-minutes', '60');
    expect(cap.code).toBe(EXIT_USAGE);
  });
});

describe('site command', () => {
  it('writes sites in order, each adding no more people than the one before', async () => {
    const json = join(dir, 'site.json');
    const run = await cli('site', ...DRIVE_90, '--area', 'mountain', '--n', '4', '--stride', '400', '--json', json);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    expect(result.area).toMatchObject({ kind: 'mountain', population: 3_136_600 });
    expect(result.candidates).toMatchObject({ source: 'road nodes', stride: 400 });
    expect(result.sites).toHaveLength(4);
    let cumulative = result.area.coveredBefore;
    interface SiteJson {
      rank: number;
      addedPopulation: number;
      cumulativeCovered: number;
      county: number;
    }
    result.sites.forEach((site: SiteJson, k: number) => {
      expect(Object.keys(site)).toEqual(
        expect.arrayContaining(['rank', 'lon', 'lat', 'node', 'addedPopulation', 'cumulativeCovered']),
      );
      expect(site.rank).toBe(k + 1);
      expect(site.addedPopulation).toBeGreaterThan(0);
      if (k > 0) expect(site.addedPopulation).toBeLessThanOrEqual(result.sites[k - 1].addedPopulation);
      cumulative += site.addedPopulation;
      expect(Math.abs(site.cumulativeCovered - cumulative)).toBeLessThanOrEqual(k + 1); // rounding
      expect([330324, 330326, 330327, 330328, 330329]).toContain(site.county);
    });
    expect(result.coveredAfter).toBe(result.sites[3].cumulativeCovered);
  });

  it('takes user candidate points and a county by name', async () => {
    const csv = join(dir, 'candidates.csv');
    writeFileSync(
      csv,
      ['名称,经度,纬度', '候选A,119.9963,27.4751', '候选B,119.80,27.69', '候选C,120.60,28.49'].join('\n') + '\n',
    );
    const json = join(dir, 'site-candidates.json');
    const run = await cli('site', ...DRIVE_90, '--area', '泰顺县', '--n', '3', '--candidates', csv, '--json', json);
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    expect(result.area).toMatchObject({ kind: 'county', adcodes: [330329] });
    expect(result.candidates.count).toBe(3);
    // 候选C is in 永嘉, out of reach of 泰顺's gaps: it adds nobody there and is not listed.
    expect(result.sites.map((s: { name: string }) => s.name)).not.toContain('候选C');
    expect(result.sites[0].name).toBe('候选A');
  });

  it('explains bad arguments with exit code 2', async () => {
    const json = join(dir, 'y.json');
    const bad = await cli('site', ...DRIVE_90, '--area', 'atlantis', '--json', json);
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.err).toContain('--area');
    expect((await cli('site', ...DRIVE_90, '--area', 'mountain', '--n', '0', '--json', json)).code).toBe(EXIT_USAGE);
  });
});
