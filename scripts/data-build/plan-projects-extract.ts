/**
 * Reads the plan's appendix 重大项目表 and its 重点项目分类汇总表 out of the plan text
 * (data/geo/sources/plan-seed/plan.txt, a copy of ../shared/seed/000_05fe5bef3fd0abf3.txt).
 *
 * Run by hand, not by the pipeline:
 *   npx tsx scripts/data-build/plan-projects-extract.ts [plan.txt] [outDir]
 * writes projects.tsv and summary.tsv (default: data/geo/sources/plan-projects/), which are then
 * checked by eye against the plan and committed. The pipeline (projects-build.ts) only uses the
 * parsing functions below to verify that the committed TSVs still transcribe the plan.
 *
 * The text extraction writes each table cell as a line starting with a tab; a cell that wrapped
 * in the original continues on following lines without the tab, usually after a blank line
 * ("2021-\n\n2025"). Cells are kept here as their list of lines (`parts`); `joinCell` decides how
 * to glue them back.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_CATEGORIES, type ProjectCategory } from '../../src/shared/projects';

/** The table's columns, in the plan's order, under their property names in ProjectProps. */
export const PROJECT_COLUMNS = [
  'seq',
  'name',
  'kind',
  'period',
  'location',
  'content',
  'investmentTotal',
  'investmentPlan',
  'agency',
] as const;
export type ProjectColumn = (typeof PROJECT_COLUMNS)[number];

/** Column order of projects.tsv (the category heading becomes a column after the name). */
export const PROJECT_TSV_COLUMNS = [
  'seq',
  'name',
  'category',
  'kind',
  'period',
  'location',
  'content',
  'investmentTotal',
  'investmentPlan',
  'agency',
] as const;
export type ProjectTsvColumn = (typeof PROJECT_TSV_COLUMNS)[number];
export type ProjectTsvRow = Record<ProjectTsvColumn, string>;

export const SUMMARY_TSV_COLUMNS = ['label', 'category', 'count', 'investmentTotal', 'investmentPlan'] as const;
export type SummaryTsvColumn = (typeof SUMMARY_TSV_COLUMNS)[number];
export type SummaryTsvRow = Record<SummaryTsvColumn, string>;

/** One table cell as extracted: its lines, without the leading tab and without blank lines. */
export interface RawCell {
  parts: string[];
  /** 1-based line number of the cell's first line in the plan text. */
  line: number;
}

export interface RawProjectRow {
  category: ProjectCategory;
  cells: Record<ProjectColumn, RawCell>;
}

export interface RawSummaryRow {
  /** As printed, e.g. "汇总数" or "一、保障性安居工程及老旧小区改造". */
  label: string;
  /** null for the 汇总数 (grand total) row. */
  category: ProjectCategory | null;
  count: string;
  investmentTotal: string;
  investmentPlan: string;
}

const PROJECT_TABLE_TITLE = '“十四五”规划重大项目表';
const SUMMARY_TABLE_TITLE = '“十四五”重点项目分类汇总表';
const LAST_HEADER_CELL = '组织实施单位';

/** Cells from `startLine` (0-based) up to the first line that is neither a cell nor its continuation. */
function readCells(lines: readonly string[], startLine: number, stop: (line: string) => boolean): RawCell[] {
  const cells: RawCell[] = [];
  for (let i = startLine; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (stop(line)) break;
    if (line.trim() === '') continue;
    if (line.startsWith('\t')) cells.push({ parts: [line.slice(1)], line: i + 1 });
    else if (cells.length > 0) cells.at(-1)?.parts.push(line);
    else throw new Error(`plan.txt:${i + 1}: text before the first table cell: ${line}`);
  }
  return cells;
}

function findLine(lines: readonly string[], text: string, from = 0): number {
  const i = lines.findIndex((l, n) => n >= from && l.trim() === text);
  if (i === -1) throw new Error(`plan.txt: "${text}" not found`);
  return i;
}

function cellText(cell: RawCell | undefined): string {
  return cell ? cell.parts.join('') : '';
}

/** The appendix 重大项目表: 69 rows under 10 category headings, cells as extracted. */
export function extractProjectTable(planText: string): RawProjectRow[] {
  const lines = planText.replace(/\r\n?/g, '\n').split('\n');
  const title = findLine(lines, PROJECT_TABLE_TITLE);
  const headerEnd = findLine(lines, LAST_HEADER_CELL, title);
  // The table is the last thing in the text before the footnotes, which start with U+FFFD.
  const cells = readCells(lines, headerEnd + 1, (l) => l.startsWith('\uFFFD'));
  const rows: RawProjectRow[] = [];
  let category: ProjectCategory | null = null;
  let i = 0;
  while (i < cells.length) {
    const text = cellText(cells[i]);
    const heading = PROJECT_CATEGORIES.find((c) => c === text);
    if (heading) {
      category = heading;
      i += 1;
      continue;
    }
    if (!/^\d+$/.test(text)) throw new Error(`plan.txt:${cells[i]?.line}: expected a 序号, found "${text}"`);
    if (!category) throw new Error(`plan.txt:${cells[i]?.line}: project before the first category heading`);
    const rowCells = cells.slice(i, i + PROJECT_COLUMNS.length);
    if (rowCells.length < PROJECT_COLUMNS.length) throw new Error(`plan.txt:${cells[i]?.line}: truncated row`);
    const record = {} as Record<ProjectColumn, RawCell>;
    PROJECT_COLUMNS.forEach((col, k) => {
      const cell = rowCells[k];
      if (!cell) throw new Error('unreachable');
      record[col] = cell;
    });
    rows.push({ category, cells: record });
    i += PROJECT_COLUMNS.length;
  }
  return rows;
}

