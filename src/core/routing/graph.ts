/**
 * The road routing graph: nodes (road junctions and a few intermediate road vertices, WGS-84)
 * and undirected edges (road pieces), stored as CSR adjacency in which every undirected edge
 * appears twice, once from each end. Built by scripts/data-build/graph-build.ts into
 * graph/routing-graph.bin; decoded here in the app (Web Worker) and in Node.
 *
 * File layout (little-endian, version 1):
 *   0   magic "OUTUGRF1" (8 bytes)
 *   8   u32 version            12  u32 header bytes (96)
 *   16  u32 nodeCount          20  u32 edgeCount (undirected)
 *   24  u32 entryCount (= 2 × edgeCount, directed CSR entries)
 *   28  u32 road class count (= ROAD_CLASSES.length when written)
 *   32  u32 total file bytes   36  u32 CRC-32 of the whole file with these 4 bytes read as 0
 *   40  7 × (u32 byte offset, u32 byte length) of the sections, in this order:
 *       lon f64[nodeCount], lat f64[nodeCount], offsets u32[nodeCount+1], targets u32[entryCount],
 *       edgeId u32[entryCount], lengthM f32[edgeCount], roadClass u8[edgeCount]
 *   96  sections, each starting at a multiple of 8 (zero padding between them and up to the
 *       end, so the file length is a multiple of 8 too)
 */
import { DATA_FILES, ROAD_CLASSES } from '../../shared/data-contract';
import { crc32Update } from './crc32';

export const ROUTING_GRAPH_MAGIC = 'OUTUGRF1';
export const ROUTING_GRAPH_VERSION = 1;
/** Paths inside the data directory (data/geo), as written by the build step. */
export const ROUTING_GRAPH_FILE = DATA_FILES.routingGraph;
export const ROUTING_GRAPH_INFO_FILE = DATA_FILES.routingGraphInfo;

export interface RoutingGraph {
  nodeCount: number;
  /** Undirected edges; the CSR holds 2 × edgeCount directed entries. */
  edgeCount: number;
  /** Node coordinates, WGS-84 degrees (length nodeCount). */
  lon: Float64Array;
  lat: Float64Array;
  /** CSR row starts (length nodeCount + 1): the entries of node u are offsets[u] … offsets[u+1]-1. */
  offsets: Uint32Array;
  /** Per directed entry: the node at the other end (length 2 × edgeCount). */
  targets: Uint32Array;
  /** Per directed entry: its undirected edge id, the index into lengthM/roadClass (length 2 × edgeCount). */
  edgeId: Uint32Array;
  /** Per undirected edge: length in metres along the road polyline (length edgeCount). */
  lengthM: Float32Array;
  /** Per undirected edge: index into ROAD_CLASSES (length edgeCount). */
  roadClass: Uint8Array;
}

const HEADER_BYTES = 96;
const SECTION_TABLE_AT = 40;
const CRC_AT = 36;

interface SectionSpec {
  name: string;
  bytesPerItem: number;
  count: (nodeCount: number, edgeCount: number) => number;
}

const SECTIONS: readonly SectionSpec[] = [
  { name: 'lon', bytesPerItem: 8, count: (n) => n },
  { name: 'lat', bytesPerItem: 8, count: (n) => n },
  { name: 'offsets', bytesPerItem: 4, count: (n) => n + 1 },
  { name: 'targets', bytesPerItem: 4, count: (_n, e) => 2 * e },
  { name: 'edgeId', bytesPerItem: 4, count: (_n, e) => 2 * e },
  { name: 'lengthM', bytesPerItem: 4, count: (_n, e) => e },
  { name: 'roadClass', bytesPerItem: 1, count: (_n, e) => e },
];

/** Largest count a u32 header field and a u32 CSR index can hold. */
const MAX_U32 = 0xffffffff;

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function isLittleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

export class RoutingGraphFormatError extends Error {
  constructor(message: string) {
    super(`routing graph: ${message}`);
    this.name = 'RoutingGraphFormatError';
  }
}

/** Section layout for the given counts: byte offset and length of each section, and the total size. */
function layout(nodeCount: number, edgeCount: number): { offset: number; byteLength: number }[] {
  let at = HEADER_BYTES;
  return SECTIONS.map((s) => {
    const byteLength = s.count(nodeCount, edgeCount) * s.bytesPerItem;
    const entry = { offset: at, byteLength };
    at = align8(at + byteLength);
    return entry;
  });
}

