import { useMemo } from 'react';
import type { TwoStepAnalysis } from '../../../core/analysis/two-step';
import type { EquitySummary } from '../../../core/equity/equity-summary';
import type { BeyondRule } from '../../../core/equity/inequality';
import type { CoverageResult } from '../../../shared/coverage';
import { countyLabel } from '../catalogue/county-select';
import { useI18n } from '../i18n/i18n-context';
import { MAP_COLORS } from '../map/map-colors';
import { Chart } from './chart';

const CJK_FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');
const pct = (share: number) => (Number.isFinite(share) ? `${(100 * share).toFixed(1)}%` : '—');
const sameRule = (a: BeyondRule, b: BeyondRule) =>
  a.kind === b.kind && (a.kind === 'exclude' || (b.kind === 'cap' && a.capMinutes === b.capMinutes));

/**
 * Gini and Theil with the people beyond the circle left out and counted at 1.5×, 2× and 3× the
 * circle: the value given to them is an assumption, and this shows how much of the figure it is.
 */
function BeyondRuleTable({ equity }: { equity: EquitySummary }) {
  const { t } = useI18n();
  const label = (rule: BeyondRule) =>
    rule.kind === 'exclude'
      ? t('equity.rule.exclude')
      : t(equity.unit === 'minutes' ? 'equity.rule.capMin' : 'equity.rule.capM', {
          k: rule.capMinutes / equity.circle,
          cap: rule.capMinutes,
        });
  return (
    <div className="data-table">
      <h4>{t('equity.byRule')}</h4>
      <table data-testid="equity-by-rule">
        <thead>
          <tr>
            <th>{t('equity.rule.column')}</th>
            <th className="num">{t('equity.gini')}</th>
            <th className="num">{t('equity.theil')}</th>
          </tr>
        </thead>
        <tbody>
          {equity.byBeyondRule.map((v) => (
            <tr key={label(v.rule)} className={sameRule(v.rule, equity.beyond) ? 'selected' : undefined}>
              <td>
                {label(v.rule)}
                {sameRule(v.rule, equity.beyond) && ` ${t('equity.rule.current')}`}
              </td>
              <td className="num">{f3(v.gini)}</td>
              <td className="num">{f3(v.theil)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The equity view of a run: Gini and Theil with what they mean, coverage by county (click a bar to
 * zoom there), the Lorenz curve, and the largest gaps (click to fly there).
 */
export function EquityDrawer({
  label,
  result,
  equity,
  onCounty,
  onGap,
  onClose,
  twoStep,
}: {
  label: string;
  result: CoverageResult;
  equity: EquitySummary;
  onCounty: (adcode: number) => void;
  onGap: (bbox: [number, number, number, number]) => void;
  onClose: () => void;
  twoStep?: TwoStepAnalysis | undefined;
}) {
  const { t, language } = useI18n();
  const counties = result.counties;

  const coverageOption = useMemo(
    () => ({
      textStyle: { fontFamily: CJK_FONT },
      grid: { left: 40, right: 10, top: 10, bottom: 50 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: counties.map((c) => countyLabel(c.adcode, language, c.name)),
        axisLabel: { interval: 0, rotate: 40, fontSize: 10 },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          data: counties.map((c) => ({
            value: Number(c.coveredPct.toFixed(1)),
            itemStyle: { color: c.mountain ? MAP_COLORS.mountainLine : MAP_COLORS.cityOutline },
          })),
        },
      ],
    }),
    [counties, language],
  );

  const lorenzOption = useMemo(
    () => ({
      textStyle: { fontFamily: CJK_FONT },
      grid: { left: 40, right: 10, top: 24, bottom: 30 },
      legend: { top: 0, textStyle: { fontSize: 10 } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', min: 0, max: 1 },
      yAxis: { type: 'value', min: 0, max: 1 },
      series: [
        {
          name: t('equity.lorenz'),
          type: 'line',
          showSymbol: false,
          data: equity.lorenz.population.map((p, i) => [p, equity.lorenz.quantity[i]]),
        },
        {
          name: t('equity.equality'),
          type: 'line',
          showSymbol: false,
          lineStyle: { type: 'dashed' },
          data: [
            [0, 0],
            [1, 1],
          ],
        },
      ],
    }),
    [equity.lorenz, t],
  );

  return (
    <section
      className="table-drawer equity-drawer"
      data-testid="equity-drawer"
      aria-label={t('equity.title', { label })}
    >
      <header className="table-header">
        <h2>{t('equity.title', { label })}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('equity.close')}>
          ×
        </button>
      </header>
      <div className="equity-grid">
        <div className="equity-figures">
          <p>
            <strong>{t('equity.gini')}</strong> <span data-testid="equity-gini">{f3(equity.gini)}</span>
            <br />
            <span className="muted">
              {t('equity.giniGroups', { mountain: f3(equity.giniMountain), other: f3(equity.giniOther) })}
            </span>
          </p>
          <p className="muted small">{t('equity.giniHelp')}</p>
          <p data-testid="equity-beyond-share">{t('equity.beyondShare', { pct: pct(equity.beyondShare) })}</p>
          {!equity.timeInequalityMeaningful && (
            <p className="warning" data-testid="equity-not-meaningful">
              {t('equity.notMeaningful', { pct: pct(equity.coveredShare) })}
            </p>
          )}
          <p className="muted small">{t('equity.spreadNotLevel')}</p>
          <p>
            <strong>{t('equity.theil')}</strong> <span data-testid="equity-theil">{f3(equity.theil.total)}</span>
            <br />
            <span className="muted">
              {t('equity.between')} {f3(equity.theil.between)} · {t('equity.within')} {f3(equity.theil.within)}
            </span>
          </p>
          <p className="muted small">{t('equity.theilHelp')}</p>
          <BeyondRuleTable equity={equity} />
        </div>
        <div>
          <h3>{t('equity.coverageChart')}</h3>
          <Chart
            option={coverageOption}
            onClick={(i) => counties[i] && onCounty(counties[i].adcode)}
            testId="equity-coverage-chart"
          />
        </div>
        <div>
          <h3>{t('equity.lorenz')}</h3>
          <Chart option={lorenzOption} testId="equity-lorenz-chart" />
          <p className="muted small">{t('equity.lorenzHelp')}</p>
        </div>
        {twoStep && <TwoStepSection twoStep={twoStep} />}
        <div className="equity-gaps">
          <h3>{t('equity.gaps', { count: equity.gapCount })}</h3>
          {equity.gaps.length === 0 ? (
            <p className="muted">{t('equity.noGaps')}</p>
          ) : (
            <ol data-testid="equity-gaps">
              {equity.gaps.slice(0, 20).map((gap) => (
                <li key={gap.rank}>
                  <button type="button" className="text-button" onClick={() => onGap(gap.bbox)}>
                    {t('equity.gapRow', {
                      county: countyLabel(gap.county, language, gap.countyName),
                      people: Math.round(gap.population).toLocaleString('zh-CN'),
                      km: gap.nearestFacility ? (gap.nearestFacility.straightLineM / 1000).toFixed(1) : '—',
                    })}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}

function TwoStepSection({ twoStep }: { twoStep: TwoStepAnalysis }) {
  const { t, language } = useI18n();
  const field = t(`capacityField.${twoStep.field}`);
  const unit = twoStep.result.per === 1 ? t('equity.perPerson', { field }) : t('equity.perThousand', { field });
  const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(2));
  const rows = [
    ...twoStep.result.counties.map((c) => ({
      key: String(c.adcode),
      label: countyLabel(c.adcode, language, c.name),
      g: c,
      mountain: c.mountain,
    })),
    { key: 'mountain', label: t('row.mountain'), g: twoStep.result.mountain, mountain: true },
    { key: 'other', label: t('row.other'), g: twoStep.result.other, mountain: false },
    { key: 'total', label: t('row.total'), g: twoStep.result.total, mountain: false },
  ];
  return (
    <div className="data-table" data-testid="equity-two-step">
      <h3>{t('equity.twoStep', { unit })}</h3>
      <p className="muted small">
        {t(twoStep.result.method === 'network' ? 'equity.twoStepCatchmentMin' : 'equity.twoStepCatchmentM', {
          catchment: twoStep.result.catchment,
        })}
      </p>
      <p className="muted small">{t('equity.twoStepHelp')}</p>
      <table>
        <thead>
          <tr>
            <th>{t('col.county')}</th>
            <th className="num">{t('equity.twoStepMean')}</th>
            <th className="num">{t('equity.noAccess')}</th>
            <th className="num">{t('equity.noAccessShare')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.mountain ? 'mountain' : undefined} data-testid={`two-step-${row.key}`}>
              <td>{row.label}</td>
              <td className="num">{fmt(row.g.meanAccessibility)}</td>
              <td className="num">{Math.round(row.g.noAccessPopulation).toLocaleString('zh-CN')}</td>
              <td className="num" data-testid={`two-step-no-access-${row.key}`}>
                {row.g.noAccessShare === null ? '—' : `${(100 * row.g.noAccessShare).toFixed(1)}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
