import { describe, expect, it } from 'vitest';
import { ROAD_CLASSES } from '../../shared/data-contract';
import { DEFAULT_TRAVEL_PROFILES } from '../../shared/travel-profiles';
import { routingGraphFromEdges } from './graph';
import { edgeSeconds, nodesWithFiniteEdge } from './profiles';

const graph = routingGraphFromEdges({
  lon: new Float64Array(6).fill(120),
  lat: new Float64Array(6).fill(28),
  edgeA: Uint32Array.from([0, 1, 2, 3, 4]),
  edgeB: Uint32Array.from([1, 2, 3, 4, 5]),
  lengthM: Float32Array.from([1000, 1000, 1000, 1000, 0]),
  roadClass: Uint8Array.from(ROAD_CLASSES.map((_, i) => i)),
});

describe('edgeSeconds', () => {
  it('divides length by the class speed, per directed entry', () => {
    const drive = edgeSeconds(graph, DEFAULT_TRAVEL_PROFILES.drive);
    expect(drive.length).toBe(10);
    // Node 0's only entry is the 1 km expressway at 90 km/h = 40 s.
    expect(drive[0]).toBeCloseTo(40, 4);
    const perEdge = ROAD_CLASSES.map(
      (c, k) => ((graph.lengthM[k] ?? 0) * 3.6) / (DEFAULT_TRAVEL_PROFILES.drive.speedsKmh[c] ?? 1),
    );
    for (let j = 0; j < drive.length; j++) expect(drive[j]).toBeCloseTo(perEdge[graph.edgeId[j] ?? 0] ?? NaN, 3);
  });

  it('is Infinity where the profile may not use the class (walking on expressways)', () => {
    const walk = edgeSeconds(graph, DEFAULT_TRAVEL_PROFILES.walk);
    for (let j = 0; j < walk.length; j++) {
      if (graph.edgeId[j] === 0) expect(walk[j]).toBe(Infinity);
      else expect(Number.isFinite(walk[j])).toBe(true);
    }
    expect(Array.from(nodesWithFiniteEdge(graph, walk))).toEqual([0, 1, 1, 1, 1, 1]);
  });

  it('rejects speeds that are not positive numbers', () => {
    for (const bad of [0, -5, NaN, Infinity]) {
      const spec = {
        ...DEFAULT_TRAVEL_PROFILES.bike,
        speedsKmh: { ...DEFAULT_TRAVEL_PROFILES.bike.speedsKmh, named: bad },
      };
      expect(() => edgeSeconds(graph, spec)).toThrow(/speed for named/);
    }
  });
});
