import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distance } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILES, type DataManifest } from '../../shared/data-contract';
import type { CoverageFacility, CoverageRequest } from '../../shared/coverage';
import { DEFAULT_TRAVEL_PROFILES } from '../../shared/travel-profiles';
import { countyCentreFacilities } from '../facilities/county-centres';
import { decodePopulationGrid } from '../population/grid-codec';
import { connectedComponents } from '../routing/components';
import { decodeRoutingGraph } from '../routing/graph';
import { edgeSeconds } from '../routing/profiles';
import { addFacilityToRun } from './incremental';
import { runCoverage, type CoverageData } from './run-coverage';

const DATA = join(__dirname, '..', '..', '..', 'data', 'geo');
const read = (file: string) => readFileSync(join(DATA, file));

let data: CoverageData;
let centres: CoverageFacility[];

beforeAll(() => {
  const manifest = JSON.parse(read(DATA_FILES.manifest).toString('utf8')) as DataManifest;
  data = {
    graph: decodeRoutingGraph(read(DATA_FILES.routingGraph)),
    grid: decodePopulationGrid(read(DATA_FILES.populationGrid)),
    dataVersion: manifest.dataVersion,
  };
  const collection = JSON.parse(read(DATA_FILES.countyCentres).toString('utf8')) as FeatureCollection;
  centres = countyCentreFacilities(collection).map(({ id, name, lon, lat }) => ({ id, name, lon, lat }));
});

const request = (over: Partial<CoverageRequest> = {}): CoverageRequest => ({
  method: 'network',
  profile: 'drive',
  thresholdsMin: [30, 60, 90],
  radiiM: [],
  facilities: centres,
  ...over,
});

describe('runCoverage on the shipped data', () => {
  it('counts every modelled resident once, split into mountain and other counties', () => {
    const out = runCoverage(data, request(), DEFAULT_TRAVEL_PROFILES)!;
    const { total, mountain, other, counties } = out.result;
    expect(total.population).toBe(9_645_000);
    expect(mountain.population + other.population).toBe(total.population);
    expect(counties.reduce((sum, c) => sum + c.covered, 0)).toBeCloseTo(total.covered, 6);
    expect(total.bands.reduce((a, b) => a + b, 0)).toBeCloseTo(total.population, 6);
    // Every county seat reaches its own county within the circle.
    for (const county of counties) expect(county.covered).toBeGreaterThan(0);
    // Served populations add up to everybody covered: each covered cell has exactly one nearest facility.
    expect(out.result.facilities.reduce((sum, f) => sum + f.served, 0)).toBeCloseTo(total.covered, 6);
  });

  it('returns null, and so nothing to store, when cancelled', () => {
    let calls = 0;
    const out = runCoverage(data, request(), DEFAULT_TRAVEL_PROFILES, { shouldCancel: () => ++calls > 2 });
    expect(out).toBeNull();
  });

  it('reports a facility on a road fragment cut off from the main network instead of dropping it', () => {
    const seconds = edgeSeconds(data.graph, DEFAULT_TRAVEL_PROFILES.drive);
    const { component, main } = connectedComponents(data.graph, seconds);
    // A node of a small fragment that has an ordinary (non-expressway) road.
    let fragmentNode = -1;
    for (let node = 0; node < data.graph.nodeCount && fragmentNode < 0; node++) {
      if (component[node] === main) continue;
      for (let e = data.graph.offsets[node]!; e < data.graph.offsets[node + 1]!; e++) {
        if (data.graph.roadClass[data.graph.edgeId[e]!] !== 0 && Number.isFinite(seconds[e]!)) fragmentNode = node;
      }
    }
    expect(fragmentNode).toBeGreaterThanOrEqual(0);
    const onFragment = {
      id: 'z-fragment',
      name: 'fragment',
      lon: data.graph.lon[fragmentNode]!,
      lat: data.graph.lat[fragmentNode]!,
    };
    const out = runCoverage(data, request({ facilities: [...centres, onFragment] }), DEFAULT_TRAVEL_PROFILES)!;
    const stats = out.result.facilities.find((f) => f.id === 'z-fragment')!;
    expect(stats.isolated).toBe(true);
    expect(out.result.facilities.filter((f) => f.isolated)).toHaveLength(1);
  });

  it('radius method: a cell counts as covered exactly when @turf/distance puts a facility within the radius', () => {
    const facilities = centres.slice(0, 4);
    const out = runCoverage(
      data,
      request({ method: 'radius', radiiM: [3000], thresholdsMin: [], facilities }),
      DEFAULT_TRAVEL_PROFILES,
    )!;
    const { grid } = data;
    let checked = 0;
    for (let i = 0; i < grid.population.length; i += 97) {
      const nearest = Math.min(
        ...facilities.map((f) => distance([f.lon, f.lat], [grid.lon[i]!, grid.lat[i]!], { units: 'meters' })),
      );
      if (Math.abs(nearest - 3000) < 1) continue; // on the circle itself
      expect(out.result.cellMinutes[i]! <= 3000, `cell ${i} at ${nearest} m`).toBe(nearest <= 3000);
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('adding a facility incrementally equals running again with it', () => {
    const base = request({ profile: 'walk', thresholdsMin: [10, 20], facilities: centres });
    const first = runCoverage(data, base, DEFAULT_TRAVEL_PROFILES)!;
    const extra = { id: 'zz-proposed', name: 'proposed', lon: 120.7, lat: 27.99 };
    const incremental = addFacilityToRun(data, DEFAULT_TRAVEL_PROFILES, first, extra);
    const full = runCoverage(data, { ...base, facilities: [...centres, extra] }, DEFAULT_TRAVEL_PROFILES)!;
    expect(incremental.result.total.covered).toBeCloseTo(full.result.total.covered, 6);
    expect(incremental.result.total.covered).toBeGreaterThan(first.result.total.covered);
    expect(Array.from(incremental.result.cellMinutes)).toEqual(Array.from(full.result.cellMinutes));
    expect(incremental.result.facilities.map((f) => Math.round(f.uniquelyCovered))).toEqual(
      full.result.facilities.map((f) => Math.round(f.uniquelyCovered)),
    );
  });
});
