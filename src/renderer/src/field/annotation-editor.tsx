import { useEffect, useRef, useState } from 'react';
import { distance as turfDistance } from '@turf/turf';
import { FACILITY_CATEGORIES } from '../../../shared/facilities';
import { FIELD_STATUSES, type AnnotationBody, type FieldRecordOf } from '../../../shared/field';
import { PhotoError } from '../../../core/field/photo-metadata';
import type { OutuDb } from '../db/outu-db';
import { useI18n } from '../i18n/i18n-context';
import { PhotoGallery } from './photo-gallery';
import type { FieldState } from './field-store';

/** Edits one annotation: text fields save together, photos and position save at once (all undoable). */
export function AnnotationEditor({
  db,
  field,
  annotation,
  attachedName,
  onClose,
  onZoom,
  onMessage,
}: {
  db: OutuDb | null;
  field: FieldState;
  annotation: FieldRecordOf<'annotation'>;
  attachedName: string | null;
  onClose: () => void;
  onZoom: () => void;
  onMessage: (message: string) => void;
}) {
  const { t, tMessage } = useI18n();
  const [draft, setDraft] = useState<AnnotationBody>(annotation.body);
  const photoInput = useRef<HTMLInputElement>(null);
  // A new revision (undo, move, merge) replaces the draft; typing in progress is on the same rev.
  useEffect(() => setDraft(annotation.body), [annotation.rev, annotation.body]);

  const photos = field.snapshot.photos.filter((p) => p.body.annotationId === annotation.id);
  const dirty = JSON.stringify(draft) !== JSON.stringify(annotation.body);
  const b = annotation.body;
  const exifOffer = photos.find(
    (p) =>
      p.body.exifLon !== null &&
      p.body.exifLat !== null &&
      turfDistance([p.body.exifLon, p.body.exifLat], [b.lon, b.lat], { units: 'meters' }) > 5,
  );

  const save = () => void field.updateAnnotation(annotation.id, draft, t('change.editAnnotation'));
  const applyPosition = (lon: number, lat: number) =>
    void field.updateAnnotation(
      annotation.id,
      { ...b, lon, lat, accuracyM: null, positionSource: 'photo' },
      t('change.moveAnnotation'),
    );

  const addPhotos = async (files: File[]) => {
    const failures = await field.addPhotos(annotation.id, files, t('change.addPhotos', { n: files.length }));
    if (failures.length)
      onMessage(
        failures
          .map(({ name, error }) =>
            t('photo.rejected', {
              name,
              reason: error instanceof PhotoError ? tMessage(error.reason) : String(error),
            }),
          )
          .join(' '),
      );
  };

  return (
    <aside className="panel detail-panel" data-testid="annotation-editor" aria-label={t('field.annotation')}>
      <header className="panel-header">
        <span className="badge">{t('field.annotation')}</span>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('detail.close')}>
          ×
        </button>
      </header>
      <label className="field-row">
        <span>{t('field.title')}</span>
        <input
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          data-testid="annotation-title"
        />
      </label>
      <label className="field-row">
        <span>{t('col.status')}</span>
        <select
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value as AnnotationBody['status'] })}
          data-testid="annotation-status"
        >
          {FIELD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`fieldStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-row">
        <span>{t('col.category')}</span>
        <select
          value={draft.category}
          onChange={(e) => setDraft({ ...draft, category: e.target.value as AnnotationBody['category'] })}
          data-testid="annotation-category"
        >
          {FACILITY_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`facilityCategory.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-row stacked">
        <span>{t('field.note')}</span>
        <textarea
          rows={4}
          value={draft.note}
          onChange={(e) => setDraft({ ...draft, note: e.target.value })}
          data-testid="annotation-note"
        />
      </label>
      <div className="button-row">
        <button type="button" onClick={save} disabled={!dirty} data-testid="annotation-save">
          {t('field.save')}
        </button>
        {dirty && (
          <button type="button" onClick={() => setDraft(b)}>
            {t('field.discard')}
          </button>
        )}
      </div>

      <dl className="attributes">
        <dt>{t('col.lonlat')}</dt>
        <dd data-testid="annotation-position">{`${b.lon.toFixed(6)}, ${b.lat.toFixed(6)}`}</dd>
        <dt>{t('field.positionSource')}</dt>
        <dd>
          {t(`positionSource.${b.positionSource}`)}
          {b.accuracyM !== null ? ` · ±${Math.round(b.accuracyM)} m` : ''}
        </dd>
        {attachedName && (
          <>
            <dt>{t('field.attachedTo')}</dt>
            <dd>{attachedName}</dd>
          </>
        )}
        <dt>{t('field.recordedBy')}</dt>
        <dd>
          {annotation.createdBy} · {annotation.createdAt.slice(0, 16).replace('T', ' ')}
        </dd>
        <dt>{t('field.updated')}</dt>
        <dd>
          {annotation.updatedBy} · {annotation.updatedAt.slice(0, 16).replace('T', ' ')}
        </dd>
      </dl>
      <p className="muted">{t('field.dragHint')}</p>

      <h3>{t('field.photos')}</h3>
      <PhotoGallery
        db={db}
        photos={photos}
        onUsePosition={applyPosition}
        onDelete={(photo) => void field.deletePhoto(photo, t('change.deletePhoto'))}
      />
      {exifOffer && (
        <p className="notice" data-testid="exif-offer">
          {t('photo.exifOffer', {
            name: exifOffer.body.name,
            m: Math.round(
              turfDistance([exifOffer.body.exifLon!, exifOffer.body.exifLat!], [b.lon, b.lat], { units: 'meters' }),
            ),
          })}{' '}
          <button
            type="button"
            onClick={() => applyPosition(exifOffer.body.exifLon!, exifOffer.body.exifLat!)}
            data-testid="exif-use"
          >
            {t('photo.usePosition')}
          </button>
        </p>
      )}
      <input
        ref={photoInput}
        type="file"
        accept="image/*"
        multiple
        hidden
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void addPhotos(files);
        }}
        data-testid="photo-input"
      />
      <div className="button-row">
        <button type="button" onClick={() => photoInput.current?.click()} data-testid="photo-add">
          {t('photo.add')}
        </button>
        <button type="button" onClick={onZoom}>
          {t('detail.zoom')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(t('field.confirmDelete', { title: b.title })))
              void field.deleteAnnotation(annotation.id, t('change.deleteAnnotation')).then(onClose);
          }}
          data-testid="annotation-delete"
        >
          {t('field.delete')}
        </button>
      </div>
    </aside>
  );
}
