/**
 * Routing graph build step: wangshanbo road LineStrings → graph/routing-graph.bin (format in
 * src/core/routing/graph.ts) + graph/routing-graph.json (counts, components, how it was built).
 *
 * Nodes. The brief assumed "segments split at intersections", but in this file a road often
 * meets another at an *interior* vertex (34,751 of the 49,221 unshared endpoints lie on another
 * line's interior vertex, as in an OSM export where ways share nodes). Endpoints alone give 22,323
 * components with the largest holding 11 % of nodes; splitting lines at every vertex that occurs
 * more than once in the file (shared with another line, or revisited by the same line) gives 457
 * components with 97.3 % in the largest, matching SOURCE.md. So the nodes are:
 *   - every line end, and every vertex occurring more than once (junctions), and
 *   - on non-expressway roads, a few existing vertices chosen so that no piece between two nodes
 *     is much longer than DENSIFY_M (the run between two junctions is cut into
 *     ceil(length / DENSIFY_M) near-equal parts at the vertices nearest the equal-length marks).
 *     Half of all junction-to-junction pieces are under 130 m, but 4 % exceed 1 km and the
 *     longest is 17.6 km: without these degree-2 nodes a village beside a long rural road would
 *     snap to a junction kilometres away. Expressways are not cut (no access between junctions).
 * Coordinates are used exactly as given (6 decimals, compared as integer micro-degrees).
 * No snapping of nearby nodes: pairs of distinct nodes within 1 m number ~220, and only 2 of
 * them join different components (the json records the counts), so snapping would mostly merge
 * the two carriageways/levels of the same road for no connectivity gain.
 *
 * Edges: the polyline pieces between consecutive nodes, length = haversine sum along the piece
 * (R = 6,371,008.8 m), road class = classifyRoad(name) of the line. Pieces whose two ends are the
 * same node (closed loops with no other junction) are dropped: they never shorten a path.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Feature, Position } from 'geojson';
import { ROAD_CLASSES, type RoadClass } from '../../src/shared/data-contract';
import { DEFAULT_TRAVEL_PROFILES } from '../../src/shared/travel-profiles';
import { TRAVEL_PROFILES } from '../../src/shared/coverage';
import { connectedComponents } from '../../src/core/routing/components';
import {
  ROUTING_GRAPH_FILE,
  ROUTING_GRAPH_INFO_FILE,
  ROUTING_GRAPH_MAGIC,
  ROUTING_GRAPH_VERSION,
  encodeRoutingGraph,
  routingGraphFromEdges,
  type RoutingGraph,
} from '../../src/core/routing/graph';
import { PROJECTION_LAT } from '../../src/core/routing/nearest-node';
import { greatCircleM } from '../../src/core/equity/geo';
import { EARTH_RADIUS_M } from '../../src/core/population/projection';
import { edgeSeconds } from '../../src/core/routing/profiles';
import { serializeJson } from './geojson-io';
import { classifyRoad } from './road-classify';
import { SOURCES_DIR, sourcePath } from './source-files';

export { ROUTING_GRAPH_FILE, ROUTING_GRAPH_INFO_FILE };

/** Target maximum spacing of nodes along non-expressway roads, metres (0 = junctions only). */
export const DENSIFY_M = 500;

const RAD = Math.PI / 180;

export interface RoadGraphStats {
  features: number;
  /** LineStrings read (a MultiLineString contributes one per part). */
  lines: number;
  /** Features without a (Multi)LineString geometry, or lines with fewer than 2 vertices. */
  skipped: number;
  vertices: number;
  distinctVertices: number;
  /** Nodes that are line ends or shared vertices. */
  junctionNodes: number;
  /** Degree-2 nodes added by densification. */
  densifyNodes: number;
  /** Pieces dropped because both ends are the same node. */
  loopsDropped: number;
}

export interface RoadGraphBuild {
  graph: RoutingGraph;
  stats: RoadGraphStats;
}

interface Line {
  vids: Int32Array;
  roadClass: number;
}

