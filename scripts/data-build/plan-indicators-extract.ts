/**
 * Reads the plan's main-indicator table “"十四五"时期温州市社会发展和基本公共服务主要指标” and its
 * notes ("\t注：1.…", then "2.…" to "4.…") out of the plan text (data/geo/sources/plan-seed/plan.txt, section 二, right
 * after （三）发展目标).
 *
 * Run by hand, not by the pipeline:
 *   npx tsx scripts/data-build/plan-indicators-extract.ts [plan.txt] [outDir]
 * writes indicators.tsv (default: data/geo/sources/plan-indicators/), which is then checked row by
 * row against the plan and committed. The pipeline (indicators-build.ts) only uses the parsing
 * functions below to verify that the committed TSV still transcribes the plan.
 *
 * Layout of the extraction: every table cell is a line starting with a tab, a table row is a run
 * of such lines ended by a blank line, and a cell that wrapped in the original continues on a
 * following line without the tab, possibly after a blank line ("\t2025年", "", "目标";
 * "\t社会", "", "产业"). An empty 分类 cell ("\t") means "same category as above". Rows have five
 * cells (分类, 序号, 指标名称, 2020年, 2025年目标); 序号 6 has a sub-row column, so its first row has
 * six cells (…, 指标名称, 学前段, 2020年, 2025年目标) and its two further sub-rows six cells with
 * empty 分类, 序号 and 指标名称.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTsv } from './plan-projects-extract';

export const INDICATOR_TABLE_TITLE = '“十四五”时期温州市社会发展和基本公共服务主要指标';
/** The header as printed: there is no 序号 heading over the number column. */
export const INDICATOR_TABLE_HEADER = ['分类', '指标名称', '2020年', '2025年目标'] as const;

export const INDICATOR_TSV_COLUMNS = [
  'category',
  'seq',
  'part',
  'name',
  'unit',
  'value2020',
  'target2025',
  'note',
] as const;
export type IndicatorTsvColumn = (typeof INDICATOR_TSV_COLUMNS)[number];
export type IndicatorTsvRow = Record<IndicatorTsvColumn, string>;

/** One table cell: its lines (continuations included), 1-based line of the first. */
export interface RawIndicatorCell {
  parts: string[];
  line: number;
}

/** One row of the table, cell texts joined (line breaks removed) but otherwise as extracted. */
export interface RawIndicatorRow {
  /** 分类, carried down from the row that printed it. */
  category: string;
  seq: string;
  /** Sub-row name (学前段 …); "" for rows without one. */
  part: string;
  /** 指标名称 as printed, unit parentheses included; a sub-row repeats its parent's. */
  nameCell: string;
  value2020: string;
  target2025: string;
  /** 1-based line of the row's 序号 cell (of the part cell for a continuing sub-row). */
  line: number;
}

function splitLines(planText: string): string[] {
  return planText.replace(/\r\n?/g, '\n').split('\n');
}

function findLine(lines: readonly string[], test: (line: string) => boolean, what: string, from = 0): number {
  const i = lines.findIndex((l, n) => n >= from && test(l));
  if (i === -1) throw new Error(`plan.txt: ${what} not found`);
  return i;
}

/** Cells grouped into rows (blocks), from `start` (0-based) up to the line where `stop` holds. */
function readBlocks(lines: readonly string[], start: number, stop: (line: string) => boolean): RawIndicatorCell[][] {
  const blocks: RawIndicatorCell[][] = [];
  let current: RawIndicatorCell[] | null = null;
  let closing = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (stop(line)) break;
    if (line.startsWith('\t')) {
      if (!current || closing) {
        current = [];
        blocks.push(current);
        closing = false;
      }
      current.push({ parts: [line.slice(1)], line: i + 1 });
    } else if (line.trim() === '') {
      closing = true;
    } else {
      const last = current?.at(-1);
      if (!last) throw new Error(`plan.txt:${i + 1}: text before the first table cell: ${line}`);
      last.parts.push(line);
      closing = false;
    }
  }
  return blocks;
}

function text(cell: RawIndicatorCell | undefined): string {
  return cell ? cell.parts.join('').trim() : '';
}

