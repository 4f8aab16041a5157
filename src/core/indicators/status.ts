/**
 * Where an indicator stands in a given year, from the values the user recorded.
 *
 * Direction (`indicatorDirection`): most indicators are "higher is better". An indicator is
 * "lower is better" when its 2025 target is written with ≤ / ＜ (城镇登记失业率 <3.5,
 * 重大慢病过早死亡率 <8.5, PM2.5 ≤27) or, with no comparator written, when the 2025 figure is
 * below the 2020 one (城乡居民收入比 1.96 → 1.9, 亿元GDP生产安全事故死亡率 0.016 → 0.011). A target
 * written with ≥ / ＞ is "higher is better" even when it is below the 2020 value (老年人健康管理率
 * 73.28 → ≥72). The one row where the baseline rule is wrong is listed in DIRECTION_OVERRIDES
 * (基本药物抽检合格率 100 → 99.5: a pass rate, the target is a floor). Cumulative 〔〕 targets
 * ("五年累计增加或提高的数值") are "higher is better" unless written with ≤ / ＜.
 *
 * Status (`assessIndicator`, `indicatorStatus`) for `year`:
 * - `no-target`: the 2025 cell has no figure (省下目标).
 * - Level indicators use the latest record with record.year ≤ year (a year recorded twice: the
 *   latest recordedAt wins). None → `no-data`. `met` when it satisfies the target's comparator
 *   (no comparator: reaches the figure in the indicator's direction). Otherwise `on-track` when it
 *   is at least as good as the straight line from the 2020 value to the 2025 target evaluated at
 *   `year` (not at the record's year: an old record is judged against this year's schedule), and
 *   `behind` when it is not or when `year` ≥ 2025. Without a 2020 value ("—", blank, "98/98") the
 *   line starts at the earliest record instead (so a single record is on schedule in its own year).
 * - Cumulative (〔〕) indicators sum the yearly records for 2021…min(year, 2025) (a year without a
 *   record counts as zero; records are that year's own amount). None → `no-data`. `met` when the
 *   sum satisfies the full five-year target, `on-track` when it is at least the pro-rated target
 *   target × (year − 2020) / 5 and year < 2025, `behind` otherwise. The 2020 cell (one year's
 *   amount) is not used.
 */
import {
  INDICATOR_BASE_YEAR,
  INDICATOR_TARGET_YEAR,
  type IndicatorRecord,
  type IndicatorStatus,
  type ParsedValue,
  type PlanIndicator,
} from '../../shared/indicators';

export type IndicatorDirection = 'higher' | 'lower';

/** Rows where "2025 figure below the 2020 one" does not mean lower is better. */
export const DIRECTION_OVERRIDES: Readonly<Record<string, { direction: IndicatorDirection; reason: string }>> = {
  'ind-48-essential-drug-pass': {
    direction: 'higher',
    reason:
      '基本药物抽检合格率 is a pass rate (higher is better); its 2025 figure 99.5 is below the 2020 value 100 and is read as a floor',
  },
};

export function indicatorDirection(
  indicator: Pick<PlanIndicator, 'id' | 'baseline' | 'target' | 'cumulative'>,
): IndicatorDirection {
  const override = DIRECTION_OVERRIDES[indicator.id];
  if (override) return override.direction;
  const c = indicator.target.comparator;
  if (c === '≥' || c === '>') return 'higher';
  if (c === '≤' || c === '<') return 'lower';
  if (indicator.cumulative) return 'higher';
  const b = indicator.baseline.value;
  const t = indicator.target.value;
  return b !== null && t !== null && b > t ? 'lower' : 'higher';
}

function tolerance(reference: number): number {
  return 1e-9 * Math.max(1, Math.abs(reference));
}

/** Whether `value` satisfies `target` (whose value must be a number) for an indicator going `direction`. */
export function satisfiesTarget(value: number, target: ParsedValue, direction: IndicatorDirection): boolean {
  const t = target.value;
  if (t === null) return false;
  const eq = Math.abs(value - t) <= tolerance(t);
  const comparator = target.comparator === '=' || target.comparator === null ? null : target.comparator;
  switch (comparator ?? (direction === 'higher' ? '≥' : '≤')) {
    case '≥':
      return value > t || eq;
    case '>':
      return value > t && !eq;
    case '≤':
      return value < t || eq;
    case '<':
      return value < t && !eq;
    default:
      return false;
  }
}

