/** Connected components of the graph restricted to the entries a profile can use. */
import type { RoutingGraph } from './graph';

export interface Components {
  /** Component index of every node (0 … sizes.length-1), numbered by each component's lowest node id. */
  component: Uint32Array;
  /** Node count of each component. */
  sizes: number[];
  /** Index of the largest component (the lowest index among equally large ones); -1 for an empty graph. */
  main: number;
}

/**
 * Components over entries with a finite `seconds` value (an entry usable in either direction
 * joins its two nodes, i.e. weak connectivity). A node without a finite entry is a component
 * of its own.
 */
export function connectedComponents(graph: RoutingGraph, seconds: Float32Array): Components {
  const n = graph.nodeCount;
  if (seconds.length !== graph.targets.length) {
    throw new RangeError(`seconds has ${seconds.length} entries, the graph ${graph.targets.length}`);
  }
  const parent = new Uint32Array(n);
  for (let u = 0; u < n; u++) parent[u] = u;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] ?? r;
    while (parent[x] !== r) {
      const next = parent[x] ?? r;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  for (let u = 0; u < n; u++) {
    const end = graph.offsets[u + 1] ?? 0;
    for (let j = graph.offsets[u] ?? 0; j < end; j++) {
      if (!((seconds[j] ?? Infinity) < Infinity)) continue;
      const a = find(u);
      const b = find(graph.targets[j] ?? u);
      // Lower id becomes the root so roots are each component's lowest node.
      if (a < b) parent[b] = a;
      else if (b < a) parent[a] = b;
    }
  }
  const component = new Uint32Array(n);
  const sizes: number[] = [];
  const indexOfRoot = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const r = find(u);
    let c = indexOfRoot[r] ?? -1;
    if (c < 0) {
      c = sizes.length;
      indexOfRoot[r] = c;
      sizes.push(0);
    }
    component[u] = c;
    sizes[c] = (sizes[c] ?? 0) + 1;
  }
  let main = -1;
  sizes.forEach((size, c) => {
    if (main < 0 || size > (sizes[main] ?? 0)) main = c;
  });
  return { component, sizes, main };
}