/** Hilbert-curve index of (x, y) on a 2^order grid: nodes close in space get close ids (cache locality). */
function hilbertIndex(x: number, y: number, order: number): number {
  let d = 0;
  for (let s = 1 << (order - 1); s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

function lineParts(feature: Feature): Position[][] | null {
  const g = feature.geometry;
  if (g?.type === 'LineString') return [g.coordinates];
  if (g?.type === 'MultiLineString') return g.coordinates;
  return null;
}

/**
 * Vertex indices at which a junction-to-junction run (positions start…end of a line, with
 * cumulative lengths `cum`) is cut so that pieces are about `maxM` long.
 */
function densifyCuts(cum: Float64Array, start: number, end: number, maxM: number): number[] {
  const length = (cum[end] ?? 0) - (cum[start] ?? 0);
  const parts = Math.ceil(length / maxM);
  const cuts: number[] = [];
  if (maxM <= 0 || parts <= 1) return cuts;
  let i = start + 1;
  for (let k = 1; k < parts; k++) {
    const mark = (cum[start] ?? 0) + (length * k) / parts;
    while (i + 1 < end && (cum[i + 1] ?? 0) <= mark) i++;
    // i is the last vertex at or before the mark (or start+1); take the nearer of i and i+1.
    let pick = i;
    if (i + 1 < end && (cum[i + 1] ?? 0) - mark < mark - (cum[i] ?? 0)) pick = i + 1;
    const prev = cuts[cuts.length - 1] ?? start;
    if (pick > prev && pick < end) cuts.push(pick);
  }
  return cuts;
}

export function buildGraphFromRoads(features: readonly Feature[], densifyM = DENSIFY_M): RoadGraphBuild {
  const vidOf = new Map<string, number>();
  const lonMicro: number[] = [];
  const latMicro: number[] = [];
  const occurrences: number[] = [];
  const isEnd: boolean[] = [];
  const lines: Line[] = [];
  let skipped = 0;
  let vertices = 0;
  features.forEach((feature, fi) => {
    const parts = lineParts(feature);
    if (!parts) {
      skipped++;
      return;
    }
    const roadClass = ROAD_CLASSES.indexOf(classifyRoad(feature.properties?.['name']));
    for (const coords of parts) {
      if (coords.length < 2) {
        skipped++;
        continue;
      }
      const vids = new Int32Array(coords.length);
      coords.forEach((p, i) => {
        const [lon = NaN, lat = NaN] = p;
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
          throw new Error(`road feature ${fi}: invalid coordinate ${JSON.stringify(p)}`);
        }
        const x = Math.round(lon * 1e6);
        const y = Math.round(lat * 1e6);
        const key = `${x},${y}`;
        let vid = vidOf.get(key);
        if (vid === undefined) {
          vid = lonMicro.length;
          vidOf.set(key, vid);
          lonMicro.push(x);
          latMicro.push(y);
          occurrences.push(0);
          isEnd.push(false);
        }
        occurrences[vid] = (occurrences[vid] ?? 0) + 1;
        if (i === 0 || i === coords.length - 1) isEnd[vid] = true;
        vids[i] = vid;
      });
      vertices += coords.length;
      lines.push({ vids, roadClass });
    }
  });
  const isJunction = (vid: number): boolean => isEnd[vid] === true || (occurrences[vid] ?? 0) > 1;
  const expressway = ROAD_CLASSES.indexOf('expressway' satisfies RoadClass);

  // Pieces between consecutive nodes, in file order.
  const pieceA: number[] = [];
  const pieceB: number[] = [];
  const pieceLength: number[] = [];
  const pieceClass: number[] = [];
  const nodeVid = new Uint8Array(lonMicro.length);
  let loopsDropped = 0;
  for (const { vids, roadClass } of lines) {
    const cum = new Float64Array(vids.length);
    for (let i = 1; i < vids.length; i++) {
      const a = vids[i - 1] ?? 0;
      const b = vids[i] ?? 0;
      cum[i] =
        (cum[i - 1] ?? 0) +
        greatCircleM(
          (lonMicro[a] ?? 0) / 1e6,
          (latMicro[a] ?? 0) / 1e6,
          (lonMicro[b] ?? 0) / 1e6,
          (latMicro[b] ?? 0) / 1e6,
        );
    }
    const emit = (from: number, to: number): void => {
      const a = vids[from] ?? 0;
      const b = vids[to] ?? 0;
      if (a === b) {
        loopsDropped++;
        return;
      }
      pieceA.push(a);
      pieceB.push(b);
      pieceLength.push((cum[to] ?? 0) - (cum[from] ?? 0));
      pieceClass.push(roadClass);
      nodeVid[a] = 1;
      nodeVid[b] = 1;
    };
    let start = 0;
    for (let i = 1; i < vids.length; i++) {
      if (i < vids.length - 1 && !isJunction(vids[i] ?? 0)) continue;
      let from = start;
      if (roadClass !== expressway) {
        for (const cut of densifyCuts(cum, start, i, densifyM)) {
          emit(from, cut);
          from = cut;
        }
      }
      emit(from, i);
      start = i;
    }
  }

  // Node ids in Hilbert order over the nodes' bounding box (ties cannot occur: keys are distinct).
  const vids: number[] = [];
  for (let v = 0; v < nodeVid.length; v++) if (nodeVid[v]) vids.push(v);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const v of vids) {
    minX = Math.min(minX, lonMicro[v] ?? 0);
    maxX = Math.max(maxX, lonMicro[v] ?? 0);
    minY = Math.min(minY, latMicro[v] ?? 0);
    maxY = Math.max(maxY, latMicro[v] ?? 0);
  }
  const cells = 1 << 16;
  const span = Math.max(maxX - minX, maxY - minY, 1);
  const cell = (value: number, min: number): number => Math.min(cells - 1, Math.floor(((value - min) / span) * cells));
  const order = vids
    .map((v) => ({
      v,
      h: hilbertIndex(cell(lonMicro[v] ?? 0, minX), cell(latMicro[v] ?? 0, minY), 16),
      x: lonMicro[v] ?? 0,
      y: latMicro[v] ?? 0,
    }))
    .sort((p, q) => p.h - q.h || p.x - q.x || p.y - q.y);
  const nodeOf = new Int32Array(lonMicro.length).fill(-1);
  order.forEach(({ v }, id) => (nodeOf[v] = id));

  let junctionNodes = 0;
  for (const v of vids) if (isJunction(v)) junctionNodes++;
  const graph = routingGraphFromEdges({
    lon: Float64Array.from(order, ({ x }) => x / 1e6),
    lat: Float64Array.from(order, ({ y }) => y / 1e6),
    edgeA: Uint32Array.from(pieceA, (v) => nodeOf[v] ?? 0),
    edgeB: Uint32Array.from(pieceB, (v) => nodeOf[v] ?? 0),
    lengthM: Float32Array.from(pieceLength),
    roadClass: Uint8Array.from(pieceClass),
  });
  return {
    graph,
    stats: {
      features: features.length,
      lines: lines.length,
      skipped,
      vertices,
      distinctVertices: lonMicro.length,
      junctionNodes,
      densifyNodes: vids.length - junctionNodes,
      loopsDropped,
    },
  };
}

