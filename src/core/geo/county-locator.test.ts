import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { COUNTIES } from '../../shared/counties';
import { createCountyLocator } from './county-locator';

// Tests run in Node; production core code never reads files.
const counties = JSON.parse(
  readFileSync(new URL('../../../data/geo/counties.geojson', import.meta.url), 'utf8'),
) as FeatureCollection;
const locate = createCountyLocator(counties);

describe('createCountyLocator', () => {
  it('puts every county seat in its own county', () => {
    for (const feature of counties.features) {
      const [lon, lat] = feature.properties?.['center'] as [number, number];
      expect(locate(lon, lat)).toEqual({ adcode: feature.properties?.['adcode'], how: 'inside', distanceM: 0 });
    }
    expect(counties.features).toHaveLength(COUNTIES.length);
  });

  it('snaps a point just off the coast to the nearest county within 2 km, and not further', () => {
    // Walk east from the 洞头 seat into the East China Sea: inside, then snapped, then nothing.
    const lat = 27.839133;
    let lon = 121.151892;
    let last = locate(lon, lat);
    const seen = new Set<string>();
    while (last && lon < 122) {
      seen.add(last.how);
      lon += 0.0005;
      const next = locate(lon, lat);
      if (!next) break;
      last = next;
    }
    expect(seen).toEqual(new Set(['inside', 'nearest']));
    expect(last).toMatchObject({ adcode: 330305, how: 'nearest' });
    // The last snapped point is at most one step (~50 m) short of the 2 km limit.
    expect(last?.distanceM).toBeGreaterThan(1900);
    expect(last?.distanceM).toBeLessThanOrEqual(2000);
    expect(locate(lon, lat)).toBeNull();
  });

  it('handles Polygon features, holes and features without adcode', () => {
    const square = (x0: number, y0: number, size: number): number[][] => [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ];
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { adcode: 1 },
          geometry: { type: 'Polygon', coordinates: [square(0, 0, 1), square(0.4, 0.4, 0.2)] },
        },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(5, 5, 1)] } },
      ],
    };
    const small = createCountyLocator(fc, 100);
    expect(small(0.1, 0.1)?.adcode).toBe(1);
    // Inside the hole, 0.1° ≈ 11 km from its edge: neither inside nor within 100 m.
    expect(small(0.5, 0.5)).toBeNull();
    expect(small(5.5, 5.5)).toBeNull();
  });
});
