import { useState } from 'react';
import { COORDINATE_SYSTEMS, type CoordinateSystem } from '../../../shared/facilities';
import { loadCounties } from '../catalogue/facility-import';
import { useI18n } from '../i18n/i18n-context';
import type { Platform } from '../platform/platform';
import { errorReason } from '../ui/busy-store';
import { useBusyAction } from '../ui/use-busy-action';
import type { ImportedPopulation } from '../db/imported-population-repo';
import { importPopulationFile } from './imported-population';

const people = (n: number) => Math.round(n).toLocaleString('zh-CN');

/** Modelled population by default; a user's own table (points or cells with a count) instead. */
export function PopulationSource({
  platform,
  population,
  onChange,
}: {
  platform: Platform;
  population: ImportedPopulation | null;
  onChange: (next: ImportedPopulation | null) => void;
}) {
  const { t } = useI18n();
  const [crs, setCrs] = useState<CoordinateSystem>('wgs84');
  const [error, setError] = useState<string | null>(null);
  const busy = useBusyAction<'import'>();

  const choose = async () => {
    const file = await platform.openFile({
      title: t('population.import'),
      filters: [
        { name: 'CSV / Excel / GeoJSON / KML', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'geojson', 'json', 'kml'] },
      ],
    });
    if (!file) return;
    setError(null);
    const run = await busy.run('import', async () => {
      const outcome = await importPopulationFile(file.name, file.bytes, crs, await loadCounties(platform.dataBaseUrl));
      if (outcome.ok) onChange(outcome.population);
      else if (outcome.reason === 'unreadable') setError(t('population.error.unreadable', { detail: outcome.detail }));
      else if (outcome.reason === 'columns')
        setError(t('population.error.columns', { columns: outcome.columns.join('、') }));
      else
        setError(
          t('population.error.rows', {
            count: outcome.rows.length,
            rows: outcome.rows
              .slice(0, 5)
              .map((r) => `${r.row}:${r.column}=${r.value}`)
              .join('；'),
          }),
        );
    });
    if (run.kind === 'failed') setError(t('population.error.unreadable', { detail: errorReason(run.error) }));
  };

  return (
    <section data-testid="population-source">
      <h3>{t('population.title')}</h3>
      <p className={population ? 'warning' : 'muted'} data-testid="population-current">
        {population
          ? t('population.imported', {
              name: population.name,
              people: people(population.people),
              cells: population.cells,
            })
          : t('population.modelled')}
      </p>
      {population && population.rejectedPoints > 0 && (
        <p className="muted">
          {t('population.rejected', { points: population.rejectedPoints, people: people(population.rejectedPeople) })}
        </p>
      )}
      <label className="field">
        <span>{t('population.crs')}</span>
        <select value={crs} onChange={(e) => setCrs(e.target.value as CoordinateSystem)}>
          {COORDINATE_SYSTEMS.map((c) => (
            <option key={c} value={c}>
              {t(`import.crs.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button
          type="button"
          onClick={() => void choose()}
          disabled={busy.action !== null}
          data-testid="population-import"
        >
          {t('population.import')}
        </button>
        {population && (
          <button type="button" onClick={() => onChange(null)}>
            {t('population.useModel')}
          </button>
        )}
      </div>
      <p className="muted">{t('population.formats')}</p>
      {error && (
        <p className="error-list" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
