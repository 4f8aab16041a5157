import { useEffect, useState } from 'react';
import type { CoverageResult } from '../../../shared/coverage';
import { countyLabel } from '../catalogue/county-select';
import type { OutuDb } from '../db/outu-db';
import { deleteScenario, listScenarios, saveScenario, type ScenarioRow } from '../db/scenario-repo';
import { useI18n } from '../i18n/i18n-context';
import { compareScenarios, summaryOf } from './scenarios';
import type { WhatIfState } from './what-if';

const pct = (v: number) => `${v.toFixed(1)}%`;

/** Save the current run (with its what-if changes) under a name; compare any two side by side. */
export function ScenarioPanel({
  db,
  base,
  baseLabel,
  whatIf,
  onSplit,
}: {
  db: OutuDb | null;
  base: CoverageResult;
  baseLabel: string;
  whatIf: WhatIfState;
  onSplit?: (a: ScenarioRow, b: ScenarioRow) => void;
}) {
  const { t, language } = useI18n();
  const [scenarios, setScenarios] = useState<ScenarioRow[]>([]);
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (db) void listScenarios(db).then(setScenarios);
  }, [db]);

  if (!db) return null;
  const current = whatIf.preview?.result ?? base;
  const changed = whatIf.proposed.length > 0 || whatIf.closed.length > 0;

  const save = async () => {
    const scenarioName = name.trim() || t('scenario.defaultName', { n: scenarios.length + 1 });
    await saveScenario(db, {
      id: `scenario-${Date.now()}`,
      name: scenarioName,
      createdAt: new Date().toISOString(),
      baseLabel,
      request: current.request,
      proposed: whatIf.proposed,
      closed: whatIf.closed,
      summary: summaryOf(current),
    });
    setScenarios(await listScenarios(db));
    setName('');
    setMessage(t('scenario.saved', { name: scenarioName }));
  };

  const [a, b] = picked.map((id) => scenarios.find((s) => s.id === id)).filter((s): s is ScenarioRow => !!s);
  const rows = a && b ? compareScenarios(a.summary, b.summary) : [];
  const groupLabel = (key: string, fallback: string) =>
    key === 'mountain'
      ? t('row.mountain')
      : key === 'other'
        ? t('row.other')
        : key === 'total'
          ? t('row.total')
          : fallback;

  return (
    <section className="what-if" data-testid="scenarios">
      <h3>{t('scenario.title')}</h3>
      <div className="button-row">
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('scenario.name')}
          aria-label={t('scenario.name')}
          data-testid="scenario-name"
        />
        <button
          type="button"
          onClick={() => void save()}
          disabled={changed && !whatIf.preview}
          data-testid="scenario-save"
        >
          {t('scenario.save')}
        </button>
      </div>
      {message && <p className="ok">{message}</p>}
      {scenarios.length === 0 ? (
        <p className="muted">{t('scenario.none')}</p>
      ) : (
        <>
          <p className="muted">{t('scenario.compare')}</p>
          <ul className="set-list" data-testid="scenario-list">
            {scenarios.map((s) => (
              <li key={s.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={picked.includes(s.id)}
                    onChange={(e) =>
                      setPicked((prev) =>
                        e.target.checked ? [...prev, s.id].slice(-2) : prev.filter((id) => id !== s.id),
                      )
                    }
                  />
                  <span className="set-name">{s.name}</span>
                </label>
                <span className="muted">
                  {t('scenario.changes', { proposed: s.proposed.length, closed: s.closed.length })} ·{' '}
                  {pct(s.summary.total.coveredPct)}
                </span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('scenario.delete', { name: s.name })}
                  onClick={() =>
                    void deleteScenario(db, s.id).then(async () => {
                      setPicked((prev) => prev.filter((id) => id !== s.id));
                      setScenarios(await listScenarios(db));
                    })
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {a && b && onSplit && (
        <div className="button-row">
          <button type="button" onClick={() => onSplit(a, b)} data-testid="scenario-split">
            {t('scenario.split')}
          </button>
        </div>
      )}
      {a && b && (
        <div className="data-table">
          <table data-testid="scenario-compare">
            <thead>
              <tr>
                <th>{t('col.county')}</th>
                <th className="num" title={a.name}>
                  {t('scenario.a')}
                </th>
                <th className="num" title={b.name}>
                  {t('scenario.b')}
                </th>
                <th className="num">{t('whatif.delta')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.key}
                  className={row.mountain ? 'mountain' : undefined}
                  data-testid={`scenario-row-${row.key}`}
                >
                  <td>{groupLabel(row.key, countyLabel(Number(row.key), language, row.label))}</td>
                  <td className="num">{pct(row.a.coveredPct)}</td>
                  <td className="num">{pct(row.b.coveredPct)}</td>
                  <td className={row.coveredPctDelta > 0 ? 'num gain' : row.coveredPctDelta < 0 ? 'num loss' : 'num'}>
                    {`${row.coveredPctDelta >= 0 ? '+' : ''}${row.coveredPctDelta.toFixed(1)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
