/**
 * Checks the plan's 重大项目表 against its own 重点项目分类汇总表: per-category counts and sums,
 * the grand totals, and every oddity the table itself contains (a project listed twice, a
 * category whose "十四五" figure exceeds its total, missing or malformed cells). Pure: the build
 * runs it on the parsed TSV, the app on projects.geojson + project-summary.json.
 */
import {
  PROJECT_CATEGORIES,
  type ProjectCategory,
  type ProjectCategorySummary,
  type ProjectProps,
} from '../../shared/projects';

/** data/geo/project-summary.json: the plan's 重点项目分类汇总表 as printed. */
export interface ProjectSummaryTable {
  /** The 汇总数 row. */
  total: {
    count: number;
    investmentTotal: number | null;
    investmentPlan: number | null;
  };
  /** One row per category, in the table's order. */
  categories: ProjectCategorySummary[];
}

/** 亿元. The plan prints one decimal; sums within this of the printed figure count as equal. */
export const PROJECT_CHECK_TOLERANCE = 0.05;

export type ProjectCheckRow = Pick<
  ProjectProps,
  | 'seq'
  | 'name'
  | 'category'
  | 'period'
  | 'location'
  | 'investmentTotal'
  | 'investmentPlan'
  | 'investmentTotalText'
  | 'investmentPlanText'
>;

export interface FigureComparison {
  /** From the project rows: a count, or a sum over the rows that have a figure (null if none has). */
  computed: number | null;
  /** As printed in the summary table (null for ——, or when the summary has no such row). */
  summary: number | null;
  /** computed − summary, rounded to 0.001; null when either side is null. */
  difference: number | null;
  /** Equal within PROJECT_CHECK_TOLERANCE, or both null. */
  ok: boolean;
}

export interface FigureChecks {
  count: FigureComparison;
  investmentTotal: FigureComparison;
  investmentPlan: FigureComparison;
}

export interface CategoryCheck extends FigureChecks {
  category: ProjectCategory;
  /** 序号 of the rows under this heading, in table order. */
  seqs: number[];
  /** Rows under this heading with no 总投资 figure (待定 / ——). */
  withoutTotal: number[];
}

export const PROJECT_ISSUE_KINDS = [
  'count-mismatch',
  'total-mismatch',
  'plan-mismatch',
  'summary-sum-mismatch',
  'plan-exceeds-total',
  'duplicate-project',
  'missing-value',
  'malformed-value',
] as const;
export type ProjectIssueKind = (typeof PROJECT_ISSUE_KINDS)[number];

/** `investment`: both 总投资 and "十四五"投资. */
export type ProjectIssueField =
  'count' | 'investmentTotal' | 'investmentPlan' | 'investment' | 'name' | 'period' | 'location';

export interface ProjectDataIssue {
  kind: ProjectIssueKind;
  /** null: the whole table (汇总数). */
  category: ProjectCategory | null;
  /** 序号 involved; empty when the issue is in the summary table alone. */
  seqs: number[];
  field: ProjectIssueField;
  /**
   * The reference figure: the summary's value (mismatches), the total a "十四五" figure exceeds
   * (plan-exceeds-total), the first listing's figure (duplicate-project); null when not numeric.
   */
  expected: number | null;
  /** The figure found: the sum over rows, the exceeding "十四五" figure, the second listing's figure. */
  actual: number | null;
  /** actual − expected, rounded to 0.001; null when either is null. */
  difference: number | null;
  /** The cell as written, for missing and malformed values. */
  written: string | null;
  zh: string;
  en: string;
}

export interface ProjectDataCheck {
  categories: CategoryCheck[];
  /** All rows vs the summary's 汇总数 row. */
  total: FigureChecks;
  issues: ProjectDataIssue[];
}

const DIGITS = 1000;

function round(value: number): number {
  return Math.round(value * DIGITS) / DIGITS;
}

/** Sum of the non-null values; null when there are none. */
function sum(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : round(present.reduce((a, b) => a + b, 0));
}

function compare(computed: number | null, summary: number | null): FigureComparison {
  if (computed === null || summary === null) {
    return { computed, summary, difference: null, ok: computed === null && summary === null };
  }
  const difference = round(computed - summary);
  return { computed, summary, difference, ok: Math.abs(difference) <= PROJECT_CHECK_TOLERANCE + 1e-9 };
}

