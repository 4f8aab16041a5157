import { readFileSync } from 'node:fs';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection } from 'geojson';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Facility } from '../../shared/facilities';
import { buildFacilities, guessColumns, parseFacilityFile } from '../import';
import { writeExport, type ExportFormatId } from './export-formats';
import { FACILITY_CSV_HEADER, PROJECT_CSV_HEADER, type ProjectExportInput } from './layer-exports';
import type { ExportStamp } from './run-metadata';
import { TEST_FILE_TEXTS } from './test-file-texts';

// The layers as the app writes them: through the format registry, with the catalogue's file texts.
const facilitiesExport = (facilities: readonly Facility[], format: ExportFormatId, stamp?: ExportStamp) =>
  writeExport(format, 'facilities', facilities, { texts: TEST_FILE_TEXTS, stamp });
const projectsExport = (projects: readonly ProjectExportInput[], format: ExportFormatId, stamp?: ExportStamp) =>
  writeExport(format, 'projects', projects, { texts: TEST_FILE_TEXTS, stamp });

const parser = new DOMParser({ onError: () => undefined });

function parseKml(text: string) {
  const doc = parser.parseFromString(text, 'text/xml');
  return { doc, collection: kml(doc as unknown as Parameters<typeof kml>[0]) };
}

function documentDescription(text: string): string {
  const { doc } = parseKml(text);
  const document = doc.getElementsByTagName('Document')[0];
  for (let node = document?.firstChild; node; node = node.nextSibling)
    if (node.nodeName === 'description') return node.textContent ?? '';
  return '';
}

function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { header: false, delimiter: ',', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const STAMP: ExportStamp = {
  app: 'OuTu',
  appVersion: '0.1.0',
  exportedAt: '2025-03-01T08:30:00.000Z',
  dataVersion: 'v1',
};

const FACILITIES: Facility[] = [
  {
    id: 'import-ab12:1',
    setId: 'import-ab12',
    name: '泰顺县罗阳镇中心卫生院',
    category: 'health',
    status: 'existing',
    lon: 119.7179,
    lat: 27.5569,
    countyAdcode: 330329,
    capacity: { beds: 120 },
    address: '泰顺县罗阳镇 <东大街> 1号',
    extra: { 联系电话: '0577-1234', 等级: '一级' },
    sourceRow: 1,
  },
  {
    id: 'import-ab12:2',
    setId: 'import-ab12',
    name: '=龙港市 "托育" 中心, 新城',
    category: 'childcare',
    status: 'planned',
    lon: 120.5531,
    lat: 27.5783,
    countyAdcode: 330383,
    capacity: { places: 80, areaM2: 1500.5 },
    extra: { 备注: '规划中' },
    sourceRow: 2,
  },
];

describe('facilitiesExport', () => {
  it('writes a CSV with BOM, bilingual headers and extra columns, that OuTu imports back unchanged', async () => {
    const text = facilitiesExport(FACILITIES, 'csv');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...FACILITY_CSV_HEADER, 'extra.联系电话', 'extra.等级', 'extra.备注']);
    expect(rows[1]?.slice(0, 10)).toEqual([
      'import-ab12:1',
      '泰顺县罗阳镇中心卫生院',
      'health',
      '医疗卫生',
      'existing',
      '现有',
      '119.7179',
      '27.5569',
      '330329',
      '泰顺县',
    ]);
    expect(rows[1]?.slice(-3)).toEqual(['0577-1234', '一级', '']);
    // A name that starts like a formula is defused for Excel.
    expect(rows[2]?.[1]).toBe('\'=龙港市 "托育" 中心, 新城');

    const parsed = await parseFacilityFile('facilities.csv', new TextEncoder().encode(text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const guess = guessColumns(parsed.table);
    expect(guess.complete).toMatchObject({ name: '名称 (name)', lon: '经度 (lon)', lat: '纬度 (lat)' });
    expect(guess.mapping).toMatchObject({ category: '类别 (category)', status: '状态 (status)', beds: '床位 (beds)' });
    const counties = JSON.parse(
      readFileSync(new URL('../../../data/geo/counties.geojson', import.meta.url), 'utf8'),
    ) as FeatureCollection;
    const built = buildFacilities({
      table: parsed.table,
      mapping: guess.complete!,
      sourceCrs: 'wgs84',
      setId: 'again',
      counties,
    });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.facilities.map((f) => [f.lon, f.lat, f.category, f.status, f.countyAdcode])).toEqual(
      FACILITIES.map((f) => [f.lon, f.lat, f.category, f.status, f.countyAdcode]),
    );
    expect(built.facilities[0]?.name).toBe('泰顺县罗阳镇中心卫生院');
    expect(built.facilities[0]?.capacity.beds).toBe(120);
    expect(built.facilities[1]?.capacity).toMatchObject({ places: 80, areaM2: 1500.5 });
  });

  it('writes GeoJSON points with flat properties and the metadata member only when given', () => {
    const withMeta = JSON.parse(facilitiesExport(FACILITIES, 'geojson', STAMP)) as FeatureCollection & {
      metadata?: ExportStamp;
    };
    expect(withMeta.metadata).toEqual(STAMP);
    expect(withMeta.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [119.7179, 27.5569] });
    expect(withMeta.features[0]?.properties).toMatchObject({
      name: '泰顺县罗阳镇中心卫生院',
      county: '泰顺县',
      beds: 120,
      seats: null,
      'extra.联系电话': '0577-1234',
      'extra.备注': null,
    });
    const plain = JSON.parse(facilitiesExport(FACILITIES, 'geojson')) as Record<string, unknown>;
    expect('metadata' in plain).toBe(false);
  });

  it('writes KML that togeojson reads back, with the export stamp in the document description', () => {
    const text = facilitiesExport(FACILITIES, 'kml', { ...STAMP, title: '卫生院 & 托育' });
    const { collection } = parseKml(text);
    expect(collection.features).toHaveLength(2);
    expect(collection.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [119.7179, 27.5569] });
    expect(collection.features[0]?.properties).toMatchObject({
      name: '泰顺县罗阳镇中心卫生院',
      description: '泰顺县罗阳镇 <东大街> 1号',
      category: 'health',
      county: '泰顺县',
      beds: '120',
      'extra.等级': '一级',
    });
    expect(collection.features[1]?.properties?.name).toBe('=龙港市 "托育" 中心, 新城');
    expect(text).toContain('<name>卫生院 &amp; 托育</name>');
    expect(documentDescription(text)).toContain('OuTu 0.1.0');
    expect(documentDescription(text)).toContain('v1');
  });
});