function fileCrc(bytes: Uint8Array): number {
  const crc = crc32Update(0, bytes.subarray(0, CRC_AT));
  const withZero = crc32Update(crc, new Uint8Array(4));
  return crc32Update(withZero, bytes.subarray(CRC_AT + 4));
}

/**
 * Checks every structural invariant of a graph: array lengths, CSR monotonicity, index ranges,
 * each undirected edge appearing exactly twice as reciprocal entries, finite coordinates and
 * non-negative finite lengths, known road classes. Throws RoutingGraphFormatError on the first
 * problem. O(nodes + edges).
 */
export function validateRoutingGraph(graph: RoutingGraph): void {
  const { nodeCount: n, edgeCount: e, lon, lat, offsets, targets, edgeId, lengthM, roadClass } = graph;
  const fail = (message: string): never => {
    throw new RoutingGraphFormatError(message);
  };
  if (!Number.isInteger(n) || n < 0 || n >= MAX_U32) fail(`bad node count ${n}`);
  if (!Number.isInteger(e) || e < 0 || 2 * e > MAX_U32) fail(`bad edge count ${e}`);
  const expect = (name: string, actual: number, wanted: number): void => {
    if (actual !== wanted) fail(`${name} has ${actual} items, expected ${wanted}`);
  };
  expect('lon', lon.length, n);
  expect('lat', lat.length, n);
  expect('offsets', offsets.length, n + 1);
  expect('targets', targets.length, 2 * e);
  expect('edgeId', edgeId.length, 2 * e);
  expect('lengthM', lengthM.length, e);
  expect('roadClass', roadClass.length, e);
  for (let u = 0; u < n; u++) {
    const x = lon[u] ?? NaN;
    const y = lat[u] ?? NaN;
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) fail(`node ${u} has invalid coordinates ${x}, ${y}`);
  }
  if (offsets[0] !== 0) fail('offsets[0] is not 0');
  if (offsets[n] !== 2 * e) fail(`offsets[${n}] is ${offsets[n]}, expected ${2 * e}`);
  for (let u = 0; u < n; u++) {
    if ((offsets[u + 1] ?? 0) < (offsets[u] ?? 0)) fail(`offsets decrease at node ${u}`);
  }
  for (let k = 0; k < e; k++) {
    const len = lengthM[k] ?? NaN;
    if (!(len >= 0 && len < Infinity)) fail(`edge ${k} has invalid length ${len}`);
    if ((roadClass[k] ?? 255) >= ROAD_CLASSES.length) fail(`edge ${k} has unknown road class ${roadClass[k]}`);
  }
  // Each edge id must occur exactly twice, as u→v and v→u.
  const firstFrom = new Int32Array(e).fill(-1);
  const firstTo = new Uint32Array(e);
  const seen = new Uint8Array(e);
  for (let u = 0; u < n; u++) {
    const end = offsets[u + 1] ?? 0;
    for (let j = offsets[u] ?? 0; j < end; j++) {
      const v = targets[j] ?? MAX_U32;
      const id = edgeId[j] ?? MAX_U32;
      if (v >= n) fail(`entry ${j} points to node ${v} of ${n}`);
      if (id >= e) fail(`entry ${j} has edge id ${id} of ${e}`);
      const times = seen[id] ?? 0;
      if (times === 0) {
        firstFrom[id] = u;
        firstTo[id] = v;
      } else if (times === 1) {
        if (firstTo[id] !== u || firstFrom[id] !== v) fail(`edge ${id} entries are not reciprocal`);
      } else {
        fail(`edge ${id} appears more than twice`);
      }
      seen[id] = times + 1;
    }
  }
  for (let k = 0; k < e; k++) if (seen[k] !== 2) fail(`edge ${k} appears ${seen[k]} time(s), expected 2`);
}

