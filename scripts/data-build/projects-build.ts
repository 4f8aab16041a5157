/**
 * Step: the plan's 69 major projects → projects.geojson + project-summary.json.
 *
 * Reads sources/plan-projects/{projects,summary}.tsv (hand-checked transcription), verifies them
 * cell by cell against sources/plan-seed/plan.txt (the plan itself), and places each project
 * no more precisely than the table allows: a county seat when 建设地点 names one county (or a
 * functional zone known to lie in one), no point at all for citywide / multi-county / unsited
 * projects. There is no township gazetteer offline, so a township name never yields a township
 * point. Also runs the summary-table check (src/core/projects/data-check.ts).
 *
 * `npx tsx scripts/data-build/projects-build.ts [outDir]` runs it on its own (outDir must already
 * hold counties.geojson and sources/).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { checkProjectData, type ProjectDataCheck, type ProjectSummaryTable } from '../../src/core/projects/data-check';
import { COUNTIES, type CountyInfo } from '../../src/shared/counties';
import { DATA_FILES, type CountyFeatureProps } from '../../src/shared/data-contract';
import { translateMessage } from '../../src/shared/i18n/message';
import {
  PROJECT_CATEGORIES,
  type GeocodePrecision,
  type ProjectCategory,
  type ProjectCategorySummary,
  type ProjectProps,
} from '../../src/shared/projects';
import { serializeJson } from './geojson-io';
import {
  extractProjectTable,
  extractSummaryTable,
  parseTsv,
  PROJECT_COLUMNS,
  PROJECT_TSV_COLUMNS,
  SUMMARY_TSV_COLUMNS,
  transcribes,
  type ProjectTsvRow,
  type SummaryTsvRow,
} from './plan-projects-extract';
import { documentSourcePath } from './source-files';

export type ProjectFeature = Feature<Point | null, ProjectProps>;

export interface ProjectsBuild {
  /** Text of projects.geojson. */
  geojson: string;
  /** Text of project-summary.json. */
  summary: string;
  features: ProjectFeature[];
  summaryTable: ProjectSummaryTable;
  checks: ProjectDataCheck;
}

export const PROJECT_COUNT = 69;

// ---------------------------------------------------------------------------------------------
// Numbers

const NO_FIGURE = new Set(['待定', '——', '—', '']);

/** "1000.0" → 1000, "待定"/"——"/"—"/"" → null; anything else is an error. */
export function parseInvestment(text: string, where: string): number | null {
  const t = text.trim();
  if (NO_FIGURE.has(t)) return null;
  if (!/^\d+(?:\.\d+)?$/.test(t)) throw new Error(`${where}: not an investment figure: "${text}"`);
  return Number(t);
}

function parseCount(text: string, where: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`${where}: not a count: "${text}"`);
  return Number(text);
}

// ---------------------------------------------------------------------------------------------
// Geocoding

export const NOTE_COUNTY = '县政府驻地（建设地点仅到县级）';
export const NOTE_CITYWIDE = '全市项目（建设地点为“全市”），不落点';
export const NOTE_DIGITAL = '数字化应用，面向全市，无建设地点，不落点';
export const NOTE_MULTI_COUNTY = '建设地点涉及多个县（市、区），不落点';

const CITYWIDE_LOCATIONS = new Set(['全市', '市区', '市本级', '全市域']);
const UNKNOWN_LOCATIONS = new Set(['', '—', '——', '未定', '待定']);

/**
 * Functional zones (功能区) named as 建设地点. Each is mapped to a county only when it is known to
 * lie entirely within that county; see SOURCE.md (plan-projects, Caveats) for the evidence.
 */
