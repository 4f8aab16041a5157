/** `coverage`: the same run as the app's coverage panel, written as JSON (and node times as CSV). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { analyseCoverage, type CoverageAnalysis } from '../../src/core/analysis/analyse-coverage';
import type { CoverageData, CoverageRunOutput } from '../../src/core/coverage/run-coverage';
import type { EquityOptions } from '../../src/core/equity/equity-summary';
import type { CoverageMethod, CoverageRequest, GroupStats } from '../../src/shared/coverage';
import { FACILITY_STATUSES, type Facility, type FacilityStatus } from '../../src/shared/facilities';
import { DEFAULT_RUN_STATUSES, facilitiesWithStatus, parseStatuses } from '../../src/core/facilities/by-status';
import { DEFAULT_TRAVEL_PROFILES } from '../../src/shared/travel-profiles';
import { optionalString, parseOptions, requiredProfile, requiredString } from './args';
import { loadCoverageData, loadFacilities, loadPopulation, parseCrs } from './coverage-data';
import { UsageError, type CliCommand, type CliIo } from './types';

function numberList(text: string | undefined, name: string): number[] {
  if (text === undefined) return [];
  const values = text.split(',').map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isFinite(v) || v <= 0))
    throw new UsageError(`--${name} takes positive numbers, e.g. 5,10,15`);
  return [...new Set(values)].sort((a, b) => a - b);
}

const round = (v: number | null, digits = 2) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** The JSON `coverage` writes. */
export type CoverageJson = ReturnType<typeof coverageJson>;

/**
 * One group's figures, covered share first. p50/p90Minutes are over everyone of the group: null
 * with p50/p90Beyond true when the percentile lies beyond the circle (its time is unknown, only
 * "> the last threshold"). The `…AmongCovered` figures are over the covered people only.
 */
function group(stats: GroupStats) {
  return {
    coveredPct: round(stats.coveredPct),
    population: Math.round(stats.population),
    covered: Math.round(stats.covered),
    p50Minutes: round(stats.p50Minutes),
    p50Beyond: stats.p50Beyond,
    p90Minutes: round(stats.p90Minutes),
    p90Beyond: stats.p90Beyond,
    meanMinutesAmongCovered: round(stats.meanMinutesAmongCovered),
    p50MinutesAmongCovered: round(stats.p50MinutesAmongCovered),
    p90MinutesAmongCovered: round(stats.p90MinutesAmongCovered),
    bands: stats.bands.map((b) => Math.round(b)),
  };
}

/** The coverage JSON: inputs, groups, counties and facilities, rounded for reading. */
function coverageJson(
  request: CoverageRequest,
  data: CoverageData,
  output: CoverageRunOutput,
  source: string,
  populationNote: string,
  status: { statuses: FacilityStatus[]; leftOutByStatus: number },
) {
  const { result } = output;
  const { method, profile } = request;
  return {
    inputs: {
      facilities: source,
      facilityCount: request.facilities.length,
      statuses: status.statuses,
      leftOutByStatus: status.leftOutByStatus,
      method,
      profile,
      thresholdsMin: request.thresholdsMin,
      radiiM: request.radiiM,
      travelProfile: DEFAULT_TRAVEL_PROFILES[profile],
      dataVersion: data.dataVersion,
      population: populationNote,
    },
    total: group(result.total),
    mountain: group(result.mountain),
    other: group(result.other),
    counties: result.counties.map((c) => ({ adcode: c.adcode, name: c.name, mountain: c.mountain, ...group(c) })),
    facilities: result.facilities.map((f) => ({
      ...f,
      served: Math.round(f.served),
      uniquelyCovered: Math.round(f.uniquelyCovered),
    })),
    isolatedPopulation: Math.round(result.isolatedPopulation),
    computeMs: Math.round(result.computeMs),
  };
}

export const coverageCommand: CliCommand = {
  name: 'coverage',
  summary: 'population inside/outside a service circle, per county and mountain vs other (JSON)',
  usage: [
    'npm run cli -- coverage --facilities <file|county-centres> [--crs wgs84|gcj02|bd09]',
    '       [--method network|radius] --profile <walk|bike|drive> (--minutes 5,10,15 | --radius 500,1000)',
    '       --json <out.json> [--node-times <nodes.csv>] [--population <file>] [--status existing,…]',
    '  --facilities  a CSV/XLSX/GeoJSON/KML facility list (read as the app imports it) or county-centres',
    '  --method      network (travel time on roads, default) or radius (straight line)',
    '  --status      facility statuses counted: existing (default), under-construction, planned, comma-separated',
    '  --node-times  network only: every reached road node with its time and nearest facility',
    '  --population  your own population table (lon, lat, count per row) instead of the modelled grid',
    '                [--population-crs wgs84|gcj02|bd09]',
  ].join('\n'),
  async run(args, io) {
    await runCoverageCommand(args, io);
    return 0;
  },
};

