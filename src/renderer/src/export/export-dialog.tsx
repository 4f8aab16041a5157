import { useState } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { Orientation, Paper, SheetDpi } from '../../../core/sheet/sheet-spec';
import { COUNTIES } from '../../../shared/counties';
import type { DataManifest } from '../../../shared/data-contract';
import { countyBounds } from '../catalogue/facility-import';
import { useI18n } from '../i18n/i18n-context';
import type { LayerState } from '../map/layer-state';
import { CITY_BOUNDS } from '../map/map-controller';
import type { Platform } from '../platform/platform';
import { errorReason, type BusyJob, type BusyProgress } from '../ui/busy-store';
import { Dialog } from '../ui/dialog';
import { useBusyAction } from '../ui/use-busy-action';
import { exportAtlas, exportSheet, type AtlasPageRequest } from './export-sheet';
import type { MapExtent } from './render-map-image';
import { sheetLegendEntries, type LegendPresence, type SheetCoverage } from './sheet-legend';
import { buildSheetSpec, type SheetOptions, type SheetRun } from './sheet-spec-builder';

type Scope = 'view' | 'city' | number;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Print-ready map sheets (current view, a county or the whole city; A4/A3; 150/300 DPI; PDF or
 * PNG), the 13-page county atlas, and (through `dataSection`) the data exports. Nothing is saved
 * until an export has completely finished; cancelling saves nothing.
 */
