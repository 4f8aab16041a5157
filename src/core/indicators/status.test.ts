import { describe, expect, it } from 'vitest';
import type { IndicatorRecord, PlanIndicator } from '../../shared/indicators';
import { parseIndicatorValue } from './parse-value';
import { assessIndicator, indicatorDirection, indicatorStatus, recordsByYear, satisfiesTarget } from './status';

/** A hand-made indicator with the plan's cell texts. */
function ind(id: string, baseline: string, target: string, cumulative = false): PlanIndicator {
  return {
    id,
    category: '卫生健康服务',
    seq: 1,
    name: id,
    unit: '%',
    baseline: parseIndicatorValue(baseline),
    target: parseIndicatorValue(target),
    cumulative,
    note: '',
  };
}

function rec(
  indicatorId: string,
  year: number,
  value: number,
  recordedAt = `${year + 1}-01-15T00:00:00Z`,
): IndicatorRecord {
  return { indicatorId, year, value, recordedAt };
}

const beds = ind('ind-24-hospital-beds', '4.57', '6'); // higher, no comparator
const unemployment = ind('ind-12-urban-unemployment', '1.79', '<3.5'); // lower by comparator
const incomeRatio = ind('ind-17-urban-rural-income-ratio', '1.96', '1.9'); // lower by baseline > target
const elderly = ind('ind-36-elderly-health-management', '73.28', '≥72'); // higher by comparator
const drugs = ind('ind-48-essential-drug-pass', '100', '99.5'); // override: higher
const jobs = ind('ind-11-new-urban-jobs', '14.2', '〔45〕', true);
const staff = ind('ind-03-childcare-staff-certified', '—', '≥80');
const enforcement = ind('ind-44-integrated-enforcement', '—', '省下目标');
const strict = ind('ind-08-higher-education-enrolment', '62.4', '＞70');

describe('indicatorDirection', () => {
  it('reads the comparator first, then baseline > target, with the listed override', () => {
    expect(indicatorDirection(beds)).toBe('higher');
    expect(indicatorDirection(unemployment)).toBe('lower');
    expect(indicatorDirection(ind('pm25', '25', '≤27'))).toBe('lower');
    expect(indicatorDirection(incomeRatio)).toBe('lower');
    expect(indicatorDirection(elderly)).toBe('higher');
    expect(indicatorDirection(drugs)).toBe('higher');
    expect(indicatorDirection({ ...drugs, id: 'other' })).toBe('lower');
    expect(indicatorDirection(jobs)).toBe('higher');
    expect(indicatorDirection(staff)).toBe('higher');
  });
});

describe('satisfiesTarget', () => {
  it('honours strict and non-strict comparators', () => {
    expect(satisfiesTarget(70, strict.target, 'higher')).toBe(false);
    expect(satisfiesTarget(70.1, strict.target, 'higher')).toBe(true);
    expect(satisfiesTarget(72, elderly.target, 'higher')).toBe(true);
    expect(satisfiesTarget(3.5, unemployment.target, 'lower')).toBe(false);
    expect(satisfiesTarget(3.4, unemployment.target, 'lower')).toBe(true);
    expect(satisfiesTarget(6, beds.target, 'higher')).toBe(true);
    expect(satisfiesTarget(1.9, incomeRatio.target, 'lower')).toBe(true);
    expect(satisfiesTarget(1.91, incomeRatio.target, 'lower')).toBe(false);
    expect(satisfiesTarget(0.1 + 0.2, parseIndicatorValue('≥0.3'), 'higher')).toBe(true);
  });
});

