import { useState } from 'react';
import type { SitingArea, SitingResult } from '../../../core/equity/siting';
import { COUNTIES } from '../../../shared/counties';
import { countyLabel } from '../catalogue/county-select';
import { useI18n } from '../i18n/i18n-context';
import type { SitingState } from './coverage-store';

const pct = (v: number) => `${v.toFixed(1)}%`;

/** "Best N new sites" for the circle on the map, with the result offered to the what-if or as a planned set. */
export function SitingPanel({
  state,
  onRun,
  candidateSets,
  onToWhatIf,
  onSave,
}: {
  state: SitingState;
  onRun: (area: SitingArea, n: number, candidateSet: string | null) => void;
  /** Facility sets whose points may serve as candidate sites instead of road nodes. */
  candidateSets: { id: string; name: string }[];
  onToWhatIf: (result: SitingResult) => void;
  onSave: (result: SitingResult) => void;
}) {
  const { t, language } = useI18n();
  const [area, setArea] = useState<string>('mountain');
  const [n, setN] = useState(3);
  const [candidates, setCandidates] = useState('');
  const result = state.result;
  const areaName = (value: string) =>
    value === 'mountain' || value === 'all' ? t(`siting.area.${value}`) : countyLabel(Number(value), language, value);

  return (
    <section className="what-if" data-testid="siting">
      <h3>{t('siting.title')}</h3>
      <p className="muted">{t('siting.intro')}</p>
      <div className="mapping-grid">
        <label className="field">
          <span>{t('siting.area')}</span>
          <select value={area} onChange={(e) => setArea(e.target.value)} data-testid="siting-area">
            <option value="mountain">{t('siting.area.mountain')}</option>
            <option value="all">{t('siting.area.all')}</option>
            {COUNTIES.map((c) => (
              <option key={c.adcode} value={c.adcode}>
                {countyLabel(c.adcode, language, c.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('siting.n')}</span>
          <input
            type="number"
            min={1}
            max={10}
            value={n}
            onChange={(e) => setN(Math.max(1, Math.min(10, Math.round(Number(e.target.value) || 1))))}
            data-testid="siting-n"
          />
        </label>
        <label className="field">
          <span>{t('siting.candidates')}</span>
          <select value={candidates} onChange={(e) => setCandidates(e.target.value)} data-testid="siting-candidates">
            <option value="">{t('siting.candidates.roads')}</option>
            {candidateSets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="button-row">
        <button
          type="button"
          disabled={state.status === 'running'}
          onClick={() => onRun(area === 'mountain' || area === 'all' ? area : Number(area), n, candidates || null)}
          data-testid="siting-run"
        >
          {t('siting.run')}
        </button>
      </div>
      {state.status === 'running' && <progress max={1} value={state.fraction ?? 0} />}
      {state.status === 'error' && <p className="error-list">{state.message}</p>}
      {result && state.status !== 'running' && (
        <>
          <p data-testid="siting-summary">
            {t('siting.result', {
              area: areaName(String(result.area.kind === 'county' ? result.area.adcodes[0] : result.area.kind)),
              n: result.sites.length,
              before: pct(result.coveredBeforePct),
              after: pct(result.coveredAfterPct),
            })}
          </p>
          <ol data-testid="siting-sites">
            {result.sites.map((site) => (
              <li key={site.rank} data-lon={site.lon} data-lat={site.lat}>
                {t('siting.site', {
                  rank: site.rank,
                  county: countyLabel(site.county, language, '—'),
                  people: Math.round(site.addedPopulation).toLocaleString('zh-CN'),
                })}
              </li>
            ))}
          </ol>
          <div className="button-row">
            <button type="button" onClick={() => onToWhatIf(result)} data-testid="siting-to-what-if">
              {t('siting.toWhatIf')}
            </button>
            <button type="button" onClick={() => onSave(result)} data-testid="siting-save">
              {t('siting.save')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
