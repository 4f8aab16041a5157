/**
 * `equity`: the coverage command's JSON plus the equity review (Gini, Theil, gaps) of the same run.
 * `site`: the best N new sites for a service circle in an area (greedy maximal covering).
 *
 * `equity` runs the coverage command's own code (same argument checks, same run, same JSON) and
 * adds its keys before writing the file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { supplyFor } from '../../src/core/analysis/supply';
import { analyseTwoStep } from '../../src/core/analysis/two-step';
import { runCoverage, type CoverageData } from '../../src/core/coverage/run-coverage';
import type { Neighbourhood } from '../../src/core/equity/gaps';
import type { AccessGroup } from '../../src/core/equity/two-step-fca';
import type { BeyondRule } from '../../src/core/equity/inequality';
import { siteFacilities, type SitingArea } from '../../src/core/equity/siting';
import { DEFAULT_RUN_STATUSES, facilitiesWithStatus, parseStatuses } from '../../src/core/facilities/by-status';
import { COUNTIES } from '../../src/shared/counties';
import type { CoverageFacility, CoverageRequest } from '../../src/shared/coverage';
import type { Facility } from '../../src/shared/facilities';
import { DEFAULT_TRAVEL_PROFILES } from '../../src/shared/travel-profiles';
import { optionalNumber, optionalString, parseOptions, requiredProfile, requiredString } from './args';
import { runCoverageCommand } from './coverage-command';
import { loadCoverageData, loadFacilities, loadPopulation, parseCrs } from './coverage-data';
import { UsageError, type CliCommand, type CliIo } from './types';

const round = (v: number | null, digits = 2): number | null =>
  v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The facilities of a run, in the order the coverage command uses (by id). */
