import { useState } from 'react';
import { FIELD_STATUSES, type FieldRecordOf, type ProgressBody } from '../../../shared/field';
import type { PositionCorrection } from '../../../core/projects/apply-positions';
import { useI18n } from '../i18n/i18n-context';
import type { FieldState } from './field-store';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Field work on one project, inside its detail panel: progress history (newest first) with a form
 * to add an entry, and the position correction (who moved it, when, and from where).
 */
export function ProjectFieldSection({
  field,
  projectSeq,
  correction,
  hasPoint,
  correcting,
  onStartCorrecting,
  onSaveCorrection,
  onCancelCorrection,
}: {
  field: FieldState;
  projectSeq: number;
  correction: PositionCorrection | undefined;
  hasPoint: boolean;
  correcting: boolean;
  onStartCorrecting: () => void;
  onSaveCorrection: () => void;
  onCancelCorrection: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Omit<ProgressBody, 'projectSeq'>>({
    status: 'under-construction',
    percent: 0,
    date: today(),
    note: '',
  });
  if (!field.available) return null;
  const history = field.snapshot.progress.filter((p) => p.body.projectSeq === projectSeq);
  const noAuthor = field.author.trim() === '';
  const percentValid = Number.isFinite(draft.percent) && draft.percent >= 0 && draft.percent <= 100;

  const add = async () => {
    await field.addProgress({ ...draft, projectSeq }, t('change.addProgress'));
    setDraft({ ...draft, note: '' });
  };

  return (
    <section className="project-field" data-testid="project-field">
      <h3>{t('progress.title')}</h3>
      {history.length === 0 ? (
        <p className="muted">{t('progress.none')}</p>
      ) : (
        <ol className="progress-history" data-testid="progress-history">
          {history.map((entry: FieldRecordOf<'progress'>) => (
            <li key={entry.id}>
              <strong>{entry.body.date}</strong> {t(`fieldStatus.${entry.body.status}`)} · {entry.body.percent}%
              {entry.body.note && <div>{entry.body.note}</div>}
              <div className="muted">
                {entry.createdBy}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void field.deleteProgress(entry, t('change.deleteProgress'))}
                >
                  {t('progress.delete')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {noAuthor ? (
        <p className="muted">{t('field.authorNeeded')}</p>
      ) : (
        <div className="progress-form">
          <select
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.target.value as ProgressBody['status'] })}
            aria-label={t('col.status')}
            data-testid="progress-status"
          >
            {FIELD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`fieldStatus.${s}`)}
              </option>
            ))}
          </select>
          <label>
            <input
              type="number"
              min={0}
              max={100}
              value={draft.percent}
              onChange={(e) => setDraft({ ...draft, percent: Number(e.target.value) })}
              data-testid="progress-percent"
            />
            %
          </label>
          <input
            type="date"
            value={draft.date}
            onChange={(e) => setDraft({ ...draft, date: e.target.value })}
            aria-label={t('progress.date')}
            data-testid="progress-date"
          />
          <input
            value={draft.note}
            placeholder={t('field.note')}
            onChange={(e) => setDraft({ ...draft, note: e.target.value })}
            data-testid="progress-note"
          />
          <button
            type="button"
            onClick={() => void add()}
            disabled={!percentValid || !/^\d{4}-\d{2}-\d{2}$/.test(draft.date)}
            data-testid="progress-add"
          >
            {t('progress.add')}
          </button>
        </div>
      )}

      <h3>{t('position.title')}</h3>
      {correction && (
        <p data-testid="position-correction">
          {t('position.corrected', {
            by: correction.by,
            at: correction.at.slice(0, 16).replace('T', ' '),
            precision: t(`precision.${correction.original.geocodePrecision}`),
            original:
              correction.original.lon !== null && correction.original.lat !== null
                ? `${correction.original.lon.toFixed(5)}, ${correction.original.lat.toFixed(5)}`
                : '—',
          })}
        </p>
      )}
      {correcting ? (
        <div className="button-row">
          <span className="muted">{t('position.dragHint')}</span>
          <button type="button" onClick={onSaveCorrection} data-testid="position-save">
            {t('position.save')}
          </button>
          <button type="button" onClick={onCancelCorrection}>
            {t('position.cancel')}
          </button>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" onClick={onStartCorrecting} disabled={noAuthor} data-testid="position-start">
            {hasPoint ? t('position.correct') : t('position.place')}
          </button>
          {correction && (
            <button
              type="button"
              onClick={() => void field.resetPosition(projectSeq, t('change.resetPosition'))}
              data-testid="position-reset"
            >
              {t('position.reset')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
