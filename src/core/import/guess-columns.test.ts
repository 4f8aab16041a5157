import { describe, expect, it } from 'vitest';
import { guessColumns, normaliseHeaderName } from './guess-columns';
import type { ImportTable } from './import-table';

function t(columns: string[], rows: string[][] = []): Pick<ImportTable, 'columns' | 'rows' | 'geometry'> {
  return { columns, rows };
}

describe('normaliseHeaderName', () => {
  it('ignores case, width, spaces and bracketed units', () => {
    expect(normaliseHeaderName('面积（㎡）')).toBe('面积');
    expect(normaliseHeaderName(' Longitude (WGS84) ')).toBe('longitude');
    expect(normaliseHeaderName('X坐标')).toBe('x坐标');
    expect(normaliseHeaderName('POINT_X')).toBe('pointx');
  });
});

describe('guessColumns', () => {
  it('maps a realistic Chinese header', () => {
    const guess = guessColumns(
      t([
        '序号',
        '机构名称',
        '机构类别',
        '详细地址',
        '经度（GCJ-02）',
        '纬度（GCJ-02）',
        '核定床位',
        '建筑面积(㎡)',
        '运营状态',
        '机构编号',
        '联系电话',
      ]),
    );
    expect(guess.mapping).toEqual({
      name: '机构名称',
      category: '机构类别',
      address: '详细地址',
      lon: '经度（GCJ-02）',
      lat: '纬度（GCJ-02）',
      beds: '核定床位',
      areaM2: '建筑面积(㎡)',
      status: '运营状态',
      id: '机构编号',
    });
    expect(guess.missing).toEqual([]);
    expect(guess.complete?.name).toBe('机构名称');
  });

  it('maps English headers and capacity synonyms', () => {
    const guess = guessColumns(t(['Name', 'LNG', 'Lat', 'Type', 'Status', 'Seats', '托位数', 'Address', 'ID']));
    expect(guess.mapping).toEqual({
      name: 'Name',
      lon: 'LNG',
      lat: 'Lat',
      category: 'Type',
      status: 'Status',
      seats: 'Seats',
      places: '托位数',
      address: 'Address',
      id: 'ID',
    });
  });

  it('never maps one column twice and reports what is missing', () => {
    const guess = guessColumns(t(['名称', '类别名称']));
    expect(guess.mapping).toEqual({ name: '名称', category: '类别名称' });
    expect(guess.missing).toEqual(['lon', 'lat']);
    expect(guess.complete).toBeNull();
  });

  it('lets coordinate values decide between X/Y conventions', () => {
    const rows = [
      ['甲', '28.01', '120.65'],
      ['乙', '27.99', '120.70'],
    ];
    expect(guessColumns(t(['名称', 'X', 'Y'], rows)).mapping).toMatchObject({ lon: 'Y', lat: 'X' });
    const gis = rows.map(([n, a, b]) => [n ?? '', b ?? '', a ?? '']);
    expect(guessColumns(t(['名称', 'X', 'Y'], gis)).mapping).toMatchObject({ lon: 'X', lat: 'Y' });
  });

  it('breaks a tie between two longitude-like columns by their values', () => {
    const rows = [['甲', '', '120.65', '28.01']];
    expect(guessColumns(t(['名称', '经度', '经度(2)', '纬度'], rows)).mapping).toMatchObject({ lon: '经度(2)' });
  });

  it('falls back to the values when headers say nothing, but not for whole numbers', () => {
    const rows = [
      ['甲', '120.651', '28.012', '12'],
      ['乙', '120.702', '27.995', '30'],
    ];
    expect(guessColumns(t(['名称', 'c1', 'c2', 'c3'], rows)).mapping).toEqual({ name: '名称', lon: 'c1', lat: 'c2' });
  });

  it('takes the point from a geometry file and the rest from properties', () => {
    const guess = guessColumns({
      columns: ['name', '经度', 'lon', 'lat'],
      rows: [['甲', '1', '120', '28']],
      geometry: { lonColumn: 'lon', latColumn: 'lat', issues: [null] },
    });
    expect(guess.mapping).toEqual({ name: 'name', lon: 'lon', lat: 'lat' });
  });
});
