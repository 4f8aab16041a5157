import { describe, expect, it } from 'vitest';
import { routingGraphFromEdges, type RoutingGraph } from './graph';
import { buildNodeIndex, projectMetres } from './nearest-node';
import { prng } from './test-support';

function pointsGraph(lon: number[], lat: number[]): RoutingGraph {
  return routingGraphFromEdges({
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    edgeA: new Uint32Array(0),
    edgeB: new Uint32Array(0),
    lengthM: new Float32Array(0),
    roadClass: new Uint8Array(0),
  });
}

function bruteForce(graph: RoutingGraph, lon: number, lat: number, usable: (u: number) => boolean) {
  const [qx, qy] = projectMetres(lon, lat);
  let best: { node: number; distanceM: number } | null = null;
  for (let u = 0; u < graph.nodeCount; u++) {
    if (!usable(u)) continue;
    const [x, y] = projectMetres(graph.lon[u] ?? 0, graph.lat[u] ?? 0);
    const d = Math.sqrt((x - qx) ** 2 + (y - qy) ** 2);
    if (!best || d < best.distanceM) best = { node: u, distanceM: d };
  }
  return best;
}

describe('buildNodeIndex', () => {
  it('finds the exact nearest usable node, near and far from the data', () => {
    const rand = prng(5);
    for (let trial = 0; trial < 20; trial++) {
      const n = 1 + Math.floor(rand() * 3000);
      // Clustered points (a town) plus scattered ones, some duplicated.
      const lon: number[] = [];
      const lat: number[] = [];
      for (let i = 0; i < n; i++) {
        if (i > 0 && rand() < 0.05) {
          lon.push(lon[i - 1] ?? 0);
          lat.push(lat[i - 1] ?? 0);
        } else if (rand() < 0.7) {
          lon.push(120.6 + rand() * 0.05);
          lat.push(28 + rand() * 0.05);
        } else {
          lon.push(119.6 + rand() * 1.6);
          lat.push(27.1 + rand() * 1.5);
        }
      }
      const graph = pointsGraph(lon, lat);
      const mask = Array.from({ length: n }, () => rand() < 0.7);
      const usable = trial % 2 === 0 ? () => true : (u: number) => mask[u] === true;
      const index = buildNodeIndex(graph, trial % 2 === 0 ? undefined : usable);
      for (let q = 0; q < 100; q++) {
        const qlon = 119 + rand() * 3;
        const qlat = 26.5 + rand() * 2.5;
        const want = bruteForce(graph, qlon, qlat, usable);
        const got = index.nearest(qlon, qlat);
        expect(got?.node).toBe(want?.node);
        if (want && got) expect(got.distanceM).toBeCloseTo(want.distanceM, 6);
      }
    }
  });

  it('breaks ties by the lower node id and honours maxDistanceM', () => {
    const graph = pointsGraph([120.001, 120, 120, 120.002], [28, 28, 28, 28]);
    const index = buildNodeIndex(graph);
    expect(index.nearest(120, 28)).toEqual({ node: 1, distanceM: 0 });
    // 0.001° of longitude at 27.9°N ≈ 98.3 m.
    const r = index.nearest(120.001, 28.0001, 50);
    expect(r?.node).toBe(0);
    expect(r?.distanceM).toBeCloseTo(11.12, 1);
    expect(index.nearest(120.01, 28, 500)).toBeNull();
    expect(index.nearest(120.01, 28, 800)?.node).toBe(3);
  });

  it('returns null with no usable node or a non-finite query', () => {
    const graph = pointsGraph([120], [28]);
    expect(buildNodeIndex(graph, () => false).nearest(120, 28)).toBeNull();
    expect(buildNodeIndex(graph, () => false).size).toBe(0);
    expect(buildNodeIndex(graph).nearest(NaN, 28)).toBeNull();
  });
});
