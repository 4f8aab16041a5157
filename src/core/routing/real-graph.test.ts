import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROAD_CLASSES } from '../../shared/data-contract';
import { TRAVEL_PROFILES } from '../../shared/coverage';
import { DEFAULT_TRAVEL_PROFILES } from '../../shared/travel-profiles';
import { connectedComponents } from './components';
import { ROUTING_GRAPH_FILE, ROUTING_GRAPH_INFO_FILE, decodeRoutingGraph, entryOrigins } from './graph';
import { multiSourceSearch } from './multi-source';
import { buildNodeIndex } from './nearest-node';
import { edgeSeconds, nodesWithFiniteEdge } from './profiles';

// Tests run in Node; production core code never reads files.
const dataUrl = (path: string): URL => new URL(`../../../data/geo/${path}`, import.meta.url);
const graph = decodeRoutingGraph(readFileSync(dataUrl(ROUTING_GRAPH_FILE)));
const info = JSON.parse(readFileSync(dataUrl(ROUTING_GRAPH_INFO_FILE), 'utf8')) as {
  bytes: number;
  nodeCount: number;
  edgeCount: number;
  components: Record<
    string,
    { count: number; largestNodes: number; nodesOutsideLargest: number; nodesWithoutUsableEdge: number }
  >;
};

const LUCHENG: [number, number] = [120.670228, 28.006689];
const TAISHUN: [number, number] = [119.711571, 27.560536];
const EXPRESSWAY = ROAD_CLASSES.indexOf('expressway');

function snap(seconds: Float32Array, [lon, lat]: [number, number]): number {
  const usable = nodesWithFiniteEdge(graph, seconds);
  const hit = buildNodeIndex(graph, (u) => usable[u] === 1).nearest(lon, lat);
  if (!hit) throw new Error('no node');
  expect(hit.distanceM).toBeLessThan(300);
  return hit.node;
}

describe('the built routing graph (data/geo/graph)', () => {
  it('decodes and matches its json', () => {
    expect(readFileSync(dataUrl(ROUTING_GRAPH_FILE)).byteLength).toBe(info.bytes);
    expect(graph.nodeCount).toBe(info.nodeCount);
    expect(graph.edgeCount).toBe(info.edgeCount);
    for (const profile of TRAVEL_PROFILES) {
      const seconds = edgeSeconds(graph, DEFAULT_TRAVEL_PROFILES[profile]);
      const { sizes, main } = connectedComponents(graph, seconds);
      const usable = nodesWithFiniteEdge(graph, seconds);
      expect({
        count: sizes.length,
        largestNodes: sizes[main],
        nodesOutsideLargest: graph.nodeCount - (sizes[main] ?? 0),
        nodesWithoutUsableEdge: usable.reduce((n, u) => n + (u ? 0 : 1), 0),
      }).toEqual({
        count: info.components[profile]?.count,
        largestNodes: info.components[profile]?.largestNodes,
        nodesOutsideLargest: info.components[profile]?.nodesOutsideLargest,
        nodesWithoutUsableEdge: info.components[profile]?.nodesWithoutUsableEdge,
      });
    }
  });

  it('drives from the 鹿城 seat to the 泰顺 seat in a plausible 1–4 h', () => {
    const seconds = edgeSeconds(graph, DEFAULT_TRAVEL_PROFILES.drive);
    const from = snap(seconds, LUCHENG);
    const to = snap(seconds, TAISHUN);
    const r = multiSourceSearch(graph, seconds, [{ node: from, seconds: 0, source: 0 }], { maxSeconds: 5 * 3600 });
    const hours = (r.bestSeconds[to] ?? Infinity) / 3600;
    expect(hours).toBeGreaterThan(1);
    expect(hours).toBeLessThan(4);
  });

  it('walks without expressway edges', () => {
    const seconds = edgeSeconds(graph, DEFAULT_TRAVEL_PROFILES.walk);
    let blockedMismatch = 0;
    for (let j = 0; j < seconds.length; j++) {
      if ((seconds[j] === Infinity) !== (graph.roadClass[graph.edgeId[j] ?? 0] === EXPRESSWAY)) blockedMismatch++;
    }
    expect(blockedMismatch).toBe(0);
    const from = snap(seconds, LUCHENG);
    const r = multiSourceSearch(graph, seconds, [{ node: from, seconds: 0, source: 0 }], { maxSeconds: 3 * 3600 });
    // Every reached node other than the start has a tight non-expressway predecessor edge, so
    // its walking time is realised by a path without expressways …
    const tight = new Uint8Array(graph.nodeCount);
    const origin = entryOrigins(graph);
    for (let j = 0; j < graph.targets.length; j++) {
      const u = origin[j] ?? 0;
      const v = graph.targets[j] ?? 0;
      if (
        (seconds[j] ?? Infinity) < Infinity &&
        (r.bestSeconds[u] ?? Infinity) + (seconds[j] ?? 0) === r.bestSeconds[v]
      ) {
        tight[v] = 1;
      }
    }
    let reached = 0;
    let untight = 0;
    for (let v = 0; v < graph.nodeCount; v++) {
      if (!((r.bestSeconds[v] ?? Infinity) < Infinity)) continue;
      reached++;
      if (v !== from && !tight[v]) untight++;
    }
    expect(reached).toBeGreaterThan(1000);
    expect(untight).toBe(0);
    // … and nodes served only by expressways are never reached on foot.
    const usable = nodesWithFiniteEdge(graph, seconds);
    let expresswayOnlyReached = 0;
    for (let v = 0; v < graph.nodeCount; v++) if (!usable[v] && r.bestSeconds[v] !== Infinity) expresswayOnlyReached++;
    expect(expresswayOnlyReached).toBe(0);
    // Driving the same 3 h reaches further than walking (expressways included).
    const drive = multiSourceSearch(
      graph,
      edgeSeconds(graph, DEFAULT_TRAVEL_PROFILES.drive),
      [{ node: from, seconds: 0, source: 0 }],
      {
        maxSeconds: 3 * 3600,
      },
    );
    expect(drive.settled).toBeGreaterThan(r.settled);
  });
});
