import type { CoverageResult, GroupStats } from '../../../shared/coverage';
import { countyLabel } from '../catalogue/county-select';
import { useI18n } from '../i18n/i18n-context';
import type { WhatIfState } from './what-if';

const pct = (v: number) => `${v.toFixed(1)}%`;
const delta = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
const share = (v: number) => (Number.isFinite(v) ? pct(100 * v) : '—');

function Row({
  label,
  base,
  next,
  mountain,
  testId,
}: {
  label: string;
  base: GroupStats;
  next: GroupStats | null;
  mountain?: boolean;
  testId?: string;
}) {
  const d = next ? next.coveredPct - base.coveredPct : null;
  return (
    <tr className={mountain ? 'mountain' : undefined} data-testid={testId}>
      <td>{label}</td>
      <td className="num">{pct(base.coveredPct)}</td>
      <td className="num">{next ? pct(next.coveredPct) : '…'}</td>
      <td className={d && d > 0 ? 'num gain' : d && d < 0 ? 'num loss' : 'num'}>{d === null ? '' : delta(d)}</td>
    </tr>
  );
}

/** Proposed and closed facilities with the live change in coverage per county. */
export function WhatIfPanel({
  base,
  whatIf,
  placing,
  onPlace,
  onRemove,
  onReset,
  nameOf,
  baseGini,
  baseBeyondShare,
}: {
  base: CoverageResult;
  whatIf: WhatIfState;
  placing: boolean;
  onPlace: () => void;
  onRemove: (id: string) => void;
  onReset: () => void;
  nameOf: (facilityId: string) => string;
  baseGini?: number;
  /** Share of people beyond the circle in the base run (0 … 1), shown beside the Gini. */
  baseBeyondShare?: number;
}) {
  const { t, language } = useI18n();
  const next = whatIf.preview?.result ?? null;
  const active = whatIf.proposed.length > 0 || whatIf.closed.length > 0;
  return (
    <section className="what-if" data-testid="what-if">
      <h3>{t('whatif.title')}</h3>
      <p className="muted">{t('whatif.intro')}</p>
      <div className="button-row">
        <button type="button" onClick={onPlace} disabled={placing} data-testid="what-if-add">
          {placing ? t('whatif.placing') : t('whatif.add')}
        </button>
        {active && (
          <button type="button" onClick={onReset}>
            {t('whatif.reset')}
          </button>
        )}
      </div>
      {whatIf.proposed.length > 0 && (
        <ul className="set-list">
          {whatIf.proposed.map((p, i) => {
            const name = t('whatif.proposedName', { n: i + 1 });
            return (
              <li key={p.id}>
                <span className="set-name">
                  {name} · {p.lon.toFixed(4)}, {p.lat.toFixed(4)}
                </span>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => onRemove(p.id)}
                  aria-label={t('whatif.remove', { name })}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {whatIf.closed.length > 0 && (
        <p className="warning">{t('whatif.closed', { names: whatIf.closed.map(nameOf).join('、') })}</p>
      )}
      {active && (
        <>
          {baseGini !== undefined && (
            <p data-testid="what-if-gini">
              {t('equity.gini')} {baseGini.toFixed(3)} →{' '}
              {whatIf.preview?.equity ? whatIf.preview.equity.gini.toFixed(3) : '…'}
              {baseBeyondShare !== undefined && (
                <>
                  <br />
                  {/* The Gini is read with the share beyond the circle: it measures spread, not level. */}
                  <span className="muted small" data-testid="what-if-beyond-share">
                    {t('whatif.beyondShare', {
                      from: share(baseBeyondShare),
                      to: whatIf.preview?.equity ? share(whatIf.preview.equity.beyondShare) : '…',
                    })}{' '}
                    {t('equity.spreadNotLevel')}
                  </span>
                </>
              )}
            </p>
          )}
          {whatIf.latencyMs !== null && (
            <p className="muted" data-testid="what-if-latency">
              {t('whatif.latency', { ms: Math.round(whatIf.latencyMs) })}
            </p>
          )}
          <div className="data-table">
            <table data-testid="what-if-table">
              <thead>
                <tr>
                  <th>{t('col.county')}</th>
                  <th className="num">{t('whatif.base')}</th>
                  <th className="num">{t('whatif.scenario')}</th>
                  <th className="num">{t('whatif.delta')}</th>
                </tr>
              </thead>
              <tbody>
                {base.counties.map((county) => (
                  <Row
                    key={county.adcode}
                    label={countyLabel(county.adcode, language, county.name)}
                    base={county}
                    next={next?.counties.find((c) => c.adcode === county.adcode) ?? null}
                    mountain={county.mountain}
                    testId={`what-if-${county.adcode}`}
                  />
                ))}
                <Row
                  label={t('row.mountain')}
                  base={base.mountain}
                  next={next?.mountain ?? null}
                  mountain
                  testId="what-if-mountain"
                />
                <Row label={t('row.other')} base={base.other} next={next?.other ?? null} />
                <Row label={t('row.total')} base={base.total} next={next?.total ?? null} testId="what-if-total" />
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
