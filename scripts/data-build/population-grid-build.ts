/**
 * The modelled population grid (data/geo/population/): there is no gridded population for Wenzhou
 * offline, so each county's official 2021 year-end resident population is spread over 250 m cells
 * in proportion to the (class-weighted) road length in each cell. A model, and labelled as one in
 * every output. Deterministic: same sources, same bytes.
 *
 * Run on its own: `npx tsx scripts/data-build/population-grid-build.ts [outDir]` (default data/geo;
 * needs <outDir>/counties.geojson and <outDir>/sources).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { encodePopulationGrid } from '../../src/core/population/grid-codec';
import { makePopulationGrid } from '../../src/core/population/grid';
import {
  DEFAULT_CELL_SIZE_M,
  DEFAULT_GRID_ORIGIN,
  GRID_PROJECTION_INFO,
  gridU,
  gridV,
  M_PER_DEG_LAT,
  M_PER_DEG_LON,
  type GridOrigin,
} from '../../src/core/population/projection';
import { COUNTIES } from '../../src/shared/counties';
import { DATA_FILES, type RoadClass } from '../../src/shared/data-contract';
import { parseSourceMd } from './attribution-parse';
import { geometriesBbox } from './geo-math';
import { readFeatureCollection, serializeJson } from './geojson-io';
import { DEFAULT_OUT_DIR } from './paths';
import { classifyRoad } from './road-classify';
import { readPopulation } from './samples-build';
import { sourcePath } from './source-files';

export const POPULATION_DIR = 'population';
export const POPULATION_FILES = {
  grid: DATA_FILES.populationGrid,
  meta: DATA_FILES.populationGridInfo,
  readme: `${POPULATION_DIR}/README.md`,
} as const;

/**
 * Proxy weight per metre of road, by class (road-classify.ts). See README "Method" for why:
 * named streets mark towns, expressways have no frontage, the rest counts plainly.
 */
export const ROAD_WEIGHTS: Readonly<Record<RoadClass, number>> = {
  expressway: 0,
  arterial: 1,
  provincial: 1,
  named: 2,
  unnamed: 1,
};

export const COUNTY_TOTALS_CITATION =
  '温州市统计局《2021年温州市人口主要数据公报》(2022-03-01) 表“全市及各县(市、区)主要数据”，年末常住人口（万人）, http://wztjj.wenzhou.gov.cn/art/2022/3/1/art_1243860_58726707.html';

export const METHOD_EN =
  "Modelled, not measured. Each county's official 2021 year-end resident population (温州市统计局, 万人 × 10,000) is spread over the 250 m grid cells whose centre lies inside the county, in proportion to the road length inside each cell, weighted by road class: named streets 2, unnamed roads, national/provincial highways and arterials 1, expressways 0. Whole people per cell by largest remainder, so every county sums exactly to its official figure; cells without roads get nobody. Road length is a proxy for where people live, not a count of them.";

export const METHOD_ZH =
  '模型估算，非实测数据。将各县（市、区）2021年末常住人口（温州市统计局，万人×10000）分配到中心点位于该县内的250米格网，权重为格网内的道路长度，按道路等级加权：有名称道路2，无名道路、国道省道及城市干道1，高速公路0。按最大余数法取整到人，使各县合计与官方数字完全一致；无道路的格网人口为0。道路长度只是居住分布的替代指标，不是人口计数。';

/**
 * Splits a segment given in grid units (cell (c, r) spans [c, c+1) × [r, r+1)) at every grid line
 * it crosses and calls add(col, row, metres) for each piece, metres being its share of `metres`.
 */
export function addSegmentToCells(
  u0: number,
  v0: number,
  u1: number,
  v1: number,
  metres: number,
  add: (col: number, row: number, metres: number) => void,
): void {
  const c0 = Math.floor(u0);
  const r0 = Math.floor(v0);
  if (c0 === Math.floor(u1) && r0 === Math.floor(v1)) {
    add(c0, r0, metres);
    return;
  }
  const ts: number[] = [0, 1];
  const du = u1 - u0;
  const dv = v1 - v0;
  for (let k = Math.floor(Math.min(u0, u1)) + 1; k <= Math.max(u0, u1); k++) ts.push((k - u0) / du);
  for (let k = Math.floor(Math.min(v0, v1)) + 1; k <= Math.max(v0, v1); k++) ts.push((k - v0) / dv);
  ts.sort((a, b) => a - b);
  for (let i = 1; i < ts.length; i++) {
    const t0 = ts[i - 1] as number;
    const t1 = ts[i] as number;
    if (!(t1 > t0)) continue;
    const mid = (t0 + t1) / 2;
    add(Math.floor(u0 + mid * du), Math.floor(v0 + mid * dv), (t1 - t0) * metres);
  }
}

