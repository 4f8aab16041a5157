import { useMemo, useState } from 'react';
import { totalsByCounty } from '../../../core/projects/filter-projects';
import { COUNTIES } from '../../../shared/counties';
import type { Facility, FacilitySet } from '../../../shared/facilities';
import type { ProjectRow } from '../db/outu-db';
import { useI18n } from '../i18n/i18n-context';
import type { CatalogueRef } from '../map/catalogue-map';
import { countyLabel } from './county-select';
import { DataTable, type Column } from './data-table';
import { formatCapacity, formatYi } from './format';

export type TableMode = 'projects' | 'facilities';

interface TableDrawerProps {
  mode: TableMode;
  projects: readonly ProjectRow[];
  facilities: readonly Facility[];
  facilitySets: readonly FacilitySet[];
  selection: CatalogueRef | null;
  onSelect: (ref: CatalogueRef) => void;
  onClose: () => void;
}

const COUNTY_ORDER = COUNTIES.map((c) => c.adcode);

export function TableDrawer({
  mode,
  projects,
  facilities,
  facilitySets,
  selection,
  onSelect,
  onClose,
}: TableDrawerProps) {
  const { t, language } = useI18n();
  const [byCounty, setByCounty] = useState(false);
  const county = (adcode: number | null) => countyLabel(adcode, language, t('county.none'));
  const mountain = (adcode: number | null) => COUNTIES.find((c) => c.adcode === adcode)?.mountain === true;

  const projectColumns = useMemo<Column<ProjectRow>[]>(
    () => [
      { id: 'seq', header: t('col.seq'), value: (p) => p.seq, align: 'right', width: 48 },
      { id: 'name', header: t('col.name'), value: (p) => p.name },
      { id: 'category', header: t('col.category'), value: (p) => t(`projectCategory.${p.category}`) },
      { id: 'kind', header: t('col.kind'), value: (p) => p.kind },
      { id: 'county', header: t('col.county'), value: (p) => county(p.countyAdcode) },
      {
        id: 'investmentTotal',
        header: t('col.investmentTotal'),
        value: (p) => p.investmentTotal,
        render: (p) => formatYi(p.investmentTotal, t),
        align: 'right',
      },
      {
        id: 'investmentPlan',
        header: t('col.investmentPlan'),
        value: (p) => p.investmentPlan,
        render: (p) => formatYi(p.investmentPlan, t),
        align: 'right',
      },
      { id: 'precision', header: t('col.precision'), value: (p) => t(`precision.${p.geocodePrecision}`) },
      { id: 'period', header: t('col.period'), value: (p) => p.period },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, language],
  );

  const setName = useMemo(() => new Map(facilitySets.map((s) => [s.id, s])), [facilitySets]);
  const facilityColumns = useMemo<Column<Facility>[]>(
    () => [
      { id: 'name', header: t('col.name'), value: (f) => f.name },
      { id: 'category', header: t('col.category'), value: (f) => t(`facilityCategory.${f.category}`) },
      { id: 'status', header: t('col.status'), value: (f) => t(`facilityStatus.${f.status}`) },
      { id: 'county', header: t('col.county'), value: (f) => county(f.countyAdcode) },
      { id: 'capacity', header: t('col.capacity'), value: (f) => formatCapacity(f.capacity, t) },
      {
        id: 'set',
        header: t('col.set'),
        value: (f) => {
          const set = setName.get(f.setId);
          if (!set) return f.setId;
          if (set.kind === 'county-centres') return t('facilities.countyCentres');
          return set.isSample ? `${set.name} [${t('facilities.sampleBadge')}]` : set.name;
        },
      },
      { id: 'lonlat', header: t('col.lonlat'), value: (f) => `${f.lon.toFixed(5)}, ${f.lat.toFixed(5)}` },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, language, setName],
  );

  const countyTotals = useMemo(() => totalsByCounty(projects, COUNTY_ORDER), [projects]);
  const facilityTotals = useMemo(() => {
    const rows = new Map<number | null, number>();
    for (const f of facilities) rows.set(f.countyAdcode, (rows.get(f.countyAdcode) ?? 0) + 1);
    return [...COUNTY_ORDER, null].filter((c) => rows.has(c)).map((c) => ({ adcode: c, count: rows.get(c) ?? 0 }));
  }, [facilities]);

  const selectedKey =
    selection?.kind === 'project' && mode === 'projects'
      ? String(selection.seq)
      : selection?.kind === 'facility' && mode === 'facilities'
        ? selection.id
        : null;

  return (
    <section className="table-drawer" data-testid="table-drawer" aria-label={t(`table.title.${mode}`)}>
      <header className="table-header">
        <h2>{t(`table.title.${mode}`)}</h2>
        <span className="muted">
          {t('table.rows', { count: mode === 'projects' ? projects.length : facilities.length })}
        </span>
        <label className="field inline">
          <input
            type="checkbox"
            checked={byCounty}
            onChange={(e) => setByCounty(e.target.checked)}
            data-testid="table-by-county"
          />
          <span>{t('table.byCounty')}</span>
        </label>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('table.close')}>
          ×
        </button>
      </header>
      {byCounty ? (
        <div className="data-table">
          <table data-testid="county-totals">
            <thead>
              <tr>
                <th>{t('col.county')}</th>
                <th className="num">{t('col.count')}</th>
                {mode === 'projects' && <th className="num">{t('col.investmentTotal')}</th>}
                {mode === 'projects' && <th className="num">{t('col.investmentPlan')}</th>}
                {mode === 'projects' && <th className="num">{t('col.withoutFigure')}</th>}
              </tr>
            </thead>
            <tbody>
              {mode === 'projects'
                ? countyTotals.map((row) => (
                    <tr key={String(row.countyAdcode)} className={mountain(row.countyAdcode) ? 'mountain' : undefined}>
                      <td>{county(row.countyAdcode)}</td>
                      <td className="num">{row.count}</td>
                      <td className="num">{formatYi(row.investmentTotal, t)}</td>
                      <td className="num">{formatYi(row.investmentPlan, t)}</td>
                      <td className="num">{row.withoutFigure}</td>
                    </tr>
                  ))
                : facilityTotals.map((row) => (
                    <tr key={String(row.adcode)} className={mountain(row.adcode) ? 'mountain' : undefined}>
                      <td>{county(row.adcode)}</td>
                      <td className="num">{row.count}</td>
                    </tr>
                  ))}
            </tbody>
          </table>
        </div>
      ) : mode === 'projects' ? (
        <DataTable
          rows={projects}
          columns={projectColumns}
          rowKey={(p) => String(p.seq)}
          selectedKey={selectedKey}
          onSelect={(p) => onSelect({ kind: 'project', seq: p.seq })}
          emptyText={t('table.empty')}
          testId="project-table"
        />
      ) : (
        <DataTable
          rows={facilities}
          columns={facilityColumns}
          rowKey={(f) => f.id}
          selectedKey={selectedKey}
          onSelect={(f) => onSelect({ kind: 'facility', id: f.id })}
          emptyText={t('table.empty')}
          testId="facility-table"
        />
      )}
    </section>
  );
}
