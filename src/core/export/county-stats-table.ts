/**
 * The county coverage table shared by the CSV and XLSX exports, so both files hold the same
 * numbers: one row per county (COUNTIES order, as the result lists them), then the five mountain
 * counties, the other seven and the whole city.
 *
 * Numbers are numbers, rounded for reading: people to whole persons, coverage percent to one
 * decimal, minutes to one decimal, metres (radius method) to whole metres. Bands are the run's
 * bands ([0, t1), [t1, t2) … with the last one closed, see coverage/bands.ts) plus one column for
 * everyone beyond the last threshold or unable to reach any facility; the band columns add up to
 * the population column (up to rounding of fractional imported counts).
 */
import { countyByAdcode } from '../../shared/counties';
import type { CoverageRequest, CoverageSummary, GroupStats } from '../../shared/coverage';
import type { CsvCell } from './csv';
import { unitLabel, type ExportLanguage, type ThresholdUnit } from './run-metadata';

export type StatsColumnKind = 'name' | 'code' | 'people' | 'percent' | 'time' | 'flag';
export type StatsRowKind = 'county' | 'mountain' | 'other' | 'total';

export interface StatsTableRow {
  kind: StatsRowKind;
  /** A mountain county, or the mountain-counties group row. */
  mountain: boolean;
  cells: CsvCell[];
}

export interface StatsTable {
  header: string[];
  columns: StatsColumnKind[];
  unit: ThresholdUnit;
  rows: StatsTableRow[];
}

/** Thresholds and unit of a run: minutes for the network method, metres for the radius method. */
export function runThresholds(request: Pick<CoverageRequest, 'method' | 'thresholdsMin' | 'radiiM'>): {
  thresholds: number[];
  unit: ThresholdUnit;
} {
  return request.method === 'radius'
    ? { thresholds: [...request.radiiM], unit: 'm' }
    : { thresholds: [...request.thresholdsMin], unit: 'min' };
}

/** Bilingual column header: "中文 (english)" for zh, "English" for en. */
function heading(language: ExportLanguage, zh: string, en: string): string {
  return language === 'zh' ? `${zh} (${en})` : en.charAt(0).toUpperCase() + en.slice(1);
}

/**
 * Labels of the bands (thresholds.length + 1 of them, the last one "beyond"), e.g.
 * "0–10 分钟人口 (0–10 min population)" … "15 分钟以上或不可达人口 (beyond 15 min or unreachable)".
 */
export function bandColumnLabels(thresholds: readonly number[], unit: ThresholdUnit, language: ExportLanguage) {
  const zhUnit = unitLabel(unit, 'zh');
  const enUnit = unitLabel(unit, 'en');
  const labels = thresholds.map((t, k) => {
    const from = k === 0 ? 0 : (thresholds[k - 1] as number);
    return heading(language, `${from}–${t} ${zhUnit}人口`, `${from}–${t} ${enUnit} population`);
  });
  const last = thresholds[thresholds.length - 1];
  labels.push(heading(language, `${last} ${zhUnit}以上或不可达人口`, `beyond ${last} ${enUnit} or unreachable`));
  return labels;
}

const GROUP_NAMES: Record<Exclude<StatsRowKind, 'county'>, Record<ExportLanguage, string>> = {
  mountain: { zh: '山区五县', en: 'Five mountain counties' },
  other: { zh: '其他县（市、区）', en: 'Other counties' },
  total: { zh: '全市', en: 'Whole city' },
};

function round(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f + 0;
}

export function countyStatsTable(
  result: Pick<CoverageSummary, 'counties' | 'mountain' | 'other' | 'total'> & { request: CoverageRequest },
  language: ExportLanguage,
): StatsTable {
  const { thresholds, unit } = runThresholds(result.request);
  const min = unit === 'min';
  const header = [
    heading(language, '县（市、区）', 'county'),
    heading(language, '行政区划代码', 'adcode'),
    heading(language, '人口', 'population'),
    heading(language, '覆盖人口', 'covered'),
    heading(language, '覆盖率%', 'covered %'),
    min ? heading(language, '平均分钟', 'mean min') : heading(language, '平均距离米', 'mean m'),
    min ? heading(language, '中位分钟', 'median min') : heading(language, '中位距离米', 'median m'),
    min ? heading(language, 'P90 分钟', 'p90 min') : heading(language, 'P90 距离米', 'p90 m'),
    ...bandColumnLabels(thresholds, unit, language),
    heading(language, '山区县', 'mountain county'),
  ];
  const columns: StatsColumnKind[] = [
    'name',
    'code',
    'people',
    'people',
    'percent',
    'time',
    'time',
    'time',
    ...thresholds.map((): StatsColumnKind => 'people'),
    'people',
    'flag',
  ];
  const timeDigits = min ? 1 : 0;
  const yes = language === 'zh' ? '是' : 'yes';
  const no = language === 'zh' ? '否' : 'no';

  const statsCells = (stats: GroupStats): CsvCell[] => {
    if (stats.bands.length !== thresholds.length + 1)
      throw new Error(
        `countyStatsTable: ${stats.bands.length} band values for ${thresholds.length} thresholds (expected ${thresholds.length + 1})`,
      );
    return [
      round(stats.population, 0),
      round(stats.covered, 0),
      round(stats.coveredPct, 1),
      round(stats.meanMinutes, timeDigits),
      round(stats.p50Minutes, timeDigits),
      round(stats.p90Minutes, timeDigits),
      ...stats.bands.map((b) => round(b, 0)),
    ];
  };

  const rows: StatsTableRow[] = result.counties.map((county) => {
    const info = countyByAdcode(county.adcode);
    const name = language === 'zh' ? county.name : (info?.nameEn ?? county.name);
    return {
      kind: 'county',
      mountain: county.mountain,
      cells: [name, county.adcode, ...statsCells(county), county.mountain ? yes : no],
    };
  });
  rows.push(
    {
      kind: 'mountain',
      mountain: true,
      cells: [GROUP_NAMES.mountain[language], null, ...statsCells(result.mountain), yes],
    },
    { kind: 'other', mountain: false, cells: [GROUP_NAMES.other[language], null, ...statsCells(result.other), no] },
    { kind: 'total', mountain: false, cells: [GROUP_NAMES.total[language], null, ...statsCells(result.total), null] },
  );
  return { header, columns, unit, rows };
}
