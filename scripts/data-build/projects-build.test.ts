/**
 * The projects step on a temp copy of its inputs (the committed plan sources + counties.geojson):
 * transcription against the plan, geocoding rules, the pinned data check, determinism.
 */
import type { Point } from 'geojson';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTIES } from '../../src/shared/counties';
import { DATA_FILES, type CountyFeatureProps } from '../../src/shared/data-contract';
import { translateMessage } from '../../src/shared/i18n/message';
import { PROJECT_CATEGORIES, type ProjectProps } from '../../src/shared/projects';
import { parseSourceMd } from './attribution-parse';
import { DEFAULT_OUT_DIR } from './paths';
import { buildProjects, geocodeProject, parseInvestment, type ProjectsBuild } from './projects-build';
import { DOCUMENT_SOURCE_FOLDER_IDS, SOURCES_DIR, documentSourcePath } from './source-files';

const tmp = mkdtempSync(join(tmpdir(), 'outu-projects-'));
let built: ProjectsBuild;

/** A minimal outDir for the step: counties.geojson and the two plan source folders. */
function stage(dir: string): string {
  mkdirSync(join(dir, SOURCES_DIR), { recursive: true });
  cpSync(join(DEFAULT_OUT_DIR, DATA_FILES.counties), join(dir, DATA_FILES.counties));
  for (const folder of DOCUMENT_SOURCE_FOLDER_IDS) {
    cpSync(join(DEFAULT_OUT_DIR, SOURCES_DIR, folder), join(dir, SOURCES_DIR, folder), { recursive: true });
  }
  return dir;
}

const planText = readFileSync(documentSourcePath(DEFAULT_OUT_DIR, 'plan-seed', 'plan.txt'), 'utf8');
const countySeats = new Map(
  (
    JSON.parse(readFileSync(join(DEFAULT_OUT_DIR, DATA_FILES.counties), 'utf8')) as {
      features: { properties: CountyFeatureProps }[];
    }
  ).features.map((f) => [f.properties.adcode, f.properties.center]),
);

function props(seq: number): ProjectProps {
  const f = built.features[seq - 1];
  if (!f || f.properties.seq !== seq) throw new Error(`no feature ${seq}`);
  return f.properties;
}

function geometry(seq: number): Point | null {
  return built.features[seq - 1]?.geometry ?? null;
}

