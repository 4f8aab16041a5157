/**
 * Generated sample facility lists (示例数据, never real facilities) and the 12 county public
 * service centres (real points: the county seats from the boundary data).
 *
 * Samples exist so every analysis can be tried before real lists are imported. They are written
 * as the CSV files a user would import (Chinese headers, UTF-8 with BOM), placed on vertices of the
 * real road network, so nothing lands in the sea, and spread over counties in proportion to their
 * official 2021 population. A seeded PRNG makes every build byte-identical.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { createCountyLocator, type CountyLocator } from '../../src/core/geo/county-locator';
import { COUNTIES } from '../../src/shared/counties';
import { DATA_FILES } from '../../src/shared/data-contract';
import { seededRandom } from '../../src/core/util/seeded-random';
import type { Facility, FacilityCategory } from '../../src/shared/facilities';
import { readFeatureCollection, serializeFeatureCollection } from './geojson-io';
import { sourcePath } from './source-files';

export const SAMPLES_DIR = DATA_FILES.samplesDir;
export const COUNTY_CENTRES_FILE = DATA_FILES.countyCentres;
export const SAMPLE_NATURE = '示例数据（随机生成，非真实设施）';

interface CategorySpec {
  category: FacilityCategory;
  count: number;
  /** Text in the 类别 column (what a user's file would say; the importer maps it back). */
  label: string;
  /** Facility noun in the generated name: 【示例】<noun> 0001. */
  noun: string;
  /** Capacity column and the range of its random values (rounded to `step`). */
  capacity?: { column: string; min: number; max: number; step: number };
}

export const SAMPLE_SPECS: readonly CategorySpec[] = [
  {
    category: 'sports',
    count: 2000,
    label: '体育健身',
    noun: '体育健身设施',
    capacity: { column: '面积(㎡)', min: 200, max: 5000, step: 10 },
  },
  {
    category: 'health',
    count: 300,
    label: '医疗卫生',
    noun: '医疗卫生设施',
    capacity: { column: '床位', min: 10, max: 500, step: 10 },
  },
  {
    category: 'education',
    count: 400,
    label: '教育',
    noun: '教育设施',
    capacity: { column: '学位', min: 180, max: 2400, step: 30 },
  },
  {
    category: 'childcare',
    count: 150,
    label: '托育',
    noun: '托育机构',
    capacity: { column: '托位', min: 20, max: 150, step: 5 },
  },
  {
    category: 'elderly',
    count: 300,
    label: '养老服务',
    noun: '养老服务设施',
    capacity: { column: '床位', min: 20, max: 300, step: 10 },
  },
  {
    category: 'culture',
    count: 250,
    label: '文化',
    noun: '文化设施',
    capacity: { column: '座位', min: 50, max: 800, step: 10 },
  },
  {
    category: 'social-assistance',
    count: 60,
    label: '社会救助',
    noun: '社会救助设施',
    capacity: { column: '床位', min: 10, max: 120, step: 5 },
  },
  { category: 'other', count: 200, label: '便民服务', noun: '便民服务设施' },
];