function runFacilities(facilities: Facility[]): CoverageFacility[] {
  return facilities
    .map((f) => ({ id: f.id, name: f.name, lon: f.lon, lat: f.lat }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function withPopulation(data: CoverageData, file: string | undefined, crs: string | undefined) {
  if (!file) return;
  data.grid = (await loadPopulation(file, parseCrs(crs))).grid;
}

function writeJson(path: string, json: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}

// ---------------------------------------------------------------------------------------------

/** Options only `equity` has; everything else goes to the coverage command. */
const EQUITY_OPTIONS = ['beyond', 'cap-minutes', 'neighbours', 'gaps', 'two-step-catchment'] as const;
const EQUITY_FLAGS = ['two-step'] as const;

function splitEquityArgs(args: readonly string[]): { own: Map<string, string>; rest: string[] } {
  const own = new Map<string, string>();
  const rest: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    const name = m?.[1];
    if (name && (EQUITY_FLAGS as readonly string[]).includes(name)) {
      if (m[2] !== undefined) throw new UsageError(`--${name} takes no value`);
      own.set(name, 'true');
      continue;
    }
    if (!name || !(EQUITY_OPTIONS as readonly string[]).includes(name)) {
      rest.push(arg);
      continue;
    }
    const value = m[2] ?? args[++k];
    if (value === undefined) throw new UsageError(`--${name} takes a value`);
    own.set(name, value);
  }
  return { own, rest };
}

function equityOptions(own: Map<string, string>) {
  const values = Object.fromEntries(own);
  const beyondKind = values['beyond'] ?? 'cap';
  if (beyondKind !== 'cap' && beyondKind !== 'exclude') throw new UsageError('--beyond must be cap or exclude');
  const capMinutes = optionalNumber(values, 'cap-minutes', { min: 0 });
  if (beyondKind === 'exclude' && capMinutes !== undefined)
    throw new UsageError('--cap-minutes only goes with --beyond cap');
  const neighbours = optionalNumber(values, 'neighbours', { integer: true }) ?? 8;
  if (neighbours !== 4 && neighbours !== 8) throw new UsageError('--neighbours must be 4 or 8');
  const gaps = optionalNumber(values, 'gaps', { integer: true, min: 0 }) ?? 50;
  const twoStep = own.has('two-step');
  const twoStepCatchment = optionalNumber(values, 'two-step-catchment', { min: 0 });
  if (twoStepCatchment !== undefined && !twoStep) throw new UsageError('--two-step-catchment goes with --two-step');
  if (twoStepCatchment !== undefined && !(twoStepCatchment > 0))
    throw new UsageError('--two-step-catchment must be positive');
  return { beyondKind, capMinutes, neighbours: neighbours as Neighbourhood, gaps, twoStep, twoStepCatchment };
}

/** `--two-step`: 2SFCA through the app's own function (core/analysis), rounded for reading. */
function twoStepJson(
  data: CoverageData,
  request: CoverageRequest,
  facilities: Facility[],
  catchment: number | undefined,
) {
  const chosen = supplyFor(request, facilities);
  if (!chosen)
    throw new UsageError('--two-step needs a capacity (beds, places, seats or area) on at least half the facilities');
  const supply = catchment === undefined ? chosen : { ...chosen, catchment };
  const found = analyseTwoStep(data, DEFAULT_TRAVEL_PROFILES, request, supply);
  if (!found) throw new Error('2SFCA was cancelled');
  const { result } = found;
  const group = (g: AccessGroup) => ({
    population: Math.round(g.population),
    meanAccessibility: round(g.meanAccessibility, 4),
    noAccessPopulation: Math.round(g.noAccessPopulation),
    noAccessShare: round(g.noAccessShare, 4),
  });
  return {
    field: supply.field,
    per: result.per,
    catchment: result.catchment,
    total: group(result.total),
    mountain: group(result.mountain),
    other: group(result.other),
    counties: result.counties.map((c) => ({ adcode: c.adcode, name: c.name, mountain: c.mountain, ...group(c) })),
    facilities: result.facilities.map((f) => ({
      id: f.id,
      supply: f.supply,
      demand: Math.round(f.demand),
      ratio: round(f.ratio, 4),
      cellCount: f.cellCount,
      isolated: f.isolated,
    })),
    unusedSupply: result.unusedSupply,
  };
}

export const equityCommand: CliCommand = {
  name: 'equity',
  summary: 'the coverage JSON plus Gini, Theil (mountain vs other) and the largest coverage gaps',
  usage: [
    'npm run cli -- equity <every coverage option> [--beyond cap|exclude] [--cap-minutes N]',
    '       [--neighbours 8|4] [--gaps 50] [--two-step [--two-step-catchment N]]',
    '  e.g. npm run cli -- equity --facilities county-centres --profile drive --minutes 90 --json out.json',
    '  Writes what `coverage` writes (see npm run cli -- coverage --help), plus:',
    '  gini, theil {total, between, within, mountain, other}: inequality of travel time, weighted by people',
    '  gaps: the largest areas of people beyond the circle (county, people, centre, box, nearest facility)',
    '  equity: the rule used, the Lorenz curve (101 points) and the Gini within mountain / other',
    '  coveredShare, beyondShare: of everyone; timeInequalityMeaningful: false below half covered',
    '  byBeyondRule: Gini and Theil with the people beyond excluded, and capped at 1.5×, 2×, 3× the circle',
    '  --beyond       people beyond the circle: cap (count them at --cap-minutes, default twice the circle)',
    '                 or exclude (inequality among the covered only)',
    '  --neighbours   gap contiguity: 8 (edges and corners, default) or 4 (edges only)',
    '  --gaps         how many gaps to list (default 50)',
    '  --two-step     2SFCA accessibility (Luo & Wang 2003) with the circle as the catchment, from the',
    '                 capacity most facilities carry (beds, places, seats or area), as the app computes it;',
    '                 per county the people in no catchment (noAccessPopulation, noAccessShare)',
    '  --two-step-catchment N   2SFCA catchment in minutes (metres for radius) instead of the circle',
  ].join('\n'),
  async run(args, io) {
    const { own, rest } = splitEquityArgs(args);
    const options = equityOptions(own);
    // The coverage command's own run and equity review, extended: one run, one JSON file. The
    // equity options are checked against the request before the run (the cap lies beyond the circle).
    const {
      request,
      facilities,
      data,
      output,
      json: coverageJson,
      jsonPath,
    } = await runCoverageCommand(rest, io, {
      writeJson: false,
      equity: (request) => {
        const thresholds = request.method === 'network' ? request.thresholdsMin : request.radiiM;
        const circle = thresholds[thresholds.length - 1]!;
        const beyond: BeyondRule =
          options.beyondKind === 'exclude'
            ? { kind: 'exclude' }
            : { kind: 'cap', capMinutes: options.capMinutes ?? 2 * circle };
        if (beyond.kind === 'cap' && !(beyond.capMinutes > circle))
          throw new UsageError(`--cap-minutes must be beyond the circle (${circle}), got ${options.capMinutes}`);
        return { beyond, neighbours: options.neighbours, gapLimit: options.gaps };
      },
    });
    const s = output.equity;
    const twoStep = options.twoStep ? twoStepJson(data, request, facilities, options.twoStepCatchment) : null;
    const theilGroup = (g: typeof s.theil.mountain) => ({
      population: Math.round(g.population),
      mean: round(g.mean),
      theil: round(g.theil, 6),
      share: round(g.share, 6),
    });
    const json = {
      ...coverageJson,
      // Read the indices with these: the share beyond the circle, whether the covered share is high
      // enough for time-inequality to mean anything, and how the Gini moves with the beyond rule.
      // Gini/Theil measure spread, not level: fewer people covered can still read as "more equal".
      coveredShare: round(s.coveredShare, 6),
      beyondShare: round(s.beyondShare, 6),
      timeInequalityMeaningful: s.timeInequalityMeaningful,
      byBeyondRule: s.byBeyondRule.map((v) => ({
        rule: v.rule,
        population: Math.round(v.population),
        gini: round(v.gini, 6),
        theil: round(v.theil, 6),
      })),
      gini: round(s.gini, 6),
      theil: {
        total: round(s.theil.total, 6),
        between: round(s.theil.between, 6),
        within: round(s.theil.within, 6),
        mountain: theilGroup(s.theil.mountain),
        other: theilGroup(s.theil.other),
      },
      gaps: s.gaps.map((g) => ({
        rank: g.rank,
        population: Math.round(g.population),
        cellCount: g.cellCount,
        county: g.county,
        countyName: g.countyName,
        mountain: g.mountain,
        counties: g.counties.map((c) => ({ adcode: c.adcode, population: Math.round(c.population) })),
        centroid: g.centroid.map((v) => round(v, 6)),
        bbox: g.bbox.map((v) => round(v, 6)),
        nearestFacility: g.nearestFacility && {
          id: g.nearestFacility.id,
          straightLineM: Math.round(g.nearestFacility.straightLineM),
        },
        networkMinutes: round(g.networkMinutes),
        networkFacility: g.networkFacility === null ? null : (request.facilities[g.networkFacility]?.id ?? null),
      })),
      equity: {
        quantity: s.unit === 'minutes' ? 'travel minutes' : 'straight-line metres',
        circle: s.circle,
        beyond: s.beyond,
        population: Math.round(s.population),
        cappedPopulation: Math.round(s.cappedPopulation),
        excludedPopulation: Math.round(s.excludedPopulation),
        mean: round(s.mean),
        giniMountain: round(s.giniMountain, 6),
        giniOther: round(s.giniOther, 6),
        lorenz: {
          population: s.lorenz.population.map((v) => round(v, 4)),
          quantity: s.lorenz.quantity.map((v) => round(v, 6)),
        },
        neighbours: options.neighbours,
        gapCount: s.gapCount,
        uncoveredPopulation: Math.round(s.uncoveredPopulation),
      },
      ...(twoStep ? { twoStep } : {}),
    };
    writeJson(jsonPath, json);
    const top = s.gaps[0];
    io.out(
      `equity: Gini ${json.gini}, Theil ${json.theil.total} (between mountain/other ${json.theil.between}, within ${json.theil.within}); ` +
        `${round(100 * s.beyondShare, 1)}% beyond the circle` +
        (s.timeInequalityMeaningful ? '; ' : ' (under half covered: time-inequality not meaningful); ') +
        `${s.gapCount} gaps` +
        (top ? `, largest ${top.countyName} ${Math.round(top.population)} people` : '') +
        (twoStep ? `; 2SFCA ${twoStep.field} per ${twoStep.per}: city ${twoStep.total.meanAccessibility}` : '') +
        ` → ${jsonPath}`,
    );
    return 0;
  },
};

// ---------------------------------------------------------------------------------------------

function parseArea(text: string): SitingArea {
  if (text === 'mountain' || text === 'all') return text;
  const county = COUNTIES.find((c) => String(c.adcode) === text || c.name === text || c.nameEn === text);
  if (!county)
    throw new UsageError(
      `--area must be mountain, all, or a county (adcode or name: ${COUNTIES.map((c) => `${c.adcode} ${c.name}`).join(', ')})`,
    );
  return county.adcode;
}

export const siteCommand: CliCommand = {
  name: 'site',
  summary: 'best N new sites to bring the most people of an area within a travel-time circle (greedy)',
  usage: [
    'npm run cli -- site --facilities <file|county-centres> [--crs wgs84|gcj02|bd09] --profile <walk|bike|drive>',
    '       --minutes 90 --area mountain|all|<adcode or county name> --n 3 --json <out.json>',
    '       [--candidates <file> [--candidates-crs …]] [--stride K | --max-candidates 1000]',
    '       [--population <file> [--population-crs …]]',
    '  Existing facilities stay; each site is the one adding the most people of the area within the',
    '  circle, given those before it (so added people never increase from one site to the next).',
    '  --candidates      your own candidate points (a facility file); default: road nodes in the area',
    '  --stride          road nodes: take every K-th; default the smallest K giving ≤ --max-candidates',
    '  --status          facility statuses counted: existing (default), under-construction, planned',
  ].join('\n'),
  async run(args: readonly string[], io: CliIo) {
    const values = parseOptions(args, {
      facilities: { type: 'string' },
      crs: { type: 'string' },
      profile: { type: 'string' },
      minutes: { type: 'string' },
      area: { type: 'string' },
      n: { type: 'string' },
      candidates: { type: 'string' },
      'candidates-crs': { type: 'string' },
      stride: { type: 'string' },
      'max-candidates': { type: 'string' },
      json: { type: 'string' },
      population: { type: 'string' },
      'population-crs': { type: 'string' },
      status: { type: 'string' },
    });
    const statusText = optionalString(values, 'status') ?? DEFAULT_RUN_STATUSES.join(',');
    const statuses = parseStatuses(statusText);
    if (!statuses) throw new UsageError(`--status takes existing, under-construction, planned; got "${statusText}"`);
    const profile = requiredProfile(values);
    const minutes = optionalNumber(values, 'minutes', { min: 0 });
    if (minutes === undefined || !(minutes > 0)) throw new UsageError('--minutes (one positive number) is required');
    const area = parseArea(requiredString(values, 'area'));
    const n = optionalNumber(values, 'n', { integer: true, min: 1 }) ?? 1;
    const stride = optionalNumber(values, 'stride', { integer: true, min: 1 });
    const maxCandidates = optionalNumber(values, 'max-candidates', { integer: true, min: 1 });
    const jsonPath = resolve(requiredString(values, 'json'));
    const crs = parseCrs(optionalString(values, 'crs'));
    const loaded = await loadFacilities(requiredString(values, 'facilities'), crs);
    // The sites complement the facilities that count: existing ones unless --status says otherwise.
    const facilities = facilitiesWithStatus(loaded.facilities, statuses).kept;
    const { source } = loaded;
    const candidatesFile = optionalString(values, 'candidates');
    const candidates = candidatesFile
      ? (await loadFacilities(candidatesFile, parseCrs(optionalString(values, 'candidates-crs') ?? crs))).facilities
      : undefined;

    const data = loadCoverageData();
    await withPopulation(data, optionalString(values, 'population'), optionalString(values, 'population-crs'));
    const request: CoverageRequest = {
      method: 'network',
      profile,
      thresholdsMin: [minutes],
      radiiM: [],
      facilities: runFacilities(facilities),
    };
    const base = runCoverage(data, request, DEFAULT_TRAVEL_PROFILES);
    if (!base) throw new Error('coverage run was cancelled');
    const result = siteFacilities(data, DEFAULT_TRAVEL_PROFILES, base, {
      area,
      n,
      stride,
      maxCandidates,
      candidates: candidates?.map((c) => ({ id: c.id, name: c.name, lon: c.lon, lat: c.lat })),
    });
    if (!result) throw new Error('siting was cancelled');
    const json = {
      inputs: {
        facilities: source,
        facilityCount: request.facilities.length,
        profile,
        minutes,
        travelProfile: DEFAULT_TRAVEL_PROFILES[profile],
        n,
        dataVersion: data.dataVersion,
      },
      area: {
        kind: result.area.kind,
        name: result.area.name,
        adcodes: result.area.adcodes,
        population: Math.round(result.areaPopulation),
        coveredBefore: Math.round(result.coveredBefore),
        coveredBeforePct: round(result.coveredBeforePct),
      },
      candidates: {
        source: candidatesFile ? resolve(candidatesFile) : 'road nodes',
        count: result.candidateCount,
        poolSize: result.poolSize,
        stride: result.stride,
      },
      sites: result.sites.map((s) => ({
        rank: s.rank,
        id: s.id,
        name: s.name,
        lon: round(s.lon, 6),
        lat: round(s.lat, 6),
        node: s.node,
        county: s.county,
        countyName: s.county === null ? null : (COUNTIES.find((c) => c.adcode === s.county)?.name ?? null),
        addedPopulation: Math.round(s.addedPopulation),
        cumulativeCovered: Math.round(s.cumulativeCovered),
        cumulativeCoveredPct: round(s.cumulativeCoveredPct),
      })),
      coveredAfter: Math.round(result.coveredAfter),
      coveredAfterPct: round(result.coveredAfterPct),
      computeMs: Math.round(result.computeMs),
    };
    writeJson(jsonPath, json);
    io.out(
      `${result.area.name}: ${json.area.coveredBeforePct}% within ${minutes} min ${profile} → ${json.coveredAfterPct}% with ` +
        `${json.sites.length} new site(s) (${result.candidateCount} candidates): ` +
        json.sites.map((s) => `#${s.rank} ${s.lon},${s.lat} +${s.addedPopulation}`).join('; ') +
        ` → ${jsonPath}`,
    );
    return 0;
  },
};

export function equityCommands(): CliCommand[] {
  return [equityCommand, siteCommand];
}