function figures(rows: readonly ProjectCheckRow[], summary: ProjectSummaryTable['total'] | undefined): FigureChecks {
  return {
    count: compare(rows.length, summary ? summary.count : null),
    investmentTotal: compare(sum(rows.map((r) => r.investmentTotal)), summary ? summary.investmentTotal : null),
    investmentPlan: compare(sum(rows.map((r) => r.investmentPlan)), summary ? summary.investmentPlan : null),
  };
}

function fmt(value: number | null): string {
  return value === null ? '——' : String(round(value));
}

function signed(value: number | null): string {
  if (value === null) return '';
  return value > 0 ? `+${round(value)}` : String(round(value));
}

const FIELD_ZH: Record<'count' | 'investmentTotal' | 'investmentPlan', string> = {
  count: '项目数',
  investmentTotal: '总投资（亿元）',
  investmentPlan: '“十四五”投资（亿元）',
};
const FIELD_EN: Record<'count' | 'investmentTotal' | 'investmentPlan', string> = {
  count: 'project count',
  investmentTotal: 'total investment (100 M CNY)',
  investmentPlan: '14th-FYP investment (100 M CNY)',
};
const MISMATCH_KIND = {
  count: 'count-mismatch',
  investmentTotal: 'total-mismatch',
  investmentPlan: 'plan-mismatch',
} as const;

function mismatchIssues(
  checks: FigureChecks,
  category: ProjectCategory | null,
  what: { zh: string; en: string },
): ProjectDataIssue[] {
  const out: ProjectDataIssue[] = [];
  for (const field of ['count', 'investmentTotal', 'investmentPlan'] as const) {
    const c = checks[field];
    if (c.ok) continue;
    out.push({
      kind: MISMATCH_KIND[field],
      category,
      seqs: [],
      field,
      expected: c.summary,
      actual: c.computed,
      difference: c.difference,
      written: null,
      zh: `${what.zh}${FIELD_ZH[field]}：各项目合计 ${fmt(c.computed)}，汇总表为 ${fmt(c.summary)}${
        c.difference === null ? '' : `，相差 ${signed(c.difference)}`
      }。`,
      en: `${what.en}, ${FIELD_EN[field]}: the rows add up to ${fmt(c.computed)}, the summary table says ${fmt(
        c.summary,
      )}${c.difference === null ? '' : ` (difference ${signed(c.difference)})`}.`,
    });
  }
  return out;
}

const UNKNOWN_LOCATIONS = new Set(['', '—', '——', '未定', '待定']);
const PERIOD = /^\d{4}(?:-\d{4})?$/;

function isNull(v: number | null): boolean {
  return v === null;
}

