import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT_DIR } from './paths';
import {
  extractProjectTable,
  extractSummaryTable,
  formatTsv,
  joinCell,
  parseTsv,
  PROJECT_TSV_COLUMNS,
  projectTsvRows,
  SUMMARY_TSV_COLUMNS,
  summaryTsvRows,
  transcribes,
} from './plan-projects-extract';
import { documentSourcePath } from './source-files';

const T = '\t';
/** A two-project miniature of the plan's layout: summary table, appendix, footnotes. */
const MINI = [
  '正文',
  '“十四五”重点项目分类汇总表',
  '',
  `${T}领域`,
  `${T}项目数`,
  `${T}总投资（亿元）`,
  `${T}“十四五”计划投资（亿元）`,
  '',
  `${T}汇总数`,
  `${T}2`,
  `${T}3.5`,
  `${T}——`,
  '',
  `${T}二、教育`,
  `${T}2`,
  `${T}3.5`,
  `${T}——`,
  '',
  '附件：',
  '“十四五”规划重大项目表',
  '',
  `${T}序号`,
  `${T}项目名称`,
  `${T}总投资`,
  '',
  '（亿元）',
  `${T}组织实施单位`,
  '',
  `${T}教育`,
  '',
  `${T}1`,
  `${T}某某学校迁建`,
  '',
  '工程',
  `${T}新建`,
  `${T}2021-`,
  '',
  '2025',
  `${T}鹿城区`,
  '双屿街道',
  `${T}第一段。`,
  '',
  '第二段。',
  `${T}1.5`,
  `${T}待定`,
  `${T}鹿城区`,
  '',
  '政府',
  '',
  `${T}2`,
  `${T}数字应用`,
  `${T}迭代`,
  `${T}2021`,
  `${T}全市`,
  `${T}内容`,
  `${T}2`,
  `${T}——`,
  `${T}市教育局`,
  '',
  '市卫生',
  '',
  '健康委',
  '',
  '市公安局',
  '',
  '\uFFFD 脚注',
  `${T}不是表格`,
].join('\n');

describe('plan-projects-extract', () => {
  it('reads rows under their heading and glues wrapped cells back', () => {
    const rows = projectTsvRows(extractProjectTable(MINI));
    expect(rows).toEqual([
      {
        seq: '1',
        name: '某某学校迁建工程',
        category: '教育',
        kind: '新建',
        period: '2021-2025',
        location: '鹿城区双屿街道',
        content: '第一段。第二段。',
        investmentTotal: '1.5',
        investmentPlan: '待定',
        agency: '鹿城区政府',
      },
      {
        seq: '2',
        name: '数字应用',
        category: '教育',
        kind: '迭代',
        period: '2021',
        location: '全市',
        content: '内容',
        investmentTotal: '2',
        investmentPlan: '——',
        agency: '市教育局、市卫生健康委、市公安局',
      },
    ]);
  });

  it('records where each cell starts in the plan text', () => {
    const [first] = extractProjectTable(MINI);
    expect(first?.cells.name).toEqual({ parts: ['某某学校迁建', '工程'], line: 32 });
  });

  it('reads the summary table with its 汇总数 row', () => {
    expect(summaryTsvRows(extractSummaryTable(MINI))).toEqual([
      { label: '汇总数', category: '', count: '2', investmentTotal: '3.5', investmentPlan: '——' },
      { label: '二、教育', category: '教育', count: '2', investmentTotal: '3.5', investmentPlan: '——' },
    ]);
  });

  it('fails loudly on a row that does not start with a 序号', () => {
    expect(() => extractProjectTable(MINI.replace(`${T}2\n${T}数字应用`, `${T}数字应用`))).toThrow(/expected a 序号/);
  });

  it('separates organisations with 、 only after a complete name', () => {
    expect(joinCell('agency', ['市城发', '集团'])).toBe('市城发集团');
    expect(joinCell('agency', ['市住建局,各县（市、区） 政府、功能区', '管委会'])).toBe(
      '市住建局,各县（市、区） 政府、功能区管委会',
    );
    expect(joinCell('agency', ['市生态园管委会', '市住建局'])).toBe('市生态园管委会、市住建局');
    expect(joinCell('agency', ['温州高新技术产业开发区投资建设开发有限公', '司'])).toBe(
      '温州高新技术产业开发区投资建设开发有限公司',
    );
    expect(joinCell('name', ['市教育局', '市卫生局'])).toBe('市教育局市卫生局');
  });

  it('accepts a transcription only if it is the lines joined by nothing or 、', () => {
    expect(transcribes('2021-2025', ['2021-', '2025'])).toBe(true);
    expect(transcribes('市教育局、瓯海区教育局', ['市教育局', '瓯海区教育局'])).toBe(true);
    expect(transcribes('市教育局，瓯海区教育局', ['市教育局', '瓯海区教育局'])).toBe(false);
    expect(transcribes('2021-2025 ', ['2021-', '2025'])).toBe(false);
    expect(transcribes('(a)', ['(a)'])).toBe(true);
  });

  it('writes TSV that parses back, and refuses tabs or newlines in values', () => {
    const rows = summaryTsvRows(extractSummaryTable(MINI));
    expect(parseTsv(formatTsv(SUMMARY_TSV_COLUMNS, rows), SUMMARY_TSV_COLUMNS)).toEqual(rows);
    expect(() => formatTsv(['a'], [{ a: 'x\ty' }])).toThrow(/tab or newline/);
    expect(() => parseTsv('b\n1\n', ['a'])).toThrow(/header/);
  });

  it('reproduces the committed TSVs from the committed plan text (no hand fixes were needed)', () => {
    const plan = readFileSync(documentSourcePath(DEFAULT_OUT_DIR, 'plan-seed', 'plan.txt'), 'utf8');
    expect(formatTsv(PROJECT_TSV_COLUMNS, projectTsvRows(extractProjectTable(plan)))).toBe(
      readFileSync(documentSourcePath(DEFAULT_OUT_DIR, 'plan-projects', 'projects.tsv'), 'utf8'),
    );
    expect(formatTsv(SUMMARY_TSV_COLUMNS, summaryTsvRows(extractSummaryTable(plan)))).toBe(
      readFileSync(documentSourcePath(DEFAULT_OUT_DIR, 'plan-projects', 'summary.tsv'), 'utf8'),
    );
  });
});
