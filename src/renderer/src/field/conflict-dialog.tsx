import { useState } from 'react';
import { fieldBodyDiff, type MergeConflict } from '../../../core/field/merge';
import { fieldRecordKey, type FieldRecord, type FieldStatus } from '../../../shared/field';
import { useI18n } from '../i18n/i18n-context';
import type { Translate } from '../i18n/translate';
import { Dialog } from '../ui/dialog';

export type ConflictChoice = 'local' | 'incoming';

function recordTitle(record: FieldRecord, t: Translate): string {
  switch (record.kind) {
    case 'annotation':
      return record.body.title;
    case 'photo':
      return record.body.name;
    case 'progress':
      return t('conflict.progressOf', { seq: record.body.projectSeq, date: record.body.date });
    case 'position':
      return t('conflict.positionOf', { seq: record.body.projectSeq });
  }
}

const BODY_FIELDS = [
  'title',
  'note',
  'status',
  'category',
  'lon',
  'lat',
  'accuracyM',
  'positionSource',
  'attachedTo',
  'annotationId',
  'name',
  'mimeType',
  'size',
  'sha256',
  'thumbSha256',
  'width',
  'height',
  'takenAt',
  'exifLon',
  'exifLat',
  'projectSeq',
  'percent',
  'date',
  'original',
] as const;
type BodyField = (typeof BODY_FIELDS)[number];
const isBodyField = (name: string): name is BodyField => (BODY_FIELDS as readonly string[]).includes(name);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(6);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function Side({ record, fields, label }: { record: FieldRecord; fields: string[]; label: string }) {
  const { t } = useI18n();
  const body = record.body as unknown as Record<string, unknown>;
  return (
    <div className="conflict-side">
      <h4>{label}</h4>
      <p className="muted">
        {record.updatedBy} · {record.updatedAt.slice(0, 16).replace('T', ' ')}
      </p>
      {record.deleted ? (
        <p className="warning">{t('conflict.deleted')}</p>
      ) : (
        <dl className="attributes">
          {fields.map((f) => (
            <div key={f} className="conflict-field">
              <dt>{isBodyField(f) ? t(`bodyField.${f}`) : f}</dt>
              <dd>{f === 'status' ? t(`fieldStatus.${body[f] as FieldStatus}`) : show(body[f])}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/**
 * Records both sides changed: each shown side by side (only the fields that differ), the user
 * picks which version wins. Nothing is written until they apply.
 */
export function ConflictDialog({
  conflicts,
  onApply,
  onClose,
}: {
  conflicts: MergeConflict[];
  onApply: (choices: Map<string, ConflictChoice>) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [choices, setChoices] = useState(() => new Map<string, ConflictChoice>());
  const allChosen = conflicts.every((c) => choices.has(fieldRecordKey(c.local)));
  const choose = (key: string, choice: ConflictChoice) => setChoices((prev) => new Map(prev).set(key, choice));

  return (
    <Dialog
      title={t('conflict.title', { n: conflicts.length })}
      closeLabel={t('dialog.close')}
      onClose={onClose}
      testId="conflict-dialog"
      wide
    >
      <p>{t('conflict.intro')}</p>
      {conflicts.map(({ local, incoming }) => {
        const key = fieldRecordKey(local);
        const diff = fieldBodyDiff(local.body, incoming.body);
        const fields = diff.length ? diff : Object.keys(local.body);
        return (
          <section key={key} className="conflict" data-testid="conflict">
            <h3>
              {t(`recordKind.${local.kind}`)} · {recordTitle(local, t)}
            </h3>
            <div className="conflict-sides">
              <label className={choices.get(key) === 'local' ? 'chosen' : undefined}>
                <input
                  type="radio"
                  name={key}
                  checked={choices.get(key) === 'local'}
                  onChange={() => choose(key, 'local')}
                  data-testid="conflict-keep-local"
                />
                <Side record={local} fields={fields} label={t('conflict.mine')} />
              </label>
              <label className={choices.get(key) === 'incoming' ? 'chosen' : undefined}>
                <input
                  type="radio"
                  name={key}
                  checked={choices.get(key) === 'incoming'}
                  onChange={() => choose(key, 'incoming')}
                  data-testid="conflict-take-incoming"
                />
                <Side record={incoming} fields={fields} label={t('conflict.theirs')} />
              </label>
            </div>
          </section>
        );
      })}
      <div className="button-row">
        <button type="button" disabled={!allChosen} onClick={() => onApply(choices)} data-testid="conflict-apply">
          {t('conflict.apply')}
        </button>
        <button type="button" onClick={onClose}>
          {t('conflict.later')}
        </button>
      </div>
    </Dialog>
  );
}
