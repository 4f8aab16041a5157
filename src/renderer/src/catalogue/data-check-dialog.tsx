import { useEffect, useMemo, useState } from 'react';
import {
  checkProjectData,
  type FigureChecks,
  type FigureComparison,
  type ProjectSummaryTable,
} from '../../../core/projects/data-check';
import { DATA_FILES } from '../../../shared/data-contract';
import type { ProjectRow } from '../db/outu-db';
import { useI18n } from '../i18n/i18n-context';
import { Dialog } from '../ui/dialog';

function Figure({ value, testId }: { value: FigureComparison; testId?: string }) {
  const fmt = (n: number | null) => (n === null ? '——' : n.toLocaleString('zh-CN', { maximumFractionDigits: 3 }));
  return (
    <>
      <td className={value.ok ? 'num' : 'num mismatch'} data-testid={testId}>
        {fmt(value.computed)}
      </td>
      <td className={value.ok ? 'num' : 'num mismatch'}>{fmt(value.summary)}</td>
    </>
  );
}

function FigureCells({ checks, testId }: { checks: FigureChecks; testId?: string }) {
  return (
    <>
      <Figure value={checks.count} testId={testId && `${testId}-count`} />
      <Figure value={checks.investmentTotal} testId={testId && `${testId}-total`} />
      <Figure value={checks.investmentPlan} testId={testId && `${testId}-plan`} />
    </>
  );
}

/** The plan's project table checked against its own summary table, mismatches listed. */
export function DataCheckDialog({
  dataBaseUrl,
  projects,
  onClose,
}: {
  dataBaseUrl: string;
  projects: readonly ProjectRow[];
  onClose: () => void;
}) {
  const { t, tMessage } = useI18n();
  const [summary, setSummary] = useState<ProjectSummaryTable | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetch(dataBaseUrl + DATA_FILES.projectSummary)
      .then((r) => (r.ok ? (r.json() as Promise<ProjectSummaryTable>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(setSummary, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [dataBaseUrl]);

  const check = useMemo(() => (summary ? checkProjectData(projects, summary) : null), [projects, summary]);

  return (
    <Dialog title={t('check.title')} closeLabel={t('check.close')} onClose={onClose} testId="data-check">
      <p>{t('check.intro')}</p>
      {error && <p className="error-list">{error}</p>}
      {!check && !error && <p className="muted">{t('check.loading')}</p>}
      {check && (
        <>
          <table>
            <thead>
              <tr>
                <th rowSpan={2}>{t('col.category')}</th>
                <th colSpan={2} className="num">
                  {t('col.count')}
                </th>
                <th colSpan={2} className="num">
                  {t('col.investmentTotal')}
                </th>
                <th colSpan={2} className="num">
                  {t('col.investmentPlan')}
                </th>
              </tr>
              <tr>
                {[0, 1, 2].flatMap((i) => [
                  <th key={`c${i}`} className="num">
                    {t('check.computed')}
                  </th>,
                  <th key={`s${i}`} className="num">
                    {t('check.summary')}
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {check.categories.map((row) => (
                <tr key={row.category}>
                  <td>{t(`projectCategory.${row.category}`)}</td>
                  <FigureCells checks={row} testId={`check-${row.category}`} />
                </tr>
              ))}
              <tr>
                <th>{t('check.grandTotal')}</th>
                <FigureCells checks={check.total} testId="check-total" />
              </tr>
            </tbody>
          </table>
          <h3>{t('check.issues', { count: check.issues.length })}</h3>
          <ol data-testid="check-issues">
            {check.issues.map((issue, i) => (
              <li key={i}>
                {issue.seqs.length > 0 && (
                  <span className="muted">{t('check.seqs', { seqs: issue.seqs.join('、') })} · </span>
                )}
                {tMessage(issue.message)}
              </li>
            ))}
          </ol>
        </>
      )}
    </Dialog>
  );
}
