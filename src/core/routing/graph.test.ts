import { describe, expect, it } from 'vitest';
import { crc32Update } from './crc32';
import {
  RoutingGraphFormatError,
  decodeRoutingGraph,
  edgeEndpoints,
  encodeRoutingGraph,
  entryOrigins,
  routingGraphFromEdges,
  validateRoutingGraph,
  type RoutingGraph,
} from './graph';
import { prng, randInt, randomGraph } from './test-support';

function plain(g: RoutingGraph): Record<string, unknown> {
  return {
    nodeCount: g.nodeCount,
    edgeCount: g.edgeCount,
    lon: Array.from(g.lon),
    lat: Array.from(g.lat),
    offsets: Array.from(g.offsets),
    targets: Array.from(g.targets),
    edgeId: Array.from(g.edgeId),
    lengthM: Array.from(g.lengthM),
    roadClass: Array.from(g.roadClass),
  };
}

function small(): RoutingGraph {
  return routingGraphFromEdges({
    lon: Float64Array.from([120.1, 120.2, 120.3, 120.4]),
    lat: Float64Array.from([27.1, 27.2, 27.3, 27.4]),
    edgeA: Uint32Array.from([0, 1, 2, 1]),
    edgeB: Uint32Array.from([1, 2, 0, 2]),
    lengthM: Float32Array.from([10, 20.5, 0, 7]),
    roadClass: Uint8Array.from([0, 1, 4, 3]),
  });
}

/** Re-stamps the checksum so a deliberately broken payload gets past the CRC to the structural checks. */
function restamp(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  view.setUint32(36, 0, true);
  view.setUint32(36, crc32Update(0, copy), true);
  return copy;
}

