import { useMemo } from 'react';
import {
  FACILITY_CATEGORIES,
  FACILITY_STATUSES,
  type Facility,
  type FacilityCategory,
  type FacilitySet,
} from '../../../shared/facilities';
import { useI18n } from '../i18n/i18n-context';
import { FACILITY_CATEGORY_COLORS } from '../map/catalogue-colors';
import { CheckList } from './check-list';
import { CountySelect } from './county-select';
import { EMPTY_FACILITY_VIEW, type FacilityView } from './facility-view';

interface FacilityPanelProps {
  sets: readonly FacilitySet[];
  facilities: readonly Facility[];
  shown: readonly Facility[];
  view: FacilityView;
  onViewChange: (next: FacilityView) => void;
  onImport: () => void;
  onLoadSamples: () => void;
  samplesLoading: boolean;
  onDeleteSet: (set: FacilitySet) => void;
}

export function FacilityPanel(props: FacilityPanelProps) {
  const { sets, facilities, shown, view, onViewChange, onImport, onLoadSamples, samplesLoading, onDeleteSet } = props;
  const { t } = useI18n();
  const counts = useMemo(() => {
    const map = new Map<FacilityCategory, number>();
    for (const f of shown) map.set(f.category, (map.get(f.category) ?? 0) + 1);
    return map;
  }, [shown]);
  const hasSamples = sets.some((s) => s.isSample);
  const hidden = new Set(view.hiddenSets);
  const setHidden = (id: string, hide: boolean) =>
    onViewChange({ ...view, hiddenSets: hide ? [...view.hiddenSets, id] : view.hiddenSets.filter((s) => s !== id) });

  return (
    <section className="filter-panel" data-testid="facility-panel">
      <div className="button-row">
        <button type="button" onClick={onImport} data-testid="import-facilities">
          {t('facilities.import')}
        </button>
        <button
          type="button"
          onClick={onLoadSamples}
          disabled={hasSamples || samplesLoading}
          data-testid="load-samples"
        >
          {hasSamples ? t('facilities.samplesLoaded') : t('facilities.loadSamples')}
        </button>
      </div>
      <h3>{t('facilities.sets')}</h3>
      <ul className="set-list" data-testid="facility-sets">
        {sets.map((set) => {
          const name = set.kind === 'county-centres' ? t('facilities.countyCentres') : set.name;
          return (
            <li key={set.id} data-set-id={set.id}>
              <label>
                <input
                  type="checkbox"
                  checked={!hidden.has(set.id)}
                  onChange={(e) => setHidden(set.id, !e.target.checked)}
                />
                <span className="set-name">{name}</span>
              </label>
              {set.isSample && (
                <span className="badge sample" title={t('facilities.sampleWarning')}>
                  {t('facilities.sampleBadge')}
                </span>
              )}
              <span className="muted">{t('facilities.count', { count: set.count })}</span>
              {set.kind !== 'county-centres' && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('facilities.deleteSet', { name })}
                  title={t('facilities.deleteSet', { name })}
                  onClick={() => onDeleteSet(set)}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {hasSamples && <p className="warning">{t('facilities.sampleWarning')}</p>}
      <p className="muted" data-testid="facility-count">
        {t('filter.shownFacilities', { shown: shown.length, total: facilities.length })}
      </p>
      <label className="field inline">
        <input
          type="checkbox"
          checked={view.filter.mountainOnly}
          onChange={(e) => onViewChange({ ...view, filter: { ...view.filter, mountainOnly: e.target.checked } })}
        />
        <span>{t('filter.mountainOnly')}</span>
      </label>
      <CountySelect
        value={view.filter.counties}
        onChange={(counties) => onViewChange({ ...view, filter: { ...view.filter, counties } })}
      />
      <h3>{t('filter.category')}</h3>
      <CheckList
        options={FACILITY_CATEGORIES}
        selected={view.filter.categories}
        onChange={(categories) => onViewChange({ ...view, filter: { ...view.filter, categories } })}
        label={(c) => t(`facilityCategory.${c}`)}
        swatch={(c) => FACILITY_CATEGORY_COLORS[c]}
        counts={counts}
      />
      <h3>{t('filter.status')}</h3>
      <CheckList
        options={FACILITY_STATUSES}
        selected={view.filter.statuses}
        onChange={(statuses) => onViewChange({ ...view, filter: { ...view.filter, statuses } })}
        label={(s) => t(`facilityStatus.${s}`)}
      />
      <button type="button" onClick={() => onViewChange(EMPTY_FACILITY_VIEW)}>
        {t('filter.clear')}
      </button>
    </section>
  );
}
