import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/translate';
import { cellBands } from '../coverage/bands';
import { cellText } from '../import/parse-xlsx';
import {
  bandsGeoJson,
  cellTimesCsv,
  countyStatsCsv,
  countyStatsXlsx,
  float32Text,
  sidecarFileName,
  type CellTimesSidecar,
} from './coverage-exports';
import { FIXTURE_CELLS, FIXTURE_DATA_VERSION, FIXTURE_GRAPH_SHA, fixtureRun } from './export-fixtures';

function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { header: false, delimiter: ',', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  // The file ends with CRLF: papaparse reports one last empty line.
  const rows = parsed.data;
  if (rows.length > 0 && rows[rows.length - 1]?.length === 1 && rows[rows.length - 1]?.[0] === '') rows.pop();
  return rows;
}

async function readCsvWithExcelJs(text: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([Buffer.from(text, 'utf8')]));
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = row.values as unknown[];
    rows[n - 1] = values.slice(1);
  });
  return rows;
}

const TIME_COLUMNS = { p50: 5, p90: 6, mean: 7 };

describe('countyStatsCsv', () => {
  const run = fixtureRun();
  const text = countyStatsCsv(run.result, run.meta, 'zh', translate);

  it('writes a BOM, a bilingual header with one column per band, and numbers as plain numbers', () => {
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      '县（市、区） (county)',
      '行政区划代码 (adcode)',
      '覆盖率% (covered %)',
      '人口 (population)',
      '覆盖人口 (covered)',
      '中位分钟（全部人口） (median min, all people)',
      'P90 分钟（全部人口） (p90 min, all people)',
      '平均分钟（仅覆盖人口） (mean min, covered people only)',
      '0–5 分钟人口 (0–5 min population)',
      '5–10 分钟人口 (5–10 min population)',
      '10–15 分钟人口 (10–15 min population)',
      '15 分钟以上或不可达人口 (beyond 15 min or unreachable)',
      '山区县 (mountain county)',
    ]);
    const byName = new Map(rows.map((r) => [r[0], r]));
    // 泰顺县: 300 people at 14.5 min, 250 at 20 min, 700 unreachable. Median and P90 over all 1250
    // people lie beyond the circle (only 300 covered): "> 15"; the mean is over the covered 300.
    const taishun = byName.get('泰顺县');
    expect(taishun?.slice(0, 5)).toEqual(['泰顺县', '330329', '24', '1250', '300']);
    expect(taishun?.[TIME_COLUMNS.p50]).toBe('> 15');
    expect(taishun?.[TIME_COLUMNS.p90]).toBe('> 15');
    expect(taishun?.[TIME_COLUMNS.mean]).toBe('14.5');
    expect(taishun?.slice(8)).toEqual(['0', '0', '300', '950', '是']);
    // 龙港市: 10 minutes exactly is in the band [10, 15].
    expect(byName.get('龙港市')).toEqual([
      '龙港市',
      '330383',
      '100',
      '2000',
      '2000',
      '0.5',
      '10',
      '4.3',
      '1200',
      '0',
      '800',
      '0',
      '否',
    ]);
    expect(byName.get('鹿城区')?.slice(2, 5)).toEqual(['100', '3500', '3500']);
    // Counties without people are still listed (all 12, in COUNTIES order), with empty times.
    expect(rows.slice(1, 13).map((r) => r[0])).toContain('洞头区');
    expect(byName.get('洞头区')?.slice(2, 8)).toEqual(['0', '0', '0', '', '', '']);
  });

  it('ends the table with the mountain, other and city rows, then an empty row and the metadata', () => {
    const rows = parseCsv(text);
    expect(rows.slice(13, 16).map((r) => r.slice(0, 5))).toEqual([
      ['山区五县', '', '24', '1250', '300'],
      ['其他县（市、区）', '', '100', '5500', '5500'],
      ['全市', '', '85.9', '6750', '5800'],
    ]);
    expect(rows[13]?.[12]).toBe('是');
    expect(rows[15]?.[12]).toBe('');
    expect(rows[16]?.every((c) => c === '')).toBe(true);
    const meta = new Map(rows.slice(17).map((r) => [r[0], r[1]]));
    expect(meta.get('数据版本 (data version)')).toBe(FIXTURE_DATA_VERSION);
    expect(meta.get('阈值 (thresholds)')).toBe('5, 10, 15 分钟');
    expect(meta.get('人口来源 (population source)')).toBe('模型估算 (modelled)');
    expect(meta.get('路网版本 (road network)')).toContain(FIXTURE_GRAPH_SHA);
    expect(meta.get('设施数 (facilities)')).toBe('2');
    expect(rows.slice(17).every((r) => r.length === 13 && r.slice(2).every((c) => c === ''))).toBe(true);
  });

  it('reads back with exceljs with the exact Chinese names and numeric cells', async () => {
    const rows = await readCsvWithExcelJs(text);
    const taishun = rows.find((r) => r[0] === '泰顺县');
    expect(taishun?.slice(0, 5)).toEqual(['泰顺县', 330329, 24, 1250, 300]);
    const longgang = rows.find((r) => r[0] === '龙港市');
    expect(longgang?.slice(1, 5)).toEqual([330383, 100, 2000, 2000]);
    const city = rows.find((r) => r[0] === '全市');
    expect(city?.[2]).toBe(85.9);
    // Every county name survives UTF-8 exactly (no mojibake).
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['鹿城区', '瓯海区', '龙港市', '泰顺县', '山区五县']));
  });

  it('writes English headers and county names for language en, metres for the radius method', () => {
    const radius = fixtureRun('radius');
    const rows = parseCsv(countyStatsCsv(radius.result, radius.meta, 'en', translate));
    expect(rows[0]?.slice(0, 8)).toEqual([
      'County',
      'Adcode',
      'Covered %',
      'Population',
      'Covered',
      'Median m (all people)',
      'P90 m (all people)',
      'Mean m (covered people only)',
    ]);
    expect(rows[0]?.slice(8)).toEqual([
      '0–500 m population',
      '500–1000 m population',
      '1000–1500 m population',
      'Beyond 1500 m or unreachable',
      'Mountain county',
    ]);
    const taishun = rows.find((r) => r[1] === '330329');
    expect(taishun?.[0]).toBe('Taishun');
    expect(taishun?.[TIME_COLUMNS.mean]).toBe('1450');
    expect(taishun?.[TIME_COLUMNS.p50]).toBe('> 1500');
    expect(taishun?.[12]).toBe('yes');
    expect(rows.find((r) => r[0] === 'Whole city')?.[2]).toBe('85.9');
    const meta = new Map(rows.map((r) => [r[0], r[1]]));
    expect(meta.get('Thresholds')).toBe('500, 1000, 1500 m');
    expect(meta.get('Population source')).toBe('modelled');
    expect(meta.get('Speeds')).toMatch(/not used/);
  });
});

