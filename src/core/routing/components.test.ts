import { describe, expect, it } from 'vitest';
import { connectedComponents } from './components';
import { routingGraphFromEdges, type RoutingGraph } from './graph';
import { prng, randInt, randomGraph, secondsWithBlockedClass } from './test-support';

/** Reference: flood fill from each lowest unlabelled node over finite entries in either direction. */
function reference(graph: RoutingGraph, seconds: Float32Array): number[] {
  const adj: number[][] = Array.from({ length: graph.nodeCount }, () => []);
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let j = graph.offsets[u] ?? 0; j < (graph.offsets[u + 1] ?? 0); j++) {
      if ((seconds[j] ?? Infinity) === Infinity) continue;
      const v = graph.targets[j] ?? 0;
      adj[u]?.push(v);
      adj[v]?.push(u);
    }
  }
  const label = new Array<number>(graph.nodeCount).fill(-1);
  let next = 0;
  for (let s = 0; s < graph.nodeCount; s++) {
    if (label[s] !== -1) continue;
    const stack = [s];
    label[s] = next;
    while (stack.length > 0) {
      const u = stack.pop() ?? 0;
      for (const v of adj[u] ?? []) {
        if (label[v] === -1) {
          label[v] = next;
          stack.push(v);
        }
      }
    }
    next++;
  }
  return label;
}

describe('connectedComponents', () => {
  it('matches a flood fill on random graphs with blocked classes', () => {
    const rand = prng(11);
    for (let trial = 0; trial < 200; trial++) {
      const nodes = randInt(rand, 1, 50);
      const graph = randomGraph(rand, { nodes, edges: randInt(rand, 0, 60), weights: 'int' });
      const seconds = secondsWithBlockedClass(graph, randInt(rand, -1, 4));
      const got = connectedComponents(graph, seconds);
      const want = reference(graph, seconds);
      expect(Array.from(got.component)).toEqual(want);
      const sizes = new Array<number>(Math.max(...want) + 1).fill(0);
      for (const c of want) sizes[c] = (sizes[c] ?? 0) + 1;
      expect(got.sizes).toEqual(sizes);
      expect(got.main).toBe(sizes.indexOf(Math.max(...sizes)));
    }
  });

  it('picks the lower-numbered of two equally large components as main, -1 when empty', () => {
    const graph = routingGraphFromEdges({
      lon: new Float64Array(4).fill(120),
      lat: new Float64Array(4).fill(28),
      edgeA: Uint32Array.from([2, 0]),
      edgeB: Uint32Array.from([3, 1]),
      lengthM: Float32Array.from([1, 1]),
      roadClass: new Uint8Array(2),
    });
    const r = connectedComponents(
      graph,
      Float32Array.from(graph.edgeId, () => 1),
    );
    expect(Array.from(r.component)).toEqual([0, 0, 1, 1]);
    expect(r.main).toBe(0);
    const empty = routingGraphFromEdges({
      lon: new Float64Array(0),
      lat: new Float64Array(0),
      edgeA: new Uint32Array(0),
      edgeB: new Uint32Array(0),
      lengthM: new Float32Array(0),
      roadClass: new Uint8Array(0),
    });
    expect(connectedComponents(empty, new Float32Array(0))).toEqual({
      component: new Uint32Array(0),
      sizes: [],
      main: -1,
    });
  });
});
