import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRoadVertexIndex, lineVertices, type RoadVertexIndex } from '../geo/road-vertex-index';
import { fromWgs84, type LonLat } from './convert-crs';
import { suggestCrs } from './suggest-crs';

let roads: RoadVertexIndex;
let onRoad: LonLat[];

beforeAll(() => {
  // The real (WGS-84) road network; tests only, production code gets the vertices passed in.
  const fc = JSON.parse(
    readFileSync(
      new URL('../../../data/geo/sources/roads-wangshanbo/wenzhou_roads_wgs84.geojson', import.meta.url),
      'utf8',
    ),
  ) as FeatureCollection;
  const flat = lineVertices(fc.features.map((f) => f.geometry));
  roads = buildRoadVertexIndex(flat);
  // 300 vertices spread over the whole city, as facilities on streets would be.
  const n = flat.length / 2;
  onRoad = Array.from({ length: 300 }, (_, i) => {
    const k = Math.floor(((i + 0.5) * n) / 300);
    return [flat[2 * k] ?? 0, flat[2 * k + 1] ?? 0] as LonLat;
  });
});

describe('suggestCrs', () => {
  it('finds nothing to suggest for WGS-84 points declared WGS-84', () => {
    const result = suggestCrs(onRoad, roads, 'wgs84');
    expect(result?.best).toBe('wgs84');
    expect(result?.medians.wgs84).toBe(0);
    expect(result?.suggest).toBeNull();
  });

  it('suggests GCJ-02 for GCJ-02-shifted points declared WGS-84', () => {
    const shifted = onRoad.map((p) => fromWgs84(p, 'gcj02'));
    const result = suggestCrs(shifted, roads, 'wgs84');
    expect(result?.suggest).toBe('gcj02');
    expect(result?.medians.gcj02).toBeLessThan(1);
    expect(result?.medians.wgs84).toBeGreaterThan(50);
  });

  it('suggests BD-09 for Baidu points, and WGS-84 for true points declared GCJ-02', () => {
    expect(
      suggestCrs(
        onRoad.map((p) => fromWgs84(p, 'bd09')),
        roads,
        'gcj02',
      )?.suggest,
    ).toBe('bd09');
    expect(suggestCrs(onRoad, roads, 'gcj02')?.suggest).toBe('wgs84');
  });

  it('keeps the chosen system when it is already the best', () => {
    expect(
      suggestCrs(
        onRoad.map((p) => fromWgs84(p, 'gcj02')),
        roads,
        'gcj02',
      )?.suggest,
    ).toBeNull();
  });

  it('declines to judge from too few points or without roads', () => {
    expect(suggestCrs(onRoad.slice(0, 3), roads, 'wgs84')).toBeNull();
    expect(suggestCrs(onRoad, buildRoadVertexIndex([]), 'wgs84')).toBeNull();
  });
});