describe('countyStatsXlsx', () => {
  it('writes a coverage sheet (bold frozen header, formats, mountain rows marked) and a metadata sheet', async () => {
    const run = fixtureRun();
    const bytes = await countyStatsXlsx(run.result, run.meta, 'zh', translate);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['覆盖统计', '说明']);

    const sheet = workbook.getWorksheet('覆盖统计');
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('县（市、区） (county)');
    expect(header).toHaveLength(13);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const rowOf = (name: string) => {
      for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === name) return sheet.getRow(r);
      throw new Error(`no row ${name}`);
    };
    const taishun = rowOf('泰顺县');
    expect((taishun.values as unknown[]).slice(1, 6)).toEqual(['泰顺县', 330329, 24, 1250, 300]);
    expect(taishun.getCell(13).value).toBe('是');
    expect(taishun.getCell(3).numFmt).toBe('0.0');
    expect(taishun.getCell(4).numFmt).toBe('#,##0');
    expect(taishun.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(rowOf('鹿城区').getCell(1).fill).toBeUndefined();
    expect(rowOf('龙港市').getCell(4).value).toBe(2000);
    expect(rowOf('全市').getCell(3).value).toBe(85.9);
    expect(rowOf('全市').getCell(1).font?.bold).toBe(true);
    // Empty times stay empty cells, not zeros.
    expect(rowOf('洞头区').getCell(6).value).toBeNull();

    const info = workbook.getWorksheet('说明');
    if (!info) throw new Error('no metadata sheet');
    const texts: string[] = [];
    info.eachRow((row) => texts.push((row.values as unknown[]).slice(1).map(cellText).join(' | ')));
    const all = texts.join('\n');
    expect(all).toContain(FIXTURE_DATA_VERSION);
    expect(all).toContain('模型');
    expect(all).toContain('modelled');
    expect(all).toContain('2021');
    expect(all).toContain(FIXTURE_GRAPH_SHA);
    expect(all).toContain('卫生院（导入）；示例数据');
  });

  it('uses English sheet names and labels for language en', async () => {
    const run = fixtureRun();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await countyStatsXlsx(run.result, run.meta, 'en', translate)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Coverage', 'Metadata']);
    const info = workbook.getWorksheet('Metadata');
    const values: string[] = [];
    info?.eachRow((row) => values.push(cellText(row.getCell(1).value), cellText(row.getCell(2).value)));
    expect(values).toContain('modelled');
    expect(values).toContain(FIXTURE_DATA_VERSION);
    expect(values.join(' ')).toMatch(/not a census grid/);
  });
});

