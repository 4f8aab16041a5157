import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Feature } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { ROAD_CLASSES } from '../../src/shared/data-contract';
import { decodeRoutingGraph, edgeEndpoints } from '../../src/core/routing/graph';
import { ROUTING_GRAPH_FILE, ROUTING_GRAPH_INFO_FILE, buildGraphFromRoads, buildRoutingGraph } from './graph-build';
import { greatCircleM } from '../../src/core/equity/geo';
import { DEFAULT_OUT_DIR } from './paths';

function line(name: string, coords: [number, number][]): Feature {
  return { type: 'Feature', properties: { name }, geometry: { type: 'LineString', coordinates: coords } };
}

/** Edges as sorted "lon,lat|lon,lat" strings, independent of node numbering. */
function edgeSet(features: Feature[], densifyM = 0): string[] {
  const { graph } = buildGraphFromRoads(features, densifyM);
  const { a, b } = edgeEndpoints(graph);
  const at = (u: number): string => `${graph.lon[u]},${graph.lat[u]}`;
  return Array.from(a, (u, k) => [at(u), at(b[k] ?? 0)].sort().join('|')).sort();
}

describe('buildGraphFromRoads', () => {
  it('splits a line where another road meets one of its interior vertices', () => {
    const edges = edgeSet([
      line('Unnamed Road', [
        [120, 28],
        [120.001, 28],
        [120.002, 28],
      ]),
      line('Unnamed Road', [
        [120.001, 28],
        [120.001, 28.001],
      ]),
    ]);
    expect(edges).toEqual(['120,28|120.001,28', '120.001,28|120.001,28.001', '120.001,28|120.002,28']);
  });

  it('splits where two lines share an interior vertex (a crossing both pass through) and at revisits', () => {
    const { graph, stats } = buildGraphFromRoads(
      [
        line('甲路', [
          [120, 28],
          [120.001, 28],
          [120.002, 28],
        ]),
        line('乙路', [
          [120.001, 27.999],
          [120.001, 28],
          [120.001, 28.001],
        ]),
        // The line passes 120.01,28 twice: its tail must hang off that vertex, and the loop between
        // the two visits (no other junction on it) is dropped.
        line('Unnamed Road', [
          [120.009, 28],
          [120.01, 28],
          [120.011, 28],
          [120.011, 28.001],
          [120.01, 28],
          [120.01, 27.999],
        ]),
      ],
      0,
    );
    expect(graph.nodeCount).toBe(5 + 3);
    expect(graph.edgeCount).toBe(4 + 2);
    expect(stats.junctionNodes).toBe(8);
    expect(stats.loopsDropped).toBe(1);
  });

  it('drops closed loops that meet nothing else and skips non-lines', () => {
    const ring = line('环岛', [
      [120, 28],
      [120.001, 28],
      [120.001, 28.001],
      [120, 28],
    ]);
    const point: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [120, 28] } };
    const { graph, stats } = buildGraphFromRoads([ring, point], 0);
    expect(graph.nodeCount).toBe(0);
    expect(stats).toMatchObject({ features: 2, lines: 1, skipped: 1, loopsDropped: 1 });
  });

  it('reads MultiLineStrings part by part', () => {
    const multi: Feature = {
      type: 'Feature',
      properties: { name: 'G104' },
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [120, 28],
            [120.001, 28],
          ],
          [
            [120.001, 28],
            [120.002, 28],
          ],
        ],
      },
    };
    const { graph, stats } = buildGraphFromRoads([multi], 0);
    expect(stats.lines).toBe(2);
    expect(graph.edgeCount).toBe(2);
    expect(Array.from(graph.roadClass)).toEqual([1, 1]);
  });

  it('measures haversine length along the polyline and classifies by name', () => {
    const coords: [number, number][] = [
      [120.6, 28],
      [120.61, 28.005],
      [120.62, 28],
    ];
    const names = ['沈海高速', 'G104', 'S230', '学院路', 'Unnamed Road'];
    const { graph } = buildGraphFromRoads(
      names.map((n, i) =>
        line(
          n,
          coords.map(([x, y]) => [x, y + i * 0.1]),
        ),
      ),
      0,
    );
    expect(Array.from(graph.roadClass, (c) => ROAD_CLASSES[c])).toEqual([
      'expressway',
      'arterial',
      'provincial',
      'named',
      'unnamed',
    ]);
    const want = greatCircleM(120.6, 28, 120.61, 28.005) + greatCircleM(120.61, 28.005, 120.62, 28);
    expect(graph.lengthM[0]).toBeCloseTo(want, 2);
    expect(greatCircleM(120, 28, 120, 29)).toBeCloseTo(111_195, 0);
  });

  it('adds degree-2 nodes at existing vertices so ordinary roads have no piece much over densifyM', () => {
    // 2.0 km straight road with a vertex every 0.001° of latitude (≈ 111 m).
    const coords: [number, number][] = Array.from({ length: 19 }, (_, i) => [120, 28 + i * 0.001]);
    const ordinary = buildGraphFromRoads([line('Unnamed Road', coords)], 500);
    expect(ordinary.graph.edgeCount).toBe(5);
    expect(ordinary.stats.densifyNodes).toBe(4);
    const lengths = Array.from(ordinary.graph.lengthM);
    expect(Math.max(...lengths)).toBeLessThan(450);
    expect(lengths.reduce((s, l) => s + l, 0)).toBeCloseTo(18 * greatCircleM(120, 28, 120, 28.001), 1);
    // Expressways are never cut between junctions.
    expect(buildGraphFromRoads([line('沈海高速', coords)], 500).graph.edgeCount).toBe(1);
    // A single long segment cannot be cut (no vertex to cut at).
    expect(
      buildGraphFromRoads(
        [
          line('Unnamed Road', [
            [120, 28],
            [120, 28.02],
          ]),
        ],
        500,
      ).graph.edgeCount,
    ).toBe(1);
  });

  it('numbers nodes deterministically, independent of nothing but the input', () => {
    const features = Array.from({ length: 30 }, (_, i) =>
      line(i % 3 === 0 ? 'Unnamed Road' : '某路', [
        [120 + (i % 6) * 0.003, 28 + Math.floor(i / 6) * 0.003],
        [120 + ((i + 1) % 6) * 0.003, 28 + Math.floor((i + 1) / 6) * 0.003],
      ]),
    );
    const one = buildGraphFromRoads(features);
    const two = buildGraphFromRoads(features);
    expect(Array.from(two.graph.targets)).toEqual(Array.from(one.graph.targets));
    expect(Array.from(two.graph.lon)).toEqual(Array.from(one.graph.lon));
  });
});

