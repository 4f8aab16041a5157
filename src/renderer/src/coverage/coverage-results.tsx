import type { CoverageResult, GroupStats } from '../../../shared/coverage';
import { countyLabel } from '../catalogue/county-select';
import { useI18n } from '../i18n/i18n-context';

const pct = (value: number) => `${value.toFixed(1)}%`;
const minutes = (value: number | null) => (value === null ? '—' : value.toFixed(1));
const people = (value: number) => Math.round(value).toLocaleString('zh-CN');

function StatsCells({ stats }: { stats: GroupStats }) {
  return (
    <>
      <td className="num">{people(stats.population)}</td>
      <td className="num">{people(stats.covered)}</td>
      <td className="num">{pct(stats.coveredPct)}</td>
      <td className="num">{people(stats.population - stats.covered)}</td>
      <td className="num">{minutes(stats.meanMinutes)}</td>
      <td className="num">{minutes(stats.p50Minutes)}</td>
      <td className="num">{minutes(stats.p90Minutes)}</td>
    </>
  );
}

/** Per-county results with the mountain counties marked, then mountain / other / city rows. */
export function CoverageResults({ result, onCounty }: { result: CoverageResult; onCounty?: (adcode: number) => void }) {
  const { t, language } = useI18n();
  const isolated = result.facilities.filter((f) => f.isolated);
  const names = new Map(result.request.facilities.map((f) => [f.id, f.name]));
  return (
    <section className="coverage-results" data-testid="coverage-results">
      <p data-testid="coverage-summary">
        {t('coverage.summary', {
          covered: people(result.total.covered),
          population: people(result.total.population),
          pct: pct(result.total.coveredPct),
        })}
        <br />
        {t('coverage.mountainVsOther', {
          mountain: pct(result.mountain.coveredPct),
          other: pct(result.other.coveredPct),
        })}
      </p>
      {isolated.length > 0 && (
        <p className="warning" data-testid="coverage-isolated">
          {t('coverage.isolated', {
            count: isolated.length,
            names: isolated
              .slice(0, 5)
              .map((f) => names.get(f.id) ?? f.id)
              .join('、'),
          })}
        </p>
      )}
      {result.isolatedPopulation > 0 && (
        <p className="muted">{t('coverage.isolatedPopulation', { count: people(result.isolatedPopulation) })}</p>
      )}
      <div className="data-table">
        <table data-testid="coverage-county-table">
          <thead>
            <tr>
              <th>{t('col.county')}</th>
              <th className="num">{t('col.population')}</th>
              <th className="num">{t('col.covered')}</th>
              <th className="num">{t('col.coveredPct')}</th>
              <th className="num">{t('col.uncovered')}</th>
              <th className="num">{result.request.method === 'network' ? t('col.mean') : t('col.meanM')}</th>
              <th className="num">{t('col.p50')}</th>
              <th className="num">{t('col.p90')}</th>
            </tr>
          </thead>
          <tbody>
            {result.counties.map((county) => (
              <tr
                key={county.adcode}
                className={county.mountain ? 'mountain' : undefined}
                data-adcode={county.adcode}
                onClick={() => onCounty?.(county.adcode)}
              >
                <td>
                  {countyLabel(county.adcode, language, county.name)}
                  {county.mountain && <span className="badge mountain-badge">{t('row.mountain')}</span>}
                </td>
                <StatsCells stats={county} />
              </tr>
            ))}
            <tr className="group-row mountain" data-testid="coverage-row-mountain">
              <th>{t('row.mountain')}</th>
              <StatsCells stats={result.mountain} />
            </tr>
            <tr className="group-row" data-testid="coverage-row-other">
              <th>{t('row.other')}</th>
              <StatsCells stats={result.other} />
            </tr>
            <tr className="group-row" data-testid="coverage-row-total">
              <th>{t('row.total')}</th>
              <StatsCells stats={result.total} />
            </tr>
          </tbody>
        </table>
      </div>
      <FacilityTable result={result} />
      <p className="muted">{t('coverage.modelledPopulation')}</p>
    </section>
  );
}

const TOP_FACILITIES = 10;

/** Who each facility serves, and whom nobody else would: what is lost if it closes. */
function FacilityTable({ result }: { result: CoverageResult }) {
  const { t } = useI18n();
  const names = new Map(result.request.facilities.map((f) => [f.id, f.name]));
  const top = [...result.facilities].sort((a, b) => b.served - a.served).slice(0, TOP_FACILITIES);
  if (top.length === 0) return null;
  return (
    <div className="data-table">
      <h4>{t('coverage.facilityTable', { count: top.length })}</h4>
      <table data-testid="coverage-facility-table">
        <thead>
          <tr>
            <th>{t('col.name')}</th>
            <th className="num">{t('col.served')}</th>
            <th className="num">{t('col.unique')}</th>
            <th>{t('col.isolated')}</th>
          </tr>
        </thead>
        <tbody>
          {top.map((f) => (
            <tr key={f.id}>
              <td>{names.get(f.id) ?? f.id}</td>
              <td className="num">{people(f.served)}</td>
              <td className="num">{Number.isNaN(f.uniquelyCovered) ? '—' : people(f.uniquelyCovered)}</td>
              <td>{f.isolated ? t('value.yes') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