export function encodeRoutingGraph(graph: RoutingGraph): Uint8Array {
  if (!isLittleEndian()) throw new Error('routing graph: big-endian platforms are not supported');
  validateRoutingGraph(graph);
  const { nodeCount, edgeCount } = graph;
  const sections = layout(nodeCount, edgeCount);
  const last = sections[sections.length - 1] ?? { offset: HEADER_BYTES, byteLength: 0 };
  const total = align8(last.offset + last.byteLength);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 8; i++) bytes[i] = ROUTING_GRAPH_MAGIC.charCodeAt(i);
  view.setUint32(8, ROUTING_GRAPH_VERSION, true);
  view.setUint32(12, HEADER_BYTES, true);
  view.setUint32(16, nodeCount, true);
  view.setUint32(20, edgeCount, true);
  view.setUint32(24, 2 * edgeCount, true);
  view.setUint32(28, ROAD_CLASSES.length, true);
  view.setUint32(32, total, true);
  const arrays = [graph.lon, graph.lat, graph.offsets, graph.targets, graph.edgeId, graph.lengthM, graph.roadClass];
  sections.forEach((s, i) => {
    view.setUint32(SECTION_TABLE_AT + 8 * i, s.offset, true);
    view.setUint32(SECTION_TABLE_AT + 8 * i + 4, s.byteLength, true);
    const a = arrays[i];
    if (a) bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), s.offset);
  });
  view.setUint32(CRC_AT, fileCrc(bytes), true);
  return bytes;
}

/**
 * Decodes and fully validates a routing-graph file. The arrays are views on `bytes` when its
 * start is 8-byte aligned (no copy), otherwise on an aligned copy. Throws RoutingGraphFormatError
 * (never returns a partial graph) on a wrong magic or version, truncated or over-long input,
 * inconsistent header, checksum mismatch or any broken invariant (see validateRoutingGraph).
 */
export function decodeRoutingGraph(bytes: ArrayBuffer | Uint8Array): RoutingGraph {
  if (!isLittleEndian()) throw new Error('routing graph: big-endian platforms are not supported');
  let u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // prototype.slice copies even for a Node Buffer, whose own slice() is a view.
  if (u8.byteOffset % 8 !== 0) u8 = Uint8Array.prototype.slice.call(u8);
  const fail = (message: string): never => {
    throw new RoutingGraphFormatError(message);
  };
  if (u8.byteLength < HEADER_BYTES)
    fail(`file is ${u8.byteLength} bytes, shorter than the ${HEADER_BYTES}-byte header`);
  let magic = '';
  for (let i = 0; i < 8; i++) magic += String.fromCharCode(u8[i] ?? 0);
  if (magic !== ROUTING_GRAPH_MAGIC) fail(`not a routing graph (magic ${JSON.stringify(magic)})`);
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const version = view.getUint32(8, true);
  if (version !== ROUTING_GRAPH_VERSION)
    fail(`unsupported version ${version} (this build reads ${ROUTING_GRAPH_VERSION})`);
  const headerBytes = view.getUint32(12, true);
  if (headerBytes !== HEADER_BYTES) fail(`header size ${headerBytes}, expected ${HEADER_BYTES}`);
  const nodeCount = view.getUint32(16, true);
  const edgeCount = view.getUint32(20, true);
  const entryCount = view.getUint32(24, true);
  if (entryCount !== 2 * edgeCount) fail(`entry count ${entryCount} is not twice the edge count ${edgeCount}`);
  const classCount = view.getUint32(28, true);
  if (classCount !== ROAD_CLASSES.length) {
    fail(`written with ${classCount} road classes, this build has ${ROAD_CLASSES.length}`);
  }
  const total = view.getUint32(32, true);
  if (total !== u8.byteLength) fail(`header says ${total} bytes but got ${u8.byteLength} (truncated or padded file)`);
  const expected = layout(nodeCount, edgeCount);
  const lastSection = expected[expected.length - 1] ?? { offset: HEADER_BYTES, byteLength: 0 };
  const wantedTotal = align8(lastSection.offset + lastSection.byteLength);
  if (total !== wantedTotal) fail(`${total} bytes, but the counts in the header need ${wantedTotal}`);
  expected.forEach((s, i) => {
    const offset = view.getUint32(SECTION_TABLE_AT + 8 * i, true);
    const byteLength = view.getUint32(SECTION_TABLE_AT + 8 * i + 4, true);
    const name = SECTIONS[i]?.name ?? String(i);
    if (offset !== s.offset || byteLength !== s.byteLength) {
      fail(`section ${name} at ${offset}+${byteLength}, expected ${s.offset}+${s.byteLength}`);
    }
    if (offset + byteLength > u8.byteLength) fail(`section ${name} runs past the end of the file`);
  });
  const crc = view.getUint32(CRC_AT, true);
  const actualCrc = fileCrc(u8);
  if (crc !== actualCrc)
    fail(`checksum mismatch (file ${crc.toString(16)}, computed ${actualCrc.toString(16)}): corrupt file`);
  const at = (i: number): number => u8.byteOffset + (expected[i]?.offset ?? 0);
  const graph: RoutingGraph = {
    nodeCount,
    edgeCount,
    lon: new Float64Array(u8.buffer, at(0), nodeCount),
    lat: new Float64Array(u8.buffer, at(1), nodeCount),
    offsets: new Uint32Array(u8.buffer, at(2), nodeCount + 1),
    targets: new Uint32Array(u8.buffer, at(3), entryCount),
    edgeId: new Uint32Array(u8.buffer, at(4), entryCount),
    lengthM: new Float32Array(u8.buffer, at(5), edgeCount),
    roadClass: new Uint8Array(u8.buffer, at(6), edgeCount),
  };
  validateRoutingGraph(graph);
  return graph;
}