export function ExportDialog({
  map,
  platform,
  layerState,
  run,
  coverage,
  presence,
  manifest,
  appVersion,
  dataSection,
  onClose,
}: {
  map: maplibregl.Map;
  platform: Platform;
  layerState: LayerState;
  run: SheetRun | null;
  coverage: SheetCoverage | null;
  presence: LegendPresence;
  manifest: DataManifest | null;
  appVersion: string;
  dataSection: React.ReactNode;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const [options, setOptions] = useState<SheetOptions>({
    paper: 'A4',
    orientation: 'landscape',
    dpi: 150,
    title: run ? run.label : t('app.title'),
    subtitle: run ? t('sheet.defaultSubtitle') : t('app.subtitle'),
    includeTable: run !== null,
    includeLorenz: false,
  });
  const [scope, setScope] = useState<Scope>('view');
  const [format, setFormat] = useState<'pdf' | 'png'>('pdf');
  const busy = useBusyAction<'sheet' | 'atlas'>();
  const working = busy.action !== null;

  const legend = sheetLegendEntries(layerState, coverage, presence, t);
  const specFor = (title: string, only?: number) =>
    buildSheetSpec({ ...options, title }, legend, run, manifest, t, language, appVersion, today(), only);

  const boundsOf = async (adcode: number): Promise<[number, number, number, number]> => {
    const bounds = await countyBounds(platform.dataBaseUrl, adcode);
    if (!bounds) throw new Error(`county ${adcode}`);
    return bounds;
  };
  const countyName = (adcode: number) => {
    const county = COUNTIES.find((c) => c.adcode === adcode);
    return language === 'zh' ? (county?.name ?? String(adcode)) : (county?.nameEn ?? String(adcode));
  };

  /** Saves a finished file; resolves to where it went, or null when the user dismissed the dialog. */
  const save = async (bytes: Uint8Array, name: string, extension: string) => {
    const result = await platform.saveFile({
      title: t('export.saveTitle'),
      suggestedName: `${name}.${extension}`,
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      data: bytes,
    });
    return result.saved ? (result.path ?? name) : null;
  };

  const runExport = (what: 'sheet' | 'atlas', task: (job: BusyJob) => Promise<string | null>) =>
    busy.run(what, task, {
      done: (path) => (path ? t('export.saved', { path }) : null),
      cancelled: t('export.cancelled'),
      failed: (error) => t('export.failed', { reason: errorReason(error) }),
    });

  const exportMap = () =>
    runExport('sheet', async ({ signal }) => {
      const extent: MapExtent =
        scope === 'view'
          ? { kind: 'view' }
          : { kind: 'bounds', bounds: scope === 'city' ? CITY_BOUNDS : await boundsOf(scope) };
      const title = typeof scope === 'number' ? `${options.title} · ${countyName(scope)}` : options.title;
      const bytes = await exportSheet(
        map,
        specFor(title, typeof scope === 'number' ? scope : undefined),
        extent,
        format,
        platform.dataBaseUrl,
        signal,
      );
      if (signal.aborted) return null;
      return save(bytes, `outu-${options.paper}-${today()}`, format);
    });

  const exportAtlasPdf = () =>
    runExport('atlas', async ({ signal, progress }) => {
      const pages: AtlasPageRequest[] = [
        { spec: specFor(`${options.title} · ${t('row.total')}`), extent: { kind: 'bounds', bounds: CITY_BOUNDS } },
      ];
      for (const county of COUNTIES)
        pages.push({
          spec: specFor(`${options.title} · ${countyName(county.adcode)}`, county.adcode),
          extent: { kind: 'bounds', bounds: await boundsOf(county.adcode) },
        });
      const bytes = await exportAtlas(map, pages, platform.dataBaseUrl, options.title, {
        signal,
        onProgress: progress,
      });
      if (signal.aborted) return null;
      return save(bytes, `outu-atlas-${today()}`, 'pdf');
    });

  const set = <K extends keyof SheetOptions>(key: K, value: SheetOptions[K]) =>
    setOptions({ ...options, [key]: value });

  return (
    <Dialog
      title={t('export.title')}
      closeLabel={t('dialog.close')}
      onClose={() => !working && onClose()}
      testId="export-dialog"
      wide
    >
      <section className="export-section">
        <h3>{t('export.mapTitle')}</h3>
        <label className="field-row">
          <span>{t('export.sheetTitle')}</span>
          <input value={options.title} onChange={(e) => set('title', e.target.value)} data-testid="export-title" />
        </label>
        <label className="field-row">
          <span>{t('export.subtitle')}</span>
          <input
            value={options.subtitle}
            onChange={(e) => set('subtitle', e.target.value)}
            data-testid="export-subtitle"
          />
        </label>
        <label className="field-row">
          <span>{t('export.scope')}</span>
          <select
            value={String(scope)}
            onChange={(e) =>
              setScope(e.target.value === 'view' || e.target.value === 'city' ? e.target.value : Number(e.target.value))
            }
            data-testid="export-scope"
          >
            <option value="view">{t('export.scopeView')}</option>
            <option value="city">{t('export.scopeCity')}</option>
            {COUNTIES.map((c) => (
              <option key={c.adcode} value={c.adcode}>
                {countyName(c.adcode)}
              </option>
            ))}
          </select>
        </label>
        <div className="field-row">
          <span>{t('export.page')}</span>
          <select
            value={options.paper}
            onChange={(e) => set('paper', e.target.value as Paper)}
            data-testid="export-paper"
          >
            {(['A4', 'A3'] as const).map((paper) => (
              <option key={paper} value={paper}>
                {paper}
              </option>
            ))}
          </select>
          <select
            value={options.orientation}
            onChange={(e) => set('orientation', e.target.value as Orientation)}
            data-testid="export-orientation"
          >
            <option value="portrait">{t('export.portrait')}</option>
            <option value="landscape">{t('export.landscape')}</option>
          </select>
          <select
            value={options.dpi}
            onChange={(e) => set('dpi', Number(e.target.value) as SheetDpi)}
            data-testid="export-dpi"
          >
            {([150, 300] as const).map((dpi) => (
              <option key={dpi} value={dpi}>
                {`${dpi} DPI`}
              </option>
            ))}
          </select>
          <select
            value={format}
            onChange={(e) => setFormat(e.target.value as 'pdf' | 'png')}
            data-testid="export-format"
          >
            {(['pdf', 'png'] as const).map((f) => (
              <option key={f} value={f}>
                {f.toUpperCase()}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={options.includeTable}
            disabled={!run}
            onChange={(e) => set('includeTable', e.target.checked)}
            data-testid="export-table"
          />
          {t('export.includeTable')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={options.includeLorenz}
            disabled={!run?.equity}
            onChange={(e) => set('includeLorenz', e.target.checked)}
            data-testid="export-lorenz"
          />
          {t('export.includeLorenz')}
        </label>
        <p className="muted">{t('export.legendNote', { n: legend.length })}</p>
        <div className="button-row">
          <button type="button" disabled={working} onClick={() => void exportMap()} data-testid="export-map">
            {t('export.exportMap')}
          </button>
          <button
            type="button"
            disabled={working || !run}
            onClick={() => void exportAtlasPdf()}
            title={run ? undefined : t('export.atlasNeedsRun')}
            data-testid="export-atlas"
          >
            {t('export.exportAtlas')}
          </button>
        </div>
        {busy.action && <ExportProgress action={busy.action} progress={busy.progress} onCancel={busy.cancel} />}
        {busy.notice && (
          <p className={busy.notice.kind === 'ok' ? 'notice' : 'warning'} role="status" data-testid="export-message">
            {busy.notice.text}
          </p>
        )}
      </section>
      {dataSection}
    </Dialog>
  );
}

/** The running export: a bar (stepped for the atlas, indeterminate for one sheet) and its cancel. */
function ExportProgress({
  action,
  progress,
  onCancel,
}: {
  action: 'sheet' | 'atlas';
  progress: BusyProgress | null;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { done, total } = progress ?? { done: 0, total: 1 };
  return (
    <div className="progress" data-testid="export-progress">
      <progress max={total} value={action === 'atlas' ? done : undefined} />
      <span>{action === 'atlas' ? t('export.atlasProgress', { done, total }) : t('export.rendering')}</span>
      <button type="button" onClick={onCancel} data-testid="export-cancel">
        {t('export.cancel')}
      </button>
    </div>
  );
}
