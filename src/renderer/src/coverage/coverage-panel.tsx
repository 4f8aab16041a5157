import { useMemo, type ReactNode } from 'react';
import {
  FACILITY_CATEGORIES,
  FACILITY_STATUSES,
  type Facility,
  type FacilityCategory,
  type FacilitySet,
} from '../../../shared/facilities';
import { TRAVEL_PROFILES, type TravelProfile } from '../../../shared/coverage';
import { CheckList } from '../catalogue/check-list';
import { useI18n } from '../i18n/i18n-context';
import { FACILITY_CATEGORY_COLORS } from '../map/catalogue-colors';
import {
  buildRequest,
  inputsFromPreset,
  leftOutByStatus,
  selectedFacilities,
  twoStepCatchment,
  type CoverageInputs,
} from './coverage-inputs';
import { CoverageResults } from './coverage-results';
import { COVERAGE_PRESETS, parseThresholds } from './presets';
import type { CoverageRunState } from './coverage-store';

interface CoveragePanelProps {
  inputs: CoverageInputs;
  onInputsChange: (next: CoverageInputs) => void;
  sets: readonly FacilitySet[];
  facilities: readonly Facility[];
  state: CoverageRunState;
  onRun: () => void;
  onCancel: () => void;
  onCounty: (adcode: number) => void;
  population: ReactNode;
  whatIf?: ReactNode;
}

