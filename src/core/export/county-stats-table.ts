/**
 * The county coverage table shared by the CSV and XLSX exports, so both files hold the same
 * numbers: one row per county (COUNTIES order, as the result lists them), then the five mountain
 * counties, the other seven and the whole city.
 *
 * Numbers are numbers, rounded for reading: people to whole persons, coverage percent to one
 * decimal, minutes to one decimal, metres (radius method) to whole metres. Coverage percent comes
 * first (after the name and code); median and P90 are over everyone of the row (the text "> T" when they lie beyond the
 * circle, see coverage/stats.ts), the mean over the covered people only, as the headers say. Bands are the run's
 * bands ([0, t1), [t1, t2) … with the last one closed, see coverage/bands.ts) plus one column for
 * everyone beyond the last threshold or unable to reach any facility; the band columns add up to
 * the population column (up to rounding of fractional imported counts). Headers and group names
 * come from the shared catalogue (`exportFile.stats.*`) through the caller's `Translator`.
 */
import { countyByAdcode } from '../../shared/counties';
import type { CoverageRequest, CoverageSummary, GroupStats } from '../../shared/coverage';
import type { MessageKey, Translator } from '../../shared/i18n/translate';
import type { CsvCell } from './csv';
import type { ExportLanguage, ThresholdUnit } from './run-metadata';

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

/**
 * Labels of the bands (thresholds.length + 1 of them, the last one "beyond"), e.g.
 * "0–10 分钟人口 (0–10 min population)" … "15 分钟以上或不可达人口 (beyond 15 min or unreachable)".
 */
export function bandColumnLabels(
  thresholds: readonly number[],
  unit: ThresholdUnit,
  language: ExportLanguage,
  translate: Translator,
) {
  const labels = thresholds.map((t, k) => {
    const from = k === 0 ? 0 : (thresholds[k - 1] as number);
    return translate(language, `exportFile.stats.band.${unit}`, { from, to: t });
  });
  const last = thresholds[thresholds.length - 1] as number;
  labels.push(translate(language, `exportFile.stats.beyond.${unit}`, { last }));
  return labels;
}

function round(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f + 0;
}

export function countyStatsTable(
  result: Pick<CoverageSummary, 'counties' | 'mountain' | 'other' | 'total'> & { request: CoverageRequest },
  language: ExportLanguage,
  translate: Translator,
): StatsTable {
  const { thresholds, unit } = runThresholds(result.request);
  const min = unit === 'min';
  const text = (key: MessageKey) => translate(language, key);
  const header = [
    text('exportFile.stats.county'),
    text('exportFile.stats.adcode'),
    text('exportFile.stats.coveredPct'),
    text('exportFile.stats.population'),
    text('exportFile.stats.covered'),
    text(min ? 'exportFile.stats.medianMin' : 'exportFile.stats.medianM'),
    text(min ? 'exportFile.stats.p90Min' : 'exportFile.stats.p90M'),
    text(min ? 'exportFile.stats.meanMin' : 'exportFile.stats.meanM'),
    ...bandColumnLabels(thresholds, unit, language, translate),
    text('exportFile.stats.mountainCounty'),
  ];
  const columns: StatsColumnKind[] = [
    'name',
    'code',
    'percent',
    'people',
    'people',
    'time',
    'time',
    'time',
    ...thresholds.map((): StatsColumnKind => 'people'),
    'people',
    'flag',
  ];
  const timeDigits = min ? 1 : 0;
  const last = thresholds[thresholds.length - 1] as number;
  const yes = text('exportFile.yes');
  const no = text('exportFile.no');

  const statsCells = (stats: GroupStats): CsvCell[] => {
    if (stats.bands.length !== thresholds.length + 1)
      throw new Error(
        `countyStatsTable: ${stats.bands.length} band values for ${thresholds.length} thresholds (expected ${thresholds.length + 1})`,
      );
    // A percentile over everyone that lies beyond the circle has no number: "> T" as text.
    const overAll = (value: number | null, beyond: boolean): CsvCell =>
      beyond ? `> ${last}` : round(value, timeDigits);
    return [
      round(stats.coveredPct, 1),
      round(stats.population, 0),
      round(stats.covered, 0),
      overAll(stats.p50Minutes, stats.p50Beyond),
      overAll(stats.p90Minutes, stats.p90Beyond),
      round(stats.meanMinutesAmongCovered, timeDigits),
      ...stats.bands.map((b) => round(b, 0)),
    ];
  };

  const rows: StatsTableRow[] = result.counties.map((county) => {
    const info = countyByAdcode(county.adcode);
    // Place names are data: the Chinese name, or the English one the county table carries.
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
      cells: [text('exportFile.stats.group.mountain'), null, ...statsCells(result.mountain), yes],
    },
    {
      kind: 'other',
      mountain: false,
      cells: [text('exportFile.stats.group.other'), null, ...statsCells(result.other), no],
    },
    {
      kind: 'total',
      mountain: false,
      cells: [text('exportFile.stats.group.total'), null, ...statsCells(result.total), null],
    },
  );
  return { header, columns, unit, rows };
}
