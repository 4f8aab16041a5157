import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILES, type DataManifest } from '../../shared/data-contract';
import type { CoverageFacility } from '../../shared/coverage';
import { DEFAULT_TRAVEL_PROFILES } from '../../shared/travel-profiles';
import { addFacilityToRun } from '../coverage/incremental';
import { runCoverage, type CoverageData, type CoverageRunOutput } from '../coverage/run-coverage';
import { countyCentreFacilities } from '../facilities/county-centres';
import { decodePopulationGrid } from '../population/grid-codec';
import { decodeRoutingGraph } from '../routing/graph';
import { equitySummary } from './equity-summary';
import { TEST_PROFILES, valleyData } from './test-network';

describe('equitySummary on a small valley', () => {
  // Cells 0–6 in 泰顺, 10 min apart, cell 7 in 鹿城; facility at cell 0, circle 15 min: cells 0
  // (0 min) and 1 (10 min) covered, 1,130 people beyond.
  const data = valleyData();
  const run = runCoverage(
    data,
    {
      method: 'network',
      profile: 'drive',
      thresholdsMin: [5, 15],
      radiiM: [],
      facilities: [{ id: 'f', name: 'f', lon: data.grid.lon[0]!, lat: data.grid.lat[0]! }],
    },
    TEST_PROFILES,
  )!;

  it('caps the people beyond the circle at twice the circle by default', () => {
    const s = equitySummary(run, data.grid);
    expect(s).toMatchObject({
      circle: 15,
      unit: 'minutes',
      beyond: { kind: 'cap', capMinutes: 30 },
      population: 1150,
      cappedPopulation: 1130,
      excludedPopulation: 0,
    });
    // 10 people at 0, 10 at 10 and 1,130 at 30 min: Σ_{i<j} w_i w_j |x_i − x_j| = 566,000,
    // G = 566,000 / (W · Σ w x) = 566,000 / (1,150 · 34,000).
    expect(s.gini).toBeCloseTo(566_000 / (1150 * 34_000), 12);
    expect(s.mean).toBeCloseTo(34_000 / 1150, 12);
    expect(s.theil.between + s.theil.within).toBeCloseTo(s.theil.total, 14);
    expect(s.theil.other).toMatchObject({ population: 1000, mean: 30, theil: 0 });
    expect(s.giniOther).toBe(0);
    expect(s.lorenz.population).toHaveLength(101);
    // One gap: the valley beyond the circle, mostly 鹿城 by people.
    expect(s.gapCount).toBe(1);
    expect(s.uncoveredPopulation).toBe(1130);
    expect(s.gaps[0]).toMatchObject({ rank: 1, population: 1130, cellCount: 6, county: 330302, networkMinutes: null });
  });

  it('or leaves them out: 10 people at 0 and 10 at 10 min give G = ½', () => {
    const s = equitySummary(run, data.grid, { beyond: { kind: 'exclude' }, lorenzPoints: 3, neighbours: 4 });
    expect(s.gini).toBeCloseTo(0.5, 14);
    expect(s.excludedPopulation).toBe(1130);
    expect(s.population).toBe(20);
    expect(s.lorenz.quantity).toEqual([0, 0, 1]);
    // The mountain group alone is these 20 people; "other" has nobody left.
    expect(s.giniMountain).toBeCloseTo(0.5, 14);
    expect(s.giniOther).toBeNaN();
  });

  it('says how many are beyond, that 20 of 1,150 covered is too few to read, and how the rule moves Gini', () => {
    const s = equitySummary(run, data.grid);
    expect(s.coveredShare).toBeCloseTo(20 / 1150, 14);
    expect(s.beyondShare).toBeCloseTo(1130 / 1150, 14);
    expect(s.timeInequalityMeaningful).toBe(false);
    // Excluded: the ½ above. Capped at c = 22.5, 30, 45: 10·0, 10·10, 1,130·c, so
    // Σ_{i<j} w_i w_j |x_i − x_j| = 100·10 + 11,300·c + 11,300·(c − 10) and Σ w x = 100 + 1,130·c.
    const capped = (c: number) => (1000 + 11_300 * c + 11_300 * (c - 10)) / (1150 * (100 + 1130 * c));
    expect(s.byBeyondRule.map((v) => v.rule)).toEqual([
      { kind: 'exclude' },
      { kind: 'cap', capMinutes: 22.5 },
      { kind: 'cap', capMinutes: 30 },
      { kind: 'cap', capMinutes: 45 },
    ]);
    expect(s.byBeyondRule.map((v) => v.population)).toEqual([20, 1150, 1150, 1150]);
    expect(s.byBeyondRule[0]!.gini).toBeCloseTo(0.5, 14);
    for (const [k, c] of [
      [1, 22.5],
      [2, 30],
      [3, 45],
    ] as const)
      expect(s.byBeyondRule[k]!.gini).toBeCloseTo(capped(c), 12);
    // The default rule's figure is the 2× variant's.
    expect(s.byBeyondRule[2]!.gini).toBeCloseTo(s.gini, 14);
    expect(s.byBeyondRule[2]!.theil).toBeCloseTo(s.theil.total, 14);
    // Excluded, Theil of 10 people at 0 and 10 at 10 (μ = 5): ½ · 2 ln 2 = ln 2.
    expect(s.byBeyondRule[0]!.theil).toBeCloseTo(Math.log(2), 14);
    // The same shares whatever the rule shown.
    const excluded = equitySummary(run, data.grid, { beyond: { kind: 'exclude' } });
    expect(excluded).toMatchObject({ coveredShare: s.coveredShare, beyondShare: s.beyondShare });
  });

  it('calls time-inequality meaningful from half covered up', () => {
    const wide = runCoverage(data, { ...run.result.request, thresholdsMin: [5, 70] }, TEST_PROFILES)!;
    const s = equitySummary(wide, data.grid);
    expect(s.coveredShare).toBeGreaterThanOrEqual(0.5);
    expect(s.timeInequalityMeaningful).toBe(true);
  });
});

