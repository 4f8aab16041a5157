import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { COUNTIES } from '../../src/shared/counties';
import { buildCountyOutputs } from './counties-build';

function square(x: number, y: number): [number, number][][][] {
  return [
    [
      [
        [x, y],
        [x + 0.1, y],
        [x + 0.1, y + 0.1],
        [x, y + 0.1],
        [x, y],
      ],
    ],
  ];
}

function countyFeature(adcode: number, name: string, i: number): Feature {
  return {
    type: 'Feature',
    properties: { adcode, name, level: 'district', center: [120.1234567 + i, 28.0000004], centroid: [0, 0] },
    geometry: { type: 'MultiPolygon', coordinates: square(120 + i * 0.1234567891, 27.5) },
  };
}

function fc(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

const outline = fc([
  {
    type: 'Feature',
    properties: { adcode: 330300, name: '温州市' },
    geometry: { type: 'MultiPolygon', coordinates: square(119.62081234, 27.0447) },
  },
]);

// Reverse the source order so the test proves output order comes from counties.ts.
const allCounties = COUNTIES.map((c, i) => countyFeature(c.adcode, c.name, i)).reverse();

describe('buildCountyOutputs', () => {
  it('joins all 12 counties with counties.ts, in counties.ts order, with exactly the contract props', () => {
    const out = buildCountyOutputs(fc(allCounties), outline);
    expect(out.counties.map((f) => f.properties.adcode)).toEqual(COUNTIES.map((c) => c.adcode));
    const first = out.counties[0];
    expect(Object.keys(first?.properties ?? {})).toEqual(['adcode', 'name', 'nameEn', 'mountain', 'center']);
    expect(first?.properties).toEqual({
      adcode: 330302,
      name: '鹿城区',
      nameEn: 'Lucheng',
      mountain: false,
      center: [120.123457, 28],
    });
    expect(out.counties.filter((f) => f.properties.mountain)).toHaveLength(5);
  });

  it('rounds coordinates to 6 decimals', () => {
    const out = buildCountyOutputs(fc(allCounties), outline);
    const text = JSON.stringify(out.counties) + JSON.stringify(out.outline);
    for (const m of text.match(/\d+\.\d+/g) ?? []) expect(m.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
    expect(out.cityBounds[0]).toBe(119.620812);
  });

  it('puts each label at its county seat with the same props', () => {
    const out = buildCountyOutputs(fc(allCounties), outline);
    expect(out.labels).toHaveLength(12);
    for (const [i, label] of out.labels.entries()) {
      expect(label.geometry.coordinates).toEqual(label.properties.center);
      expect(label.properties).toEqual(out.counties[i]?.properties);
    }
  });

  it('fails loudly on a missing county', () => {
    expect(() =>
      buildCountyOutputs(fc(allCounties.filter((f) => f.properties?.['adcode'] !== 330383)), outline),
    ).toThrow(/lacks: 330383 龙港市/);
  });

  it('fails loudly on an extra or duplicated county', () => {
    expect(() => buildCountyOutputs(fc([...allCounties, countyFeature(330300, '温州市', 0)]), outline)).toThrow(
      /unexpected/,
    );
    const dup = allCounties[0];
    expect(() => buildCountyOutputs(fc(dup ? [...allCounties, dup] : []), outline)).toThrow(/twice/);
  });

  it('fails on a name that disagrees with counties.ts', () => {
    const renamed = allCounties.map((f) =>
      f.properties?.['adcode'] === 330327 ? { ...f, properties: { ...f.properties, name: '苍南' } } : f,
    );
    expect(() => buildCountyOutputs(fc(renamed), outline)).toThrow(/330327/);
  });
});