beforeAll(() => {
  built = buildProjects(stage(join(tmp, 'a')));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('buildProjects: the 69 rows', () => {
  it('has 序号 1..69 exactly once each, in order (the plan numbers straight through the headings)', () => {
    expect(built.features.map((f) => f.properties.seq)).toEqual(Array.from({ length: 69 }, (_, i) => i + 1));
  });

  it('puts each row under its heading: counts per category as in the plan', () => {
    const counts = PROJECT_CATEGORIES.map((c) => built.features.filter((f) => f.properties.category === c).length);
    expect(Object.fromEntries(PROJECT_CATEGORIES.map((c, i) => [c, counts[i]]))).toEqual({
      保障性安居工程及老旧小区改造: 3,
      教育: 6,
      医疗: 10,
      体育: 6,
      社会福利和养老服务: 6,
      社会救助: 2,
      文化: 11,
      专项社会事务: 6,
      数字社会系统建设: 17,
      中医药: 2,
    });
    // Headings are contiguous blocks in 序号 order.
    const order = built.features.map((f) => PROJECT_CATEGORIES.indexOf(f.properties.category));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('every project name appears verbatim in the plan (line breaks of the extraction removed)', () => {
    const flat = planText.replace(/\n/g, '');
    const missing = built.features.map((f) => f.properties.name).filter((n) => !flat.includes(`\t${n}\t`));
    expect(missing).toEqual([]);
  });

  it('spot-checks one full row per category against the plan', () => {
    const county = (adcode: number) => ({ countyAdcode: adcode });
    expect(props(2)).toEqual({
      seq: 2,
      name: '全市棚户区改造安置工程',
      category: '保障性安居工程及老旧小区改造',
      kind: '续建、新建',
      period: '2018-2027',
      location: '全市',
      content:
        '全市续建、新建棚户区改造安置工程共75448套：市城发集团9336套，鹿城区4201套，龙湾区11388套，瓯海区31979套，洞头区1149套，生态园3004套，瑞安市863套，龙港市1278套，平阳县1467套，苍南县6835套，文成县3344套，泰顺县604套。实施城中村改造清零项目。',
      investmentTotal: 643,
      investmentPlan: 256,
      agency: '市住建局,各县（市、区） 政府、功能区管委会',
      geocodePrecision: 'citywide',
      countyAdcode: null,
      geocodeNote: '全市项目（建设地点为“全市”），不落点',
    });
    expect(props(8)).toMatchObject({
      name: '温州市实验中学教育集团新校区建设项目',
      category: '教育',
      kind: '续建',
      period: '2020-2023',
      location: '鹿城区',
      content: '总用地面积6万平方米，总建筑面积11.8万平方米。拟办学规模小学30班，初中42 班。',
      investmentTotal: 28.6,
      investmentPlan: 10.2,
      agency: '鹿城区政府',
      geocodePrecision: 'county',
      ...county(330302),
    });
    expect(props(12)).toMatchObject({
      name: '永嘉县人民医院迁建工程',
      category: '医疗',
      kind: '续建',
      period: '2019-2022',
      location: '永嘉县',
      content: '总用地面积约172亩，总建筑面积18.1万平方米，停车位 1800个，床位1200张。',
      investmentTotal: 15,
      investmentPlan: 13,
      agency: '永嘉县政府',
      ...county(330324),
    });
    expect(props(23)).toMatchObject({
      name: '宣传文化阵地提升工程',
      category: '体育',
      kind: '新建',
      period: '2021-2025',
      location: '全市',
      content:
        '建设中国寓言小镇、温州市非物质文化遗产馆、永嘉学派馆、智媒信息港、塘河博物馆群、温州博物馆改造提升、瓯窑博物馆等项目。',
      investmentTotal: 20,
      investmentPlan: 20,
      agency: '市委宣传部, 市文化广电旅游局,各县（市、区）政府、功能区管委会、市城发集团、温州日报报业集团',
      geocodePrecision: 'citywide',
    });
    expect(props(29)).toMatchObject({
      name: '泰顺耘林养老工程',
      category: '社会福利和养老服务',
      kind: '新建',
      period: '2020-2025',
      location: '泰顺县罗阳镇',
      content:
        '项目拟设计1300套，总建筑面积13.4万平方米，主要包括入住服务用房、养老养护生活用房、卫生医疗康复用房、休闲娱乐用房、文教培训用房以及附属用房等',
      investmentTotal: 13,
      investmentPlan: 13,
      agency: '泰顺县民政局',
      ...county(330329),
    });
    expect(props(33)).toMatchObject({
      name: '文成县未成年人救助保护中心',
      category: '社会救助',
      kind: '新建',
      period: '2020-2022',
      location: '文成县大峃镇',
      content:
        '与文成县残疾人康复中心合建，建筑面积2800平方米，该项目旨在对全县生活无着落的流浪乞讨、遭受监护侵害、暂时无人监护等未成年人实施救助和监护，为全县孤、残、弃等儿童提供养护、医疗、康复教育和技能培训、托管等服务',
      investmentTotal: 0.2,
      investmentPlan: 0.2,
      agency: '文成县民政局',
      ...county(330328),
    });
    expect(props(39)).toMatchObject({
      name: '温州龙舟运动基地',
      category: '文化',
      kind: '续建',
      period: '2018-2021、',
      location: '瓯海区',
      content:
        '项目总占地面积约863.475 亩，包括水域赛道、两岸绿化及配套用房。规划广场用地面积约113.23亩，绿地面积389.52亩，水域面积 360.73亩。工程内容为河道开挖、护岸、节制闸、建筑景观绿化。',
      investmentTotal: 15.6,
      investmentPlan: 12.9,
      agency: '瓯海中心区建设中心、娄桥街道',
      ...county(330304),
    });
    expect(props(50)).toMatchObject({
      name: '文成县节地生态安葬设施项目',
      category: '专项社会事务',
      kind: '新建',
      period: '2020-2025',
      location: '文成县10个乡（镇）',
      content: '建设骨灰楼、骨灰墙、树葬、花葬、草坪葬、生态墓穴等节地生态安葬墓园，规划用地约60亩',
      investmentTotal: 2,
      investmentPlan: 2,
      agency: '文成县民政局',
      ...county(330328),
    });
    expect(props(53)).toEqual({
      seq: 53,
      name: '建设学校发展智治一张图',
      category: '数字社会系统建设',
      kind: '新建',
      period: '2021',
      location: '全市',
      content:
        '构建1张基础图——瓯海区“3D”地图；创建5个应用场景——“区域校网布局、入学预警分析、教育资源分布、教师发展分析、投资项目监测”；建立3大保障体系——“数据标准体系、组织保障体系、网络安全体系”。',
      investmentTotal: null,
      investmentPlan: null,
      investmentTotalText: '——',
      investmentPlanText: '——',
      agency: '市教育局、市自然资源和规划局、市大数据发展管理局、瓯海区教育局',
      geocodePrecision: 'citywide',
      countyAdcode: null,
      geocodeNote: '数字化应用，面向全市，无建设地点，不落点',
    });
    expect(props(68)).toMatchObject({
      name: '前海国健大健康产业建设项目',
      category: '中医药',
      kind: '新建',
      period: '2021-2026',
      location: '瑞安',
      content:
        '项目选址在瑞安经济开发区,总用地面积约600亩,总投资约50亿元。第一期投资约20亿元,用地面积约300亩,主要用于建设研发楼、理疗体验楼、生产厂房等;第二期用地 300亩,主要建设生产厂房,总投资30亿元。',
      investmentTotal: 50,
      investmentPlan: 35,
      agency: '瑞安市政府',
      ...county(330381),
    });
  });

  it('keeps 待定 and —— as text beside null figures, and only there', () => {
    expect(props(30)).toMatchObject({
      investmentTotal: null,
      investmentPlan: null,
      investmentTotalText: '待定',
      investmentPlanText: '待定',
    });
    expect(props(34)).toMatchObject({ investmentTotalText: '——', investmentPlanText: '——' });
    expect('investmentTotalText' in props(1)).toBe(false);
    expect(parseInvestment('1000.0', 't')).toBe(1000);
    expect(parseInvestment('——', 't')).toBeNull();
    expect(() => parseInvestment('约5', 't')).toThrow(/not an investment figure/);
  });
});

describe('buildProjects: where each project is', () => {
  const seat = (adcode: number) => ({ type: 'Point', coordinates: countySeats.get(adcode) });

  it('puts a county-level 建设地点 at that county seat, with or without the suffix', () => {
    expect(geometry(10)).toEqual(seat(330383)); // 龙港市
    expect(props(10).geocodeNote).toBe('县政府驻地（建设地点仅到县级）');
    expect(geometry(68)).toEqual(seat(330381)); // "瑞安"
    expect(props(68)).toMatchObject({ geocodePrecision: 'county', countyAdcode: 330381 });
  });

  it('maps 经开区 to 龙湾区 and leaves 温州高新技术产业开发区 unplaced', () => {
    expect(props(6)).toMatchObject({ location: '经开区', geocodePrecision: 'county', countyAdcode: 330303 });
    expect(props(6).geocodeNote).toContain('温州经济技术开发区');
    expect(geometry(6)).toEqual(seat(330303));
    expect(props(38)).toMatchObject({ geocodePrecision: 'citywide', countyAdcode: null });
    expect(props(38).geocodeNote).toContain('龙港');
    expect(geometry(38)).toBeNull();
  });

  it('gives a township 建设地点 the county seat, never a township point', () => {
    for (const [seq, adcode, township] of [
      [28, 330302, '双屿街道'],
      [29, 330329, '罗阳镇'],
      [32, 330381, '玉海街道'],
      [45, 330304, '郭溪镇'],
      [50, 330328, '10个乡（镇）'],
    ] as const) {
      expect(props(seq)).toMatchObject({ geocodePrecision: 'county', countyAdcode: adcode });
      expect(props(seq).geocodeNote).toContain(township);
      expect(geometry(seq)).toEqual(seat(adcode));
    }
  });

  it('leaves citywide, digital and unsited projects without a point', () => {
    for (const seq of [1, 2, 3, 7, 23, 30, 31, 35, ...Array.from({ length: 17 }, (_, i) => 51 + i)]) {
      expect(props(seq)).toMatchObject({ geocodePrecision: 'citywide', countyAdcode: null });
      expect(geometry(seq)).toBeNull();
    }
    expect(props(7).geocodeNote).toBe('建设地点未列（表中为“—”），不落点');
  });

  it('places 永嘉县殡仪馆 (建设地点 未定) in 永嘉县 by its own name and agency', () => {
    expect(props(46)).toMatchObject({ location: '未定', geocodePrecision: 'county', countyAdcode: 330324 });
    expect(geometry(46)).toEqual(seat(330324));
  });

  it('counts 43 county points and 26 citywide projects; no site or township precision', () => {
    const by: Record<string, number> = {};
    for (const f of built.features) by[f.properties.geocodePrecision] = (by[f.properties.geocodePrecision] ?? 0) + 1;
    expect(by).toEqual({ county: 43, citywide: 26 });
    for (const f of built.features) {
      expect(f.geometry === null).toBe(f.properties.countyAdcode === null);
      for (const v of f.geometry?.coordinates ?? []) expect(Math.round(v * 1e6) / 1e6).toBe(v);
    }
  });

  it('applies the rules to locations not in this table', () => {
    const row = (location: string, category: ProjectProps['category'] = '医疗') => ({
      seq: 999,
      name: 'x',
      category,
      location,
    });
    expect(geocodeProject(row('鹿城区、瓯海区'))).toMatchObject({ precision: 'citywide', countyAdcode: null });
    expect(geocodeProject(row('市区'))).toMatchObject({ precision: 'citywide', countyAdcode: null });
    expect(geocodeProject(row('浙南产业集聚区'))).toMatchObject({ precision: 'county', countyAdcode: 330303 });
    expect(geocodeProject(row('生态园'))).toMatchObject({ precision: 'citywide', countyAdcode: null });
    expect(geocodeProject(row('乐清'))).toMatchObject({ precision: 'county', countyAdcode: 330382 });
    expect(geocodeProject(row('鹿城区', '数字社会系统建设'))).toMatchObject({ precision: 'citywide' });
    // The 永嘉县殡仪馆 override needs its own 序号 and name.
    expect(geocodeProject({ seq: 46, name: '别的项目', category: '医疗', location: '未定' })).toMatchObject({
      precision: 'citywide',
    });
    expect(() => geocodeProject(row('火星'))).toThrow(/names no county/);
    for (const c of COUNTIES) expect(geocodeProject(row(c.name)).countyAdcode).toBe(c.adcode);
  });
});

describe('buildProjects: data check against the 分类汇总表', () => {
  it('sums every category and compares with the summary table', () => {
    expect(
      built.checks.categories.map((c) => [
        c.category,
        c.count.computed,
        c.count.summary,
        c.investmentTotal.computed,
        c.investmentTotal.summary,
        c.investmentPlan.computed,
        c.investmentPlan.summary,
      ]),
    ).toEqual([
      ['保障性安居工程及老旧小区改造', 3, 3, 1708, 1708, 1318, 1318],
      ['教育', 6, 6, 119.4, 119.4, 76.7, 76.7],
      ['医疗', 10, 10, 155.6, 155.6, 136.1, 136.1],
      ['体育', 6, 6, 105.7, 105.7, 85.4, 85.4],
      ['社会福利和养老服务', 6, 6, 49.4, 49.4, 49.2, 49.2],
      ['社会救助', 2, 2, 0.5, 0.5, 0.5, 0.5],
      ['文化', 11, 11, 119.2, 107.9, 113.5, 115],
      ['专项社会事务', 6, 6, 19.9, 19.9, 18.7, 18.7],
      ['数字社会系统建设', 17, 17, null, null, null, null],
      ['中医药', 2, 2, 70, 70, 45, 45],
    ]);
    expect(built.checks.total).toEqual({
      count: { computed: 69, summary: 69, difference: 0, ok: true },
      investmentTotal: { computed: 2347.7, summary: 2336.4, difference: 11.3, ok: false },
      investmentPlan: { computed: 1843.1, summary: 1844.6, difference: -1.5, ok: false },
    });
  });

  it('lists exactly the inconsistencies the plan contains', () => {
    expect(
      built.checks.issues.map((i) => [
        i.kind,
        i.category,
        i.seqs.join(','),
        i.field,
        i.expected,
        i.actual,
        i.difference,
      ]),
    ).toEqual([
      ['total-mismatch', '文化', '', 'investmentTotal', 107.9, 119.2, 11.3],
      ['plan-mismatch', '文化', '', 'investmentPlan', 115, 113.5, -1.5],
      ['plan-exceeds-total', '文化', '', 'investmentPlan', 107.9, 115, 7.1],
      ['total-mismatch', null, '', 'investmentTotal', 2336.4, 2347.7, 11.3],
      ['plan-mismatch', null, '', 'investmentPlan', 1844.6, 1843.1, -1.5],
      [
        'missing-value',
        '数字社会系统建设',
        '51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67',
        'investment',
        null,
        null,
        null,
      ],
      ['missing-value', '教育', '7', 'location', null, null, null],
      ['missing-value', '社会福利和养老服务', '30', 'investment', null, null, null],
      ['missing-value', '社会福利和养老服务', '31', 'investment', null, null, null],
      ['missing-value', '文化', '34', 'investment', null, null, null],
      ['duplicate-project', '文化', '21,39', 'name', 8.3, 12.9, 4.6],
      ['malformed-value', '文化', '39', 'period', null, null, null],
      ['missing-value', '专项社会事务', '46', 'location', null, null, null],
    ]);
    for (const i of built.checks.issues)
      expect(translateMessage('zh', i.message) && translateMessage('en', i.message)).toBeTruthy();
  });

  it('writes the summary table as printed into project-summary.json', () => {
    const json = JSON.parse(built.summary) as typeof built.summaryTable;
    expect(json.total).toEqual({ count: 69, investmentTotal: 2336.4, investmentPlan: 1844.6 });
    expect(json.categories.map((c) => c.category)).toEqual([...PROJECT_CATEGORIES]);
    expect(json.categories[8]).toEqual({
      category: '数字社会系统建设',
      count: 17,
      investmentTotal: null,
      investmentPlan: null,
      investmentTotalText: '——',
      investmentPlanText: '——',
    });
  });
});

describe('buildProjects: reproducibility', () => {
  it('is deterministic: two runs on separate copies are byte-identical', () => {
    const again = buildProjects(stage(join(tmp, 'b')));
    expect(again.geojson).toBe(built.geojson);
    expect(again.summary).toBe(built.summary);
    expect(built.geojson.split('\n')).toHaveLength(69 + 3);
  });

  it('matches the committed data/geo outputs (rerun the step after changing it)', () => {
    const committed = join(DEFAULT_OUT_DIR, DATA_FILES.projects);
    if (!existsSync(committed)) return;
    expect(readFileSync(committed, 'utf8')).toBe(built.geojson);
    expect(readFileSync(join(DEFAULT_OUT_DIR, DATA_FILES.projectSummary), 'utf8')).toBe(built.summary);
  });

  it('fails when the TSV no longer transcribes the plan', () => {
    const dir = stage(join(tmp, 'c'));
    const file = documentSourcePath(dir, 'plan-projects', 'projects.tsv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\t643.0\t', '\t634.0\t'));
    expect(() => buildProjects(dir)).toThrow(/row 2 investmentTotal/);
    const summaryFile = documentSourcePath(dir, 'plan-projects', 'summary.tsv');
    writeFileSync(file, readFileSync(documentSourcePath(DEFAULT_OUT_DIR, 'plan-projects', 'projects.tsv')));
    writeFileSync(summaryFile, readFileSync(summaryFile, 'utf8').replace('\t107.9\t', '\t119.2\t'));
    expect(() => buildProjects(dir)).toThrow(/summary row 8 investmentTotal/);
  });

  it('has SOURCE.md files the attribution step can read', () => {
    const projects = readFileSync(documentSourcePath(DEFAULT_OUT_DIR, 'plan-projects', 'SOURCE.md'), 'utf8');
    expect(projects.split('\n')[0]).toBe('# 温州市社会发展和基本公共服务体系"十四五"规划 — 重大项目表 (appendix)');
    for (const folder of DOCUMENT_SOURCE_FOLDER_IDS) {
      const entry = parseSourceMd(
        folder,
        readFileSync(documentSourcePath(DEFAULT_OUT_DIR, folder, 'SOURCE.md'), 'utf8'),
      );
      expect(entry.title && entry.licence && entry.origin && entry.caveats).toBeTruthy();
    }
  });
});