export interface ComponentStats {
  /** Edges the profile may use (all edges for "all"). */
  usableEdges: number;
  count: number;
  largestNodes: number;
  largestShare: number;
  secondLargestNodes: number;
  nodesOutsideLargest: number;
  /** Usable edges not inside the largest component. */
  usableEdgesOutsideLargest: number;
  /** Road length of the usable edges, and the part of it outside the largest component (node counts depend on densification; km do not). */
  usableKm: number;
  kmOutsideLargest: number;
  /** Nodes without any usable edge (each its own component). */
  nodesWithoutUsableEdge: number;
}

function componentStats(graph: RoutingGraph, seconds: Float32Array): ComponentStats {
  const { component, sizes, main } = connectedComponents(graph, seconds);
  let usableEdges = 0;
  let outside = 0;
  let usableKm = 0;
  let kmOutside = 0;
  const hasEdge = new Uint8Array(graph.nodeCount);
  const counted = new Uint8Array(graph.edgeCount);
  for (let u = 0; u < graph.nodeCount; u++) {
    const end = graph.offsets[u + 1] ?? 0;
    for (let j = graph.offsets[u] ?? 0; j < end; j++) {
      if (!((seconds[j] ?? Infinity) < Infinity)) continue;
      hasEdge[u] = 1;
      const k = graph.edgeId[j] ?? 0;
      if (counted[k]) continue;
      counted[k] = 1;
      usableEdges++;
      usableKm += (graph.lengthM[k] ?? 0) / 1000;
      if (component[u] !== main) {
        outside++;
        kmOutside += (graph.lengthM[k] ?? 0) / 1000;
      }
    }
  }
  const sorted = [...sizes].sort((a, b) => b - a);
  const largest = sorted[0] ?? 0;
  return {
    usableEdges,
    count: sizes.length,
    largestNodes: largest,
    largestShare: graph.nodeCount > 0 ? round(largest / graph.nodeCount, 4) : 0,
    secondLargestNodes: sorted[1] ?? 0,
    nodesOutsideLargest: graph.nodeCount - largest,
    usableEdgesOutsideLargest: outside,
    usableKm: round(usableKm, 3),
    kmOutsideLargest: round(kmOutside, 3),
    nodesWithoutUsableEdge: hasEdge.reduce((n, h) => n + (h ? 0 : 1), 0),
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function quantile(sorted: Float32Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Pairs of distinct nodes closer than each threshold, and how many of them join different components. */
function nearPairs(graph: RoutingGraph, component: Uint32Array, thresholdsM: readonly number[]) {
  const cellM = Math.max(...thresholdsM);
  const kx = Math.cos(PROJECTION_LAT * RAD) * EARTH_RADIUS_M * RAD;
  const ky = EARTH_RADIUS_M * RAD;
  const grid = new Map<string, number[]>();
  const xy = (u: number): [number, number] => [(graph.lon[u] ?? 0) * kx, (graph.lat[u] ?? 0) * ky];
  for (let u = 0; u < graph.nodeCount; u++) {
    const [x, y] = xy(u);
    const key = `${Math.floor(x / cellM)},${Math.floor(y / cellM)}`;
    const list = grid.get(key);
    if (list) list.push(u);
    else grid.set(key, [u]);
  }
  const pairs = thresholdsM.map(() => 0);
  const crossing = thresholdsM.map(() => 0);
  for (let u = 0; u < graph.nodeCount; u++) {
    const [x, y] = xy(u);
    const cx = Math.floor(x / cellM);
    const cy = Math.floor(y / cellM);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const v of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (v <= u) continue;
          const [vx, vy] = xy(v);
          const d = Math.hypot(vx - x, vy - y);
          thresholdsM.forEach((t, i) => {
            if (d > t) return;
            pairs[i] = (pairs[i] ?? 0) + 1;
            if (component[u] !== component[v]) crossing[i] = (crossing[i] ?? 0) + 1;
          });
        }
      }
    }
  }
  return thresholdsM.map((withinM, i) => ({
    withinM,
    pairs: pairs[i] ?? 0,
    joiningDifferentComponents: crossing[i] ?? 0,
  }));
}

