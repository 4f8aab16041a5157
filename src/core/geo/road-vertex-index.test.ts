import { describe, expect, it } from 'vitest';
import { seededRandom as prng } from '../util/seeded-random';
import { buildRoadVertexIndex, lineVertices } from './road-vertex-index';

function bruteMetres(flat: number[], lon: number, lat: number): number {
  const kx = Math.cos((28 * Math.PI) / 180);
  let best = Infinity;
  for (let i = 0; i < flat.length; i += 2) {
    best = Math.min(best, Math.hypot(((flat[i] ?? 0) - lon) * kx, (flat[i + 1] ?? 0) - lat) * 111_195);
  }
  return best;
}

describe('buildRoadVertexIndex', () => {
  it('finds the same nearest distance as a brute-force scan', () => {
    const random = prng(7);
    const flat: number[] = [];
    for (let i = 0; i < 5000; i++) flat.push(120.5 + random() * 0.3, 27.9 + random() * 0.3);
    const index = buildRoadVertexIndex(flat);
    expect(index.size).toBe(5000);
    for (let k = 0; k < 200; k++) {
      const lon = 120.45 + random() * 0.4;
      const lat = 27.85 + random() * 0.4;
      const expected = bruteMetres(flat, lon, lat);
      const got = index.nearestMetres(lon, lat, 50_000);
      expect(got).toBeCloseTo(expected, 6);
    }
  });

  it('returns Infinity beyond the search radius and for an empty index', () => {
    const index = buildRoadVertexIndex([120, 28]);
    expect(index.nearestMetres(120.1, 28, 1000)).toBe(Infinity);
    expect(index.nearestMetres(120.001, 28, 1000)).toBeCloseTo(98.2, 0);
    expect(buildRoadVertexIndex([]).nearestMetres(120, 28, 1e6)).toBe(Infinity);
  });

  it('collects vertices of lines and multilines only', () => {
    const flat = lineVertices([
      {
        type: 'LineString',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
      { type: 'MultiLineString', coordinates: [[[5, 6]], [[7, 8]]] },
      { type: 'Point', coordinates: [9, 9] },
      null,
    ]);
    expect([...flat]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