/** The 重点项目分类汇总表 (before the appendix): the 汇总数 row and one row per category. */
export function extractSummaryTable(planText: string): RawSummaryRow[] {
  const lines = planText.replace(/\r\n?/g, '\n').split('\n');
  const title = findLine(lines, SUMMARY_TABLE_TITLE);
  const cells = readCells(lines, title + 1, (l) => l.trim() === '附件：');
  const texts = cells.map(cellText);
  const header = ['领域', '项目数', '总投资（亿元）', '“十四五”计划投资（亿元）'];
  if (texts.slice(0, 4).join('|') !== header.join('|'))
    throw new Error(`summary header: ${texts.slice(0, 4).join('|')}`);
  const rows: RawSummaryRow[] = [];
  for (let i = 4; i < texts.length; i += 4) {
    const [label = '', count = '', total = '', plan = ''] = texts.slice(i, i + 4);
    const name = label.replace(/^[一二三四五六七八九十]+、/, '');
    const category = PROJECT_CATEGORIES.find((c) => c === name) ?? null;
    if (!category && label !== '汇总数') throw new Error(`summary: unknown row "${label}"`);
    rows.push({ label, category, count, investmentTotal: total, investmentPlan: plan });
  }
  return rows;
}

/** Where a cell's line break separates two organisations (组织实施单位 lists), not a wrapped word. */
const AGENCY_END = /(?:局|委|会|院|办|中心|政府|集团|公司|部)$/;

/**
 * A cell's lines glued back. Wrapped words and numbers join with nothing ("2021-" + "2025",
 * "鹿城区" + "政府"); in 组织实施单位, a break after a complete organisation name separates two
 * organisations, which the table itself writes with "、" elsewhere (e.g. "市体育局、市城发集团").
 */
export function joinCell(column: ProjectColumn, parts: readonly string[]): string {
  let out = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    out += column === 'agency' && AGENCY_END.test(out) ? '、' : '';
    out += part;
  }
  return out;
}

/**
 * Whether `value` transcribes `parts`: the lines in order, each break joined with nothing or with
 * "、" (the only separator joinCell inserts), nothing else added or changed.
 */
export function transcribes(value: string, parts: readonly string[]): boolean {
  const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('、?')}$`, 'u').test(value);
}

export function projectTsvRows(rows: readonly RawProjectRow[]): ProjectTsvRow[] {
  return rows.map(({ category, cells }) => ({
    seq: joinCell('seq', cells.seq.parts),
    name: joinCell('name', cells.name.parts),
    category,
    kind: joinCell('kind', cells.kind.parts),
    period: joinCell('period', cells.period.parts),
    location: joinCell('location', cells.location.parts),
    content: joinCell('content', cells.content.parts),
    investmentTotal: joinCell('investmentTotal', cells.investmentTotal.parts),
    investmentPlan: joinCell('investmentPlan', cells.investmentPlan.parts),
    agency: joinCell('agency', cells.agency.parts),
  }));
}

export function summaryTsvRows(rows: readonly RawSummaryRow[]): SummaryTsvRow[] {
  return rows.map((r) => ({
    label: r.label,
    category: r.category ?? '',
    count: r.count,
    investmentTotal: r.investmentTotal,
    investmentPlan: r.investmentPlan,
  }));
}

/** Plain TSV: header row, no quoting (values never contain tabs or newlines; checked). */
export function formatTsv<C extends string>(columns: readonly C[], rows: readonly Record<C, string>[]): string {
  const lines = [columns.join('\t')];
  for (const row of rows) {
    const values = columns.map((c) => row[c]);
    for (const v of values) if (/[\t\n\r]/.test(v)) throw new Error(`TSV value with a tab or newline: ${v}`);
    lines.push(values.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

export function parseTsv<C extends string>(text: string, columns: readonly C[], file = 'tsv'): Record<C, string>[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const header = lines[0]?.split('\t') ?? [];
  if (header.join('\t') !== columns.join('\t')) throw new Error(`${file}: header must be ${columns.join(', ')}`);
  return lines.slice(1).map((line, i) => {
    const values = line.split('\t');
    if (values.length !== columns.length) {
      throw new Error(`${file}:${i + 2}: ${values.length} columns, expected ${columns.length}`);
    }
    const row = {} as Record<C, string>;
    columns.forEach((c, k) => (row[c] = values[k] ?? ''));
    return row;
  });
}

function main(argv: readonly string[]): void {
  const repo = resolve(fileURLToPath(import.meta.url), '../../..');
  const planFile = argv[0] ?? join(repo, 'data/geo/sources/plan-seed/plan.txt');
  const outDir = argv[1] ?? join(repo, 'data/geo/sources/plan-projects');
  const text = readFileSync(planFile, 'utf8');
  const projects = projectTsvRows(extractProjectTable(text));
  const summary = summaryTsvRows(extractSummaryTable(text));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'projects.tsv'), formatTsv(PROJECT_TSV_COLUMNS, projects));
  writeFileSync(join(outDir, 'summary.tsv'), formatTsv(SUMMARY_TSV_COLUMNS, summary));
  console.log(`${projects.length} projects, ${summary.length} summary rows → ${outDir}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