/** The table's rows in plan order (60: 序号 1–58, with 序号 6 as three sub-rows). */
export function extractIndicatorTable(planText: string): RawIndicatorRow[] {
  const lines = splitLines(planText);
  const title = findLine(lines, (l) => l.trim() === INDICATOR_TABLE_TITLE, `"${INDICATOR_TABLE_TITLE}"`);
  const blocks = readBlocks(lines, title + 1, (l) => l.trim().startsWith('注：'));
  const [header, ...body] = blocks;
  const headerTexts = (header ?? []).map(text);
  if (headerTexts.join('|') !== INDICATOR_TABLE_HEADER.join('|')) {
    throw new Error(`plan.txt: indicator table header is "${headerTexts.join('|')}"`);
  }
  const rows: RawIndicatorRow[] = [];
  let category = '';
  for (const block of body) {
    const cells = block.map(text);
    const where = `plan.txt:${block[0]?.line ?? '?'}`;
    if (cells[0]) category = cells[0];
    if (!category) throw new Error(`${where}: row before the first 分类`);
    if (cells.length === 5 && /^\d+$/.test(cells[1] ?? '')) {
      const [, seq = '', nameCell = '', value2020 = '', target2025 = ''] = cells;
      rows.push({ category, seq, part: '', nameCell, value2020, target2025, line: block[1]?.line ?? 0 });
    } else if (cells.length === 6 && /^\d+$/.test(cells[1] ?? '') && cells[2]) {
      const [, seq = '', nameCell = '', part = '', value2020 = '', target2025 = ''] = cells;
      rows.push({ category, seq, part, nameCell, value2020, target2025, line: block[1]?.line ?? 0 });
    } else if (cells.length === 6 && cells[0] === '' && cells[1] === '' && cells[2] === '' && cells[3]) {
      const parent = rows.at(-1);
      if (!parent?.part) throw new Error(`${where}: sub-row without a parent row that has sub-rows`);
      const [, , , part = '', value2020 = '', target2025 = ''] = cells;
      rows.push({ ...parent, part, value2020, target2025, line: block[3]?.line ?? 0 });
    } else {
      throw new Error(`${where}: unexpected row layout ${JSON.stringify(cells)}`);
    }
  }
  return rows;
}

/** The notes under the table ("注：1.…" to "4.…"), number → text as printed. */
export function extractIndicatorNotes(planText: string): Map<number, string> {
  const lines = splitLines(planText);
  const title = findLine(lines, (l) => l.trim() === INDICATOR_TABLE_TITLE, `"${INDICATOR_TABLE_TITLE}"`);
  const first = findLine(lines, (l) => l.trim().startsWith('注：'), 'the note under the indicator table', title);
  const notes = new Map<number, string>();
  for (let i = first; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim().replace(/^注：/, '');
    if (line === '') continue;
    const m = /^(\d+)\.(.+)$/.exec(line);
    if (!m) break;
    notes.set(Number(m[1]), m[2] ?? '');
  }
  return notes;
}

/**
 * 指标名称 → name and unit: the unit is the content of the name's final full-width parentheses
 * ("每千人口拥有医疗机构床位数（张）" → 张); a name that does not end in "）" has no unit.
 */
export function splitNameUnit(nameCell: string): { name: string; unit: string } {
  const m = /^(.*)（([^（）]*)）$/u.exec(nameCell);
  if (!m) return { name: nameCell, unit: '' };
  return { name: m[1] ?? '', unit: m[2] ?? '' };
}

/** The 指标名称 cell a name and unit come from (inverse of splitNameUnit). */
export function joinNameUnit(name: string, unit: string): string {
  return unit === '' ? name : `${name}（${unit}）`;
}

// ---------------------------------------------------------------------------------------------
// Notes written into the TSV. Quotations (“…”) are verbatim from the plan; indicators-build.ts
// checks every quotation against plan.txt and every "表注N：“…”" against the table's note N.

/**
 * "表注N：“…”": a quotation from the table's note N — the whole note, or the `part` of it that
 * applies (which must occur in the note).
 */
function tableNote(n: number, notes: ReadonlyMap<number, string>, part?: string): string {
  const t = notes.get(n);
  if (!t) throw new Error(`plan.txt: the indicator table has no note ${n}`);
  if (part !== undefined && !t.includes(part)) throw new Error(`table note ${n} does not contain "${part}"`);
  return `表注${n}：“${part ?? t}”`;
}