describe('buildRoutingGraph (pipeline step)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reads <outDir>/sources and writes the binary graph and its json', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'outu-graph-'));
    dirs.push(outDir);
    const src = join(outDir, 'sources/roads-wangshanbo/wenzhou_roads_wgs84.geojson');
    mkdirSync(dirname(src), { recursive: true });
    const fc = {
      type: 'FeatureCollection',
      features: [
        line('沈海高速', [
          [120, 28],
          [120.01, 28],
        ]),
        line('Unnamed Road', [
          [120.01, 28],
          [120.01, 28.01],
        ]),
        line('Unnamed Road', [
          [121, 28],
          [121.001, 28],
        ]),
      ],
    };
    writeFileSync(src, JSON.stringify(fc));
    const written = new Map<string, string | Uint8Array>();
    const report = buildRoutingGraph(outDir, (path, data) => written.set(path, data));
    expect([...written.keys()]).toEqual([ROUTING_GRAPH_FILE, ROUTING_GRAPH_INFO_FILE]);
    const bytes = written.get(ROUTING_GRAPH_FILE) as Uint8Array;
    const graph = decodeRoutingGraph(bytes);
    expect(graph.nodeCount).toBe(5);
    const info = JSON.parse(written.get(ROUTING_GRAPH_INFO_FILE) as string) as typeof report.info;
    expect(info.bytes).toBe(bytes.byteLength);
    expect(info.nodeCount).toBe(5);
    expect(info.components.all).toMatchObject({ count: 2, largestNodes: 3, nodesOutsideLargest: 2 });
    // Walking may not use the expressway: its west end is left without a usable edge.
    expect(info.components.walk).toMatchObject({ count: 3, largestNodes: 2, nodesWithoutUsableEdge: 1 });
    expect(report.outputs.map((o) => o.path)).toEqual([ROUTING_GRAPH_FILE, ROUTING_GRAPH_INFO_FILE]);
    // Same input, same bytes.
    const again = new Map<string, string | Uint8Array>();
    buildRoutingGraph(outDir, (path, data) => again.set(path, data));
    expect(again).toEqual(written);
  });

  it('the committed data/geo/graph files are what the build makes from data/geo/sources', () => {
    const written = new Map<string, string | Uint8Array>();
    buildRoutingGraph(DEFAULT_OUT_DIR, (path, data) => written.set(path, data));
    const bin = readFileSync(join(DEFAULT_OUT_DIR, ROUTING_GRAPH_FILE));
    expect(Buffer.from(written.get(ROUTING_GRAPH_FILE) as Uint8Array).equals(bin)).toBe(true);
    expect(readFileSync(join(DEFAULT_OUT_DIR, ROUTING_GRAPH_INFO_FILE), 'utf8')).toBe(
      written.get(ROUTING_GRAPH_INFO_FILE),
    );
  });
});
