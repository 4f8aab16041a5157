import { useMemo } from 'react';
import {
  distinctKinds,
  EMPTY_PROJECT_FILTER,
  isFilterActive,
  type ProjectFilter,
} from '../../../core/projects/filter-projects';
import { PROJECT_CATEGORIES, type ProjectCategory } from '../../../shared/projects';
import type { ProjectRow } from '../db/outu-db';
import { useI18n } from '../i18n/i18n-context';
import { PROJECT_CATEGORY_COLORS } from '../map/catalogue-colors';
import { CheckList } from './check-list';
import { CountySelect } from './county-select';

const parseBound = (text: string): number | null => {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
};

export function ProjectFilterPanel({
  projects,
  shown,
  filter,
  onChange,
  onDataCheck,
}: {
  projects: readonly ProjectRow[];
  shown: readonly ProjectRow[];
  filter: ProjectFilter;
  onChange: (next: ProjectFilter) => void;
  onDataCheck: () => void;
}) {
  const { t } = useI18n();
  const kinds = useMemo(() => distinctKinds(projects), [projects]);
  const counts = useMemo(() => {
    const map = new Map<ProjectCategory, number>();
    for (const p of shown) map.set(p.category, (map.get(p.category) ?? 0) + 1);
    return map;
  }, [shown]);
  const citywide = shown.filter((p) => p.lon === null).length;

  return (
    <section className="filter-panel" data-testid="project-filters">
      <p className="muted" data-testid="project-count">
        {t('filter.shownProjects', { shown: shown.length, total: projects.length, citywide })}
      </p>
      <label className="field inline">
        <input
          type="checkbox"
          checked={filter.mountainOnly}
          data-testid="project-mountain-only"
          onChange={(e) => onChange({ ...filter, mountainOnly: e.target.checked })}
        />
        <span>{t('filter.mountainOnly')}</span>
      </label>
      <CountySelect value={filter.counties} onChange={(counties) => onChange({ ...filter, counties })} />
      <h3>{t('filter.category')}</h3>
      <CheckList
        options={PROJECT_CATEGORIES}
        selected={filter.categories}
        onChange={(categories) => onChange({ ...filter, categories })}
        label={(c) => t(`projectCategory.${c}`)}
        swatch={(c) => PROJECT_CATEGORY_COLORS[c]}
        counts={counts}
        testId="project-category-filter"
      />
      <h3>{t('filter.kind')}</h3>
      <CheckList
        options={kinds}
        selected={filter.kinds}
        onChange={(next) => onChange({ ...filter, kinds: next })}
        label={(k) => k}
      />
      <h3>{t('filter.investment')}</h3>
      <div className="range-inputs">
        <input
          type="number"
          min={0}
          step="any"
          placeholder={t('filter.min')}
          aria-label={`${t('filter.investment')} ${t('filter.min')}`}
          value={filter.investmentMin ?? ''}
          onChange={(e) => onChange({ ...filter, investmentMin: parseBound(e.target.value) })}
        />
        <span aria-hidden="true">–</span>
        <input
          type="number"
          min={0}
          step="any"
          placeholder={t('filter.max')}
          aria-label={`${t('filter.investment')} ${t('filter.max')}`}
          value={filter.investmentMax ?? ''}
          onChange={(e) => onChange({ ...filter, investmentMax: parseBound(e.target.value) })}
        />
      </div>
      <div className="button-row">
        <button type="button" disabled={!isFilterActive(filter)} onClick={() => onChange(EMPTY_PROJECT_FILTER)}>
          {t('filter.clear')}
        </button>
        <button type="button" onClick={onDataCheck} data-testid="open-data-check">
          {t('projects.dataCheck')}
        </button>
      </div>
    </section>
  );
}
