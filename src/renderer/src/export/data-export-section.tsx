import type { FeatureCollection } from 'geojson';
import {
  bandsGeoJson,
  cellTimesCsv,
  countyStatsCsv,
  countyStatsXlsx,
  sidecarFileName,
} from '../../../core/export/coverage-exports';
import { EXPORT_FORMAT_IDS, exportFormat, writeExport, type ExportFormatId } from '../../../core/export/export-formats';
import { populationSourceMeta, runExportMetadata, type ExportStamp } from '../../../core/export/run-metadata';
import { decodePopulationGrid } from '../../../core/population/grid-codec';
import type { CoverageResult } from '../../../shared/coverage';
import { DATA_FILES, type DataManifest } from '../../../shared/data-contract';
import type { Facility } from '../../../shared/facilities';
import { DEFAULT_TRAVEL_PROFILES } from '../../../shared/travel-profiles';
import type { ProjectRow } from '../db/outu-db';
import { useI18n } from '../i18n/i18n-context';
import { translate } from '../i18n/translate';
import type { Platform } from '../platform/platform';
import { errorReason, type BusyJob } from '../ui/busy-store';
import { useBusyAction } from '../ui/use-busy-action';
import { exportFileTexts } from './export-file-texts';

export interface DataExportRun {
  label: string;
  result: CoverageResult;
  bands: FeatureCollection;
  facilitySetNames: string[];
  /** Imported population (its name and encoded grid); null = the modelled grid. */
  population: { name: string; bytes: Uint8Array } | null;
}

type RunFile = 'bands' | 'cells' | 'csv' | 'xlsx';
type DataExportAction = RunFile | `${'facilities' | 'projects'}-${ExportFormatId}`;

const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');

/**
 * Data exports: the run's bands, per-cell times and per-county statistics (each carrying the run's
 * inputs), and the facilities and projects shown on the map. Each file is built whole in memory
 * and only then handed to the save dialog, so a failure never leaves a partial file.
 */