describe('equitySummary on the shipped data', () => {
  const DATA = join(__dirname, '..', '..', '..', 'data', 'geo');
  const read = (file: string) => readFileSync(join(DATA, file));
  let data: CoverageData;
  let run: CoverageRunOutput;

  beforeAll(() => {
    const manifest = JSON.parse(read(DATA_FILES.manifest).toString('utf8')) as DataManifest;
    data = {
      graph: decodeRoutingGraph(read(DATA_FILES.routingGraph)),
      grid: decodePopulationGrid(read(DATA_FILES.populationGrid)),
      dataVersion: manifest.dataVersion,
    };
    const collection = JSON.parse(read(DATA_FILES.countyCentres).toString('utf8')) as FeatureCollection;
    const centres: CoverageFacility[] = countyCentreFacilities(collection).map(({ id, name, lon, lat }) => ({
      id,
      name,
      lon,
      lat,
    }));
    run = runCoverage(
      data,
      { method: 'network', profile: 'drive', thresholdsMin: [90], radiiM: [], facilities: centres },
      DEFAULT_TRAVEL_PROFILES,
    )!;
  });

  it('accounts for every resident and every uncovered one (1.5-hour drive from the county centres)', () => {
    const s = equitySummary(run, data.grid);
    const { total } = run.result;
    expect(s.population).toBe(9_645_000);
    expect(s.cappedPopulation).toBeCloseTo(total.population - total.covered, 6);
    expect(s.uncoveredPopulation).toBeCloseTo(s.cappedPopulation, 6);
    expect(s.gaps).toHaveLength(50);
    expect(s.gapCount).toBeGreaterThan(50);
    expect(s.theil.between + s.theil.within).toBeCloseTo(s.theil.total, 12);
    // Mountain residents travel longer on average, and are less equal among themselves.
    expect(s.theil.mountain.mean).toBeGreaterThan(s.theil.other.mean);
    expect(s.giniMountain).toBeGreaterThan(s.giniOther);
    for (const gap of s.gaps) expect(gap.networkMinutes === null || gap.networkMinutes > 90).toBe(true);
  });

  it('a new facility in the largest gap (incremental update) lowers the Gini and the uncovered population', () => {
    const before = equitySummary(run, data.grid);
    const [lon, lat] = before.gaps[0]!.centroid;
    const after = equitySummary(
      addFacilityToRun(data, DEFAULT_TRAVEL_PROFILES, run, { id: 'new', name: 'new', lon, lat }, { withBands: false }),
      data.grid,
    );
    expect(after.gini).toBeLessThan(before.gini);
    expect(after.uncoveredPopulation).toBeLessThan(before.uncoveredPopulation);
  });
});