export const FUNCTIONAL_ZONES: readonly { names: readonly string[]; adcode: number | null; note: string }[] = [
  {
    // 温州经济技术开发区 and 浙南产业集聚区 are one zone under two names; 温州市统计局's 2021 population
    // bulletin lists "#浙南产业集聚区" as an of-which line of 龙湾区 (see population/SOURCE.md).
    names: ['经开区', '温州经济技术开发区', '温州经开区', '浙南产业集聚区'],
    adcode: 330303,
    note: '县政府驻地（建设地点为功能区“经开区”即温州经济技术开发区〔浙南产业集聚区〕，温州市统计局2021年人口公报将其列为龙湾区的“其中”项，位于龙湾区境内；点位为龙湾区政府驻地）',
  },
  {
    names: ['温州高新技术产业开发区', '温州高新区', '高新区'],
    adcode: null,
    note: '建设地点为功能区“温州高新技术产业开发区”：主体在龙湾区，但2020年起在龙港市设有分园，不能确定整体位于一县，不落点',
  },
  {
    names: ['瓯江口', '瓯江口新区', '瓯江口产业集聚区'],
    adcode: null,
    note: '建设地点为功能区“瓯江口”，所属县（区）未经核实，不落点',
  },
  {
    names: ['生态园', '温州生态园', '三垟湿地'],
    adcode: null,
    note: '建设地点为功能区“温州生态园”（大罗山—三垟湿地），范围未经核实、可能跨瓯海区、龙湾区、瑞安市，不落点',
  },
];

/**
 * Rows whose 建设地点 says nothing usable but whose county is certain from the row itself.
 * Keyed by 序号 and guarded by the name, so an edit to the TSV cannot silently misapply them.
 */
export const LOCATION_OVERRIDES: readonly { seq: number; name: string; adcode: number; note: string }[] = [
  {
    seq: 46,
    name: '永嘉县殡仪馆（永嘉县殡仪服务中心）',
    adcode: 330324,
    note: '县政府驻地（建设地点“未定”；项目为永嘉县殡仪馆、实施单位为永嘉县民政局，故在永嘉县境内，具体选址未定）',
  },
];

export interface Geocode {
  precision: GeocodePrecision;
  countyAdcode: number | null;
  note: string;
}

function shortName(c: CountyInfo): string {
  return c.name.replace(/[区县市]$/, '');
}

/** Counties whose name (with or without 区/县/市) occurs in the text. */
export function countiesNamedIn(text: string): CountyInfo[] {
  return COUNTIES.filter((c) => text.includes(c.name) || text.includes(shortName(c)));
}