/** Per-row remarks (by 序号, or "序号/part"), written by hand after reading the table. */
export const ROW_REMARKS: Readonly<Record<string, string>> = {
  '6/高中段': '学前段、义务段目标写“＞”，高中段目标无比较符',
  '8': '正文二（三）1写“高等教育毛入学率达到70%”，表中目标为“＞70”',
  '9': '年度增长率，非水平值',
  '11': '2020年值不带〔〕；正文一（一）写“五年来累计新增就业62万人”，故14.2不是“十三五”五年累计',
  '13': '2020年值不带〔〕，2025年目标为五年累计',
  '17': '比值，名称未写单位；正文二（三）2写“城乡居民收入比缩小至1.9左右”，表中目标为“1.9”',
  '20': '2020年值写作“91左右”（约数）',
  '21': '2020年值空白',
  '32': '2020年值“—”；目标为五年累计降低的数值，单位按名称写作%',
  '36': '2025年目标（≥72）低于2020年值（73.28）',
  '38': '2020年值“98/98”：名称中两项补贴覆盖率各一个数，不是一个数值',
  '43': '正文二（三）4写“依申请政府服务办件”（表中为“政务服务”）、“率达到90%以上”（表中目标为“>90”）',
  '44': '目标写作“省下目标”，无数值；正文二（三）4写“综合行政执法事项占比达到20%以上”',
  '48': '2025年目标（99.5）低于2020年值（100）；合格率越高越好，目标按下限理解',
  '51': '目标写作“省下目标”，无数值',
  '52': '浓度越低越好；目标（≤27）高于2020年值（25）',
  '53': '名称未写单位',
  '56': '正文二（三）3写“文化及相关产业、旅游产业、体育产业增加值占地区生产总值比重分别达到6.5%、9%、2.0%”，表中旅游为“>9”',
  '57': '2020年值“—”',
};

/** Rows the table's note 4 puts on 户籍 (registered) population; its other per-capita rows are 常住. */
const HUJI_ROWS = new Set(['29', '34', '35']);
const HUJI_NOTE = '除基本养老保险参保人数、每万老年人拥有持证养老护理员数、人均预期寿命为户籍口径外';
/** Per-capita (人均 / 每千人 / 每万人) rows, which note 4 puts on 常住 (resident) population. */
const RESIDENT_PER_CAPITA_ROWS = new Set(['2', '9', '21', '22', '24', '25', '26', '28', '40', '49']);
const RESIDENT_NOTE = '其余人均指标均为常住人口口径';

/** The note column of one row: the table notes that apply, then the row's remark. */
export function rowNote(row: RawIndicatorRow, notes: ReadonlyMap<number, string>): string {
  const out: string[] = [];
  if (/^〔.*〕$/u.test(row.target2025)) out.push(`五年累计（${tableNote(1, notes)}）`);
  if (row.seq === '9') out.push(`按现价计算（${tableNote(3, notes)}）`);
  if (HUJI_ROWS.has(row.seq)) out.push(`户籍口径（${tableNote(4, notes, HUJI_NOTE)}）`);
  if (RESIDENT_PER_CAPITA_ROWS.has(row.seq)) out.push(`常住人口口径（${tableNote(4, notes, RESIDENT_NOTE)}）`);
  const remark = ROW_REMARKS[row.part ? `${row.seq}/${row.part}` : row.seq];
  if (remark) out.push(remark);
  return out.join('；');
}

export function indicatorTsvRows(
  rows: readonly RawIndicatorRow[],
  notes: ReadonlyMap<number, string>,
): IndicatorTsvRow[] {
  return rows.map((r) => {
    const { name, unit } = splitNameUnit(r.nameCell);
    return {
      category: r.category,
      seq: r.seq,
      part: r.part,
      name,
      unit,
      value2020: r.value2020,
      target2025: r.target2025,
      note: rowNote(r, notes),
    };
  });
}

function main(argv: readonly string[]): void {
  const repo = resolve(fileURLToPath(import.meta.url), '../../..');
  const planFile = argv[0] ?? join(repo, 'data/geo/sources/plan-seed/plan.txt');
  const outDir = argv[1] ?? join(repo, 'data/geo/sources/plan-indicators');
  const planText = readFileSync(planFile, 'utf8');
  const rows = indicatorTsvRows(extractIndicatorTable(planText), extractIndicatorNotes(planText));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'indicators.tsv'), formatTsv(INDICATOR_TSV_COLUMNS, rows));
  console.log(`${rows.length} indicator rows → ${outDir}/indicators.tsv`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
