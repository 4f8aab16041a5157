import type { LegendEntry, Orientation, Paper, SheetDpi, SheetSpec, SheetTable } from '../../../core/sheet/sheet-spec';
import type { CountyStats, CoverageResult, GroupStats } from '../../../shared/coverage';
import type { DataManifest } from '../../../shared/data-contract';
import { DATA_FILES } from '../../../shared/data-contract';
import type { EquitySummary } from '../../../core/equity/equity-summary';
import type { Language, Translate } from '../i18n/translate';
import { COUNTIES } from '../../../shared/counties';

/** The run a sheet shows, and where its inputs came from. */
export interface SheetRun {
  label: string;
  result: CoverageResult;
  equity?: EquitySummary;
  /** Name of the imported population file; absent when the modelled grid was used. */
  importedPopulation?: string;
  /** True when any facility of the run comes from a sample set. */
  usesSamples: boolean;
}

export interface SheetOptions {
  paper: Paper;
  orientation: Orientation;
  dpi: SheetDpi;
  title: string;
  subtitle: string;
  includeTable: boolean;
  includeLorenz: boolean;
}

const pct = (v: number) => `${v.toFixed(1)}%`;
const people = (v: number, language: Language) => Math.round(v).toLocaleString(language === 'zh' ? 'zh-CN' : 'en');

function countyName(stats: CountyStats, language: Language): string {
  if (language === 'zh') return stats.name;
  return COUNTIES.find((c) => c.adcode === stats.adcode)?.nameEn ?? stats.name;
}

/** Per-county coverage as a sheet table; `only` limits it to one county (atlas pages) plus the city. */
export function coverageTable(result: CoverageResult, t: Translate, language: Language, only?: number): SheetTable {
  const network = result.request.method === 'network';
  const thresholds = network ? result.request.thresholdsMin : result.request.radiiM;
  const last = thresholds[thresholds.length - 1] ?? 0;
  const digits = network ? 1 : 0;
  // The median is over everyone of the row: "> T" when it falls beyond the circle; the mean is
  // over the covered people only (the footnote says which). Five columns is what an A4 sheet's
  // table holds without cutting 7-digit figures, so the total population stays in the XLSX/CSV.
  const row = (name: string, g: GroupStats) => [
    name,
    pct(g.coveredPct),
    people(g.covered, language),
    g.p50Beyond ? `> ${last}` : g.p50Minutes === null ? '—' : g.p50Minutes.toFixed(digits),
    g.meanMinutesAmongCovered === null ? '—' : g.meanMinutesAmongCovered.toFixed(digits),
  ];
  const counties = result.counties.filter((c) => only === undefined || c.adcode === only);
  const rows = counties.map((c) => row(countyName(c, language), c));
  const highlightRows = counties.flatMap((c, i) => (c.mountain ? [i] : []));
  if (only === undefined) {
    rows.push(row(t('row.mountain'), result.mountain), row(t('row.other'), result.other));
  }
  rows.push(row(t('row.total'), result.total));
  return {
    title: t('sheet.tableTitle'),
    columns: [
      t('sheet.colCounty'),
      t('sheet.colPct'),
      t('sheet.colCovered'),
      network ? t('sheet.colMedianMin') : t('sheet.colMedianM'),
      network ? t('sheet.colMeanMin') : t('sheet.colMeanM'),
    ],
    rows,
    ...(highlightRows.length ? { highlightRows, highlightNote: t('sheet.highlightNote') } : {}),
    // Short headers keep the columns legible on A4; the footnote says which people each is over.
    footnote: t('sheet.tableFootnote', { last }),
  };
}

/** The provenance block: sources, road network, profile and thresholds, population, sample warning. */
export function provenanceLines(
  run: SheetRun | null,
  manifest: DataManifest | null,
  t: Translate,
  appVersion: string,
): string[] {
  const lines = [t('sheet.provData', { sources: t('attribution.short') })];
  const graph = manifest?.files[DATA_FILES.routingGraph]?.sha256.slice(0, 12) ?? '—';
  lines.push(t('sheet.provNetwork', { graph, data: manifest?.dataVersion ?? '—' }));
  if (run) {
    const request = run.result.request;
    const thresholds = request.method === 'network' ? request.thresholdsMin : request.radiiM;
    lines.push(
      t('sheet.provRun', {
        label: run.label,
        method: request.method === 'network' ? t(`profile.${request.profile}`) : t('sheet.straightLine'),
        thresholds: thresholds.join(' / '),
        unit: t(request.method === 'network' ? 'unit.min' : 'unit.m'),
        n: request.facilities.length,
      }),
    );
    lines.push(
      run.importedPopulation
        ? t('sheet.provPopImported', { name: run.importedPopulation })
        : t('sheet.provPopModelled'),
    );
    if (run.usesSamples) lines.push(t('sheet.provSamples'));
  }
  lines.push(t('sheet.provMadeWith', { version: appVersion }));
  return lines;
}

/** Everything but the map picture's own numbers (scale, bearing), which come with the rendered image. */
export function buildSheetSpec(
  options: SheetOptions,
  legend: LegendEntry[],
  run: SheetRun | null,
  manifest: DataManifest | null,
  t: Translate,
  language: Language,
  appVersion: string,
  date: string,
  only?: number,
): SheetSpec {
  const lorenz = run?.equity?.lorenz;
  return {
    paper: options.paper,
    orientation: options.orientation,
    dpi: options.dpi,
    title: options.title,
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    date,
    dateLabel: t('sheet.dateLabel'),
    legendTitle: t('legend.title'),
    legend,
    scaleBar: { metresPerPixel: 1 },
    northArrow: { bearingDeg: 0 },
    provenance: provenanceLines(run, manifest, t, appVersion),
    ...(options.includeTable && run ? { table: coverageTable(run.result, t, language, only) } : {}),
    ...(options.includeLorenz && lorenz && run?.equity
      ? {
          lorenz: {
            points: lorenz.population.map((p, i): [number, number] => [p, lorenz.quantity[i] ?? p]),
            gini: run.equity.gini,
            // The index is read with the share beyond the circle, and flagged when under half covered.
            caption: t(run.equity.timeInequalityMeaningful ? 'sheet.lorenzCaptionBeyond' : 'sheet.lorenzCaptionLow', {
              pct: `${(100 * run.equity.beyondShare).toFixed(1)}%`,
            }),
            axisLabels: { x: t('sheet.lorenzX'), y: t('sheet.lorenzY') },
          },
        }
      : {}),
  };
}
