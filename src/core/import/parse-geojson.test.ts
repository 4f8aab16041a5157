import { describe, expect, it } from 'vitest';
import { parseGeoJsonTable } from './parse-geojson';

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

describe('parseGeoJsonTable', () => {
  it('turns point features into rows: properties as columns plus lon/lat', () => {
    const result = parseGeoJsonTable(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { 名称: '甲', 床位: 20 }, geometry: point(120.6, 28.0) },
          {
            type: 'Feature',
            properties: { 名称: '乙', 备注: { a: 1 }, ok: true },
            geometry: { type: 'MultiPoint', coordinates: [[120.7, 28.1]] },
          },
        ],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const t = result.table;
    expect(t.columns).toEqual(['名称', '床位', '备注', 'ok', 'lon', 'lat']);
    expect(t.rows).toEqual([
      ['甲', '20', '', '', '120.6', '28'],
      ['乙', '', '{"a":1}', 'true', '120.7', '28.1'],
    ]);
    expect(t.sourceRowNumbers).toEqual([1, 2]);
    expect(t.geometry).toEqual({ lonColumn: 'lon', latColumn: 'lat', issues: [null, null] });
  });

  it('marks lines, polygons, several-point multipoints and missing geometry as row issues', () => {
    const result = parseGeoJsonTable(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [120, 28],
                [121, 28],
              ],
            },
          },
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'MultiPoint',
              coordinates: [
                [120, 28],
                [121, 28],
              ],
            },
          },
          { type: 'Feature', properties: {}, geometry: null },
          { type: 'Feature', properties: {}, geometry: point(120, 28) },
        ],
      }),
    );
    expect(result.ok && result.table.geometry?.issues).toEqual(['not-a-point', 'multi-point', 'no-geometry', null]);
  });

  it('keeps a property called lon by naming the geometry columns differently', () => {
    const result = parseGeoJsonTable(
      JSON.stringify({ type: 'Feature', properties: { lon: 'x', lat: 'y' }, geometry: point(120, 28) }),
    );
    expect(result.ok && result.table.columns).toEqual(['lon', 'lat', 'geometry_lon', 'geometry_lat']);
  });

  it('reads a bare geometry', () => {
    expect(parseGeoJsonTable('{"type":"Point","coordinates":[120,28]}')).toMatchObject({
      ok: true,
      table: { rows: [['120', '28']] },
    });
  });

  it('reports invalid JSON, non-GeoJSON, projected CRS and empty collections', () => {
    expect(parseGeoJsonTable('{"type": "FeatureCollection",')).toMatchObject({
      ok: false,
      error: { code: 'invalid-json' },
    });
    expect(parseGeoJsonTable('[1,2]')).toMatchObject({ ok: false, error: { code: 'not-geojson' } });
    expect(parseGeoJsonTable('{"name":"x"}')).toMatchObject({ ok: false, error: { code: 'not-geojson' } });
    expect(
      parseGeoJsonTable(
        '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[]}',
      ),
    ).toMatchObject({ ok: false, error: { code: 'projected-crs' } });
    expect(parseGeoJsonTable('{"type":"FeatureCollection","features":[]}')).toMatchObject({
      ok: false,
      error: { code: 'no-rows' },
    });
    expect(parseGeoJsonTable('')).toMatchObject({ ok: false, error: { code: 'empty-file' } });
  });
});