/** `value` at least as good as `reference` in `direction` (ties count as good). */
function atLeastAsGood(value: number, reference: number, direction: IndicatorDirection): boolean {
  const eq = Math.abs(value - reference) <= tolerance(reference);
  return eq || (direction === 'higher' ? value > reference : value < reference);
}

/** One record per year for `indicatorId`: the latest recordedAt wins (then the later in the array). */
export function recordsByYear(indicatorId: string, records: readonly IndicatorRecord[]): Map<number, IndicatorRecord> {
  const byYear = new Map<number, IndicatorRecord>();
  for (const r of records) {
    if (r.indicatorId !== indicatorId || !Number.isFinite(r.value) || !Number.isInteger(r.year)) continue;
    const prev = byYear.get(r.year);
    if (!prev || r.recordedAt >= prev.recordedAt) byYear.set(r.year, r);
  }
  return byYear;
}

export interface IndicatorAssessment {
  status: IndicatorStatus;
  direction: IndicatorDirection;
  /** Level indicators: the record used (latest up to the year); cumulative: null. */
  latest: { year: number; value: number } | null;
  /** Cumulative indicators: the running sum 2021…year and the years it includes; else null. */
  sum: { value: number; years: number[] } | null;
  /** What the schedule expects by `year` (straight line, or the pro-rated cumulative target); null when not computed. */
  expected: number | null;
}

export function assessIndicator(
  indicator: PlanIndicator,
  records: readonly IndicatorRecord[],
  year: number,
): IndicatorAssessment {
  const direction = indicatorDirection(indicator);
  const base: IndicatorAssessment = { status: 'no-data', direction, latest: null, sum: null, expected: null };
  const t = indicator.target.value;
  if (t === null) return { ...base, status: 'no-target' };
  const byYear = recordsByYear(indicator.id, records);
  const evalYear = Math.min(year, INDICATOR_TARGET_YEAR);
  const final = year >= INDICATOR_TARGET_YEAR;

  if (indicator.cumulative) {
    const years = [...byYear.keys()].filter((y) => y > INDICATOR_BASE_YEAR && y <= evalYear).sort((a, b) => a - b);
    if (years.length === 0) return base;
    const value = years.reduce((s, y) => s + (byYear.get(y)?.value ?? 0), 0);
    const span = INDICATOR_TARGET_YEAR - INDICATOR_BASE_YEAR;
    const expected = (t * (evalYear - INDICATOR_BASE_YEAR)) / span;
    const sum = { value, years };
    if (satisfiesTarget(value, indicator.target, direction)) return { ...base, status: 'met', sum, expected };
    const onTrack = !final && atLeastAsGood(value, expected, direction);
    return { ...base, status: onTrack ? 'on-track' : 'behind', sum, expected };
  }

  const years = [...byYear.keys()].filter((y) => y <= year).sort((a, b) => a - b);
  const lastYear = years.at(-1);
  const firstYear = years[0];
  if (lastYear === undefined || firstYear === undefined) return base;
  const lastRecord = byYear.get(lastYear);
  const firstRecord = byYear.get(firstYear);
  if (!lastRecord || !firstRecord) return base;
  const latest = { year: lastYear, value: lastRecord.value };
  if (satisfiesTarget(latest.value, indicator.target, direction)) return { ...base, status: 'met', latest };

  const start =
    indicator.baseline.value !== null
      ? { year: INDICATOR_BASE_YEAR, value: indicator.baseline.value }
      : { year: firstYear, value: firstRecord.value };
  const fraction =
    start.year >= INDICATOR_TARGET_YEAR
      ? 1
      : Math.min(1, Math.max(0, (evalYear - start.year) / (INDICATOR_TARGET_YEAR - start.year)));
  const expected = start.value + (t - start.value) * fraction;
  const onTrack = !final && atLeastAsGood(latest.value, expected, direction);
  return { ...base, status: onTrack ? 'on-track' : 'behind', latest, expected };
}

export function indicatorStatus(
  indicator: PlanIndicator,
  records: readonly IndicatorRecord[],
  year: number,
): IndicatorStatus {
  return assessIndicator(indicator, records, year).status;
}
