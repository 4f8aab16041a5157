import type { CoverageResult, GroupStats } from '../../../shared/coverage';
import { countyLabel } from '../catalogue/county-select';
import { useI18n } from '../i18n/i18n-context';

const pct = (value: number) => `${value.toFixed(1)}%`;
const minutes = (value: number | null) => (value === null ? '—' : value.toFixed(1));
const people = (value: number) => Math.round(value).toLocaleString('zh-CN');

/** The last threshold and its unit: what "beyond the circle" means for this run. */
function circleOf(result: CoverageResult): { last: number; network: boolean } {
  const { request } = result;
  const network = request.method === 'network';
  const thresholds = network ? request.thresholdsMin : request.radiiM;
  return { last: thresholds[thresholds.length - 1] ?? 0, network };
}

function StatsCells({ stats, beyond }: { stats: GroupStats; beyond: string }) {
  // Coverage first: it is the figure the table exists for. Median and 90th percentile are over everyone: when they lie beyond the circle there is no
  // number to show, only "> T" (core/coverage/stats.ts).
  const overAll = (value: number | null, isBeyond: boolean) => (isBeyond ? beyond : minutes(value));
  return (
    <>
      <td className="num">{pct(stats.coveredPct)}</td>
      <td className="num">{people(stats.population)}</td>
      <td className="num">{people(stats.covered)}</td>
      <td className="num">{people(stats.population - stats.covered)}</td>
      <td className="num">{overAll(stats.p50Minutes, stats.p50Beyond)}</td>
      <td className="num">{overAll(stats.p90Minutes, stats.p90Beyond)}</td>
      <td className="num">{minutes(stats.meanMinutesAmongCovered)}</td>
    </>
  );
}

/** Per-county results with the mountain counties marked, then mountain / other / city rows. */
export function CoverageResults({ result, onCounty }: { result: CoverageResult; onCounty?: (adcode: number) => void }) {
  const { t, language } = useI18n();
  const isolated = result.facilities.filter((f) => f.isolated);
  const names = new Map(result.request.facilities.map((f) => [f.id, f.name]));
  const circle = circleOf(result);
  const beyond = t(circle.network ? 'coverage.beyondMin' : 'coverage.beyondM', { last: circle.last });
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
              <th className="num">{t('col.coveredPct')}</th>
              <th className="num">{t('col.population')}</th>
              <th className="num">{t('col.covered')}</th>
              <th className="num">{t('col.uncovered')}</th>
              <th className="num">{t('col.p50')}</th>
              <th className="num">{t('col.p90')}</th>
              <th className="num">{circle.network ? t('col.mean') : t('col.meanM')}</th>
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
                <StatsCells stats={county} beyond={beyond} />
              </tr>
            ))}
            <tr className="group-row mountain" data-testid="coverage-row-mountain">
              <th>{t('row.mountain')}</th>
              <StatsCells stats={result.mountain} beyond={beyond} />
            </tr>
            <tr className="group-row" data-testid="coverage-row-other">
              <th>{t('row.other')}</th>
              <StatsCells stats={result.other} beyond={beyond} />
            </tr>
            <tr className="group-row" data-testid="coverage-row-total">
              <th>{t('row.total')}</th>
              <StatsCells stats={result.total} beyond={beyond} />
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted" data-testid="coverage-stats-note">
        {t(circle.network ? 'coverage.statsNote' : 'coverage.statsNoteM', { last: circle.last })}
      </p>
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