export function CoveragePanel({
  inputs,
  onInputsChange,
  sets,
  facilities,
  state,
  onRun,
  onCancel,
  onCounty,
  population,
  whatIf,
}: CoveragePanelProps) {
  const { t } = useI18n();
  const chosen = useMemo(() => selectedFacilities(inputs, facilities), [inputs, facilities]);
  const leftOut = useMemo(() => leftOutByStatus(inputs, facilities), [inputs, facilities]);
  const thresholdsOk = parseThresholds(inputs.thresholdsText) !== null;
  const catchmentOk = twoStepCatchment(inputs) !== undefined;
  const request = useMemo(() => buildRequest(inputs, facilities), [inputs, facilities]);
  const running = state.status === 'running';
  const edit = (patch: Partial<CoverageInputs>) => onInputsChange({ ...inputs, ...patch, presetId: 'custom' });

  return (
    <section className="filter-panel coverage-panel" data-testid="coverage-panel">
      <label className="field">
        <span>{t('coverage.preset')}</span>
        <select
          value={inputs.presetId}
          data-testid="coverage-preset"
          onChange={(e) => {
            const preset = COVERAGE_PRESETS.find((p) => p.id === e.target.value);
            if (preset) onInputsChange(inputsFromPreset(preset, sets));
          }}
        >
          {COVERAGE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {t(p.label)}
            </option>
          ))}
          <option value="custom" disabled>
            {t('preset.custom')}
          </option>
        </select>
      </label>

      <h3>{t('coverage.facilities')}</h3>
      <ul className="set-list">
        {sets.map((set) => (
          <li key={set.id}>
            <label>
              <input
                type="checkbox"
                checked={inputs.setIds.includes(set.id)}
                onChange={(e) =>
                  edit({
                    setIds: e.target.checked ? [...inputs.setIds, set.id] : inputs.setIds.filter((id) => id !== set.id),
                  })
                }
              />
              <span className="set-name">
                {set.kind === 'county-centres' ? t('facilities.countyCentres') : set.name}
              </span>
            </label>
            {set.isSample && <span className="badge sample">{t('facilities.sampleBadge')}</span>}
          </li>
        ))}
      </ul>
      <CheckList<FacilityCategory>
        options={FACILITY_CATEGORIES}
        selected={inputs.categories === 'all' ? [] : inputs.categories}
        onChange={(next) => edit({ categories: next.length ? next : 'all' })}
        label={(c) => t(`facilityCategory.${c}`)}
        swatch={(c) => FACILITY_CATEGORY_COLORS[c]}
      />
      <fieldset className="crs-choice" data-testid="coverage-statuses">
        <legend>{t('coverage.statuses')}</legend>
        {FACILITY_STATUSES.map((status) => (
          <label key={status}>
            <input
              type="checkbox"
              checked={inputs.statuses.includes(status)}
              onChange={(e) =>
                edit({
                  statuses: FACILITY_STATUSES.filter((s) =>
                    s === status ? e.target.checked : inputs.statuses.includes(s),
                  ),
                })
              }
            />
            {t(`facilityStatus.${status}`)}
          </label>
        ))}
      </fieldset>
      <p className={chosen.length ? 'muted' : 'warning'} data-testid="coverage-facility-count">
        {chosen.length ? t('coverage.facilityCount', { count: chosen.length }) : t('coverage.noFacilities')}
        {leftOut > 0 && (
          <>
            <br />
            <span data-testid="coverage-left-out-by-status">{t('coverage.leftOutByStatus', { count: leftOut })}</span>
          </>
        )}
      </p>

      <fieldset className="crs-choice">
        <legend>{t('coverage.method')}</legend>
        {(['network', 'radius'] as const).map((method) => (
          <label key={method}>
            <input type="radio" name="method" checked={inputs.method === method} onChange={() => edit({ method })} />
            {t(`coverage.method.${method}`)}
          </label>
        ))}
      </fieldset>
      {inputs.method === 'network' && (
        <label className="field">
          <span>{t('coverage.profile')}</span>
          <select value={inputs.profile} onChange={(e) => edit({ profile: e.target.value as TravelProfile })}>
            {TRAVEL_PROFILES.map((p) => (
              <option key={p} value={p}>
                {t(`profile.${p}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{inputs.method === 'network' ? t('coverage.thresholdsMin') : t('coverage.thresholdsM')}</span>
        <input
          value={inputs.thresholdsText}
          onChange={(e) => edit({ thresholdsText: e.target.value })}
          aria-invalid={!thresholdsOk}
          data-testid="coverage-thresholds"
        />
        {!thresholdsOk && <span className="warning">{t('coverage.badThresholds')}</span>}
      </label>
      <label className="field">
        <span>{inputs.method === 'network' ? t('coverage.twoStepCatchmentMin') : t('coverage.twoStepCatchmentM')}</span>
        <input
          value={inputs.twoStepCatchmentText}
          placeholder={t('coverage.twoStepCatchmentPlaceholder')}
          onChange={(e) => edit({ twoStepCatchmentText: e.target.value })}
          aria-invalid={!catchmentOk}
          data-testid="coverage-two-step-catchment"
        />
        {!catchmentOk && <span className="warning">{t('coverage.badTwoStepCatchment')}</span>}
      </label>

      {population}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={running || !request || !chosen.length || !catchmentOk}
          onClick={onRun}
          data-testid="coverage-run"
        >
          {t('coverage.run')}
        </button>
        {running && (
          <button type="button" onClick={onCancel} data-testid="coverage-cancel">
            {t('coverage.cancel')}
          </button>
        )}
      </div>
      {state.status === 'running' && (
        <div className="progress" data-testid="coverage-progress">
          <progress max={1} value={state.fraction} />
          <span className="muted">{t(`coverage.phase.${state.phase}`)}</span>
        </div>
      )}
      {state.status === 'cancelled' && <p className="muted">{t('coverage.cancelled')}</p>}
      {state.status === 'error' && (
        <p className="error-list" role="alert">
          {t('coverage.failed', { reason: state.message })}
        </p>
      )}
      {state.status === 'done' && (
        <>
          <p className="muted" data-testid="coverage-source" data-from-cache={state.fromCache}>
            <strong>{state.label}</strong>
            <br />
            {state.fromCache
              ? t('coverage.fromCache', { time: new Date(state.computedAt).toLocaleString() })
              : t('coverage.computed', { ms: Math.round(state.output.result.computeMs) })}
          </p>
          <CoverageResults result={state.output.result} onCounty={onCounty} />
          {whatIf}
        </>
      )}
    </section>
  );
}