/** Cells of `cols` × `rows` whose centre lies inside each county: COUNTIES index per cell, −1 outside. */
export function rasteriseCounties(
  counties: FeatureCollection,
  origin: GridOrigin,
  cellSizeM: number,
  cols: number,
  rows: number,
): { countyOf: Int8Array; overlapCells: number } {
  const countyOf = new Int8Array(cols * rows).fill(-1);
  let overlapCells = 0;
  COUNTIES.forEach((county, k) => {
    const feature = counties.features.find((f) => Number(f.properties?.['adcode']) === county.adcode);
    if (!feature) throw new Error(`counties.geojson: no polygon for ${county.adcode}`);
    const g = feature.geometry;
    const polygons: Position[][][] =
      g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    // All rings of all parts as edges in grid units; even–odd over all of them handles holes.
    const edges: number[] = [];
    let vMin = Infinity;
    let vMax = -Infinity;
    for (const polygon of polygons)
      for (const ring of polygon)
        for (let i = 0; i < ring.length; i++) {
          const a = ring[i] as Position;
          const b = ring[(i + 1) % ring.length] as Position;
          const av = gridV(origin, cellSizeM, a[1] as number);
          edges.push(gridU(origin, cellSizeM, a[0] as number), av);
          edges.push(gridU(origin, cellSizeM, b[0] as number), gridV(origin, cellSizeM, b[1] as number));
          vMin = Math.min(vMin, av);
          vMax = Math.max(vMax, av);
        }
    const crossings: number[] = [];
    const rFrom = Math.max(0, Math.floor(vMin - 0.5));
    const rTo = Math.min(rows - 1, Math.ceil(vMax));
    for (let r = rFrom; r <= rTo; r++) {
      const y = r + 0.5;
      crossings.length = 0;
      for (let e = 0; e < edges.length; e += 4) {
        const x1 = edges[e] as number;
        const y1 = edges[e + 1] as number;
        const x2 = edges[e + 2] as number;
        const y2 = edges[e + 3] as number;
        if (y1 > y !== y2 > y) crossings.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
      }
      crossings.sort((a, b) => a - b);
      for (let i = 0; i + 1 < crossings.length; i += 2) {
        const from = Math.max(0, Math.ceil((crossings[i] as number) - 0.5));
        const to = Math.min(cols - 1, Math.ceil((crossings[i + 1] as number) - 0.5) - 1);
        for (let c = from; c <= to; c++) {
          const idx = r * cols + c;
          if (countyOf[idx] === -1) countyOf[idx] = k;
          else overlapCells++;
        }
      }
    }
  });
  return { countyOf, overlapCells };
}

/**
 * Largest-remainder apportionment of `total` whole units over `weights` (all ≥ 0, sum > 0):
 * floor of each exact share, then one more unit to the largest remainders (ties: lower index).
 * The result sums exactly to `total`.
 */
export function largestRemainder(total: number, weights: Float64Array): Float64Array {
  if (!Number.isInteger(total) || total < 0) throw new Error(`largestRemainder: total ${total} is not a whole number`);
  let sum = 0;
  for (const w of weights) sum += w;
  const out = new Float64Array(weights.length);
  if (total === 0) return out;
  if (!(sum > 0)) throw new Error('largestRemainder: weights sum to 0');
  const remainder = new Float64Array(weights.length);
  let assigned = 0;
  for (let i = 0; i < weights.length; i++) {
    const exact = (total * (weights[i] as number)) / sum;
    const whole = Math.floor(exact);
    out[i] = whole;
    remainder[i] = exact - whole;
    assigned += whole;
  }
  const order = Array.from(weights.keys()).sort((a, b) => (remainder[b] as number) - (remainder[a] as number) || a - b);
  // Floating-point shares can overshoot by a unit at most; take it back from the smallest remainders.
  for (let k = order.length - 1; assigned > total && k >= 0; k--) {
    const i = order[k] as number;
    if ((out[i] as number) > 0) {
      out[i] = (out[i] as number) - 1;
      assigned--;
    }
  }
  for (let k = 0; assigned < total; k = (k + 1) % order.length) {
    const i = order[k] as number;
    if ((weights[i] as number) > 0) {
      out[i] = (out[i] as number) + 1;
      assigned++;
    }
  }
  return out;
}

