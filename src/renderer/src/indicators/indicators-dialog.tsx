import { useEffect, useMemo, useState } from 'react';
import { COMPUTABLE_INDICATORS, computeIndicatorValue } from '../../../core/indicators/computable';
import { assessIndicator } from '../../../core/indicators/status';
import { DATA_FILES } from '../../../shared/data-contract';
import type { Facility, FacilitySet } from '../../../shared/facilities';
import {
  INDICATOR_TARGET_YEAR,
  type IndicatorRecord,
  type IndicatorStatus,
  type PlanIndicator,
} from '../../../shared/indicators';
import { listIndicatorRecords, saveIndicatorRecord } from '../db/indicator-repo';
import type { OutuDb } from '../db/outu-db';
import { useI18n } from '../i18n/i18n-context';
import { Dialog } from '../ui/dialog';

const YEARS = [2021, 2022, 2023, 2024, 2025];

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The plan's 60 indicator rows with what the user recorded per year, the status against the
 * 2025 target, and — where OuTu's own data can say it — the computed value beside it.
 */
export function IndicatorsDialog({
  db,
  dataBaseUrl,
  facilities,
  facilitySets,
  onClose,
}: {
  db: OutuDb | null;
  dataBaseUrl: string;
  facilities: readonly Facility[];
  facilitySets: readonly FacilitySet[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [indicators, setIndicators] = useState<PlanIndicator[]>([]);
  const [population, setPopulation] = useState(0);
  const [records, setRecords] = useState<IndicatorRecord[]>([]);
  const [year, setYear] = useState(Math.min(new Date().getFullYear(), INDICATOR_TARGET_YEAR));
  const [drafts, setDrafts] = useState<Record<string, string>>({});

  useEffect(() => {
    void fetchJson<PlanIndicator[]>(dataBaseUrl + DATA_FILES.planIndicators).then(setIndicators);
    void fetchJson<{ total: { population: number } }>(dataBaseUrl + DATA_FILES.populationGridInfo).then((info) =>
      setPopulation(info.total.population),
    );
    if (db) void listIndicatorRecords(db).then(setRecords);
  }, [dataBaseUrl, db]);

  // Samples are never passed off as real: only imported sets and the county centres count.
  const realFacilities = useMemo(() => {
    const sample = new Set(facilitySets.filter((s) => s.isSample).map((s) => s.id));
    return facilities.filter((f) => !sample.has(f.setId));
  }, [facilities, facilitySets]);

  const save = async (indicator: PlanIndicator) => {
    const value = Number(drafts[indicator.id]);
    if (!db || !Number.isFinite(value)) return;
    await saveIndicatorRecord(db, { indicatorId: indicator.id, year, value, recordedAt: new Date().toISOString() });
    setRecords(await listIndicatorRecords(db));
    setDrafts((prev) => ({ ...prev, [indicator.id]: '' }));
  };

  const numbered = new Set(indicators.map((i) => i.seq)).size;
  return (
    <Dialog title={t('indicators.title')} closeLabel={t('indicators.close')} onClose={onClose} testId="indicators" wide>
      <p className="muted">{t('indicators.intro', { rows: indicators.length, numbered })}</p>
      <label className="field inline">
        <span>{t('indicators.year')}</span>
        <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="indicators-year">
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <table data-testid="indicators-table">
        <thead>
          <tr>
            <th className="num">{t('indicators.seq')}</th>
            <th>{t('indicators.name')}</th>
            <th className="num">{t('indicators.baseline')}</th>
            <th className="num">{t('indicators.target')}</th>
            <th>{t('indicators.recorded', { year })}</th>
            <th>{t('indicators.status')}</th>
            <th>{t('indicators.computed')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => {
            const assessment = assessIndicator(indicator, records, year);
            const recorded = records.find((r) => r.indicatorId === indicator.id && r.year === year);
            const computable = COMPUTABLE_INDICATORS.find((c) => c.id === indicator.id);
            const computed = computable ? computeIndicatorValue(computable, realFacilities, population) : null;
            return (
              <tr key={indicator.id} data-indicator-id={indicator.id}>
                <td className="num">{indicator.seq}</td>
                <td title={indicator.note || undefined}>
                  {indicator.name}
                  {indicator.part && ` · ${indicator.part}`}
                  {indicator.unit && <span className="muted">（{indicator.unit}）</span>}
                  {indicator.cumulative && <span className="badge mountain-badge">{t('indicators.cumulative')}</span>}
                </td>
                <td className="num">{indicator.baseline.text}</td>
                <td className="num">{indicator.target.text}</td>
                <td>
                  <input
                    className="record-input"
                    inputMode="decimal"
                    value={drafts[indicator.id] ?? ''}
                    placeholder={recorded ? String(recorded.value) : ''}
                    onChange={(e) => setDrafts((prev) => ({ ...prev, [indicator.id]: e.target.value }))}
                    aria-label={t('indicators.recorded', { year })}
                  />
                  <button type="button" onClick={() => void save(indicator)} disabled={!db || !drafts[indicator.id]}>
                    {t('indicators.save')}
                  </button>
                </td>
                <td>
                  <StatusBadge status={assessment.status} />
                </td>
                <td
                  className="num"
                  title={computed ? t('indicators.computedNote', { missing: computed.missingFigure }) : undefined}
                >
                  {computed ? (computed.value === null ? t('indicators.noFacilities') : computed.value.toFixed(2)) : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Dialog>
  );
}

function StatusBadge({ status }: { status: IndicatorStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status status-${status}`} data-status={status}>
      {t(`indicators.status.${status}`)}
    </span>
  );
}