/** What a 建设地点 (plus the row's identity, for overrides) allows us to say about where a project is. */
export function geocodeProject(row: {
  seq: number;
  name: string;
  category: ProjectCategory;
  location: string;
}): Geocode {
  const location = row.location.trim();
  const override = LOCATION_OVERRIDES.find((o) => o.seq === row.seq);
  if (override && override.name === row.name && UNKNOWN_LOCATIONS.has(location)) {
    return { precision: 'county', countyAdcode: override.adcode, note: override.note };
  }
  if (row.category === '数字社会系统建设') return { precision: 'citywide', countyAdcode: null, note: NOTE_DIGITAL };
  if (CITYWIDE_LOCATIONS.has(location)) return { precision: 'citywide', countyAdcode: null, note: NOTE_CITYWIDE };
  if (UNKNOWN_LOCATIONS.has(location)) {
    return {
      precision: 'citywide',
      countyAdcode: null,
      note: `建设地点未列（表中为“${location}”），不落点`,
    };
  }
  const counties = countiesNamedIn(location);
  if (counties.length > 1) return { precision: 'citywide', countyAdcode: null, note: NOTE_MULTI_COUNTY };
  const county = counties[0];
  if (county) {
    const rest = location.replace(county.name, '').replace(shortName(county), '');
    if (/[镇乡]|街道/.test(rest)) {
      return {
        precision: 'county',
        countyAdcode: county.adcode,
        note: `县政府驻地（建设地点写到乡镇级“${rest}”，离线无乡镇点位，点位只到县级）`,
      };
    }
    return { precision: 'county', countyAdcode: county.adcode, note: NOTE_COUNTY };
  }
  const zone = FUNCTIONAL_ZONES.find((z) => z.names.some((n) => location.includes(n)));
  if (zone) {
    return zone.adcode === null
      ? { precision: 'citywide', countyAdcode: null, note: zone.note }
      : { precision: 'county', countyAdcode: zone.adcode, note: zone.note };
  }
  throw new Error(`序号${row.seq}: 建设地点 "${row.location}" names no county, zone or citywide term; add a rule`);
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** County seats from counties.geojson (built by the counties step). */
export function readCountySeats(countiesFile: string): Map<number, [number, number]> {
  const fc = JSON.parse(readFileSync(countiesFile, 'utf8')) as FeatureCollection<null, CountyFeatureProps>;
  const seats = new Map<number, [number, number]>();
  for (const f of fc.features) {
    const [lon, lat] = f.properties.center;
    seats.set(f.properties.adcode, [round6(lon), round6(lat)]);
  }
  for (const c of COUNTIES) if (!seats.has(c.adcode)) throw new Error(`${countiesFile}: no county ${c.adcode}`);
  return seats;
}

// ---------------------------------------------------------------------------------------------
// Verification against the plan text

/** Throws unless every TSV row and cell transcribes the plan's table (see `transcribes`). */
export function verifyTranscription(
  planText: string,
  projects: readonly ProjectTsvRow[],
  summary: readonly SummaryTsvRow[],
): void {
  const errors: string[] = [];
  const raw = extractProjectTable(planText);
  if (raw.length !== projects.length) errors.push(`projects.tsv has ${projects.length} rows, the plan ${raw.length}`);
  raw.forEach((r, i) => {
    const row = projects[i];
    if (!row) return;
    if (row.category !== r.category) errors.push(`row ${i + 1}: category "${row.category}", plan "${r.category}"`);
    for (const col of PROJECT_COLUMNS) {
      const cell = r.cells[col];
      if (!transcribes(row[col], cell.parts)) {
        errors.push(`row ${i + 1} ${col}: "${row[col]}" ≠ plan.txt:${cell.line} ${JSON.stringify(cell.parts)}`);
      }
    }
  });
  const rawSummary = extractSummaryTable(planText);
  if (rawSummary.length !== summary.length)
    errors.push(`summary.tsv has ${summary.length} rows, the plan ${rawSummary.length}`);
  rawSummary.forEach((r, i) => {
    const row = summary[i];
    if (!row) return;
    const expected: SummaryTsvRow = {
      label: r.label,
      category: r.category ?? '',
      count: r.count,
      investmentTotal: r.investmentTotal,
      investmentPlan: r.investmentPlan,
    };
    for (const col of SUMMARY_TSV_COLUMNS) {
      if (row[col] !== expected[col])
        errors.push(`summary row ${i + 1} ${col}: "${row[col]}", plan "${expected[col]}"`);
    }
  });
  if (errors.length > 0) throw new Error(`plan-projects does not transcribe plan.txt:\n  ${errors.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------
// The step

function asCategory(text: string, where: string): ProjectCategory {
  const c = PROJECT_CATEGORIES.find((x) => x === text);
  if (!c) throw new Error(`${where}: unknown category "${text}"`);
  return c;
}

/** The cell as written, under `key`, when it is not a number (the contract's optional *Text fields). */
function textIfNotNumber<K extends string>(key: K, value: number | null, text: string): Partial<Record<K, string>> {
  return value === null ? ({ [key]: text } as Record<K, string>) : {};
}

export function projectProps(row: ProjectTsvRow): ProjectProps {
  const where = `projects.tsv 序号 ${row.seq}`;
  const seq = parseCount(row.seq, where);
  const category = asCategory(row.category, where);
  const investmentTotal = parseInvestment(row.investmentTotal, `${where} investmentTotal`);
  const investmentPlan = parseInvestment(row.investmentPlan, `${where} investmentPlan`);
  const geo = geocodeProject({ seq, name: row.name, category, location: row.location });
  // The contract's key order; the optional keys only when present, so the output stays stable.
  return {
    seq,
    name: row.name,
    category,
    kind: row.kind,
    period: row.period,
    location: row.location,
    content: row.content,
    investmentTotal,
    investmentPlan,
    ...textIfNotNumber('investmentTotalText', investmentTotal, row.investmentTotal),
    ...textIfNotNumber('investmentPlanText', investmentPlan, row.investmentPlan),
    agency: row.agency,
    geocodePrecision: geo.precision,
    countyAdcode: geo.countyAdcode,
    geocodeNote: geo.note,
  };
}

export function summaryTable(rows: readonly SummaryTsvRow[]): ProjectSummaryTable {
  const totalRow = rows.find((r) => r.label === '汇总数' && r.category === '');
  if (!totalRow) throw new Error('summary.tsv: no 汇总数 row');
  const categories: ProjectCategorySummary[] = rows
    .filter((r) => r !== totalRow)
    .map((r) => {
      const where = `summary.tsv ${r.label}`;
      const investmentTotal = parseInvestment(r.investmentTotal, where);
      const investmentPlan = parseInvestment(r.investmentPlan, where);
      return {
        category: asCategory(r.category, where),
        count: parseCount(r.count, where),
        investmentTotal,
        investmentPlan,
        ...textIfNotNumber('investmentTotalText', investmentTotal, r.investmentTotal),
        ...textIfNotNumber('investmentPlanText', investmentPlan, r.investmentPlan),
      };
    });
  return {
    total: {
      count: parseCount(totalRow.count, 'summary.tsv 汇总数'),
      investmentTotal: parseInvestment(totalRow.investmentTotal, 'summary.tsv 汇总数'),
      investmentPlan: parseInvestment(totalRow.investmentPlan, 'summary.tsv 汇总数'),
    },
    categories,
  };
}

/** Same layout as geojson-io's serializeFeatureCollection (one feature per line), but null geometries allowed. */
function serializeProjects(features: readonly ProjectFeature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/**
 * Reads <outDir>/sources/plan-projects, <outDir>/sources/plan-seed and <outDir>/counties.geojson;
 * returns the two output files' text (the caller writes them) plus what they contain.
 */
export function buildProjects(outDir: string): ProjectsBuild {
  const planText = readFileSync(documentSourcePath(outDir, 'plan-seed', 'plan.txt'), 'utf8');
  const tsvRows = parseTsv(
    readFileSync(documentSourcePath(outDir, 'plan-projects', 'projects.tsv'), 'utf8'),
    PROJECT_TSV_COLUMNS,
    'projects.tsv',
  );
  const summaryRows = parseTsv(
    readFileSync(documentSourcePath(outDir, 'plan-projects', 'summary.tsv'), 'utf8'),
    SUMMARY_TSV_COLUMNS,
    'summary.tsv',
  );
  verifyTranscription(planText, tsvRows, summaryRows);

  const props = tsvRows.map(projectProps).sort((a, b) => a.seq - b.seq);
  const seqs = props.map((p) => p.seq);
  const expectedSeqs = Array.from({ length: PROJECT_COUNT }, (_, i) => i + 1);
  if (seqs.join(',') !== expectedSeqs.join(',')) {
    throw new Error(`projects.tsv: 序号 must be 1..${PROJECT_COUNT} once each, got ${seqs.join(',')}`);
  }

  const seats = readCountySeats(join(outDir, DATA_FILES.counties));
  const features: ProjectFeature[] = props.map((p) => {
    const seat = p.geocodePrecision === 'citywide' || p.countyAdcode === null ? null : seats.get(p.countyAdcode);
    return {
      type: 'Feature',
      properties: p,
      geometry: seat ? { type: 'Point', coordinates: [seat[0], seat[1]] } : null,
    };
  });

  const table = summaryTable(summaryRows);
  return {
    geojson: serializeProjects(features),
    summary: serializeJson(table),
    features,
    summaryTable: table,
    checks: checkProjectData(props, table),
  };
}

/** Writes the two outputs into outDir; returns what buildProjects returned. */
export function writeProjects(outDir: string): ProjectsBuild {
  const out = buildProjects(outDir);
  writeFileSync(join(outDir, DATA_FILES.projects), out.geojson);
  writeFileSync(join(outDir, DATA_FILES.projectSummary), out.summary);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(fileURLToPath(import.meta.url), '../../../data/geo'));
  const out = writeProjects(outDir);
  const by = new Map<string, number>();
  for (const f of out.features) by.set(f.properties.geocodePrecision, (by.get(f.properties.geocodePrecision) ?? 0) + 1);
  console.log(
    `${out.features.length} projects → ${outDir}/${DATA_FILES.projects}; precision ${JSON.stringify([...by])}`,
  );
  console.log(`${out.checks.issues.length} data-check issues:`);
  for (const i of out.checks.issues) console.log(`  [${i.kind}] ${translateMessage('zh', i.message)}`);
}
