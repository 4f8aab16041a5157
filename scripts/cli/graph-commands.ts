/** Routing-graph commands: graph-build, graph-info, graph-export, graph-search. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { ROAD_CLASSES } from '../../src/shared/data-contract';
import { TRAVEL_PROFILES, type TravelProfile } from '../../src/shared/coverage';
import { DEFAULT_TRAVEL_PROFILES } from '../../src/shared/travel-profiles';
import { connectedComponents } from '../../src/core/routing/components';
import { ROUTING_GRAPH_FILE, decodeRoutingGraph, edgeEndpoints, type RoutingGraph } from '../../src/core/routing/graph';
import { multiSourceSearch, type SearchSeed } from '../../src/core/routing/multi-source';
import { buildNodeIndex } from '../../src/core/routing/nearest-node';
import { edgeSeconds, nodesWithFiniteEdge } from '../../src/core/routing/profiles';
import { seededRandom } from '../../src/core/util/seeded-random';
import { DENSIFY_M, buildRoutingGraph } from '../data-build/graph-build';
import { DEFAULT_OUT_DIR } from '../data-build/paths';
import {
  optionalNumber,
  optionalString,
  parseLonLat,
  parseOptions,
  requiredProfile,
  requiredString,
  stringList,
} from './args';
import { UsageError, type CliCommand } from './types';

export const DEFAULT_GRAPH_PATH = join(DEFAULT_OUT_DIR, ROUTING_GRAPH_FILE);

export function loadGraph(path: string | undefined): { graph: RoutingGraph; path: string; bytes: number } {
  const file = resolve(path ?? DEFAULT_GRAPH_PATH);
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    throw new Error(`cannot read the routing graph ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { graph: decodeRoutingGraph(data), path: file, bytes: data.byteLength };
}

function writeLines(file: string, header: string, rows: Iterable<string>): number {
  const lines = [header];
  for (const row of rows) lines.push(row);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
  return lines.length - 1;
}

const GRAPH_OPTION = { graph: { type: 'string' } } as const;

const graphBuild: CliCommand = {
  name: 'graph-build',
  summary: 'build graph/routing-graph.bin + .json from <out>/sources/roads-wangshanbo',
  usage: [
    'npm run cli -- graph-build [--out <dir>] [--densify-m <metres>]',
    '  --out         data directory holding sources/ (default data/geo); the graph goes to <out>/graph/',
    `  --densify-m   node spacing target along non-expressway roads (default ${DENSIFY_M}; 0 = junctions only)`,
  ].join('\n'),
  run(args, io) {
    const values = parseOptions(args, { out: { type: 'string' }, 'densify-m': { type: 'string' } });
    const outDir = resolve(optionalString(values, 'out') ?? DEFAULT_OUT_DIR);
    const densifyM = optionalNumber(values, 'densify-m', { min: 0 }) ?? DENSIFY_M;
    const started = performance.now();
    const report = buildRoutingGraph(
      outDir,
      (path, data) => {
        mkdirSync(dirname(join(outDir, path)), { recursive: true });
        writeFileSync(join(outDir, path), data);
      },
      densifyM,
    );
    for (const o of report.outputs) io.out(`wrote ${join(outDir, o.path)} (${o.bytes} bytes)`);
    const all = report.info.components.all;
    io.out(
      `${report.info.nodeCount} nodes, ${report.info.edgeCount} edges; ${all?.count} components, largest ${all?.largestNodes} nodes; ${Math.round(performance.now() - started)} ms`,
    );
    return 0;
  },
};

const graphInfo: CliCommand = {
  name: 'graph-info',
  summary: 'validate the routing graph and print its counts, road classes and components per profile',
  usage: ['npm run cli -- graph-info [--graph <file>]', `  --graph   default data/geo/${ROUTING_GRAPH_FILE}`].join(
    '\n',
  ),
  run(args, io) {
    const values = parseOptions(args, GRAPH_OPTION);
    const { graph, path, bytes } = loadGraph(optionalString(values, 'graph'));
    io.out(`${path}: ${bytes} bytes, valid`);
    io.out(`nodes ${graph.nodeCount}, edges ${graph.edgeCount} (directed entries ${graph.targets.length})`);
    const km = ROAD_CLASSES.map(() => 0);
    const edges = ROAD_CLASSES.map(() => 0);
    for (let k = 0; k < graph.edgeCount; k++) {
      const c = graph.roadClass[k] ?? 0;
      km[c] = (km[c] ?? 0) + (graph.lengthM[k] ?? 0) / 1000;
      edges[c] = (edges[c] ?? 0) + 1;
    }
    ROAD_CLASSES.forEach((c, i) =>
      io.out(`  ${c.padEnd(11)} ${String(edges[i]).padStart(7)} edges ${(km[i] ?? 0).toFixed(1).padStart(9)} km`),
    );
    for (const profile of TRAVEL_PROFILES) {
      const seconds = edgeSeconds(graph, DEFAULT_TRAVEL_PROFILES[profile]);
      const { sizes, main } = connectedComponents(graph, seconds);
      const largest = sizes[main] ?? 0;
      io.out(
        `  ${profile.padEnd(5)} components ${sizes.length}, largest ${largest} nodes (${((100 * largest) / Math.max(1, graph.nodeCount)).toFixed(2)} %), outside ${graph.nodeCount - largest}`,
      );
    }
    return 0;
  },
};

export function csvNumber(v: number): string {
  // String() of a double is the shortest text that parses back to exactly the same value.
  return String(v);
}

const graphExport: CliCommand = {
  name: 'graph-export',
  summary: 'write nodes.csv and edges.csv (edges usable by a profile, with travel seconds)',
  usage: [
    'npm run cli -- graph-export --profile <walk|bike|drive> --out <dir> [--graph <file>]',
    '  nodes.csv  id,lon,lat               (every node; ids are the graph node ids)',
    '  edges.csv  id,source,target,cost_s,length_m   (one row per undirected edge the profile may use)',
  ].join('\n'),
  run(args, io) {
    const values = parseOptions(args, { ...GRAPH_OPTION, profile: { type: 'string' }, out: { type: 'string' } });
    const profile = requiredProfile(values);
    const outDir = resolve(requiredString(values, 'out'));
    const { graph } = loadGraph(optionalString(values, 'graph'));
    const seconds = edgeSeconds(graph, DEFAULT_TRAVEL_PROFILES[profile]);
    const nodes = writeLines(
      join(outDir, 'nodes.csv'),
      'id,lon,lat',
      (function* () {
        for (let u = 0; u < graph.nodeCount; u++)
          yield `${u},${csvNumber(graph.lon[u] ?? NaN)},${csvNumber(graph.lat[u] ?? NaN)}`;
      })(),
    );
    const { a, b } = edgeEndpoints(graph);
    const perEdge = new Float64Array(graph.edgeCount);
    for (let j = 0; j < seconds.length; j++) perEdge[graph.edgeId[j] ?? 0] = seconds[j] ?? Infinity;
    const edges = writeLines(
      join(outDir, 'edges.csv'),
      'id,source,target,cost_s,length_m',
      (function* () {
        for (let k = 0; k < graph.edgeCount; k++) {
          const cost = perEdge[k] ?? Infinity;
          if (!(cost < Infinity)) continue;
          yield `${k},${a[k]},${b[k]},${csvNumber(cost)},${csvNumber(graph.lengthM[k] ?? NaN)}`;
        }
      })(),
    );
    io.out(`${profile}: wrote ${nodes} nodes and ${edges} of ${graph.edgeCount} edges to ${outDir}`);
    return 0;
  },
};

function pointsFromGeojson(file: string): [number, number][] {
  let fc: FeatureCollection;
  try {
    fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
  } catch (error) {
    throw new UsageError(`--points ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(fc.features)) throw new UsageError(`--points ${file}: not a GeoJSON FeatureCollection`);
  return fc.features.map((f, i) => {
    if (f.geometry?.type !== 'Point') throw new UsageError(`--points ${file}: feature ${i} is not a Point`);
    const [lon = NaN, lat = NaN] = f.geometry.coordinates;
    return [lon, lat];
  });
}

interface SeedRow {
  source: number;
  node: number;
  snapM: number;
  lon: number;
  lat: number;
}

const graphSearch: CliCommand = {
  name: 'graph-search',
  summary: 'multi-source travel-time search from points or random nodes; prints timing, writes times.csv',
  usage: [
    'npm run cli -- graph-search --profile <walk|bike|drive> (--points <file.geojson> | --at <lon,lat>… | --random <n>)',
    '                            [--max-minutes <m>] [--second-best] [--access] [--repeat <r>] [--seed <s>] [--out <dir>] [--graph <file>]',
    '  --points       GeoJSON Point features; source i = feature i (e.g. data/geo/facilities-county-centres.geojson)',
    '  --at           a start point (repeatable); sources in the given order',
    '  --random       n distinct random usable nodes as sources (PRNG --seed, default 1)',
    '  Points snap to the nearest node with an edge the profile may use. Seeds start at 0 s unless',
    '  --access adds the straight-line snap distance at the profile access speed.',
    '  --out writes seeds.csv (source,node,lon,lat,snap_m,in_main) and times.csv',
    '  (node,seconds,source,second_seconds,second_source; reached nodes only).',
  ].join('\n'),
  run(args, io) {
    const values = parseOptions(args, {
      ...GRAPH_OPTION,
      profile: { type: 'string' },
      points: { type: 'string' },
      at: { type: 'string', multiple: true },
      random: { type: 'string' },
      seed: { type: 'string' },
      'max-minutes': { type: 'string' },
      'second-best': { type: 'boolean' },
      access: { type: 'boolean' },
      repeat: { type: 'string' },
      out: { type: 'string' },
    });
    const profile: TravelProfile = requiredProfile(values);
    const pointsFile = optionalString(values, 'points');
    const at = stringList(values, 'at').map((t) => parseLonLat(t, 'at'));
    const random = optionalNumber(values, 'random', { min: 1, integer: true });
    if ([pointsFile !== undefined, at.length > 0, random !== undefined].filter(Boolean).length !== 1) {
      throw new UsageError('give exactly one of --points, --at or --random');
    }
    const maxMinutes = optionalNumber(values, 'max-minutes', { min: 0 });
    const repeat = optionalNumber(values, 'repeat', { min: 1, integer: true }) ?? 1;
    const rngSeed = optionalNumber(values, 'seed', { integer: true }) ?? 1;
    const outDir = optionalString(values, 'out');
    const { graph } = loadGraph(optionalString(values, 'graph'));
    const spec = DEFAULT_TRAVEL_PROFILES[profile];

    const prepStarted = performance.now();
    const seconds = edgeSeconds(graph, spec);
    const usable = nodesWithFiniteEdge(graph, seconds);
    const { component, main } = connectedComponents(graph, seconds);
    const seeds: SeedRow[] = [];
    if (random !== undefined) {
      const candidates: number[] = [];
      for (let u = 0; u < graph.nodeCount; u++) if (usable[u]) candidates.push(u);
      if (random > candidates.length)
        throw new UsageError(`--random ${random}: only ${candidates.length} usable nodes`);
      const rand = seededRandom(rngSeed);
      // Partial Fisher–Yates: the first `random` entries become a uniform sample without repeats.
      for (let i = 0; i < random; i++) {
        const j = i + Math.floor(rand() * (candidates.length - i));
        const t = candidates[i] ?? 0;
        candidates[i] = candidates[j] ?? 0;
        candidates[j] = t;
        const node = candidates[i] ?? 0;
        seeds.push({ source: i, node, snapM: 0, lon: graph.lon[node] ?? NaN, lat: graph.lat[node] ?? NaN });
      }
    } else {
      const index = buildNodeIndex(graph, (u) => usable[u] === 1);
      const points = pointsFile !== undefined ? pointsFromGeojson(pointsFile) : at;
      points.forEach(([lon, lat], source) => {
        const hit = index.nearest(lon, lat);
        if (!hit) throw new Error(`no usable node for point ${source} (${lon}, ${lat})`);
        seeds.push({ source, node: hit.node, snapM: hit.distanceM, lon, lat });
      });
    }
    const accessMps = spec.accessKmh / 3.6;
    const searchSeeds: SearchSeed[] = seeds.map((s) => ({
      node: s.node,
      source: s.source,
      seconds: values['access'] === true ? s.snapM / accessMps : 0,
    }));
    const prepMs = performance.now() - prepStarted;

    const maxSeconds = maxMinutes === undefined ? Infinity : maxMinutes * 60;
    const secondBest = values['second-best'] === true;
    const times: number[] = [];
    let result = multiSourceSearch(graph, seconds, searchSeeds, { maxSeconds, secondBest });
    for (let r = 0; r < repeat; r++) {
      const t = performance.now();
      result = multiSourceSearch(graph, seconds, searchSeeds, { maxSeconds, secondBest });
      times.push(performance.now() - t);
    }
    times.sort((x, y) => x - y);
    let reached = 0;
    for (const d of result.bestSeconds) if (d < Infinity) reached++;
    io.out(
      `${profile}, ${seeds.length} sources, limit ${maxMinutes ?? '∞'} min${secondBest ? ', second-best' : ''}: ` +
        `reached ${reached} of ${graph.nodeCount} nodes, ${result.settled} labels settled`,
    );
    io.out(
      `search ms: min ${(times[0] ?? 0).toFixed(1)}, median ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(1)} of ${repeat} (after a warm-up run); ` +
        `preparation (edge times, components, snapping) ${prepMs.toFixed(1)} ms`,
    );
    const offMain = seeds.filter((s) => component[s.node] !== main).length;
    if (offMain > 0) io.out(`${offMain} source(s) snapped to a node outside the profile's main component`);
    if (outDir !== undefined) {
      const dir = resolve(outDir);
      writeLines(
        join(dir, 'seeds.csv'),
        'source,node,lon,lat,snap_m,in_main',
        seeds.map(
          (s) =>
            `${s.source},${s.node},${csvNumber(s.lon)},${csvNumber(s.lat)},${s.snapM.toFixed(2)},${component[s.node] === main ? 1 : 0}`,
        ),
      );
      const rows = writeLines(
        join(dir, 'times.csv'),
        'node,seconds,source,second_seconds,second_source',
        (function* () {
          for (let u = 0; u < graph.nodeCount; u++) {
            const d = result.bestSeconds[u] ?? Infinity;
            if (!(d < Infinity)) continue;
            const d2 = result.secondSeconds[u] ?? Infinity;
            yield `${u},${csvNumber(d)},${result.bestSource[u]},${d2 < Infinity ? csvNumber(d2) : ''},${d2 < Infinity ? result.secondSource[u] : ''}`;
          }
        })(),
      );
      io.out(`wrote ${join(dir, 'seeds.csv')} and ${join(dir, 'times.csv')} (${rows} rows)`);
    }
    return 0;
  },
};

export function graphCommands(): CliCommand[] {
  return [graphBuild, graphInfo, graphExport, graphSearch];
}
