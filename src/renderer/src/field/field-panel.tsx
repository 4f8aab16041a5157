import { useState, type ReactNode } from 'react';
import { FIELD_STATUSES, type FieldStatus } from '../../../shared/field';
import { useI18n } from '../i18n/i18n-context';
import { FIELD_STATUS_COLORS } from '../map/field-layers';
import type { FieldState } from './field-store';

/** The 实地 tab: who is recording, how to add a point, undo/redo, the list, and exchange. */
export function FieldPanel({
  field,
  placing,
  locating,
  selectedId,
  onPlace,
  onLocate,
  onSelect,
  exchange,
}: {
  field: FieldState;
  placing: boolean;
  locating: boolean;
  selectedId: string | null;
  onPlace: () => void;
  onLocate: () => void;
  onSelect: (id: string) => void;
  exchange: ReactNode;
}) {
  const { t } = useI18n();
  const [authorDraft, setAuthorDraft] = useState<string | null>(null);
  const [statusFilter, setStatusFilter] = useState<FieldStatus | 'all'>('all');
  if (!field.available) return <p className="warning">{t('field.noDb')}</p>;

  const shown = field.snapshot.annotations.filter((a) => statusFilter === 'all' || a.body.status === statusFilter);
  const authorValue = authorDraft ?? field.author;
  const noAuthor = field.author.trim() === '';

  return (
    <div className="field-panel" data-testid="field-panel">
      <label className="field-row">
        <span>{t('field.author')}</span>
        <input
          value={authorValue}
          placeholder={t('field.authorPlaceholder')}
          onChange={(e) => setAuthorDraft(e.target.value)}
          onBlur={() => {
            if (authorDraft !== null) void field.setAuthor(authorDraft.trim());
            setAuthorDraft(null);
          }}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
          data-testid="field-author"
        />
      </label>
      {noAuthor && <p className="muted">{t('field.authorNeeded')}</p>}
      <div className="button-row">
        <button type="button" onClick={onPlace} disabled={noAuthor || placing} data-testid="field-add-map">
          {placing ? t('field.placing') : t('field.addOnMap')}
        </button>
        <button type="button" onClick={onLocate} disabled={noAuthor || locating} data-testid="field-add-device">
          {locating ? t('field.locating') : t('field.addAtDevice')}
        </button>
      </div>
      <div className="button-row">
        <button
          type="button"
          onClick={() => void field.undo()}
          disabled={!field.nextUndo}
          title={field.nextUndo ? t('field.undoWhat', { what: field.nextUndo.label }) : undefined}
          data-testid="field-undo"
        >
          {t('field.undo')}
        </button>
        <button
          type="button"
          onClick={() => void field.redo()}
          disabled={!field.nextRedo}
          title={field.nextRedo ? t('field.redoWhat', { what: field.nextRedo.label }) : undefined}
          data-testid="field-redo"
        >
          {t('field.redo')}
        </button>
        {field.nextUndo && <span className="muted">{t('field.undoWhat', { what: field.nextUndo.label })}</span>}
      </div>

      <h3>
        {t('field.listTitle')} <span className="muted">({field.snapshot.annotations.length})</span>
      </h3>
      <select
        value={statusFilter}
        onChange={(e) => setStatusFilter(e.target.value as FieldStatus | 'all')}
        aria-label={t('field.statusFilter')}
      >
        <option value="all">{t('field.allStatuses')}</option>
        {FIELD_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`fieldStatus.${s}`)}
          </option>
        ))}
      </select>
      {shown.length === 0 ? (
        <p className="muted">{t('field.none')}</p>
      ) : (
        <ul className="field-list" data-testid="field-list">
          {shown.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className={a.id === selectedId ? 'field-item active' : 'field-item'}
                onClick={() => onSelect(a.id)}
                data-testid="field-item"
              >
                <span className="dot" style={{ background: FIELD_STATUS_COLORS[a.body.status] }} aria-hidden="true" />
                <span className="field-item-title">{a.body.title}</span>
                <span className="muted">
                  {t(`fieldStatus.${a.body.status}`)}
                  {field.photoCounts.get(a.id)
                    ? ` · ${t('field.photoCount', { n: field.photoCounts.get(a.id)! })}`
                    : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {exchange}
    </div>
  );
}
