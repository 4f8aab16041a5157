import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { translateMessage } from '../../shared/i18n/message';
import { createCountyLocator } from '../geo/county-locator';
import { buildFacilities, type BuildInput } from './build-facilities';
import { fromWgs84 } from './convert-crs';
import { guessColumns, type ColumnMapping } from './guess-columns';
import type { ImportTable } from './import-table';
import { parseCsv } from './parse-csv';
import { parseFacilityFile } from './parse-facility-file';
import { parseGeoJsonTable } from './parse-geojson';
import { importSetIdentity } from './sha256';

const counties = JSON.parse(
  readFileSync(new URL('../../../data/geo/counties.geojson', import.meta.url), 'utf8'),
) as FeatureCollection;
const locator = createCountyLocator(counties);

function csv(text: string): ImportTable {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.error.code);
  return result.table;
}

function build(table: ImportTable, patch: Partial<BuildInput> = {}) {
  const mapping = guessColumns(table).complete as ColumnMapping;
  return buildFacilities({ table, mapping, sourceCrs: 'wgs84', setId: 'set1', counties: locator, ...patch });
}

const HEADER = '名称,类别,经度,纬度,状态,床位,地址,联系电话';

describe('buildFacilities', () => {
  it('builds facilities with categories, statuses, capacities, counties and unmapped columns kept', () => {
    const result = build(
      csv(
        [
          HEADER,
          '【示例】卫生院,卫生院,120.670228,28.006689,在建,"1,200",鹿城区某路,0577-0000',
          '【示例】体育场,球场,１２０．６３３２０７,28.009845,,,,',
        ].join('\n'),
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    const [a, b] = result.facilities;
    expect(a).toMatchObject({
      setId: 'set1',
      name: '【示例】卫生院',
      category: 'health',
      status: 'under-construction',
      lon: 120.670228,
      lat: 28.006689,
      countyAdcode: 330302,
      capacity: { beds: 1200 },
      address: '鹿城区某路',
      extra: { 联系电话: '0577-0000' },
      sourceRow: 1,
    });
    expect(a?.id).toMatch(/^set1:r[0-9a-f]{14}$/);
    expect(b).toMatchObject({ category: 'sports', status: 'existing', countyAdcode: 330304, capacity: {}, extra: {} });
    expect(b).not.toHaveProperty('address');
  });

  it('imports nothing when a row in the middle is broken, and says where and why', () => {
    const lines = [HEADER];
    for (let i = 1; i <= 9; i++) lines.push(`【示例】诊所${i},诊所,120.6${i},28.0${i},,${i},,`);
    lines[4] = '【示例】诊所4,诊所,120.64,二十八,,4,,';
    lines[6] = ',诊所,120.66,28.06,,-6,,';
    const result = build(csv(lines.join('\n')));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.hint).toBeNull();
    expect(result.errors.map((e) => [e.row, e.dataRow, e.column, e.value, e.code])).toEqual([
      [5, 4, '纬度', '二十八', 'not-a-number'],
      [7, 6, '名称', '', 'name-required'],
      [7, 6, '床位', '-6', 'negative-number'],
    ]);
    const reason = result.errors[0]?.message;
    expect(reason && [translateMessage('zh', reason), translateMessage('en', reason)]).toEqual([
      '不是数字。',
      'Not a number.',
    ]);
  });

  it('converts GCJ-02 and BD-09 input to WGS-84', () => {
    const wgs: [number, number] = [120.670228, 28.006689];
    for (const crs of ['gcj02', 'bd09'] as const) {
      const [lon, lat] = fromWgs84(wgs, crs);
      const result = build(csv(`名称,经度,纬度\n甲,${lon},${lat}\n`), { sourceCrs: crs });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.facilities[0]?.lon).toBeCloseTo(wgs[0], 5);
      expect(result.facilities[0]?.lat).toBeCloseTo(wgs[1], 5);
    }
  });

  it('gives the same ids when the same file is imported again, from the ID column when there is one', async () => {
    const bytes = new TextEncoder().encode(
      '编号,名称,经度,纬度\nA1,甲,120.67,28.0\nA2,乙,120.68,28.0\n,丙,120.69,28.0\n',
    );
    const once = async () => {
      const parsed = await parseFacilityFile('a.csv', bytes);
      if (!parsed.ok) throw new Error(parsed.error.code);
      const { setId } = await importSetIdentity(bytes);
      const result = build(parsed.table, { setId });
      if (!result.ok) throw new Error('build failed');
      return result.facilities.map((f) => f.id);
    };
    const first = await once();
    expect(await once()).toEqual(first);
    const { setId } = await importSetIdentity(bytes);
    expect(first.slice(0, 2)).toEqual([`${setId}:A1`, `${setId}:A2`]);
    expect(first[2]).toMatch(new RegExp(`^${setId}:r[0-9a-f]{14}$`));
  });

  it('keeps ids unique: repeated IDs and identical rows get a suffix', () => {
    const result = build(csv('编号,名称,经度,纬度\nA,甲,120.67,28\nA,乙,120.68,28\n,丙,120.69,28\n,丙,120.69,28\n'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.facilities.map((f) => f.id);
    expect(ids.slice(0, 2)).toEqual(['set1:A', 'set1:A#2']);
    expect(ids[3]).toBe(`${ids[2]}#2`);
    expect(result.warnings.map((w) => [w.row, w.code])).toEqual([[3, 'duplicate-id']]);
  });

  it('warns (but imports) unknown categories, unknown statuses and points off the county polygons', () => {
    const result = build(
      csv(
        [
          '名称,类别,状态,经度,纬度',
          '甲,加油站,停用,120.67,28.0',
          // East of 洞头 in the sea: inside the Wenzhou box but > 2 km from any county.
          '乙,医院,,121.55,27.5',
        ].join('\n'),
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.facilities.map((f) => [f.category, f.status, f.countyAdcode])).toEqual([
      ['other', 'existing', 330302],
      ['health', 'existing', null],
    ]);
    expect(result.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [2, '类别', 'unknown-category'],
      [2, '状态', 'unknown-status'],
      [3, '经度', 'no-county'],
    ]);
  });

  it('uses the default category when there is no category column', () => {
    const result = build(csv('名称,经度,纬度\n甲,120.67,28.0\n'), { defaultCategory: 'elderly' });
    expect(result.ok && result.facilities[0]?.category).toBe('elderly');
  });

  it('reports a point outside Wenzhou on the coordinate that is off, and refuses commas', () => {
    const result = build(
      csv(
        '名称,经度,纬度\n甲,120.67,28.0\n乙,120.67,30.2\n丙,"120,67",28.0\n丁,190,28\n戊,120.6,\n己,120.6,28\n庚,120.6,28\n',
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '纬度', 'outside-wenzhou'],
      [4, '经度', 'decimal-comma'],
      [5, '经度', 'out-of-range'],
      [6, '纬度', 'coordinate-required'],
    ]);
    expect(result.hint).toBeNull();
  });

  it('gives one file-level hint when most points are outside Wenzhou', () => {
    const rows = (points: string[]) => csv(['名称,经度,纬度', ...points.map((p, i) => `设施${i},${p}`)].join('\n'));
    const swapped = build(rows(['28.0,120.67', '28.1,120.70', '27.9,120.60', '28.0,120.62']));
    expect(swapped).toMatchObject({
      ok: false,
      errors: [],
      hint: { code: 'lat-lon-swapped', affectedRows: 4, pointRows: 4 },
    });
    const metres = build(rows(['40512345.1,3098765.2', '40513345.1,3099765.2', '40514345.1,3097765.2']));
    expect(metres).toMatchObject({ ok: false, hint: { code: 'projected-metres' } });
    const beijing = build(rows(['116.39,39.9', '116.40,39.91', '116.41,39.92', '120.67,28.0']));
    expect(beijing).toMatchObject({ ok: false, errors: [], hint: { code: 'not-in-wenzhou', affectedRows: 3 } });
  });

  it('reports non-point features of a GeoJSON file as row errors', () => {
    const parsed = parseGeoJsonTable(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: '甲' }, geometry: { type: 'Point', coordinates: [120.67, 28] } },
          { type: 'Feature', properties: { name: '乙' }, geometry: { type: 'Polygon', coordinates: [] } },
        ],
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error.code);
    const result = build(parsed.table);
    expect(result).toMatchObject({ ok: false, errors: [{ row: 2, column: 'lon', code: 'not-a-point' }] });
  });

  it('accepts the counties as a FeatureCollection and refuses a mapping to a missing column', () => {
    const table = csv('名称,经度,纬度\n甲,120.67,28.0\n');
    const result = build(table, { counties });
    expect(result.ok && result.facilities[0]?.countyAdcode).toBe(330302);
    expect(() => build(table, { mapping: { name: '名字', lon: '经度', lat: '纬度' } })).toThrow(/名字/);
  });
});
