import { useEffect, useRef, useState } from 'react';
import type { DataManifest, DataSourceAttribution } from '../../../shared/data-contract';
import type { AppInfo } from '../../../shared/ipc';
import { useI18n } from '../i18n/i18n-context';
import type { Platform } from '../platform/platform';

interface AboutDialogProps {
  open: boolean;
  onClose: () => void;
  platform: Platform;
  manifest: DataManifest | null;
  sources: DataSourceAttribution[];
}

export function AboutDialog({ open, onClose, platform, manifest, sources }: AboutDialogProps) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (open && !info) void platform.appInfo().then(setInfo);
  }, [open, info, platform]);

  const runtime = info?.electron
    ? `Electron ${info.electron} · Chromium ${info.chrome}`
    : `${t('about.browserRuntime')} ${info?.chrome ?? ''}`;
  return (
    <dialog
      ref={dialogRef}
      className="about-dialog"
      onClose={onClose}
      aria-labelledby="about-title"
      data-testid="about-dialog"
    >
      <header className="panel-header">
        <h2 id="about-title">{t('about.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('about.close')}>
          ×
        </button>
      </header>
      <p>{t('about.purpose')}</p>
      <p className="muted">
        {t('about.version', { version: info?.version ?? '…' })} · {t('about.runtime', { runtime })}
        {manifest && <> · {t('about.dataVersion', { version: manifest.dataVersion })}</>}
      </p>
      <h3>{t('about.sources')}</h3>
      <p className="warning">{t('about.noLicenceWarning')}</p>
      <ul className="source-list">
        {sources.map((source) => (
          <li key={source.id} data-source-id={source.id}>
            <h4>{source.title}</h4>
            <dl>
              <dt>{t('about.licence')}</dt>
              <dd>{source.licence}</dd>
              <dt>{t('about.origin')}</dt>
              <dd>{source.origin}</dd>
              {source.caveats && (
                <>
                  <dt>{t('about.caveats')}</dt>
                  <dd>{source.caveats}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </dialog>
  );
}