export function DataExportSection({
  platform,
  run,
  facilities,
  projects,
  manifest,
  appVersion,
}: {
  platform: Platform;
  run: DataExportRun | null;
  facilities: readonly Facility[];
  projects: readonly ProjectRow[];
  manifest: DataManifest | null;
  appVersion: string;
}) {
  const { t, language } = useI18n();
  const busy = useBusyAction<DataExportAction>();
  const working = busy.action !== null;

  const meta = () =>
    run &&
    runExportMetadata({
      result: run.result,
      appVersion,
      runLabel: run.label,
      travelProfile: DEFAULT_TRAVEL_PROFILES[run.result.request.profile],
      facilitySets: run.facilitySetNames,
      population: run.population
        ? populationSourceMeta('imported', translate, run.population.name)
        : populationSourceMeta('modelled', translate),
      manifest,
    });
  const stampOnly: ExportStamp = {
    app: 'OuTu',
    appVersion,
    exportedAt: new Date().toISOString(),
    ...(manifest ? { dataVersion: manifest.dataVersion } : {}),
  };

  const save = async (data: string | Uint8Array, name: string, extension: string, mimeType?: string) =>
    platform.saveFile({
      title: t('export.saveTitle'),
      suggestedName: name,
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      data,
      ...(mimeType ? { mimeType } : {}),
    });

  /** Runs an export whose task resolves to the saved path, or null when nothing was saved. */
  const act = (action: DataExportAction, task: (job: BusyJob) => Promise<string | null>) =>
    busy.run(action, task, {
      done: (path) => (path ? t('export.saved', { path }) : null),
      failed: (error) => t('export.failed', { reason: errorReason(error) }),
    });

  const exportRun = (what: RunFile) =>
    act(what, async () => {
      const m = meta();
      if (!run || !m) return null;
      const base = `outu-${what === 'bands' ? 'coverage' : what === 'cells' ? 'cells' : 'counties'}-${stamp()}`;
      if (what === 'bands') {
        const result = await save(
          `${JSON.stringify(bandsGeoJson(run.bands, m, translate))}\n`,
          `${base}.geojson`,
          'geojson',
        );
        return result.saved ? (result.path ?? base) : null;
      }
      if (what === 'csv') {
        const result = await save(countyStatsCsv(run.result, m, language, translate), `${base}.csv`, 'csv');
        return result.saved ? (result.path ?? base) : null;
      }
      if (what === 'xlsx') {
        const result = await save(await countyStatsXlsx(run.result, m, language, translate), `${base}.xlsx`, 'xlsx');
        return result.saved ? (result.path ?? base) : null;
      }
      const gridBytes = run.population
        ? run.population.bytes
        : new Uint8Array(await (await fetch(platform.dataBaseUrl + DATA_FILES.populationGrid)).arrayBuffer());
      const { csv, sidecar } = cellTimesCsv(run.result, decodePopulationGrid(gridBytes), m, translate);
      const result = await save(csv, `${base}.csv`, 'csv');
      if (!result.saved) return null;
      await save(sidecar, sidecarFileName(`${base}.csv`), 'json');
      return result.path ?? base;
    });

  const exportLayer = (layer: 'facilities' | 'projects', format: ExportFormatId) =>
    act(`${layer}-${format}`, async () => {
      const spec = exportFormat(format);
      const inputs = { facilities, projects };
      const data = writeExport(format, layer, inputs[layer], { texts: exportFileTexts(), stamp: stampOnly });
      const name = `outu-${layer}-${stamp()}.${spec.extension}`;
      const result = await save(data, name, spec.extension, spec.mimeType);
      if (!result.saved) return null;
      // A format with no place for the stamp (CSV: it must re-import as is) gets it in a sidecar.
      if (!spec.embedsStamp) {
        const sidecar = { ...stampOnly, layer, rows: inputs[layer].length };
        await save(`${JSON.stringify(sidecar, null, 2)}\n`, sidecarFileName(name), 'json');
      }
      return result.path ?? name;
    });

  return (
    <section className="export-section" data-testid="data-export">
      <h3>{t('export.dataTitle')}</h3>
      {run ? (
        <div className="button-row">
          <span className="muted">{t('export.runData', { label: run.label })}</span>
          <button type="button" disabled={working} onClick={() => void exportRun('bands')} data-testid="export-bands">
            {t('export.bands')}
          </button>
          <button type="button" disabled={working} onClick={() => void exportRun('cells')} data-testid="export-cells">
            {t('export.cells')}
          </button>
          <button
            type="button"
            disabled={working}
            onClick={() => void exportRun('csv')}
            data-testid="export-county-csv"
          >
            {t('export.countyCsv')}
          </button>
          <button
            type="button"
            disabled={working}
            onClick={() => void exportRun('xlsx')}
            data-testid="export-county-xlsx"
          >
            {t('export.countyXlsx')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('export.noRun')}</p>
      )}
      <div className="button-row">
        <span className="muted">{t('export.facilities', { n: facilities.length })}</span>
        {EXPORT_FORMAT_IDS.map((f) => (
          <button
            key={f}
            type="button"
            disabled={working}
            onClick={() => void exportLayer('facilities', f)}
            data-testid={`export-facilities-${f}`}
          >
            {t(exportFormat(f).labelKey)}
          </button>
        ))}
      </div>
      <div className="button-row">
        <span className="muted">{t('export.projects', { n: projects.length })}</span>
        {EXPORT_FORMAT_IDS.map((f) => (
          <button
            key={f}
            type="button"
            disabled={working}
            onClick={() => void exportLayer('projects', f)}
            data-testid={`export-projects-${f}`}
          >
            {t(exportFormat(f).labelKey)}
          </button>
        ))}
      </div>
      <p className="muted">{t('export.traceNote')}</p>
      {busy.notice && (
        <p className="notice" role="status" data-testid="data-export-message">
          {busy.notice.text}
        </p>
      )}
    </section>
  );
}