export function routingGraphInfo(
  build: RoadGraphBuild,
  bytes: Uint8Array,
  source: { path: string; sha256: string },
  densifyM = DENSIFY_M,
) {
  const { graph, stats } = build;
  const lengths = Float32Array.from(graph.lengthM).sort();
  const byClass = ROAD_CLASSES.map((roadClass) => ({ roadClass, edges: 0, km: 0 }));
  for (let k = 0; k < graph.edgeCount; k++) {
    const entry = byClass[graph.roadClass[k] ?? 0];
    if (!entry) continue;
    entry.edges++;
    entry.km += (graph.lengthM[k] ?? 0) / 1000;
  }
  const allSeconds = Float32Array.from(graph.edgeId, (k) => graph.lengthM[k] ?? 0);
  const all = connectedComponents(graph, allSeconds);
  const components: Record<string, ComponentStats> = { all: componentStats(graph, allSeconds) };
  for (const profile of TRAVEL_PROFILES) {
    components[profile] = componentStats(graph, edgeSeconds(graph, DEFAULT_TRAVEL_PROFILES[profile]));
  }
  return {
    file: ROUTING_GRAPH_FILE,
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: {
      magic: ROUTING_GRAPH_MAGIC,
      version: ROUTING_GRAPH_VERSION,
      byteOrder: 'little-endian',
      reader: 'src/core/routing/graph.ts decodeRoutingGraph',
      sections: [
        'lon f64[nodeCount]',
        'lat f64[nodeCount]',
        'offsets u32[nodeCount+1]',
        'targets u32[2*edgeCount]',
        'edgeId u32[2*edgeCount]',
        'lengthM f32[edgeCount]',
        'roadClass u8[edgeCount]',
      ],
      roadClasses: [...ROAD_CLASSES],
    },
    nodeCount: graph.nodeCount,
    edgeCount: graph.edgeCount,
    directedEntries: graph.targets.length,
    totalKm: round(
      byClass.reduce((s, c) => s + c.km, 0),
      3,
    ),
    roadClasses: byClass.map((c) => ({ ...c, km: round(c.km, 3) })),
    edgeLengthM: {
      min: round(quantile(lengths, 0), 3),
      p50: round(quantile(lengths, 0.5), 1),
      p90: round(quantile(lengths, 0.9), 1),
      p99: round(quantile(lengths, 0.99), 1),
      max: round(lengths[lengths.length - 1] ?? 0, 1),
    },
    components,
    componentsNote:
      'Connected components over the edges each profile may use (DEFAULT_TRAVEL_PROFILES: walk and bike exclude expressways); "all" uses every edge.',
    build: {
      source: source.path,
      sourceSha256: source.sha256,
      ...stats,
      nodeRule:
        'line ends and every vertex occurring more than once in the file (shared with another line or revisited), plus degree-2 nodes at existing vertices splitting non-expressway runs longer than densifyM into near-equal parts',
      densifyM,
      coordinates: 'as given (6 decimals), compared as integer micro-degrees; no snapping',
      snapping: {
        decision: 'none',
        nearbyDistinctNodes: nearPairs(graph, all.component, [1, 2, 5]),
      },
      lengths: `haversine along the polyline, R = ${EARTH_RADIUS_M} m, stored as float32`,
      roadClass: 'scripts/data-build/road-classify.ts classifyRoad(name) of the source line',
      loops: 'pieces starting and ending at the same node are dropped',
      nodeOrder: 'Hilbert curve over the nodes’ bounding box (16-bit grid)',
      edgeOrder: 'source file order, pieces in line order',
    },
  };
}

