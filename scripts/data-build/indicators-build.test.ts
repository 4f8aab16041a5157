/**
 * The indicators step on a temp copy of its inputs (the committed plan-seed and plan-indicators
 * sources): row count pinned to the plan, one spot check per category, the 〔〕 rows, transcription
 * failures, determinism.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPUTABLE_INDICATORS, computableIndicators } from '../../src/core/indicators';
import { INDICATOR_CATEGORIES, PLAN_INDICATORS_FILE, type PlanIndicator } from '../../src/shared/indicators';
import {
  buildIndicators,
  INDICATOR_ROW_COUNT,
  INDICATOR_SEQ_COUNT,
  indicatorsTsvPath,
  INDICATORS_SOURCE_FOLDER,
  type IndicatorsBuild,
} from './indicators-build';
import { DEFAULT_OUT_DIR } from './paths';
import {
  extractIndicatorNotes,
  extractIndicatorTable,
  INDICATOR_TSV_COLUMNS,
  indicatorTsvRows,
} from './plan-indicators-extract';
import { formatTsv } from './plan-projects-extract';
import { documentSourcePath, SOURCES_DIR } from './source-files';

const tmp = mkdtempSync(join(tmpdir(), 'outu-indicators-'));
let built: IndicatorsBuild;

function stage(dir: string): string {
  for (const folder of ['plan-seed', INDICATORS_SOURCE_FOLDER]) {
    mkdirSync(join(dir, SOURCES_DIR), { recursive: true });
    cpSync(join(DEFAULT_OUT_DIR, SOURCES_DIR, folder), join(dir, SOURCES_DIR, folder), { recursive: true });
  }
  return dir;
}

const planText = readFileSync(documentSourcePath(DEFAULT_OUT_DIR, 'plan-seed', 'plan.txt'), 'utf8');

function byId(id: string): PlanIndicator {
  const i = built.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no indicator ${id}`);
  return i;
}

const NOTE_1 = '〔〕内为五年累计增加或提高的数值。';

beforeAll(() => {
  built = buildIndicators(stage(join(tmp, 'a')));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('buildIndicators: the rows', () => {
  it('has the plan’s 60 rows: 序号 1–58, with 序号 6 as three sub-rows', () => {
    expect(INDICATOR_ROW_COUNT).toBe(60);
    expect(INDICATOR_SEQ_COUNT).toBe(58);
    expect(built.indicators).toHaveLength(60);
    expect(new Set(built.indicators.map((i) => i.seq)).size).toBe(58);
    expect(built.indicators.map((i) => i.seq)).toEqual([
      1,
      2,
      3,
      4,
      5,
      6,
      6,
      6,
      ...Array.from({ length: 52 }, (_, k) => k + 7),
    ]);
    expect(built.indicators.filter((i) => i.part).map((i) => [i.id, i.part])).toEqual([
      ['ind-06-preschool', '学前段'],
      ['ind-06-compulsory', '义务段'],
      ['ind-06-highschool', '高中段'],
    ]);
  });

  it('has the rows per category as printed, in plan order', () => {
    const counts = Object.fromEntries(
      INDICATOR_CATEGORIES.map((c) => [c, built.indicators.filter((i) => i.category === c).length]),
    );
    expect(counts).toEqual({
      幼儿照护服务: 3,
      现代教育服务: 7,
      就业创业服务: 9,
      城乡宜居服务: 2,
      公共文化服务: 2,
      公共体育服务: 2,
      卫生健康服务: 9,
      幸福养老服务: 4,
      民生保障服务: 4,
      优军优抚服务: 1,
      生活环境服务: 12,
      社会产业: 5,
    });
    const order = built.indicators.map((i) => INDICATOR_CATEGORIES.indexOf(i.category));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('has unique ids of the form ind-<序号>-<slug>', () => {
    const ids = built.indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(60);
    for (const i of built.indicators)
      expect(i.id).toMatch(new RegExp(`^ind-${String(i.seq).padStart(2, '0')}-[a-z0-9-]+$`));
  });

  it('flags exactly the 〔〕 rows as cumulative, each quoting the table’s note 1', () => {
    const cumulative = built.indicators.filter((i) => i.cumulative);
    expect(cumulative.map((i) => [i.id, i.target.text])).toEqual([
      ['ind-11-new-urban-jobs', '〔45〕'],
      ['ind-13-skills-training', '〔50〕'],
      ['ind-32-myopia-reduction', '〔5〕'],
    ]);
    for (const i of built.indicators) expect(i.cumulative).toBe(/^〔.*〕$/.test(i.target.text));
    for (const i of cumulative) expect(i.note).toContain(`表注1：“${NOTE_1}”`);
    expect(extractIndicatorNotes(planText).get(1)).toBe(NOTE_1);
  });

  it('every name and value is in the plan text', () => {
    for (const i of built.indicators) {
      expect(planText).toContain(i.unit ? `${i.name}（${i.unit}）` : i.name);
      if (i.baseline.text) expect(planText).toContain(i.baseline.text);
      expect(planText).toContain(i.target.text);
    }
  });
});

describe('buildIndicators: one row per category, every field', () => {
  const none = { value: null, comparator: null, approx: false };
  it.each<[string, PlanIndicator]>([
    [
      '幼儿照护服务',
      {
        id: 'ind-01-childcare-coverage',
        category: '幼儿照护服务',
        seq: 1,
        name: '3岁以下婴幼儿托育机构覆盖率',
        unit: '%',
        baseline: { text: '29.5', value: 29.5, comparator: null, approx: false },
        target: { text: '≥50', value: 50, comparator: '≥', approx: false },
        cumulative: false,
        note: '',
      },
    ],
    [
      '现代教育服务',
      {
        id: 'ind-06-preschool',
        category: '现代教育服务',
        seq: 6,
        part: '学前段',
        name: '持证适龄残疾儿童少年入学率',
        unit: '%',
        baseline: { text: '90', value: 90, comparator: null, approx: false },
        target: { text: '＞90', value: 90, comparator: '>', approx: false },
        cumulative: false,
        note: '',
      },
    ],
    [
      '就业创业服务',
      {
        id: 'ind-11-new-urban-jobs',
        category: '就业创业服务',
        seq: 11,
        name: '新增城镇就业人数',
        unit: '万人',
        baseline: { text: '14.2', value: 14.2, comparator: null, approx: false },
        target: { text: '〔45〕', value: 45, comparator: null, approx: false },
        cumulative: true,
        note: '五年累计（表注1：“〔〕内为五年累计增加或提高的数值。”）；2020年值不带〔〕；正文一（一）写“五年来累计新增就业62万人”，故14.2不是“十三五”五年累计',
      },
    ],
    [
      '城乡宜居服务',
      {
        id: 'ind-19-old-neighbourhood-renewal',
        category: '城乡宜居服务',
        seq: 19,
        name: '城镇老旧小区改造数量',
        unit: '个',
        baseline: { text: '57', value: 57, comparator: null, approx: false },
        target: { text: '500', value: 500, comparator: null, approx: false },
        cumulative: false,
        note: '',
      },
    ],
    [
      '公共文化服务',
      {
        id: 'ind-20-reading-rate',
        category: '公共文化服务',
        seq: 20,
        name: '居民综合阅读率',
        unit: '%',
        baseline: { text: '91左右', value: 91, comparator: null, approx: true },
        target: { text: '92.5', value: 92.5, comparator: null, approx: false },
        cumulative: false,
        note: '2020年值写作“91左右”（约数）',
      },
    ],
    [
      '公共体育服务',
      {
        id: 'ind-22-sports-area-per-capita',
        category: '公共体育服务',
        seq: 22,
        name: '人均体育场地面积',
        unit: '平方米',
        baseline: { text: '2.3', value: 2.3, comparator: null, approx: false },
        target: { text: '2.6', value: 2.6, comparator: null, approx: false },
        cumulative: false,
        note: '常住人口口径（表注4：“其余人均指标均为常住人口口径”）',
      },
    ],
    [
      '卫生健康服务',
      {
        id: 'ind-24-hospital-beds',
        category: '卫生健康服务',
        seq: 24,
        name: '每千人口拥有医疗机构床位数',
        unit: '张',
        baseline: { text: '4.57', value: 4.57, comparator: null, approx: false },
        target: { text: '6', value: 6, comparator: null, approx: false },
        cumulative: false,
        note: '常住人口口径（表注4：“其余人均指标均为常住人口口径”）',
      },
    ],
    [
      '幸福养老服务',
      {
        id: 'ind-35-pension-insurance',
        category: '幸福养老服务',
        seq: 35,
        name: '基本养老保险参保人数',
        unit: '万人',
        baseline: { text: '584.75', value: 584.75, comparator: null, approx: false },
        target: { text: '599', value: 599, comparator: null, approx: false },
        cumulative: false,
        note: '户籍口径（表注4：“除基本养老保险参保人数、每万老年人拥有持证养老护理员数、人均预期寿命为户籍口径外”）',
      },
    ],
    [
      '民生保障服务',
      {
        id: 'ind-38-disability-subsidies',
        category: '民生保障服务',
        seq: 38,
        name: '困难残疾人生活补贴、重度残疾人护理补贴覆盖率',
        unit: '%',
        baseline: { text: '98/98', ...none },
        target: { text: '>99', value: 99, comparator: '>', approx: false },
        cumulative: false,
        note: '2020年值“98/98”：名称中两项补贴覆盖率各一个数，不是一个数值',
      },
    ],
    [
      '优军优抚服务',
      {
        id: 'ind-41-veteran-placement',
        category: '优军优抚服务',
        seq: 41,
        name: '转业军官和由政府安排工作的军士和义务兵（退出消防员）安置率',
        unit: '%',
        baseline: { text: '—', ...none },
        target: { text: '100', value: 100, comparator: null, approx: false },
        cumulative: false,
        note: '',
      },
    ],
    [
      '生活环境服务',
      {
        id: 'ind-52-pm25',
        category: '生活环境服务',
        seq: 52,
        name: '城市细颗粒物（PM2.5）平均浓度',
        unit: '微克/立方米',
        baseline: { text: '25', value: 25, comparator: null, approx: false },
        target: { text: '≤27', value: 27, comparator: '≤', approx: false },
        cumulative: false,
        note: '浓度越低越好；目标（≤27）高于2020年值（25）',
      },
    ],
    [
      '社会产业',
      {
        id: 'ind-58-sports-industry-share',
        category: '社会产业',
        seq: 58,
        name: '体育产业增加值占GDP比重',
        unit: '%',
        baseline: { text: '1.35', value: 1.35, comparator: null, approx: false },
        target: { text: '2.0', value: 2, comparator: null, approx: false },
        cumulative: false,
        note: '',
      },
    ],
  ])('%s', (_category, expected) => {
    expect(byId(expected.id)).toEqual(expected);
  });

  it('keeps the cells without a figure as written', () => {
    expect(byId('ind-44-integrated-enforcement').target).toEqual({ text: '省下目标', ...none });
    expect(byId('ind-51-good-air-days').target).toEqual({ text: '省下目标', ...none });
    expect(byId('ind-21-culture-facility-area').baseline).toEqual({ text: '', ...none });
    expect(byId('ind-43-one-stop-online').baseline.text).toBe('81.6');
    expect(byId('ind-53-surface-water-quality').unit).toBe('');
    expect(byId('ind-17-urban-rural-income-ratio').unit).toBe('');
    expect(byId('ind-45-food-safety-satisfaction').baseline).toEqual({
      text: '≥83',
      value: 83,
      comparator: '≥',
      approx: false,
    });
  });
});

describe('computable indicators', () => {
  it('all exist in the built table under the same name and unit', () => {
    expect(computableIndicators(built.indicators)).toEqual([
      'ind-02-childcare-places',
      'ind-21-culture-facility-area',
      'ind-22-sports-area-per-capita',
      'ind-24-hospital-beds',
    ]);
    for (const c of COMPUTABLE_INDICATORS) expect(byId(c.id).unit).toBe(c.unit);
  });
});

describe('buildIndicators: sources and determinism', () => {
  it('the committed TSV is exactly what the extraction script writes', () => {
    const expected = formatTsv(
      INDICATOR_TSV_COLUMNS,
      indicatorTsvRows(extractIndicatorTable(planText), extractIndicatorNotes(planText)),
    );
    expect(readFileSync(indicatorsTsvPath(DEFAULT_OUT_DIR), 'utf8')).toBe(expected);
  });

  it('writes the same bytes twice, equal to the committed data/geo/plan-indicators.json', () => {
    const writes: [string, string][] = [];
    const again = buildIndicators(stage(join(tmp, 'b')), (path, data) => writes.push([path, data]));
    expect(writes).toEqual([[PLAN_INDICATORS_FILE, again.json]]);
    expect(again.json).toBe(built.json);
    expect(readFileSync(join(tmp, 'a', PLAN_INDICATORS_FILE), 'utf8')).toBe(built.json);
    expect(readFileSync(join(DEFAULT_OUT_DIR, PLAN_INDICATORS_FILE), 'utf8')).toBe(built.json);
    expect(JSON.parse(built.json)).toEqual(built.indicators);
  });

  function tampered(name: string, edit: (tsv: string) => string): string {
    const dir = stage(join(tmp, name));
    const file = indicatorsTsvPath(dir);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return dir;
  }

  it.each<[string, (tsv: string) => string, RegExp]>([
    ['a changed value', (t) => t.replace('\t4.57\t6\t', '\t4.57\t6.5\t'), /target2025: "6.5", plan "6"/],
    ['a changed name', (t) => t.replace('每千人口拥有医疗机构床位数', '每千人拥有医疗机构床位数'), /name（unit）/],
    ['a dropped row', (t) => t.replace(/^生活环境服务\t51\t.*\n/m, ''), /has 59 rows, the plan 60/],
    ['a made-up quotation', (t) => t.replace('年度增长率，非水平值', '“年度增长率”'), /not in plan\.txt/],
    ['a wrong table note', (t) => t.replace('表注4：“其余人均', '表注3：“其余人均'), /table's note 3/],
  ])('fails on %s', (name, edit, message) => {
    expect(() => buildIndicators(tampered(name.replace(/\s+/g, '-'), edit), () => {})).toThrow(message);
  });
});
