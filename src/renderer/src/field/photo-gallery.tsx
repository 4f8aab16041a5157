import { useState } from 'react';
import type { FieldRecordOf } from '../../../shared/field';
import type { OutuDb } from '../db/outu-db';
import { useI18n } from '../i18n/i18n-context';
import { Dialog } from '../ui/dialog';
import { useBlobUrl } from './use-blob-url';

function Thumb({ db, photo, onOpen }: { db: OutuDb | null; photo: FieldRecordOf<'photo'>; onOpen: () => void }) {
  const url = useBlobUrl(db, photo.body.thumbSha256 ?? photo.body.sha256);
  return (
    <button type="button" className="photo-thumb" onClick={onOpen} title={photo.body.name} data-testid="photo-thumb">
      {url ? <img src={url} alt={photo.body.name} data-sha256={photo.body.sha256} /> : <span>{photo.body.name}</span>}
    </button>
  );
}

function PhotoView({
  db,
  photo,
  onUsePosition,
  onDelete,
  onClose,
}: {
  db: OutuDb | null;
  photo: FieldRecordOf<'photo'>;
  onUsePosition?: () => void;
  onDelete: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const url = useBlobUrl(db, photo.body.sha256);
  const b = photo.body;
  return (
    <Dialog title={b.name} closeLabel={t('dialog.close')} onClose={onClose} testId="photo-view" wide>
      {url && <img className="photo-full" src={url} alt={b.name} />}
      <dl className="attributes">
        <dt>{t('photo.takenAt')}</dt>
        <dd>{b.takenAt ?? '—'}</dd>
        <dt>{t('photo.exifPosition')}</dt>
        <dd>{b.exifLon !== null && b.exifLat !== null ? `${b.exifLon.toFixed(6)}, ${b.exifLat.toFixed(6)}` : '—'}</dd>
        <dt>{t('photo.size')}</dt>
        <dd>
          {b.width && b.height ? `${b.width}×${b.height} · ` : ''}
          {(b.size / 1024).toFixed(0)} KB
        </dd>
        <dt>{t('photo.addedBy')}</dt>
        <dd>
          {photo.createdBy} · {photo.createdAt.slice(0, 16).replace('T', ' ')}
        </dd>
      </dl>
      <div className="button-row">
        {onUsePosition && (
          <button type="button" onClick={onUsePosition} data-testid="photo-use-position">
            {t('photo.usePosition')}
          </button>
        )}
        <button type="button" className="danger" onClick={onDelete} data-testid="photo-delete">
          {t('photo.delete')}
        </button>
      </div>
    </Dialog>
  );
}

/** Thumbnails of an annotation's photos; a click opens the photo with its EXIF facts. */
export function PhotoGallery({
  db,
  photos,
  onUsePosition,
  onDelete,
}: {
  db: OutuDb | null;
  photos: FieldRecordOf<'photo'>[];
  onUsePosition: (lon: number, lat: number) => void;
  onDelete: (photo: FieldRecordOf<'photo'>) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const openPhoto = photos.find((p) => p.id === open);
  return (
    <>
      <div className="photo-gallery" data-testid="photo-gallery">
        {photos.map((p) => (
          <Thumb key={p.id} db={db} photo={p} onOpen={() => setOpen(p.id)} />
        ))}
      </div>
      {openPhoto && (
        <PhotoView
          db={db}
          photo={openPhoto}
          onClose={() => setOpen(null)}
          onDelete={() => {
            setOpen(null);
            onDelete(openPhoto);
          }}
          {...(openPhoto.body.exifLon !== null && openPhoto.body.exifLat !== null
            ? {
                onUsePosition: () => {
                  setOpen(null);
                  onUsePosition(openPhoto.body.exifLon!, openPhoto.body.exifLat!);
                },
              }
            : {})}
        />
      )}
    </>
  );
}
