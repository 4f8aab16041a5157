/**
 * Step: the plan's main-indicator table → plan-indicators.json.
 *
 * Reads sources/plan-indicators/indicators.tsv (hand-checked transcription), verifies it cell by
 * cell against sources/plan-seed/plan.txt (the plan itself: the table re-read by
 * plan-indicators-extract.ts, every name and value found verbatim in the text, every quotation in
 * a note found in the plan and every "表注N" quotation in the table's note N), and writes an array
 * of PlanIndicator (src/shared/indicators.ts) in plan order: 60 rows, 序号 1–58 with 序号 6 split
 * into 学前段 / 义务段 / 高中段.
 *
 * `npx tsx scripts/data-build/indicators-build.ts [outDir]` runs it on its own (outDir must already
 * hold sources/plan-seed and sources/plan-indicators).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCumulativeText, parseIndicatorValue } from '../../src/core/indicators/parse-value';
import {
  INDICATOR_CATEGORIES,
  PLAN_INDICATORS_FILE,
  type IndicatorCategory,
  type PlanIndicator,
} from '../../src/shared/indicators';
import {
  extractIndicatorNotes,
  extractIndicatorTable,
  INDICATOR_TSV_COLUMNS,
  joinNameUnit,
  type IndicatorTsvRow,
} from './plan-indicators-extract';
import { parseTsv } from './plan-projects-extract';
import { documentSourcePath, SOURCES_DIR } from './source-files';

/** Rows of the table: 序号 1–58, 序号 6 as three sub-rows. */
export const INDICATOR_ROW_COUNT = 60;
/** Numbered indicators (序号 1–58). */
export const INDICATOR_SEQ_COUNT = 58;

export const INDICATORS_SOURCE_FOLDER = 'plan-indicators';
export const INDICATORS_TSV = 'indicators.tsv';

export function indicatorsTsvPath(outDir: string): string {
  return join(outDir, SOURCES_DIR, INDICATORS_SOURCE_FOLDER, INDICATORS_TSV);
}

/**
 * Slugs of the stable ids `ind-<序号>-<slug>` (sub-rows: `ind-06-<slug of the part>`). Keyed by
 * 序号 or "序号/part"; the build fails if a row has none or one is left over.
 */
export const INDICATOR_SLUGS: Readonly<Record<string, string>> = {
  '1': 'childcare-coverage',
  '2': 'childcare-places',
  '3': 'childcare-staff-certified',
  '4': 'child-schooling-years',
  '5': 'inclusive-kindergartens',
  '6/学前段': 'preschool',
  '6/义务段': 'compulsory',
  '6/高中段': 'highschool',
  '7': 'balanced-counties',
  '8': 'higher-education-enrolment',
  '9': 'income-growth',
  '10': 'workforce-schooling-years',
  '11': 'new-urban-jobs',
  '12': 'urban-unemployment',
  '13': 'skills-training',
  '14': 'injury-insurance',
  '15': 'unemployment-insurance',
  '16': 'urbanisation',
  '17': 'urban-rural-income-ratio',
  '18': 'housing-security-coverage',
  '19': 'old-neighbourhood-renewal',
  '20': 'reading-rate',
  '21': 'culture-facility-area',
  '22': 'sports-area-per-capita',
  '23': 'fitness-pass-rate',
  '24': 'hospital-beds',
  '25': 'doctors',
  '26': 'nurses',
  '27': 'premature-chronic-mortality',
  '28': 'infectious-disease-beds',
  '29': 'life-expectancy',
  '30': 'county-treatment-rate',
  '31': 'medical-insurance',
  '32': 'myopia-reduction',
  '33': 'nursing-beds-share',
  '34': 'elderly-carers',
  '35': 'pension-insurance',
  '36': 'elderly-health-management',
  '37': 'minimum-living-standard',
  '38': 'disability-subsidies',
  '39': 'disability-care-institutions',
  '40': 'social-workers',
  '41': 'veteran-placement',
  '42': 'work-safety-deaths',
  '43': 'one-stop-online',
  '44': 'integrated-enforcement',
  '45': 'food-safety-satisfaction',
  '46': 'food-sampling-pass',
  '47': 'drug-safety-satisfaction',
  '48': 'essential-drug-pass',
  '49': 'lawyers',
  '50': 'public-transport-share',
  '51': 'good-air-days',
  '52': 'pm25',
  '53': 'surface-water-quality',
  '54': 'culture-industry-value',
  '55': 'health-industry-share',
  '56': 'tourism-industry-share',
  '57': 'culture-industry-share',
  '58': 'sports-industry-share',
};