export interface RoutingGraphEdges {
  lon: Float64Array;
  lat: Float64Array;
  /** Per undirected edge: its two end nodes (a may equal b for a self-loop). */
  edgeA: Uint32Array;
  edgeB: Uint32Array;
  lengthM: Float32Array;
  roadClass: Uint8Array;
}

/**
 * CSR graph from an edge list. Edge ids are the input order; within a node's row, entries are in
 * edge-id order (a self-loop contributes two entries to its node). Deterministic.
 */
export function routingGraphFromEdges(input: RoutingGraphEdges): RoutingGraph {
  const nodeCount = input.lon.length;
  const edgeCount = input.edgeA.length;
  if (input.lat.length !== nodeCount) throw new RangeError('lon and lat lengths differ');
  if (input.edgeB.length !== edgeCount || input.lengthM.length !== edgeCount || input.roadClass.length !== edgeCount) {
    throw new RangeError('edge arrays have different lengths');
  }
  const offsets = new Uint32Array(nodeCount + 1);
  for (let k = 0; k < edgeCount; k++) {
    const a = input.edgeA[k] ?? 0;
    const b = input.edgeB[k] ?? 0;
    if (a >= nodeCount || b >= nodeCount) throw new RangeError(`edge ${k} refers to a node outside 0…${nodeCount - 1}`);
    offsets[a + 1] = (offsets[a + 1] ?? 0) + 1;
    offsets[b + 1] = (offsets[b + 1] ?? 0) + 1;
  }
  for (let u = 0; u < nodeCount; u++) offsets[u + 1] = (offsets[u + 1] ?? 0) + (offsets[u] ?? 0);
  const cursor = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(2 * edgeCount);
  const edgeId = new Uint32Array(2 * edgeCount);
  const put = (from: number, to: number, k: number): void => {
    const j = cursor[from] ?? 0;
    targets[j] = to;
    edgeId[j] = k;
    cursor[from] = j + 1;
  };
  for (let k = 0; k < edgeCount; k++) {
    const a = input.edgeA[k] ?? 0;
    const b = input.edgeB[k] ?? 0;
    put(a, b, k);
    put(b, a, k);
  }
  return {
    nodeCount,
    edgeCount,
    lon: input.lon,
    lat: input.lat,
    offsets,
    targets,
    edgeId,
    lengthM: input.lengthM,
    roadClass: input.roadClass,
  };
}

/** The row (origin node) of every directed entry: the inverse of `offsets`. */
export function entryOrigins(graph: RoutingGraph): Uint32Array {
  const from = new Uint32Array(graph.targets.length);
  for (let u = 0; u < graph.nodeCount; u++) from.fill(u, graph.offsets[u] ?? 0, graph.offsets[u + 1] ?? 0);
  return from;
}

/**
 * The two end nodes of every undirected edge, taken from the edge's first CSR entry: `a` is the
 * row it appears in first (the lower node id), `b` the target.
 */
export function edgeEndpoints(graph: RoutingGraph): { a: Uint32Array; b: Uint32Array } {
  const a = new Uint32Array(graph.edgeCount);
  const b = new Uint32Array(graph.edgeCount);
  const done = new Uint8Array(graph.edgeCount);
  for (let u = 0; u < graph.nodeCount; u++) {
    const end = graph.offsets[u + 1] ?? 0;
    for (let j = graph.offsets[u] ?? 0; j < end; j++) {
      const k = graph.edgeId[j] ?? 0;
      if (done[k]) continue;
      done[k] = 1;
      a[k] = u;
      b[k] = graph.targets[j] ?? 0;
    }
  }
  return { a, b };
}