export type RoutingGraphInfo = ReturnType<typeof routingGraphInfo>;

export interface RoutingGraphReport {
  outputs: { path: string; bytes: number }[];
  info: RoutingGraphInfo;
}

/** The pipeline step: reads <outDir>/sources/roads-wangshanbo, writes the two graph files. */
export function buildRoutingGraph(
  outDir: string,
  write: (path: string, data: string | Uint8Array) => void,
  densifyM = DENSIFY_M,
): RoutingGraphReport {
  const file = sourcePath(outDir, 'roads-wangshanbo', 'wenzhou_roads_wgs84.geojson');
  const raw = readFileSync(file);
  const parsed = JSON.parse(raw.toString('utf8')) as { type?: unknown; features?: unknown };
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  }
  const build = buildGraphFromRoads(parsed.features as Feature[], densifyM);
  const bytes = encodeRoutingGraph(build.graph);
  const info = routingGraphInfo(
    build,
    bytes,
    {
      path: `${SOURCES_DIR}/roads-wangshanbo/wenzhou_roads_wgs84.geojson`,
      sha256: createHash('sha256').update(raw).digest('hex'),
    },
    densifyM,
  );
  const json = serializeJson(info);
  write(ROUTING_GRAPH_FILE, bytes);
  write(ROUTING_GRAPH_INFO_FILE, json);
  return {
    outputs: [
      { path: ROUTING_GRAPH_FILE, bytes: bytes.byteLength },
      { path: ROUTING_GRAPH_INFO_FILE, bytes: Buffer.byteLength(json) },
    ],
    info,
  };
}