function slugKey(row: Pick<IndicatorTsvRow, 'seq' | 'part'>): string {
  return row.part ? `${row.seq}/${row.part}` : row.seq;
}

export function indicatorId(row: Pick<IndicatorTsvRow, 'seq' | 'part'>): string {
  const slug = INDICATOR_SLUGS[slugKey(row)];
  if (!slug) throw new Error(`indicators.tsv 序号 ${slugKey(row)}: no id slug in INDICATOR_SLUGS`);
  return `ind-${row.seq.padStart(2, '0')}-${slug}`;
}

// ---------------------------------------------------------------------------------------------
// Verification against the plan text

const QUOTE = /“([^“”]*)”/gu;
const TABLE_NOTE_QUOTE = /表注(\d+)：“([^“”]*)”/gu;

/** Throws unless every TSV row and cell transcribes the plan's table. */
export function verifyIndicatorTranscription(planText: string, rows: readonly IndicatorTsvRow[]): void {
  const errors: string[] = [];
  const raw = extractIndicatorTable(planText);
  const notes = extractIndicatorNotes(planText);
  if (raw.length !== rows.length) errors.push(`indicators.tsv has ${rows.length} rows, the plan ${raw.length}`);
  raw.forEach((r, i) => {
    const row = rows[i];
    if (!row) return;
    const where = `row ${i + 1} (序号 ${slugKey(row)}, plan.txt:${r.line})`;
    const expect = (col: string, got: string, plan: string): void => {
      if (got !== plan) errors.push(`${where} ${col}: "${got}", plan "${plan}"`);
    };
    expect('category', row.category, r.category);
    expect('seq', row.seq, r.seq);
    expect('part', row.part, r.part);
    expect('name（unit）', joinNameUnit(row.name, row.unit), r.nameCell);
    expect('value2020', row.value2020, r.value2020);
    expect('target2025', row.target2025, r.target2025);
  });
  rows.forEach((row, i) => {
    const where = `indicators.tsv row ${i + 1} (序号 ${slugKey(row)})`;
    for (const [col, value] of [
      ['name', row.name],
      ['unit', row.unit],
      ['part', row.part],
      ['value2020', row.value2020],
      ['target2025', row.target2025],
    ] as const) {
      if (value !== '' && !planText.includes(value)) errors.push(`${where} ${col}: "${value}" is not in plan.txt`);
    }
    for (const m of row.note.matchAll(QUOTE)) {
      const quoted = m[1] ?? '';
      if (!planText.includes(quoted)) errors.push(`${where} note quotes "${quoted}", which is not in plan.txt`);
    }
    for (const m of row.note.matchAll(TABLE_NOTE_QUOTE)) {
      const note = notes.get(Number(m[1]));
      if (!note || !note.includes(m[2] ?? ''))
        errors.push(`${where} note: "${m[0]}" is not in the table's note ${m[1]}`);
    }
    if (isCumulativeText(row.target2025) && !row.note.includes(`表注1：“${notes.get(1) ?? ''}”`)) {
      errors.push(`${where}: a 〔〕 target without the table's note 1 in the note column`);
    }
  });
  if (errors.length > 0) throw new Error(`plan-indicators does not transcribe plan.txt:\n  ${errors.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------
// The step

function asCategory(text: string, where: string): IndicatorCategory {
  const c = INDICATOR_CATEGORIES.find((x) => x === text);
  if (!c) throw new Error(`${where}: unknown category "${text}"`);
  return c;
}

export function planIndicator(row: IndicatorTsvRow): PlanIndicator {
  const where = `indicators.tsv 序号 ${slugKey(row)}`;
  if (!/^\d+$/.test(row.seq)) throw new Error(`${where}: 序号 is not a number`);
  // Key order is the output's; `part` only when present, so the JSON stays stable.
  return {
    id: indicatorId(row),
    category: asCategory(row.category, where),
    seq: Number(row.seq),
    ...(row.part ? { part: row.part } : {}),
    name: row.name,
    unit: row.unit,
    baseline: parseIndicatorValue(row.value2020),
    target: parseIndicatorValue(row.target2025),
    cumulative: isCumulativeText(row.target2025),
    note: row.note,
  };
}

/** One indicator per line: valid JSON, diff-friendly. */
export function serializeIndicators(indicators: readonly PlanIndicator[]): string {
  return `[\n${indicators.map((i) => JSON.stringify(i)).join(',\n')}\n]\n`;
}

function checkShape(indicators: readonly PlanIndicator[]): void {
  if (indicators.length !== INDICATOR_ROW_COUNT) {
    throw new Error(`indicators.tsv: ${indicators.length} rows, expected ${INDICATOR_ROW_COUNT}`);
  }
  const seqs = [...new Set(indicators.map((i) => i.seq))];
  const expected = Array.from({ length: INDICATOR_SEQ_COUNT }, (_, i) => i + 1);
  if (seqs.join(',') !== expected.join(',')) {
    throw new Error(`indicators.tsv: 序号 must run 1..${INDICATOR_SEQ_COUNT} in order, got ${seqs.join(',')}`);
  }
  const ids = new Set(indicators.map((i) => i.id));
  if (ids.size !== indicators.length) throw new Error('indicators.tsv: duplicate ids');
  const used = new Set(indicators.map((i) => (i.part ? `${i.seq}/${i.part}` : String(i.seq))));
  const unused = Object.keys(INDICATOR_SLUGS).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`INDICATOR_SLUGS has keys for no row: ${unused.join(', ')}`);
}

export interface IndicatorsBuild {
  /** Text of plan-indicators.json. */
  json: string;
  indicators: PlanIndicator[];
  outputs: { path: string; bytes: number }[];
}

/**
 * Reads <outDir>/sources/plan-indicators/indicators.tsv and <outDir>/sources/plan-seed/plan.txt,
 * verifies the one against the other and writes <outDir>/plan-indicators.json through `write`
 * (default: a plain file write; the pipeline passes its own to record outputs).
 */
export function buildIndicators(
  outDir: string,
  write: (path: string, data: string) => void = (path, data) => writeFileSync(join(outDir, path), data),
): IndicatorsBuild {
  const planText = readFileSync(documentSourcePath(outDir, 'plan-seed', 'plan.txt'), 'utf8');
  const rows = parseTsv(readFileSync(indicatorsTsvPath(outDir), 'utf8'), INDICATOR_TSV_COLUMNS, INDICATORS_TSV);
  verifyIndicatorTranscription(planText, rows);
  const indicators = rows.map(planIndicator);
  checkShape(indicators);
  const json = serializeIndicators(indicators);
  write(PLAN_INDICATORS_FILE, json);
  return { json, indicators, outputs: [{ path: PLAN_INDICATORS_FILE, bytes: Buffer.byteLength(json) }] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(fileURLToPath(import.meta.url), '../../../data/geo'));
  const out = buildIndicators(outDir);
  const by = new Map<string, number>();
  for (const i of out.indicators) by.set(i.category, (by.get(i.category) ?? 0) + 1);
  console.log(
    `${out.indicators.length} indicator rows → ${outDir}/${PLAN_INDICATORS_FILE}; ${JSON.stringify([...by])}`,
  );
  console.log(
    `cumulative: ${out.indicators
      .filter((i) => i.cumulative)
      .map((i) => i.id)
      .join(', ')}`,
  );
}
