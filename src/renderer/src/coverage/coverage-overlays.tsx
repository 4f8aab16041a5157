import { useStore } from 'zustand';
import type { DetailItem } from '../catalogue/detail-panel';
import { useI18n } from '../i18n/i18n-context';
import { useAppStores } from '../stores/app-stores';
import { useCoverageSession } from './coverage-session';
import { EquityDrawer } from './equity-drawer';
import { SplitMap } from './split-map';

/** Scenario B's map, its label and the close button, while two scenarios are compared. */
export function SplitView() {
  const { platform, map, ui, coverage } = useAppStores();
  const { t } = useI18n();
  const split = useStore(coverage, (s) => s.split);
  const controller = useStore(map, (s) => s.controller);
  const basemap = useStore(map, (s) => s.basemap);
  const language = useStore(ui, (s) => s.language);
  const layerState = useStore(ui, (s) => s.layerState);
  if (!split || !controller || basemap.status !== 'ready') return null;
  return (
    <>
      <span className="split-label-left" data-testid="split-label-a">
        A · {split.a.name}
      </span>
      <SplitMap
        main={controller}
        dataBaseUrl={platform.dataBaseUrl}
        archive={basemap.data.archive}
        language={language}
        layerState={layerState}
        attribution={t('attribution.short')}
        output={split.outputs?.[1] ?? null}
        label={`B · ${split.b.name}`}
      />
      <div className="split-bar">
        {!split.outputs && <span className="badge sample">{t('scenario.splitComputing')}</span>}
        <button type="button" onClick={() => coverage.getState().closeSplit()} data-testid="split-close">
          {t('scenario.closeSplit')}
        </button>
      </div>
    </>
  );
}

/** The equity drawer under the map, for the run (or the what-if preview) on the map. */
export function EquityDrawerHost() {
  const { map, ui, coverage } = useAppStores();
  const open = useStore(ui, (s) => s.dialogs.equity);
  const preview = useStore(coverage, (s) => s.whatIf.preview);
  const { coverageOutput, runLabel } = useCoverageSession();
  if (!open || !coverageOutput?.equity) return null;
  return (
    <EquityDrawer
      label={runLabel}
      result={preview?.result ?? coverageOutput.result}
      equity={preview?.equity ?? coverageOutput.equity}
      onCounty={(adcode) => void map.getState().zoomToCounty(adcode)}
      onGap={(bbox) => map.getState().controller?.fitBounds(bbox)}
      onClose={() => ui.getState().closeDialog('equity')}
      twoStep={coverageOutput.twoStep}
    />
  );
}

/** The detail panel's what-if buttons: add a project as a proposed facility, close a facility of the run. */
export function useWhatIfDetailProps(detail: DetailItem) {
  const { coverage } = useAppStores();
  const { coverageOutput } = useCoverageSession();
  const closed = useStore(coverage, (s) => s.whatIf.closed);
  const { addProposed, toggleClosed } = coverage.getState();
  if (detail.kind === 'project') {
    const { lon, lat } = detail.project;
    return coverageOutput && lon !== null && lat !== null ? { onAddToWhatIf: () => addProposed(lon, lat) } : {};
  }
  const id = detail.facility.id;
  return coverageOutput?.result.request.facilities.some((f) => f.id === id)
    ? { whatIfClosed: closed.includes(id), onToggleWhatIfClosed: () => toggleClosed(id) }
    : {};
}
