import { describe, expect, it } from 'vitest';
import { readGeoJson } from './geojson-read';

describe('readGeoJson', () => {
  it('reads a FeatureCollection and reports its bounding box', () => {
    const result = readGeoJson(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: '甲' }, geometry: { type: 'Point', coordinates: [120.65, 28.01] } },
          {
            type: 'Feature',
            properties: null,
            geometry: {
              type: 'LineString',
              coordinates: [
                [120.6, 27.9],
                [120.7, 28.1],
              ],
            },
          },
          { type: 'Feature', properties: {}, geometry: null },
        ],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.collection.features).toHaveLength(2);
    expect(result.collection.features[1]?.properties).toEqual({});
    expect(result.bbox).toEqual([120.6, 27.9, 120.7, 28.1]);
  });

  it('accepts a single Feature, a bare geometry and a UTF-8 BOM', () => {
    expect(readGeoJson('\uFEFF{"type":"Point","coordinates":[120,28]}').ok).toBe(true);
    expect(
      readGeoJson('{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[120,28]}}').ok,
    ).toBe(true);
  });

  it('explains what is wrong with bad input', () => {
    expect(readGeoJson('{"type":')).toMatchObject({ ok: false, error: { code: 'not-json' } });
    expect(readGeoJson('{"type":"Topology"}')).toMatchObject({ ok: false, error: { code: 'not-geojson' } });
    expect(readGeoJson('{"type":"FeatureCollection","features":[]}')).toMatchObject({
      ok: false,
      error: { code: 'no-features' },
    });
    // Projected metres (CGCS2000 / 3-degree Gauss-Kruger) must not be drawn as degrees.
    expect(
      readGeoJson(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[40512345.1,3101234.5]}}]}',
      ),
    ).toMatchObject({ ok: false, error: { code: 'bad-coordinates', featureIndex: 0 } });
    expect(
      readGeoJson(
        '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[]}',
      ),
    ).toMatchObject({ ok: false, error: { code: 'projected-crs' } });
  });
});
