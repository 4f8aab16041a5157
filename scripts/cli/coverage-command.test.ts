import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCoverage } from '../../src/core/coverage/run-coverage';
import { DEFAULT_TRAVEL_PROFILES } from '../../src/shared/travel-profiles';
import { loadCoverageData, loadFacilities } from './coverage-data';
import { EXIT_USAGE } from './run';
import { cli } from './test-support';

const dir = mkdtempSync(join(tmpdir(), 'outu-cli-coverage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('coverage command', () => {
  it('writes the JSON the issue names, with the numbers of the engine itself', async () => {
    const json = join(dir, 'out.json');
    const nodes = join(dir, 'nodes.csv');
    const run = await cli(
      'coverage',
      '--facilities',
      'county-centres',
      '--profile',
      'drive',
      '--minutes',
      '90',
      '--json',
      json,
      '--node-times',
      nodes,
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['inputs', 'total', 'mountain', 'other', 'counties']));
    expect(result.counties).toHaveLength(12);
    for (const county of result.counties) {
      expect(Object.keys(county)).toEqual(
        expect.arrayContaining([
          'adcode',
          'name',
          'population',
          'covered',
          'coveredPct',
          'p50Minutes',
          'p50Beyond',
          'p90Minutes',
          'p90Beyond',
          'meanMinutesAmongCovered',
          'p50MinutesAmongCovered',
          'p90MinutesAmongCovered',
        ]),
      );
      // Percentiles over everyone: a county under half covered has its median beyond the circle.
      expect(county.p50Beyond).toBe(county.coveredPct < 50);
      expect(county.p50Minutes === null).toBe(county.p50Beyond);
      expect(county.p90Minutes === null).toBe(county.p90Beyond);
      if (county.p90Minutes !== null) expect(county.p90Minutes).toBeLessThanOrEqual(90);
    }
    // 泰顺 (42 % covered): no median time, only "> 90 min"; among its covered it is a number.
    const taishun = result.counties.find((c: { adcode: number }) => c.adcode === 330329);
    expect(taishun).toMatchObject({ p50Minutes: null, p50Beyond: true, p90Minutes: null, p90Beyond: true });
    expect(taishun.p50MinutesAmongCovered).toBeGreaterThan(0);
    expect(result.total.population).toBe(9_645_000);
    expect(result.inputs).toMatchObject({
      method: 'network',
      profile: 'drive',
      thresholdsMin: [90],
      facilityCount: 12,
    });

    // Same inputs straight through the engine (as the app's worker calls it): same figures.
    const facilities = (await loadFacilities('county-centres', 'wgs84')).facilities
      .map(({ id, name, lon, lat }) => ({ id, name, lon, lat }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const direct = runCoverage(
      loadCoverageData(),
      { method: 'network', profile: 'drive', thresholdsMin: [90], radiiM: [], facilities },
      DEFAULT_TRAVEL_PROFILES,
    )!;
    expect(result.total.covered).toBe(Math.round(direct.result.total.covered));
    expect(result.mountain.coveredPct).toBe(Math.round(direct.result.mountain.coveredPct * 100) / 100);

    const lines = readFileSync(nodes, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('node,lon,lat,seconds,facility');
    expect(lines.length).toBeGreaterThan(90_000);
  });

  it('explains bad arguments with exit code 2', async () => {
    const run = await cli(
      'coverage',
      '--facilities',
      'county-centres',
      '--profile',
      'drive',
      '--json',
      join(dir, 'x.json'),
    );
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.err).toContain('--minutes');
  });

  it('counts existing facilities only unless --status adds under-construction or planned ones', async () => {
    const csv = join(dir, 'statuses.csv');
    writeFileSync(
      csv,
      'name,lon,lat,status,category\nA,120.65,28.01,现有,医疗\nB,119.71,27.56,在建,医疗\nC,120.1,27.8,规划,医疗\n',
    );
    const json = join(dir, 'statuses.json');
    const base = ['coverage', '--facilities', csv, '--profile', 'drive', '--minutes', '30', '--json', json];
    expect((await cli(...base)).code).toBe(0);
    const existing = JSON.parse(readFileSync(json, 'utf8'));
    expect(existing.inputs).toMatchObject({ facilityCount: 1, statuses: ['existing'], leftOutByStatus: 2 });
    expect((await cli(...base, '--status', 'planned,existing,under-construction')).code).toBe(0);
    const all = JSON.parse(readFileSync(json, 'utf8'));
    expect(all.inputs).toMatchObject({
      facilityCount: 3,
      statuses: ['existing', 'under-construction', 'planned'],
      leftOutByStatus: 0,
    });
    expect(all.total.covered).toBeGreaterThan(existing.total.covered);
    expect((await cli(...base, '--status', 'built')).code).toBe(EXIT_USAGE);
  });
});