export function checkProjectData(projects: readonly ProjectCheckRow[], summary: ProjectSummaryTable): ProjectDataCheck {
  const rows = [...projects].sort((a, b) => a.seq - b.seq);
  const issues: ProjectDataIssue[] = [];

  const categories: CategoryCheck[] = PROJECT_CATEGORIES.map((category) => {
    const inCategory = rows.filter((r) => r.category === category);
    const s = summary.categories.find((c) => c.category === category);
    return {
      category,
      seqs: inCategory.map((r) => r.seq),
      withoutTotal: inCategory.filter((r) => r.investmentTotal === null).map((r) => r.seq),
      ...figures(inCategory, s),
    };
  });

  for (const c of categories) {
    const s = summary.categories.find((x) => x.category === c.category);
    issues.push(...mismatchIssues(c, c.category, { zh: `${c.category}类`, en: `Category ${c.category}` }));
    if (s && s.investmentTotal !== null && s.investmentPlan !== null) {
      if (s.investmentPlan > s.investmentTotal + PROJECT_CHECK_TOLERANCE) {
        issues.push({
          kind: 'plan-exceeds-total',
          category: c.category,
          seqs: [],
          field: 'investmentPlan',
          expected: s.investmentTotal,
          actual: s.investmentPlan,
          difference: round(s.investmentPlan - s.investmentTotal),
          written: null,
          zh: `汇总表中${c.category}类“十四五”计划投资 ${fmt(s.investmentPlan)} 大于其总投资 ${fmt(
            s.investmentTotal,
          )}（多 ${fmt(s.investmentPlan - s.investmentTotal)}），五年计划投资不应超过项目总投资。`,
          en: `In the summary table, category ${c.category} plans ${fmt(s.investmentPlan)} for 2021–2025, more than its total investment of ${fmt(
            s.investmentTotal,
          )} (by ${fmt(s.investmentPlan - s.investmentTotal)}); a five-year share cannot exceed the total.`,
        });
      }
    }
    const total = c.investmentTotal.computed;
    const plan = c.investmentPlan.computed;
    if (total !== null && plan !== null && plan > total + PROJECT_CHECK_TOLERANCE) {
      issues.push({
        kind: 'plan-exceeds-total',
        category: c.category,
        seqs: c.seqs,
        field: 'investmentPlan',
        expected: total,
        actual: plan,
        difference: round(plan - total),
        written: null,
        zh: `${c.category}类各项目“十四五”投资合计 ${fmt(plan)} 大于总投资合计 ${fmt(total)}。`,
        en: `Category ${c.category}: the rows' 2021–2025 investment (${fmt(plan)}) exceeds their total (${fmt(total)}).`,
      });
    }
  }

  const total = figures(rows, summary.total);
  issues.push(...mismatchIssues(total, null, { zh: '全部项目', en: 'All projects' }));

  // The summary table on its own: do its category rows add up to its 汇总数 row?
  const summaryRows = summary.categories;
  const internal: FigureChecks = {
    count: compare(sum(summaryRows.map((r) => r.count)), summary.total.count),
    investmentTotal: compare(sum(summaryRows.map((r) => r.investmentTotal)), summary.total.investmentTotal),
    investmentPlan: compare(sum(summaryRows.map((r) => r.investmentPlan)), summary.total.investmentPlan),
  };
  for (const field of ['count', 'investmentTotal', 'investmentPlan'] as const) {
    const c = internal[field];
    if (c.ok) continue;
    issues.push({
      kind: 'summary-sum-mismatch',
      category: null,
      seqs: [],
      field,
      expected: c.summary,
      actual: c.computed,
      difference: c.difference,
      written: null,
      zh: `汇总表各类${FIELD_ZH[field]}之和为 ${fmt(c.computed)}，与其汇总数 ${fmt(c.summary)} 不符。`,
      en: `The summary table's category rows add up to ${fmt(c.computed)} (${FIELD_EN[field]}), not its grand total ${fmt(
        c.summary,
      )}.`,
    });
  }

  // Categories the plan does not cost at all (summary and every row say ——): one note, not one per row.
  const uncosted = new Set<ProjectCategory>();
  for (const c of categories) {
    const s = summaryRows.find((x) => x.category === c.category);
    const inCategory = rows.filter((r) => r.category === c.category);
    if (
      s &&
      s.investmentTotal === null &&
      s.investmentPlan === null &&
      inCategory.length > 0 &&
      inCategory.every((r) => isNull(r.investmentTotal) && isNull(r.investmentPlan))
    ) {
      uncosted.add(c.category);
      const written = s.investmentTotalText ?? inCategory[0]?.investmentTotalText ?? null;
      issues.push({
        kind: 'missing-value',
        category: c.category,
        seqs: c.seqs,
        field: 'investment',
        expected: null,
        actual: null,
        difference: null,
        written,
        zh: `${c.category}类：汇总表和全部 ${inCategory.length} 个项目均未列投资额（${written ?? '空'}），该类不计入投资合计。`,
        en: `Category ${c.category}: neither the summary table nor any of its ${inCategory.length} projects gives an investment figure (${
          written ?? 'blank'
        }); the category adds nothing to the totals.`,
      });
    }
  }

  // Row by row, in 序号 order.
  const firstByName = new Map<string, ProjectCheckRow>();
  for (const r of rows) {
    const first = firstByName.get(r.name);
    if (first) {
      issues.push({
        kind: 'duplicate-project',
        category: r.category,
        seqs: [first.seq, r.seq],
        field: 'name',
        expected: first.investmentPlan,
        actual: r.investmentPlan,
        difference:
          first.investmentPlan === null || r.investmentPlan === null
            ? null
            : round(r.investmentPlan - first.investmentPlan),
        written: r.name,
        zh: `“${r.name}”列了两次：${first.category}类序号${first.seq}（总投资 ${fmt(first.investmentTotal)}，“十四五” ${fmt(
          first.investmentPlan,
        )}）和${r.category}类序号${r.seq}（总投资 ${fmt(r.investmentTotal)}，“十四五” ${fmt(
          r.investmentPlan,
        )}）；按行合计时计算了两次。`,
        en: `"${r.name}" is listed twice: no. ${first.seq} under ${first.category} (total ${fmt(
          first.investmentTotal,
        )}, 2021–2025 ${fmt(first.investmentPlan)}) and no. ${r.seq} under ${r.category} (total ${fmt(
          r.investmentTotal,
        )}, 2021–2025 ${fmt(r.investmentPlan)}); sums over the rows count it twice.`,
      });
    } else {
      firstByName.set(r.name, r);
    }

    if (r.investmentTotal !== null && r.investmentPlan !== null) {
      if (r.investmentPlan > r.investmentTotal + PROJECT_CHECK_TOLERANCE) {
        issues.push({
          kind: 'plan-exceeds-total',
          category: r.category,
          seqs: [r.seq],
          field: 'investmentPlan',
          expected: r.investmentTotal,
          actual: r.investmentPlan,
          difference: round(r.investmentPlan - r.investmentTotal),
          written: null,
          zh: `序号${r.seq}“${r.name}”的“十四五”投资 ${fmt(r.investmentPlan)} 大于总投资 ${fmt(r.investmentTotal)}。`,
          en: `No. ${r.seq} "${r.name}": 2021–2025 investment ${fmt(r.investmentPlan)} exceeds its total ${fmt(
            r.investmentTotal,
          )}.`,
        });
      }
    }

    if (!uncosted.has(r.category) && (r.investmentTotal === null || r.investmentPlan === null)) {
      const both = r.investmentTotal === null && r.investmentPlan === null;
      const field: ProjectIssueField = both
        ? 'investment'
        : r.investmentTotal === null
          ? 'investmentTotal'
          : 'investmentPlan';
      const written = (r.investmentTotal === null ? r.investmentTotalText : r.investmentPlanText) ?? null;
      const whatZh = both ? '总投资和“十四五”投资' : r.investmentTotal === null ? '总投资' : '“十四五”投资';
      const whatEn = both
        ? 'total and 2021–2025 investment'
        : r.investmentTotal === null
          ? 'total investment'
          : '2021–2025 investment';
      issues.push({
        kind: 'missing-value',
        category: r.category,
        seqs: [r.seq],
        field,
        expected: null,
        actual: null,
        difference: null,
        written,
        zh: `序号${r.seq}“${r.name}”未列${whatZh}（${written ?? '空'}），不计入合计。`,
        en: `No. ${r.seq} "${r.name}" gives no ${whatEn} (${written ?? 'blank'}); it adds nothing to the sums.`,
      });
    }

    if (UNKNOWN_LOCATIONS.has(r.location.trim())) {
      issues.push({
        kind: 'missing-value',
        category: r.category,
        seqs: [r.seq],
        field: 'location',
        expected: null,
        actual: null,
        difference: null,
        written: r.location,
        zh: `序号${r.seq}“${r.name}”未列建设地点（${r.location || '空'}）。`,
        en: `No. ${r.seq} "${r.name}" gives no site (建设地点: ${r.location || 'blank'}).`,
      });
    }

    if (!PERIOD.test(r.period)) {
      issues.push({
        kind: 'malformed-value',
        category: r.category,
        seqs: [r.seq],
        field: 'period',
        expected: null,
        actual: null,
        difference: null,
        written: r.period,
        zh: `序号${r.seq}“${r.name}”的项目期限写作“${r.period}”，不是“起年-止年”或单一年份。`,
        en: `No. ${r.seq} "${r.name}": period written as "${r.period}", not "start-end" or a single year.`,
      });
    }
  }

  return { categories, total, issues };
}