export function sampleFileName(category: FacilityCategory): string {
  return `${SAMPLES_DIR}/sample-${category}.csv`;
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Largest-remainder apportionment: shares proportional to weight that sum exactly to total. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) {
    const i = order[k]?.[1];
    if (i !== undefined) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** adcode → 2021 year-end resident population (万人) from the official bulletin's CSV. */
export function readPopulation(csv: string): Map<number, number> {
  const [header = '', ...lines] = csv.trim().split(/\r?\n/);
  const columns = header.split(',');
  const adcodeAt = columns.indexOf('adcode');
  const popAt = columns.indexOf('pop_2021_yearend_10k');
  const population = new Map<number, number>();
  for (const line of lines) {
    const cells = line.split(',');
    population.set(Number(cells[adcodeAt]), Number(cells[popAt]));
  }
  for (const county of COUNTIES) {
    const value = population.get(county.adcode);
    if (value === undefined || !(value > 0)) throw new Error(`population: no 2021 figure for ${county.adcode}`);
  }
  return population;
}

/** Distinct road vertices per county, in file order (the road file tags each line with its county). */
export function roadVerticesByCounty(roads: FeatureCollection): Map<number, [number, number][]> {
  const byCounty = new Map<number, [number, number][]>();
  const seen = new Set<string>();
  for (const feature of roads.features) {
    const adcode = Number(feature.properties?.['county_adcode']);
    const g = feature.geometry;
    const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    let list = byCounty.get(adcode);
    if (!list) byCounty.set(adcode, (list = []));
    for (const line of lines)
      for (const [lon, lat] of line) {
        if (lon === undefined || lat === undefined) continue;
        const key = `${lon},${lat}`;
        if (seen.has(key)) continue;
        seen.add(key);
        list.push([lon, lat]);
      }
  }
  return byCounty;
}

interface SampleRow {
  county: number;
  point: [number, number];
  status: string;
  capacity: number | null;
}

function pickStatus(r: number): string {
  // Mostly existing facilities, a few being built or planned, so status filters have something to show.
  return r < 0.85 ? '现有' : r < 0.93 ? '在建' : '规划';
}

/**
 * Draws vertices without replacement (a lazy Fisher–Yates over each county's list) and keeps a
 * vertex only if it lies inside that county's polygon: road lines tagged with one county can run
 * into the next, and a sample counted for 泰顺 must be in 泰顺.
 */
function placeSamples(
  spec: CategorySpec,
  vertices: Map<number, [number, number][]>,
  population: Map<number, number>,
  locate: CountyLocator,
  used: Set<string>,
): SampleRow[] {
  const random = seededRandom(seedOf(spec.category));
  const perCounty = apportion(
    spec.count,
    COUNTIES.map((c) => population.get(c.adcode) ?? 0),
  );
  const rows: SampleRow[] = [];
  COUNTIES.forEach((county, ci) => {
    const pool = [...(vertices.get(county.adcode) ?? [])];
    let remaining = pool.length;
    for (let placed = 0; placed < (perCounty[ci] ?? 0);) {
      if (remaining === 0) throw new Error(`samples: not enough road vertices in ${county.name} for ${spec.category}`);
      const k = Math.floor(random() * remaining);
      const point = pool[k] as [number, number];
      pool[k] = pool[remaining - 1] as [number, number];
      remaining--;
      const key = `${point[0]},${point[1]}`;
      if (used.has(key)) continue;
      const hit = locate(point[0], point[1]);
      if (hit?.how !== 'inside' || hit.adcode !== county.adcode) continue;
      used.add(key);
      const c = spec.capacity;
      const capacity = c ? c.min + Math.floor(random() * ((c.max - c.min) / c.step + 1)) * c.step : null;
      rows.push({ county: county.adcode, point, status: pickStatus(random()), capacity });
      placed++;
    }
  });
  return rows;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderSampleCsv(spec: CategorySpec, rows: readonly SampleRow[]): string {
  const header = [
    '名称',
    '类别',
    '经度',
    '纬度',
    '状态',
    ...(spec.capacity ? [spec.capacity.column] : []),
    '地址',
    '数据性质',
  ];
  const lines = rows.map((row, i) => {
    const name = `【示例】${spec.noun} ${String(i + 1).padStart(4, '0')}`;
    const capacity = spec.capacity ? [String(row.capacity ?? '')] : [];
    const cells = [
      name,
      spec.label,
      row.point[0].toFixed(6),
      row.point[1].toFixed(6),
      row.status,
      ...capacity,
      '',
      SAMPLE_NATURE,
    ];
    return cells.map(csvCell).join(',');
  });
  // The BOM makes Excel open the file as UTF-8, as with Excel's own "CSV UTF-8" export.
  return `\uFEFF${[header.join(','), ...lines].join('\n')}\n`;
}

export type CountyCentreProps = Omit<Facility, 'lon' | 'lat' | 'sourceRow' | 'address'> & {
  /** Same as countyAdcode; the name the other county files use. */
  adcode: number;
  pointSource: 'county-seat';
  note: string;
};

export function countyCentreFeatures(counties: FeatureCollection): Feature<Point, CountyCentreProps>[] {
  return COUNTIES.map((county) => {
    const feature = counties.features.find((f) => f.properties?.['adcode'] === county.adcode);
    const center = feature?.properties?.['center'];
    if (!Array.isArray(center) || center.length < 2)
      throw new Error(`counties.geojson: no center for ${county.adcode}`);
    return {
      type: 'Feature',
      properties: {
        id: `county-centres:${county.adcode}`,
        setId: 'county-centres',
        name: `${county.name}县级公共服务中心（县政府驻地）`,
        adcode: county.adcode,
        category: 'other',
        status: 'existing',
        countyAdcode: county.adcode,
        capacity: {},
        extra: {},
        pointSource: 'county-seat',
        note: '县政府驻地：取自县界数据（counties.geojson 的 center），为真实点位；用作 1.5 小时农村基本公共服务圈的起点。',
      },
      geometry: { type: 'Point', coordinates: [Number(center[0]), Number(center[1])] },
    };
  });
}

function readme(counts: readonly { spec: CategorySpec; perCounty: Map<number, number> }[]): string {
  const header = `| 县（市、区） | ${counts.map((c) => c.spec.label).join(' | ')} |`;
  const rule = `|---|${counts.map(() => '---:').join('|')}|`;
  const rows = COUNTIES.map(
    (county) => `| ${county.name} | ${counts.map((c) => c.perCounty.get(county.adcode) ?? 0).join(' | ')} |`,
  );
  const total = `| 合计 | ${counts.map((c) => c.spec.count).join(' | ')} |`;
  return [
    '# 示例设施数据（随机生成，非真实设施）',
    '',
    'These files are **generated samples, not real facilities**. Every name starts with 【示例】 and every row says',
    `数据性质 = ${SAMPLE_NATURE}. They let the analyses be tried before real facility lists are imported;`,
    'never use them as facts.',
    '',
    'How they are made (`scripts/data-build/samples-build.ts`, part of `npm run data:build`):',
    '',
    '- points are vertices of the road network (`sources/roads-wangshanbo`), drawn at random with a fixed seed per',
    '  category (so every build is byte-identical) and kept only when inside the county they are counted for;',
    '  no two samples share a vertex. A vertex is a point on a road, not a real place; addresses are left blank;',
    '- the number per county is proportional to the official 2021 year-end resident population',
    '  (`sources/population`, 温州市统计局), by largest remainder;',
    '- status is 现有 (~85 %), 在建 (~8 %) or 规划 (~7 %); capacity figures are random within a plausible range;',
    '- coordinates are WGS-84, 6 decimals; files are UTF-8 with BOM, with the Chinese headers a real list would have,',
    '  so they also exercise the import path (名称, 类别, 经度, 纬度, 状态, 床位/学位/托位/座位/面积(㎡), 地址, 数据性质).',
    '',
    'Counts per county:',
    '',
    header,
    rule,
    ...rows,
    total,
    '',
    `\`../${COUNTY_CENTRES_FILE}\` is different: it holds the 12 county public service centres as the real county`,
    'seats (县政府驻地) from the boundary data, the origins of the 1.5-hour rural public-service circle.',
    '',
  ].join('\n');
}

export interface SamplesReport {
  outputs: { path: string; bytes: number }[];
}

/**
 * Reads <outDir>/sources (roads, population) and <outDir>/counties.geojson, writes
 * <outDir>/samples/* and <outDir>/facilities-county-centres.geojson. `write` defaults to writing
 * files; the pipeline can pass its own to record outputs.
 */
export function buildSamples(
  outDir: string,
  write: (path: string, data: string) => void = (path, data) => writeFileSync(join(outDir, path), data),
): SamplesReport {
  const counties = readFeatureCollection(join(outDir, DATA_FILES.counties));
  const roads = readFeatureCollection(sourcePath(outDir, 'roads-wangshanbo', 'wenzhou_roads_wgs84.geojson'));
  const population = readPopulation(
    readFileSync(sourcePath(outDir, 'population', 'wenzhou_population_by_county.csv'), 'utf8'),
  );
  const locate = createCountyLocator(counties, 0);
  const vertices = roadVerticesByCounty(roads);
  const used = new Set<string>();
  const outputs: SamplesReport['outputs'] = [];
  const emit = (path: string, data: string): void => {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    write(path, data);
    outputs.push({ path, bytes: Buffer.byteLength(data) });
  };

  const counts: { spec: CategorySpec; perCounty: Map<number, number> }[] = [];
  for (const spec of SAMPLE_SPECS) {
    const rows = placeSamples(spec, vertices, population, locate, used);
    const perCounty = new Map<number, number>();
    for (const row of rows) perCounty.set(row.county, (perCounty.get(row.county) ?? 0) + 1);
    counts.push({ spec, perCounty });
    emit(sampleFileName(spec.category), renderSampleCsv(spec, rows));
  }
  emit(`${SAMPLES_DIR}/README.md`, readme(counts));
  emit(COUNTY_CENTRES_FILE, serializeFeatureCollection(countyCentreFeatures(counties)));
  return { outputs };
}