export interface CountyGridStats {
  adcode: number;
  name: string;
  official10k: number;
  population: number;
  /** Cells stored (population > 0). */
  cells: number;
  /** Cells whose centre lies in the county (with or without roads). */
  cellsInCounty: number;
  roadKm: number;
  weightedRoadKm: number;
  maxCellPopulation: number;
}

export interface PopulationGridReport {
  outputs: { path: string; bytes: number }[];
  cells: number;
  population: number;
  counties: CountyGridStats[];
  roadKmOutsideCounties: number;
  overlapCells: number;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function readme(meta: { counties: CountyGridStats[]; cells: number; population: number; bytes: number }): string {
  const rows = meta.counties.map(
    (c) =>
      `| ${c.name} | ${c.adcode} | ${c.official10k.toFixed(2)} | ${c.population.toLocaleString('en-US')} | ${c.cells.toLocaleString('en-US')} | ${c.cellsInCounty.toLocaleString('en-US')} | ${c.roadKm.toFixed(0)} | ${c.maxCellPopulation.toLocaleString('en-US')} |`,
  );
  return [
    '# Modelled population grid 模型人口格网',
    '',
    '**This is a model, not population data.** No gridded population (census blocks, WorldPop, GHS-POP,',
    'LandScan) is available offline for Wenzhou, so the county totals are spread over a grid by a proxy.',
    'Every view that uses it says "modelled / 模型估算". Users who have real counts can import their own',
    "points or cells (`aggregatePopulationPoints`, source 'imported'), which then replace the model.",
    '',
    '本格网为**模型估算**，并非人口普查或遥感人口数据：温州没有可离线使用的格网人口数据，因此按道路长度把各县（市、区）',
    '官方常住人口分配到 250 米格网。所有使用它的结果都标注“模型估算”。有真实人口点位或格网数据的用户可以导入替换。',
    '',
    '## Method 方法',
    '',
    METHOD_EN,
    '',
    METHOD_ZH,
    '',
    '- **Grid**: square 250 m cells in an equirectangular projection with standard parallel 27.9°N;',
    `  cell (0, 0) has its south-west corner at ${DEFAULT_GRID_ORIGIN.lon}°E, ${DEFAULT_GRID_ORIGIN.lat}°N (WGS-84).`,
    '  x = (lon − 119.5) × 111,195.08 × cos 27.9° m, y = (lat − 26.9) × 111,195.08 m. North–south lengths are',
    '  true; east–west lengths and areas are off by cos 27.9° / cos lat: −0.78 % at 27.04°N (southern tip) to',
    '  +0.67 % at 28.61°N (northern tip), i.e. < 0.8 % anywhere in the city. A cell is a regular lon/lat box.',
    '- **County of a cell**: the county polygon (`counties.geojson`) containing the cell centre. Road length',
    '  in cells whose centre is outside every county (sea, neighbouring provinces) is dropped.',
    '- **Proxy**: length of road inside the cell (each road segment is split exactly at the grid lines), from',
    '  the road network in `sources/roads-wangshanbo`, classed by name (`scripts/data-build/road-classify.ts`),',
    `  weighted per metre: ${Object.entries(ROAD_WEIGHTS)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '  - Roads are the only layer that covers the whole city at street level; people live along them and',
    '    built-up areas have denser networks.',
    '  - Named streets count double: in this data names are given almost only in towns (44,256 of 53,121',
    '    segments are "Unnamed Road"), and a metre of town street has more residents than a metre of village',
    '    or mountain road. The factor 2 is a judgement, not a calibration (there is nothing to calibrate',
    '    against); it tilts the model towards town centres without letting names dominate.',
    '  - Expressways count zero: fenced, no frontage; counting them would put people along the 沈海/甬台温',
    '    corridors through fields and hills.',
    '- **Rounding**: each county total (万人 × 10,000, e.g. 118.95 → 1,189,500 people) is apportioned over its',
    '  cells by largest remainder (ties: lower cell index), so every county sums *exactly* to the official',
    '  figure and every cell holds a whole number of people. Only cells with at least one person are stored.',
    '',
    '## Caveats 局限',
    '',
    '- Road length ≠ people. High-rise districts hold far more people per metre of street than the model',
    '  gives them; sprawling village and farm roads get too many.',
    '- Industrial zones, ports and logistics parks (e.g. 浙南产业集聚区, 龙湾/乐清 industrial belts) have dense',
    '  roads and few residents: the model puts residents there.',
    '- Mountain roads: long winding roads in 文成, 泰顺 and 永嘉 carry many metres per cell for very few people,',
    '  so mountain hamlets along roads are over-weighted relative to valley towns within the same county.',
    '- Cells without any mapped road have nobody, though some scattered homes exist there; the network',
    '  (`sources/roads-wangshanbo`, provenance not documented) is incomplete in places.',
    '- The totals are 2021 year-end residents (常住人口), not registered (户籍) population; the county',
    '  boundaries are generalised, so cells along a boundary can fall in the neighbouring county.',
    '- Use results as relative comparisons (which area is better or worse served), not as head counts of',
    '  specific neighbourhoods. Numbers below one county are modelled.',
    '',
    '## Files 文件',
    '',
    `- \`population-grid.bin\` (${meta.bytes.toLocaleString('en-US')} bytes): 64-byte header + typed arrays, read`,
    '  with `decodePopulationGrid` (src/core/population/grid-codec.ts, which documents the layout).',
    '  Population is stored as Uint32; lon/lat of cell centres are derived from col/row and the origin.',
    '- `population-grid.json`: cell size, origin, projection, method (zh/en), `"modelled": true`, source and',
    '  licence of the county totals, per-county totals and cell counts.',
    '',
    `${meta.cells.toLocaleString('en-US')} populated cells, ${meta.population.toLocaleString('en-US')} people.`,
    '',
    '| 县（市、区） | adcode | 2021 常住人口（万人） | people in grid | cells with people | cells in county | road km | max people per cell |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Source of the totals: ${COUNTY_TOTALS_CITATION}.`,
    '',
  ].join('\n');
}

/**
 * Reads <outDir>/counties.geojson and <outDir>/sources (roads, population), writes
 * <outDir>/population/{population-grid.bin, population-grid.json, README.md}.
 */
export function buildPopulationGrid(
  outDir: string,
  write: (path: string, data: string | Uint8Array) => void = (path, data) => {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), data);
  },
): PopulationGridReport {
  const counties = readFeatureCollection(join(outDir, DATA_FILES.counties));
  const roads = readFeatureCollection(sourcePath(outDir, 'roads-wangshanbo', 'wenzhou_roads_wgs84.geojson'));
  const official = readPopulation(
    readFileSync(sourcePath(outDir, 'population', 'wenzhou_population_by_county.csv'), 'utf8'),
  );
  const populationSource = parseSourceMd(
    'population',
    readFileSync(sourcePath(outDir, 'population', 'SOURCE.md'), 'utf8'),
  );
  const origin = DEFAULT_GRID_ORIGIN;
  const size = DEFAULT_CELL_SIZE_M;

  const bbox = geometriesBbox(counties.features.map((f: Feature) => f.geometry));
  if (bbox[0] < origin.lon || bbox[1] < origin.lat)
    throw new Error('population grid: counties lie west/south of the grid origin');
  const cols = Math.ceil(gridU(origin, size, bbox[2])) + 1;
  const rows = Math.ceil(gridV(origin, size, bbox[3])) + 1;
  const { countyOf, overlapCells } = rasteriseCounties(counties, origin, size, cols, rows);

  // Road metres per cell: weighted (the proxy) and plain (for the report).
  const weighted = new Float64Array(cols * rows);
  const plain = new Float64Array(cols * rows);
  let outsideM = 0;
  for (const feature of roads.features) {
    const weight = ROAD_WEIGHTS[classifyRoad(feature.properties?.['name'])];
    const g = feature.geometry;
    const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    for (const line of lines)
      for (let i = 1; i < line.length; i++) {
        const a = line[i - 1] as Position;
        const b = line[i] as Position;
        const u0 = gridU(origin, size, a[0] as number);
        const v0 = gridV(origin, size, a[1] as number);
        const u1 = gridU(origin, size, b[0] as number);
        const v1 = gridV(origin, size, b[1] as number);
        // Length in the grid projection (within 0.8 % of true; the proxy only needs proportions).
        const metres = Math.hypot(u1 - u0, v1 - v0) * size;
        addSegmentToCells(u0, v0, u1, v1, metres, (c, r, m) => {
          const idx = r * cols + c;
          if (c < 0 || r < 0 || c >= cols || r >= rows || countyOf[idx] === -1) {
            outsideM += m;
            return;
          }
          plain[idx] = (plain[idx] as number) + m;
          weighted[idx] = (weighted[idx] as number) + m * weight;
        });
      }
  }

  // Apportion each county's people over its cells with road weight > 0.
  const people = new Float64Array(cols * rows);
  const stats: CountyGridStats[] = COUNTIES.map((county, k) => {
    const cellIdx: number[] = [];
    let cellsInCounty = 0;
    let roadM = 0;
    let weightedM = 0;
    for (let idx = 0; idx < countyOf.length; idx++) {
      if (countyOf[idx] !== k) continue;
      cellsInCounty++;
      roadM += plain[idx] as number;
      weightedM += weighted[idx] as number;
      if ((weighted[idx] as number) > 0) cellIdx.push(idx);
    }
    const official10k = official.get(county.adcode) ?? 0;
    const total = Math.round(official10k * 10_000);
    if (cellIdx.length === 0)
      throw new Error(`population grid: no weighted road inside ${county.name} (${county.adcode})`);
    const shares = largestRemainder(
      total,
      Float64Array.from(cellIdx, (idx) => weighted[idx] as number),
    );
    let cells = 0;
    let max = 0;
    cellIdx.forEach((idx, j) => {
      const p = shares[j] as number;
      people[idx] = p;
      if (p > 0) cells++;
      max = Math.max(max, p);
    });
    return {
      adcode: county.adcode,
      name: county.name,
      official10k,
      population: total,
      cells,
      cellsInCounty,
      roadKm: round3(roadM / 1000),
      weightedRoadKm: round3(weightedM / 1000),
      maxCellPopulation: max,
    };
  });

  const kept: number[] = [];
  for (let idx = 0; idx < people.length; idx++) if ((people[idx] as number) > 0) kept.push(idx);
  const grid = makePopulationGrid({
    cellSizeM: size,
    origin,
    col: Uint32Array.from(kept, (idx) => idx % cols),
    row: Uint32Array.from(kept, (idx) => Math.floor(idx / cols)),
    population: Float64Array.from(kept, (idx) => people[idx] as number),
    county: Uint32Array.from(kept, (idx) => COUNTIES[countyOf[idx] as number]?.adcode ?? 0),
    source: 'modelled',
  });
  const bytes = encodePopulationGrid(grid);
  const population = stats.reduce((s, c) => s + c.population, 0);

  const meta = {
    format: 'outu-population-grid',
    version: 1,
    modelled: true,
    source: 'modelled',
    note: 'MODELLED, NOT MEASURED: county totals spread over cells by road length. 模型估算，非实测。See README.md.',
    year: 2021,
    cellSizeM: size,
    origin: { lon: origin.lon, lat: origin.lat },
    extent: { cols, rows },
    projection: {
      ...GRID_PROJECTION_INFO,
      mPerDegLon: round3(M_PER_DEG_LON),
      mPerDegLat: round3(M_PER_DEG_LAT),
    },
    files: {
      grid: 'population-grid.bin',
      layout:
        '64-byte header (magic OTPG, version, cell count, population type, cell size, origin, lat0, source, FNV-1a checksum) + population Uint32[n] + col Uint32[n] + row Uint32[n] + county adcode Uint32[n], little-endian, cells sorted by (row, col); decode with src/core/population decodePopulationGrid',
    },
    method: { en: METHOD_EN, zh: METHOD_ZH },
    proxy: {
      measure: 'road length inside the cell (segments split at grid lines), metres × class weight',
      weights: ROAD_WEIGHTS,
      roads:
        'sources/roads-wangshanbo (classes from names, scripts/data-build/road-classify.ts); licence: none stated, provenance not documented',
    },
    countyTotals: {
      title: populationSource.title,
      citation: COUNTY_TOTALS_CITATION,
      field: 'pop_2021_yearend_10k (万人) × 10,000 = people',
      licence: populationSource.licence,
    },
    counties: stats,
    total: { population, cells: grid.population.length },
    dropped: {
      roadKmOutsideCounties: round3(outsideM / 1000),
      overlapCells,
    },
  };

  const outputs: PopulationGridReport['outputs'] = [];
  const emit = (path: string, data: string | Uint8Array): void => {
    write(path, data);
    outputs.push({ path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length });
  };
  emit(POPULATION_FILES.grid, bytes);
  emit(POPULATION_FILES.meta, serializeJson(meta));
  emit(
    POPULATION_FILES.readme,
    readme({ counties: stats, cells: grid.population.length, population, bytes: bytes.length }),
  );
  return {
    outputs,
    cells: grid.population.length,
    population,
    counties: stats,
    roadKmOutsideCounties: meta.dropped.roadKmOutsideCounties,
    overlapCells,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? DEFAULT_OUT_DIR);
  const started = performance.now();
  const report = buildPopulationGrid(outDir);
  console.log(
    `population grid: ${report.cells} cells, ${report.population} people, ${Math.round(performance.now() - started)} ms`,
  );
  for (const o of report.outputs) console.log(`  ${o.path} ${o.bytes} bytes`);
  console.log(
    `  road km outside every county: ${report.roadKmOutsideCounties}; overlapping cells: ${report.overlapCells}`,
  );
}
