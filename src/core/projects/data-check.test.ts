import { describe, expect, it } from 'vitest';
import { translateMessage } from '../../shared/i18n/message';
import { PROJECT_CATEGORIES, type ProjectCategory } from '../../shared/projects';
import { checkProjectData, type ProjectCheckRow, type ProjectDataIssue, type ProjectSummaryTable } from './data-check';

function row(seq: number, category: ProjectCategory, total: number | null, plan: number | null): ProjectCheckRow {
  return {
    seq,
    name: `项目${seq}`,
    category,
    period: '2021-2025',
    location: '鹿城区',
    investmentTotal: total,
    investmentPlan: plan,
  };
}

/** A summary that agrees with `rows` exactly (categories without rows: 0 projects, no figures). */
function summaryOf(rows: readonly ProjectCheckRow[]): ProjectSummaryTable {
  const sum = (xs: (number | null)[]) => {
    const present = xs.filter((x): x is number => x !== null);
    return present.length ? Math.round(present.reduce((a, b) => a + b, 0) * 1000) / 1000 : null;
  };
  const categories = PROJECT_CATEGORIES.map((category) => {
    const inCat = rows.filter((r) => r.category === category);
    return {
      category,
      count: inCat.length,
      investmentTotal: sum(inCat.map((r) => r.investmentTotal)),
      investmentPlan: sum(inCat.map((r) => r.investmentPlan)),
    };
  });
  return {
    total: {
      count: rows.length,
      investmentTotal: sum(rows.map((r) => r.investmentTotal)),
      investmentPlan: sum(rows.map((r) => r.investmentPlan)),
    },
    categories,
  };
}

/** The finding as the UI shows it in Chinese / English. */
const zh = (issue: ProjectDataIssue | undefined) => issue && translateMessage('zh', issue.message);
const en = (issue: ProjectDataIssue | undefined) => issue && translateMessage('en', issue.message);

const base = [row(1, '教育', 10.1, 5.2), row(2, '教育', 0.2, 0.1), row(3, '医疗', 3, 3)];

describe('checkProjectData', () => {
  it('finds nothing when rows and summary agree (float sums are rounded, not compared raw)', () => {
    const check = checkProjectData(base, summaryOf(base));
    expect(check.issues).toEqual([]);
    const edu = check.categories.find((c) => c.category === '教育');
    expect(edu?.investmentTotal).toEqual({ computed: 10.3, summary: 10.3, difference: 0, ok: true });
    expect(check.total.count).toEqual({ computed: 3, summary: 3, difference: 0, ok: true });
  });

  it('tolerates 0.05 亿元 of rounding and reports the exact difference beyond it', () => {
    const summary = summaryOf(base);
    const edu = summary.categories.find((c) => c.category === '教育');
    if (!edu) throw new Error('no 教育');
    edu.investmentTotal = 10.35;
    edu.investmentPlan = 5.36;
    summary.total.investmentTotal = 13.35;
    summary.total.investmentPlan = 8.36;
    const issues = checkProjectData(base, summary).issues;
    expect(issues.map((i) => [i.kind, i.category, i.expected, i.actual, i.difference])).toEqual([
      ['plan-mismatch', '教育', 5.36, 5.3, -0.06],
      ['plan-mismatch', null, 8.36, 8.3, -0.06],
    ]);
    expect(zh(issues[0])).toBe('教育类“十四五”投资（亿元）：各项目合计 5.3，汇总表为 5.36，相差 -0.06。');
  });

  it('reports count mismatches and a summary whose categories do not add up to its 汇总数', () => {
    const summary = summaryOf(base);
    const med = summary.categories.find((c) => c.category === '医疗');
    if (!med) throw new Error('no 医疗');
    med.count = 2;
    const issues = checkProjectData(base, summary).issues;
    expect(issues.map((i) => [i.kind, i.category, i.field, i.expected, i.actual])).toEqual([
      ['count-mismatch', '医疗', 'count', 2, 1],
      ['summary-sum-mismatch', null, 'count', 3, 4],
    ]);
  });

  it('flags a "十四五" figure above the total in the summary, in a category sum and in a row', () => {
    const rows = [row(1, '文化', 10, 12)];
    const summary = summaryOf(rows);
    const issues = checkProjectData(rows, summary).issues;
    expect(issues.map((i) => [i.kind, i.category, i.seqs, i.expected, i.actual, i.difference])).toEqual([
      ['plan-exceeds-total', '文化', [], 10, 12, 2],
      ['plan-exceeds-total', '文化', [1], 10, 12, 2],
      ['plan-exceeds-total', '文化', [1], 10, 12, 2],
    ]);
    expect(issues.map(zh)).toEqual([
      '汇总表中文化类“十四五”计划投资 12 大于其总投资 10（多 2），五年计划投资不应超过项目总投资。',
      '文化类各项目“十四五”投资合计 12 大于总投资合计 10。',
      '序号1“项目1”的“十四五”投资 12 大于总投资 10。',
    ]);
  });

  it('reports a project listed twice, with both listings', () => {
    const rows = [row(1, '体育', 15.6, 8.3), { ...row(2, '文化', 15.6, 12.9), name: '项目1' }];
    const issues = checkProjectData(rows, summaryOf(rows)).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      kind: 'duplicate-project',
      category: '文化',
      seqs: [1, 2],
      field: 'name',
      expected: 8.3,
      actual: 12.9,
      difference: 4.6,
    });
  });

  it('reports missing figures per row, but an uncosted category once', () => {
    const rows = [
      { ...row(1, '社会福利和养老服务', null, null), investmentTotalText: '待定', investmentPlanText: '待定' },
      row(2, '社会福利和养老服务', 5, null),
      { ...row(3, '数字社会系统建设', null, null), investmentTotalText: '——' },
      { ...row(4, '数字社会系统建设', null, null), investmentTotalText: '——' },
    ];
    const summary = summaryOf(rows);
    const issues = checkProjectData(rows, summary).issues;
    expect(issues.map((i) => [i.kind, i.category, i.seqs, i.field, i.written])).toEqual([
      ['missing-value', '数字社会系统建设', [3, 4], 'investment', '——'],
      ['missing-value', '社会福利和养老服务', [1], 'investment', '待定'],
      ['missing-value', '社会福利和养老服务', [2], 'investmentPlan', null],
    ]);
  });

  it('reports unsited projects and malformed periods', () => {
    const rows = [
      { ...row(1, '教育', 1, 1), location: '—' },
      { ...row(2, '文化', 1, 1), period: '2018-2021、' },
    ];
    const issues = checkProjectData(rows, summaryOf(rows)).issues;
    expect(issues.map((i) => [i.kind, i.seqs, i.field, i.written])).toEqual([
      ['missing-value', [1], 'location', '—'],
      ['malformed-value', [2], 'period', '2018-2021、'],
    ]);
    expect(en(issues[1])).toBe('No. 2 "项目2": period written as "2018-2021、", not "start-end" or a single year.');
  });

  it('compares categories missing from the summary as mismatches, not crashes', () => {
    const summary = summaryOf(base);
    summary.categories = summary.categories.filter((c) => c.category !== '医疗');
    const kinds = checkProjectData(base, summary).issues.map((i) => [i.kind, i.category, i.expected, i.actual]);
    expect(kinds.slice(0, 3)).toEqual([
      ['count-mismatch', '医疗', null, 1],
      ['total-mismatch', '医疗', null, 3],
      ['plan-mismatch', '医疗', null, 3],
    ]);
  });
});