describe('indicatorStatus: level indicators', () => {
  it('no-data without records up to the year; no-target without a target figure', () => {
    expect(indicatorStatus(beds, [], 2023)).toBe('no-data');
    expect(indicatorStatus(beds, [rec(beds.id, 2024, 7)], 2023)).toBe('no-data');
    expect(indicatorStatus(beds, [rec('ind-other', 2023, 7)], 2023)).toBe('no-data');
    expect(indicatorStatus(enforcement, [rec(enforcement.id, 2023, 25)], 2023)).toBe('no-target');
  });

  it('met / on-track / behind against the straight line 2020 → 2025', () => {
    // 4.57 → 6: expected in 2023 = 4.57 + 1.43 × 3/5 = 5.428
    expect(indicatorStatus(beds, [rec(beds.id, 2023, 6.1)], 2023)).toBe('met');
    expect(indicatorStatus(beds, [rec(beds.id, 2023, 5.5)], 2023)).toBe('on-track');
    expect(indicatorStatus(beds, [rec(beds.id, 2023, 5.428)], 2023)).toBe('on-track');
    expect(indicatorStatus(beds, [rec(beds.id, 2023, 5.3)], 2023)).toBe('behind');
    expect(assessIndicator(beds, [rec(beds.id, 2023, 5.3)], 2023).expected).toBeCloseTo(5.428, 9);
  });

  it('judges an old record against the schedule of the year asked about', () => {
    // 5.0 in 2021 is ahead of 2021's line (4.856) but behind 2024's (5.714).
    expect(indicatorStatus(beds, [rec(beds.id, 2021, 5.0)], 2021)).toBe('on-track');
    expect(indicatorStatus(beds, [rec(beds.id, 2021, 5.0)], 2024)).toBe('behind');
  });

  it('uses the latest year, and the latest recordedAt within a year', () => {
    const records = [
      rec(beds.id, 2022, 6.5),
      rec(beds.id, 2023, 5.0, '2024-02-01T00:00:00Z'),
      rec(beds.id, 2023, 5.6, '2024-03-01T00:00:00Z'),
    ];
    expect(assessIndicator(beds, records, 2023).latest).toEqual({ year: 2023, value: 5.6 });
    expect(indicatorStatus(beds, records, 2023)).toBe('on-track');
    expect(recordsByYear(beds.id, records).get(2023)?.value).toBe(5.6);
  });

  it('is behind in and after 2025 unless met', () => {
    expect(indicatorStatus(beds, [rec(beds.id, 2025, 5.99)], 2025)).toBe('behind');
    expect(indicatorStatus(beds, [rec(beds.id, 2025, 6)], 2026)).toBe('met');
    expect(indicatorStatus(strict, [rec(strict.id, 2025, 70)], 2025)).toBe('behind');
  });

  it('lower-is-better indicators', () => {
    // 1.96 → 1.9: expected in 2022 = 1.936
    expect(indicatorStatus(incomeRatio, [rec(incomeRatio.id, 2022, 1.93)], 2022)).toBe('on-track');
    expect(indicatorStatus(incomeRatio, [rec(incomeRatio.id, 2022, 1.95)], 2022)).toBe('behind');
    expect(indicatorStatus(incomeRatio, [rec(incomeRatio.id, 2022, 1.9)], 2022)).toBe('met');
    expect(indicatorStatus(unemployment, [rec(unemployment.id, 2022, 2.1)], 2022)).toBe('met');
  });

  it('targets below the 2020 value: met while the floor holds', () => {
    expect(indicatorStatus(elderly, [rec(elderly.id, 2022, 72.5)], 2022)).toBe('met');
    expect(indicatorStatus(elderly, [rec(elderly.id, 2022, 71)], 2022)).toBe('behind');
    expect(indicatorStatus(drugs, [rec(drugs.id, 2022, 99.6)], 2022)).toBe('met');
    expect(indicatorStatus(drugs, [rec(drugs.id, 2022, 99)], 2022)).toBe('behind');
  });

  it('without a 2020 value the line starts at the earliest record', () => {
    expect(indicatorStatus(staff, [rec(staff.id, 2022, 50)], 2022)).toBe('on-track');
    // 50 (2022) → 80 (2025): expected 2024 = 70
    expect(indicatorStatus(staff, [rec(staff.id, 2022, 50), rec(staff.id, 2024, 72)], 2024)).toBe('on-track');
    expect(indicatorStatus(staff, [rec(staff.id, 2022, 50), rec(staff.id, 2024, 65)], 2024)).toBe('behind');
    expect(indicatorStatus(staff, [rec(staff.id, 2022, 50), rec(staff.id, 2024, 80)], 2024)).toBe('met');
  });
});

describe('indicatorStatus: cumulative 〔〕 indicators', () => {
  it('sums yearly records 2021…year against the pro-rated target', () => {
    const r = [rec(jobs.id, 2021, 9), rec(jobs.id, 2022, 9.5)];
    // 〔45〕: by 2022 the schedule is 18; sum 18.5
    const a = assessIndicator(jobs, r, 2022);
    expect(a.status).toBe('on-track');
    expect(a.sum).toEqual({ value: 18.5, years: [2021, 2022] });
    expect(a.expected).toBe(18);
    expect(indicatorStatus(jobs, [rec(jobs.id, 2021, 8), rec(jobs.id, 2022, 9)], 2022)).toBe('behind');
  });

  it('a missing year counts as zero; the 2020 value and records before 2021 are not summed', () => {
    expect(
      indicatorStatus(jobs, [rec(jobs.id, 2020, 14.2), rec(jobs.id, 2021, 10), rec(jobs.id, 2023, 10)], 2023),
    ).toBe('behind');
    expect(indicatorStatus(jobs, [rec(jobs.id, 2020, 14.2)], 2023)).toBe('no-data');
  });

  it('met once the sum reaches the full five-year target; behind at 2025 otherwise', () => {
    const five = [2021, 2022, 2023, 2024, 2025].map((y) => rec(jobs.id, y, 9));
    expect(indicatorStatus(jobs, five, 2025)).toBe('met');
    expect(indicatorStatus(jobs, five.slice(0, 4), 2025)).toBe('behind');
    expect(indicatorStatus(jobs, [rec(jobs.id, 2021, 46)], 2021)).toBe('met');
    // Records after 2025 are outside the plan period.
    expect(assessIndicator(jobs, [...five.slice(0, 4), rec(jobs.id, 2026, 20)], 2026).sum?.value).toBe(36);
  });
});