export interface CoverageCommandOptions {
  /** false: leave the JSON file to the caller. */
  writeJson?: boolean;
  /** The equity review's options for this request (checked before the run); default options otherwise. */
  equity?: (request: CoverageRequest) => EquityOptions;
}

/**
 * Everything `coverage` does, returning the analysis (the run and its equity review, as the app's
 * worker computes them: the same core function) so `equity` builds on the same run instead of
 * repeating it.
 */
export async function runCoverageCommand(
  args: readonly string[],
  io: CliIo,
  options: CoverageCommandOptions = {},
): Promise<{
  request: CoverageRequest;
  facilities: Facility[];
  data: CoverageData;
  output: CoverageAnalysis;
  json: CoverageJson;
  jsonPath: string;
}> {
  const values = parseOptions(args, {
    facilities: { type: 'string' },
    crs: { type: 'string' },
    method: { type: 'string' },
    profile: { type: 'string' },
    minutes: { type: 'string' },
    radius: { type: 'string' },
    json: { type: 'string' },
    'node-times': { type: 'string' },
    population: { type: 'string' },
    'population-crs': { type: 'string' },
    status: { type: 'string' },
  });
  const statusText = optionalString(values, 'status') ?? DEFAULT_RUN_STATUSES.join(',');
  const statuses = parseStatuses(statusText);
  if (!statuses)
    throw new UsageError(`--status takes ${FACILITY_STATUSES.join(', ')} (comma-separated), got "${statusText}"`);
  const method = (optionalString(values, 'method') ?? 'network') as CoverageMethod;
  if (method !== 'network' && method !== 'radius') throw new UsageError('--method must be network or radius');
  const profile = requiredProfile(values);
  const minutes = numberList(optionalString(values, 'minutes'), 'minutes');
  const radii = numberList(optionalString(values, 'radius'), 'radius');
  if (method === 'network' && !minutes.length) throw new UsageError('--minutes is required with --method network');
  if (method === 'radius' && !radii.length) throw new UsageError('--radius is required with --method radius');
  const jsonPath = resolve(requiredString(values, 'json'));
  const nodeTimesPath = optionalString(values, 'node-times');

  const { facilities: loaded, source } = await loadFacilities(
    requiredString(values, 'facilities'),
    parseCrs(optionalString(values, 'crs')),
  );
  // Facility status is a choice of the run: existing only unless --status says otherwise.
  const { kept: facilities, leftOut: leftOutByStatus } = facilitiesWithStatus(loaded, statuses);
  if (facilities.length === 0)
    throw new UsageError(`no facility has status ${statuses.join(' or ')} (${loaded.length} left out; see --status)`);
  const request: CoverageRequest = {
    method,
    profile,
    thresholdsMin: method === 'network' ? minutes : [],
    radiiM: method === 'radius' ? radii : [],
    facilities: facilities
      .map((f) => ({ id: f.id, name: f.name, lon: f.lon, lat: f.lat }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
  const data = loadCoverageData();
  const populationFile = optionalString(values, 'population');
  let populationNote = 'modelled: official 2021 county totals spread over 250 m cells by road length';
  if (populationFile) {
    const imported = await loadPopulation(populationFile, parseCrs(optionalString(values, 'population-crs')));
    data.grid = imported.grid;
    populationNote = `imported from ${resolve(populationFile)}: ${imported.people} people (${imported.rejectedPeople} outside every county, not counted)`;
  }
  const equity = options.equity?.(request);
  const output = analyseCoverage(data, request, DEFAULT_TRAVEL_PROFILES, {
    keepNodeTimes: nodeTimesPath !== undefined,
    ...(equity ? { equity } : {}),
  });
  if (!output) throw new Error('coverage run was cancelled');
  const json = coverageJson(request, data, output, source, populationNote, { statuses, leftOutByStatus });
  if (options.writeJson !== false) {
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(json, null, 2)}\n`);
  }
  io.out(
    `${request.facilities.length} facilities, ${method} ${profile} ${(method === 'network' ? minutes : radii).join('/')}: ` +
      `city ${json.total.coveredPct}% covered, mountain ${json.mountain.coveredPct}%, other ${json.other.coveredPct}% → ${jsonPath}`,
  );
  if (nodeTimesPath && output.nodeTimes) {
    const lines = ['node,lon,lat,seconds,facility'];
    const { seconds, source: nearest } = output.nodeTimes;
    for (let node = 0; node < seconds.length; node++) {
      if (!Number.isFinite(seconds[node]!)) continue;
      const id = request.facilities[nearest[node]!]?.id ?? '';
      lines.push(`${node},${data.graph.lon[node]},${data.graph.lat[node]},${seconds[node]},${id}`);
    }
    mkdirSync(dirname(resolve(nodeTimesPath)), { recursive: true });
    writeFileSync(resolve(nodeTimesPath), `${lines.join('\n')}\n`);
    io.out(`${lines.length - 1} reached nodes → ${resolve(nodeTimesPath)}`);
  }
  return { request, facilities, data, output, json, jsonPath };
}
