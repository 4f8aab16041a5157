/**
 * The whole facility import (decode → parse → guess → build, all or nothing) on a 50,000-row
 * GCJ-02 CSV, UTF-8 and GBK, against a bare papaparse parse of the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { buildFacilities } from '../../src/core/import/build-facilities';
import { fromWgs84 } from '../../src/core/import/convert-crs';
import { guessColumns } from '../../src/core/import/guess-columns';
import { parseFacilityFile } from '../../src/core/import/parse-facility-file';
import { importSetIdentity } from '../../src/core/import/sha256';
import { DATA_FILES } from '../../src/shared/data-contract';
import type { Facility } from '../../src/shared/facilities';
import { DEFAULT_OUT_DIR } from '../data-build/paths';
import { seededRandom } from '../../src/core/util/seeded-random';
import { defineBench } from './bench-types';

export interface ImportContext {
  utf8: Uint8Array;
  gbk: Uint8Array;
  counties: FeatureCollection;
}

const LABELS = [
  '社区卫生服务中心',
  '卫生院',
  '幼儿园',
  '小学',
  '托育机构',
  '居家养老服务照料中心',
  '百姓健身房',
  '文化礼堂',
  '救助站',
  '便民服务点',
];
const STATUSES = ['现有', '现有', '现有', '在建', '规划', ''];

/** Rows scattered around the county seats, written in GCJ-02 as lists copied from 高德 would be. */
export function generateImportCsv(rows: number, counties: FeatureCollection): string {
  const random = seededRandom(50_000);
  const seats = counties.features.map((f) => f.properties?.['center'] as [number, number]);
  const lines = ['编号,名称,类别,经度,纬度,状态,床位,地址,联系电话'];
  for (let i = 0; i < rows; i++) {
    const seat = seats[Math.floor(random() * seats.length)] ?? [120.67, 28.0];
    const wgs: [number, number] = [seat[0] + (random() - 0.5) * 0.12, seat[1] + (random() - 0.5) * 0.12];
    const [lon, lat] = fromWgs84(wgs, 'gcj02');
    const label = LABELS[i % LABELS.length] ?? '';
    lines.push(
      [
        `F${String(i + 1).padStart(6, '0')}`,
        `【示例】${label}${i + 1}`,
        label,
        lon.toFixed(6),
        lat.toFixed(6),
        STATUSES[i % STATUSES.length],
        String(Math.floor(random() * 300)),
        '',
        '0577-0000000',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function importContext(rows: number): ImportContext {
  const counties = JSON.parse(readFileSync(join(DEFAULT_OUT_DIR, DATA_FILES.counties), 'utf8')) as FeatureCollection;
  const text = generateImportCsv(rows, counties);
  return {
    utf8: new TextEncoder().encode(`\uFEFF${text}`),
    gbk: new Uint8Array(iconv.encode(text, 'gbk')),
    counties,
  };
}

/** What the UI does from file bytes to facilities; throws if the import did not succeed. */
export async function fullImport(bytes: Uint8Array, counties: FeatureCollection): Promise<Facility[]> {
  const parsed = await parseFacilityFile('bench.csv', bytes);
  if (!parsed.ok) throw new Error(`parse: ${parsed.error.code}`);
  const guess = guessColumns(parsed.table);
  if (!guess.complete) throw new Error(`guess: missing ${guess.missing.join(', ')}`);
  const { setId } = await importSetIdentity(bytes);
  const result = buildFacilities({ table: parsed.table, mapping: guess.complete, sourceCrs: 'gcj02', setId, counties });
  if (!result.ok) throw new Error(`build: ${result.errors.length} errors`);
  return result.facilities;
}

/** Returns the parsed rows so the memory column shows what each case keeps. */
export function papaparseOnly(bytes: Uint8Array): string[][] {
  return Papa.parse<string[]>(new TextDecoder().decode(bytes)).data;
}

export function importBench(rows = 50_000) {
  return defineBench<ImportContext>({
    id: 'import',
    title: `Facility import, ${rows.toLocaleString('en')} rows (CSV, GCJ-02 → WGS-84)`,
    runs: 5,
    setup: () => importContext(rows),
    cases: [
      { name: 'papaparse only (UTF-8)', baseline: true, run: (c) => papaparseOnly(c.utf8) },
      { name: 'full import (UTF-8 + BOM)', run: (c) => fullImport(c.utf8, c.counties) },
      { name: 'full import (GBK)', run: (c) => fullImport(c.gbk, c.counties) },
    ],
  });
}