function project(
  seq: number,
  point: [number, number] | null,
  extra: Partial<ProjectExportInput> = {},
): ProjectExportInput {
  return {
    seq,
    name: `项目${seq}`,
    category: '医疗',
    kind: '新建',
    period: '2021-2025',
    location: point ? '泰顺县' : '全市',
    content: `建设内容${seq}`,
    investmentTotal: 10.5,
    investmentPlan: 8,
    agency: '市卫健委',
    geocodePrecision: point ? 'county' : 'citywide',
    countyAdcode: point ? 330329 : null,
    geocodeNote: point ? '县政府驻地（仅知县域）' : '全市性项目，无点位',
    lon: point ? point[0] : null,
    lat: point ? point[1] : null,
    ...extra,
  };
}

const PROJECTS: ProjectExportInput[] = [
  project(1, [119.7179, 27.5569]),
  project(7, null, {
    investmentTotal: null,
    investmentTotalText: '待定',
    investmentPlan: null,
    investmentPlanText: '——',
  }),
  project(38, null),
  project(46, [120.6906, 28.1534], { countyAdcode: 330324, location: '未定' }),
];

describe('projectsExport', () => {
  it('keeps projects without a point in the CSV with empty lon/lat and the investment text', () => {
    const rows = parseCsv(projectsExport(PROJECTS, 'csv'));
    expect(rows[0]).toEqual(PROJECT_CSV_HEADER);
    expect(rows).toHaveLength(PROJECTS.length + 1);
    const byKey = (key: string) => rows[0]!.findIndex((h) => h.endsWith(`(${key})`));
    const seven = rows[2]!;
    expect(seven[byKey('seq')]).toBe('7');
    expect(seven[byKey('lon')]).toBe('');
    expect(seven[byKey('lat')]).toBe('');
    expect(seven[byKey('investmentTotal')]).toBe('');
    expect(seven[byKey('investmentTotalText')]).toBe('待定');
    expect(seven[byKey('geocodePrecisionLabel')]).toBe('全市（无点位）');
    expect(rows[1]![byKey('lon')]).toBe('119.7179');
    expect(rows[1]![byKey('county')]).toBe('泰顺县');
    expect(rows[1]![byKey('investmentTotal')]).toBe('10.5');
  });

  it('keeps projects without a point in GeoJSON with geometry null', () => {
    const collection = JSON.parse(projectsExport(PROJECTS, 'geojson', STAMP)) as FeatureCollection & {
      metadata: ExportStamp;
    };
    expect(collection.features).toHaveLength(4);
    expect(collection.features.map((f) => f.geometry?.type ?? null)).toEqual(['Point', null, null, 'Point']);
    expect(collection.features[1]?.properties).toMatchObject({
      seq: 7,
      investmentTotal: null,
      investmentTotalText: '待定',
    });
    expect(collection.features[1]?.properties).not.toHaveProperty('lon');
    expect(collection.metadata.appVersion).toBe('0.1.0');
  });

  it('leaves projects without a point out of the KML and says so in the document description', () => {
    const text = projectsExport(PROJECTS, 'kml');
    const { collection } = parseKml(text);
    expect(collection.features.map((f) => f.properties?.seq)).toEqual(['1', '46']);
    expect(collection.features[0]?.properties).toMatchObject({
      name: '项目1',
      description: '建设内容1',
      county: '泰顺县',
    });
    expect(collection.features[1]?.geometry).toEqual({ type: 'Point', coordinates: [120.6906, 28.1534] });
    const description = documentDescription(text);
    expect(description).toContain('2 个项目没有点位');
    expect(description).toContain('序号 7、38');
    expect(description).toContain('2 project(s) without a point');
  });

  it('writes no document description when every project has a point and no stamp is given', () => {
    const text = projectsExport([PROJECTS[0]!], 'kml');
    expect(documentDescription(text)).toBe('');
    expect(parseKml(text).collection.features).toHaveLength(1);
  });
});
