/**
 * Checks the plan's 重大项目表 against its own 重点项目分类汇总表: per-category counts and sums,
 * the grand totals, and every oddity the table itself contains (a project listed twice, a
 * category whose "十四五" figure exceeds its total, missing or malformed cells). Pure: the build
 * runs it on the parsed TSV, the app on projects.geojson + project-summary.json. Each finding
 * carries its sentence as a Message (catalogue keys `check.issue.*`) with the figures as parameters.
 */
import type { Message } from '../../shared/i18n/message';
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
  /** The finding as a sentence, in the shared catalogue. */
  message: Message;
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

/** A missing cell is named ("空" / "blank") rather than shown as nothing. */
function writtenOrBlank(written: string | null): string | Message {
  return written ?? { key: 'check.issue.blank' };
}

const MISMATCH_KIND = {
  count: 'count-mismatch',
  investmentTotal: 'total-mismatch',
  investmentPlan: 'plan-mismatch',
} as const;

function mismatchIssues(checks: FigureChecks, category: ProjectCategory | null): ProjectDataIssue[] {
  const what: Message =
    category === null ? { key: 'check.issue.whatAll' } : { key: 'check.issue.whatCategory', params: { category } };
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
      message: {
        key: 'check.issue.mismatch',
        params: {
          what,
          field: { key: `check.field.${field}` },
          computed: fmt(c.computed),
          summary: fmt(c.summary),
          difference:
            c.difference === null
              ? ''
              : { key: 'check.issue.difference', params: { difference: signed(c.difference) } },
        },
      },
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
    issues.push(...mismatchIssues(c, c.category));
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
          message: {
            key: 'check.issue.summaryPlanExceedsTotal',
            params: {
              category: c.category,
              plan: fmt(s.investmentPlan),
              total: fmt(s.investmentTotal),
              excess: fmt(s.investmentPlan - s.investmentTotal),
            },
          },
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
        message: {
          key: 'check.issue.categoryPlanExceedsTotal',
          params: { category: c.category, plan: fmt(plan), total: fmt(total) },
        },
      });
    }
  }

  const total = figures(rows, summary.total);
  issues.push(...mismatchIssues(total, null));

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
      message: {
        key: 'check.issue.summarySumMismatch',
        params: { field: { key: `check.field.${field}` }, computed: fmt(c.computed), summary: fmt(c.summary) },
      },
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
        message: {
          key: 'check.issue.uncostedCategory',
          params: { category: c.category, count: inCategory.length, written: writtenOrBlank(written) },
        },
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
        message: {
          key: 'check.issue.duplicateProject',
          params: {
            name: r.name,
            firstCategory: first.category,
            firstSeq: first.seq,
            firstTotal: fmt(first.investmentTotal),
            firstPlan: fmt(first.investmentPlan),
            category: r.category,
            seq: r.seq,
            total: fmt(r.investmentTotal),
            plan: fmt(r.investmentPlan),
          },
        },
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
          message: {
            key: 'check.issue.rowPlanExceedsTotal',
            params: { seq: r.seq, name: r.name, plan: fmt(r.investmentPlan), total: fmt(r.investmentTotal) },
          },
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
      issues.push({
        kind: 'missing-value',
        category: r.category,
        seqs: [r.seq],
        field,
        expected: null,
        actual: null,
        difference: null,
        written,
        message: {
          key: 'check.issue.rowMissingInvestment',
          params: {
            seq: r.seq,
            name: r.name,
            what: { key: `check.missing.${field}` },
            written: writtenOrBlank(written),
          },
        },
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
        message: {
          key: 'check.issue.rowMissingLocation',
          params: { seq: r.seq, name: r.name, written: writtenOrBlank(r.location || null) },
        },
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
        message: {
          key: 'check.issue.rowMalformedPeriod',
          params: { seq: r.seq, name: r.name, period: r.period },
        },
      });
    }
  }

  return { categories, total, issues };
}
