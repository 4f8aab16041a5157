import { useI18n } from '../i18n/i18n-context';
import { isNearWenzhou, type OpenedOverlay } from './open-geojson';

export function OverlayBar({ overlay, onClose }: { overlay: OpenedOverlay; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div className="overlay-bar" role="status" data-testid="overlay-bar">
      <strong>{t('overlay.title', { name: overlay.name })}</strong>
      <span>{t('overlay.count', { count: overlay.collection.features.length })}</span>
      <span className="muted">{t('overlay.sessionOnly')}</span>
      {!isNearWenzhou(overlay.bbox) && <span className="warning">{t('overlay.outsideHint')}</span>}
      <button
        type="button"
        className="icon-button"
        onClick={onClose}
        aria-label={t('overlay.close')}
        title={t('overlay.close')}
      >
        ×
      </button>
    </div>
  );
}

export function ErrorBanner({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <div className="banner error-banner" role="alert" data-testid="error-banner">
      <span>{message}</span>
      <button type="button" className="text-button" onClick={onDismiss}>
        {t('overlay.dismiss')}
      </button>
    </div>
  );
}