describe('crc32', () => {
  it('is the standard CRC-32', () => {
    expect(crc32Update(0, new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const all = new TextEncoder().encode('123456789');
    expect(crc32Update(crc32Update(0, all.subarray(0, 4)), all.subarray(4))).toBe(0xcbf43926);
  });
});

describe('routingGraphFromEdges', () => {
  it('builds CSR rows in edge-id order with each edge in both directions', () => {
    const g = small();
    expect(Array.from(g.offsets)).toEqual([0, 2, 5, 8, 8]);
    expect(Array.from(g.targets)).toEqual([1, 2, 0, 2, 2, 1, 0, 1]);
    expect(Array.from(g.edgeId)).toEqual([0, 2, 0, 1, 3, 1, 2, 3]);
    expect(Array.from(entryOrigins(g))).toEqual([0, 0, 1, 1, 1, 2, 2, 2]);
    const { a, b } = edgeEndpoints(g);
    expect(Array.from(a)).toEqual([0, 1, 0, 1]);
    expect(Array.from(b)).toEqual([1, 2, 2, 2]);
    expect(() => validateRoutingGraph(g)).not.toThrow();
  });

  it('rejects edges to unknown nodes', () => {
    expect(() =>
      routingGraphFromEdges({
        lon: new Float64Array(1),
        lat: new Float64Array(1),
        edgeA: Uint32Array.from([0]),
        edgeB: Uint32Array.from([1]),
        lengthM: new Float32Array(1),
        roadClass: new Uint8Array(1),
      }),
    ).toThrow(/outside/);
  });
});

describe('encodeRoutingGraph / decodeRoutingGraph', () => {
  it('round-trips random graphs, including empty and edgeless ones', () => {
    const rand = prng(7);
    const graphs = [
      routingGraphFromEdges({
        lon: new Float64Array(0),
        lat: new Float64Array(0),
        edgeA: new Uint32Array(0),
        edgeB: new Uint32Array(0),
        lengthM: new Float32Array(0),
        roadClass: new Uint8Array(0),
      }),
      randomGraph(rand, { nodes: 3, edges: 0, weights: 'int' }),
      ...Array.from({ length: 30 }, () =>
        randomGraph(rand, { nodes: randInt(rand, 2, 60), edges: randInt(rand, 0, 120), weights: 'float' }),
      ),
    ];
    for (const g of graphs) {
      const bytes = encodeRoutingGraph(g);
      expect(bytes.byteLength % 8).toBe(0);
      expect(plain(decodeRoutingGraph(bytes))).toEqual(plain(g));
      expect(plain(decodeRoutingGraph(bytes.slice().buffer))).toEqual(plain(g));
      // Deterministic bytes.
      expect(encodeRoutingGraph(decodeRoutingGraph(bytes))).toEqual(bytes);
    }
  });

  it('accepts a Uint8Array that starts at an unaligned offset', () => {
    const bytes = encodeRoutingGraph(small());
    const host = new Uint8Array(bytes.length + 3);
    host.set(bytes, 3);
    expect(plain(decodeRoutingGraph(host.subarray(3)))).toEqual(plain(small()));
  });

  it('rejects every truncation and trailing garbage', () => {
    const bytes = encodeRoutingGraph(small());
    for (let len = 0; len < bytes.length; len++) {
      expect(() => decodeRoutingGraph(bytes.subarray(0, len))).toThrow(RoutingGraphFormatError);
    }
    const longer = new Uint8Array(bytes.length + 8);
    longer.set(bytes);
    expect(() => decodeRoutingGraph(longer)).toThrow(/header says \d+ bytes but got/);
  });

  it('rejects a flipped bit anywhere in the file', () => {
    const bytes = encodeRoutingGraph(small());
    const rand = prng(3);
    for (let i = 0; i < bytes.length; i++) {
      const bad = bytes.slice();
      bad[i] = (bad[i] ?? 0) ^ (1 << randInt(rand, 0, 7));
      expect(() => decodeRoutingGraph(bad), `byte ${i}`).toThrow(RoutingGraphFormatError);
    }
  });

  it('names the problem: magic, version, checksum', () => {
    const bytes = encodeRoutingGraph(small());
    const magic = bytes.slice();
    magic[0] = 0x58;
    expect(() => decodeRoutingGraph(magic)).toThrow(/not a routing graph/);
    const version = bytes.slice();
    new DataView(version.buffer).setUint32(8, 2, true);
    expect(() => decodeRoutingGraph(version)).toThrow(/unsupported version 2/);
    const payload = bytes.slice();
    payload[payload.length - 1] = 9;
    expect(() => decodeRoutingGraph(payload)).toThrow(/checksum mismatch/);
  });

  it('checks the structure even when the checksum matches', () => {
    const g = small();
    const bytes = encodeRoutingGraph(g);
    const view = new DataView(bytes.buffer);
    const section = (i: number): number => view.getUint32(40 + 8 * i, true);
    const cases: [string, (b: DataView) => void, RegExp][] = [
      ['target out of range', (b) => b.setUint32(section(3), 9, true), /points to node 9/],
      ['non-reciprocal entry', (b) => b.setUint32(section(3), 3, true), /not reciprocal/],
      ['edge id out of range', (b) => b.setUint32(section(4), 4, true), /edge id 4/],
      ['decreasing offsets', (b) => b.setUint32(section(2) + 4, 9, true), /offsets decrease/],
      ['NaN length', (b) => b.setFloat32(section(5), NaN, true), /invalid length/],
      ['negative length', (b) => b.setFloat32(section(5), -1, true), /invalid length/],
      ['unknown class', (b) => b.setUint8(section(6), 5), /unknown road class 5/],
      ['bad latitude', (b) => b.setFloat64(section(1), 95, true), /invalid coordinates/],
      ['moved section', (b) => b.setUint32(40, 104, true), /section lon at 104/],
      ['edge count', (b) => b.setUint32(20, 5, true), /entry count 8 is not twice/],
    ];
    for (const [name, mutate, message] of cases) {
      const bad = bytes.slice();
      mutate(new DataView(bad.buffer));
      expect(() => decodeRoutingGraph(restamp(bad)), name).toThrow(message);
    }
  });

  it('refuses to encode an invalid graph', () => {
    const g = small();
    expect(() => encodeRoutingGraph({ ...g, lengthM: Float32Array.from([1, 2, Infinity, 3]) })).toThrow(/edge 2/);
    expect(() => encodeRoutingGraph({ ...g, lat: new Float64Array(3) })).toThrow(/lat has 3 items/);
  });
});
