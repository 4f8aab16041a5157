import { useStore } from 'zustand';
import { useI18n } from '../i18n/i18n-context';
import { useAppStores } from '../stores/app-stores';
import { ErrorBanner } from './overlay-bar';

/** Banners under the toolbar: no IndexedDB, the catalogue failed to load, the last error. */
export function AppBanners() {
  const { dbError, catalogue, ui } = useAppStores();
  const { t } = useI18n();
  const catalogueStatus = useStore(catalogue, (s) => s.status);
  const errorMessage = useStore(ui, (s) => s.errorMessage);
  return (
    <>
      {dbError && <div className="banner warning">{t('db.unavailable', { reason: dbError })}</div>}
      {catalogueStatus.status === 'error' && (
        <div className="banner error-banner" role="alert">
          {t('catalogue.loadError', { reason: catalogueStatus.reason })}
        </div>
      )}
      {errorMessage && <ErrorBanner message={errorMessage} onDismiss={() => ui.getState().showError(null)} />}
    </>
  );
}