describe('cellTimesCsv', () => {
  it('writes one row per cell, empty minutes and facility where unreachable, and the band index', () => {
    const run = fixtureRun();
    const { csv, sidecar } = cellTimesCsv(run.result, run.grid, run.meta, translate);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([
      'lon',
      'lat',
      'county_adcode',
      'population',
      'minutes',
      'facility_id',
      'facility_name',
      'band',
    ]);
    expect(rows).toHaveLength(run.grid.population.length + 1);
    expect(rows).toHaveLength(FIXTURE_CELLS.length + 1);
    const data = rows.slice(1);
    expect(data[1]?.slice(2)).toEqual(['330302', '2000', '7.3', 'import:1', '鹿城区社区卫生服务中心', '1']);
    // Infinity → empty minutes and no facility, band = beyond (3).
    expect(data[4]?.slice(2)).toEqual(['330329', '700', '', '', '', '3']);
    expect(data[5]?.slice(4)).toEqual(['20', 'import:2', '龙港市人民医院, 分院 "东"', '3']);
    expect(data[7]?.slice(4, 8)).toEqual(['10', 'import:2', '龙港市人民医院, 分院 "东"', '2']);
    // 6 decimals at most, equal to the grid's centres.
    for (const [i, row] of data.entries()) {
      expect(row[0]).toMatch(/^\d+(\.\d{1,6})?$/);
      expect(Number(row[0])).toBeCloseTo(run.grid.lon[i] as number, 6);
      expect(Number(row[1])).toBeCloseTo(run.grid.lat[i] as number, 6);
    }
    // Re-binning the printed minutes gives the band column.
    const printed = Float32Array.from(data, (r) => (r[4] === '' ? Infinity : Number(r[4])));
    expect([...cellBands(printed, [5, 10, 15])]).toEqual(data.map((r) => Number(r[7])));

    const info = JSON.parse(sidecar) as CellTimesSidecar;
    expect(info.format).toBe('outu-cell-times');
    expect(info.rows).toBe(FIXTURE_CELLS.length);
    expect(info.metadata.dataVersion).toBe(FIXTURE_DATA_VERSION);
    expect(info.metadata.population.source).toBe('modelled');
    expect(info.grid.cellSizeM).toBe(run.grid.cellSizeM);
    expect(info.grid.population).toBe(6750);
    expect(info.bands.map((b) => [b.index, b.from, b.to])).toEqual([
      [0, 0, 5],
      [1, 5, 10],
      [2, 10, 15],
      [3, 15, null],
    ]);
    expect(info.columns.map((c) => c.name)).toEqual(rows[0]);
  });

  it('names the value column metres for the radius method', () => {
    const run = fixtureRun('radius');
    const { csv, sidecar } = cellTimesCsv(run.result, run.grid, run.meta, translate);
    const rows = parseCsv(csv);
    expect(rows[0]?.[4]).toBe('metres');
    expect(rows[2]?.[4]).toBe('730');
    expect((JSON.parse(sidecar) as CellTimesSidecar).unit).toBe('m');
  });

  it('refuses a grid that does not match the result', () => {
    const run = fixtureRun();
    const grid = { ...run.grid, population: run.grid.population.subarray(1) };
    expect(() => cellTimesCsv(run.result, grid, run.meta, translate)).toThrow(/same length|cells/);
  });

  it('prints Float32 values with the fewest digits that read back exactly', () => {
    expect(float32Text(Math.fround(12.3))).toBe(12.3);
    expect(float32Text(Math.fround(0.1))).toBe(0.1);
    expect(float32Text(7)).toBe(7);
    const v = Math.fround(1 / 3);
    expect(Math.fround(float32Text(v))).toBe(v);
    expect(sidecarFileName('cells.csv')).toBe('cells.json');
    expect(sidecarFileName('cells')).toBe('cells.json');
  });
});

describe('bandsGeoJson', () => {
  it('keeps the polygons, adds from/to/unit/population per band and the metadata on top', () => {
    const run = fixtureRun();
    const collection = bandsGeoJson(run.bands, run.meta, translate);
    const parsed = JSON.parse(JSON.stringify(collection)) as typeof collection;
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.metadata.dataVersion).toBe(FIXTURE_DATA_VERSION);
    expect(parsed.metadata.thresholds).toEqual([5, 10, 15]);
    expect(parsed.metadata.travelProfile?.accessKmh).toBe(4.8);
    expect(parsed.features.map((f) => f.properties)).toEqual([
      { band: 0, from: 0, to: 5, unit: 'min', population: 2200, cells: 2, label: '0–5 分钟', labelEn: '0–5 min' },
      { band: 1, from: 5, to: 10, unit: 'min', population: 2000, cells: 1, label: '5–10 分钟', labelEn: '5–10 min' },
      { band: 2, from: 10, to: 15, unit: 'min', population: 1600, cells: 3, label: '10–15 分钟', labelEn: '10–15 min' },
    ]);
    const covered = parsed.features.reduce((s, f) => s + f.properties.population, 0);
    expect(covered).toBe(run.result.total.covered);
    expect(parsed.features[0]?.geometry).toEqual(run.bands.features[0]?.geometry);
  });

  it('labels radius bands in metres', () => {
    const run = fixtureRun('radius');
    const collection = bandsGeoJson(run.bands, run.meta, translate);
    expect(collection.metadata.thresholdUnit).toBe('m');
    expect(collection.metadata.travelProfile).toBeNull();
    expect(collection.features[2]?.properties).toMatchObject({
      from: 1000,
      to: 1500,
      unit: 'm',
      label: '1000–1500 米',
    });
  });
});
