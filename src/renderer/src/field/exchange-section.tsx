import { useEffect, useState } from 'react';
import type { MergeConflict } from '../../../core/field/merge';
import { PackageError, packageErrorMessage } from '../../../core/field/package-error';
import { annotationsToCsv, annotationsToGeoJson, annotationsToKml } from '../../../core/field/annotation-export';
import {
  createBackup,
  exportChanges,
  importChanges,
  resolveConflicts,
  restoreBackup,
  type PackageOrigin,
} from '../db/package-store';
import type { OutuDb } from '../db/outu-db';
import { useI18n } from '../i18n/i18n-context';
import type { Platform } from '../platform/platform';
import { ConflictDialog } from './conflict-dialog';
import type { FieldState } from './field-store';

const LAST_EXPORT_KEY = 'fieldLastExport';
const stamp = (iso: string) => iso.slice(0, 16).replace(/[-:T]/g, '');
/** Marks the document while a package write is in its transaction (durability tests watch it). */
const markWriting = () => (document.documentElement.dataset.fieldWriting = 'true');

/** Exchange packages, plain exports for other GIS tools, and backup/restore of the whole database. */
export function ExchangeSection({
  db,
  platform,
  field,
  dataVersion,
  onError,
}: {
  db: OutuDb;
  platform: Platform;
  field: FieldState;
  dataVersion: string;
  onError: (message: string) => void;
}) {
  const { t, language } = useI18n();
  const [since, setSince] = useState('');
  const [everything, setEverything] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<MergeConflict[] | null>(null);
  const [appVersion, setAppVersion] = useState('');

  useEffect(() => {
    void platform.appInfo().then((info) => setAppVersion(info.version));
    void db.settings.get(LAST_EXPORT_KEY).then((row) => {
      if (typeof row?.value === 'string') {
        setSince(row.value.slice(0, 10));
        setEverything(false);
      }
    });
  }, [db, platform]);

  const origin = (): PackageOrigin => ({ author: field.author, appVersion, dataVersion });
  const explain = (error: unknown) =>
    error instanceof PackageError
      ? packageErrorMessage(error, language)
      : error instanceof Error
        ? error.message
        : String(error);

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await task();
    } catch (error) {
      console.error(error);
      onError(t('exchange.failed', { reason: explain(error) }));
    } finally {
      setBusy(false);
      delete document.documentElement.dataset.fieldWriting;
    }
  };

  const exportPackage = () =>
    run(async () => {
      const now = new Date().toISOString();
      const from = everything || !since ? null : new Date(`${since}T00:00:00`).toISOString();
      const { bytes, records } = await exportChanges(db, from, { ...origin(), now });
      const result = await platform.saveFile({
        title: t('exchange.export'),
        suggestedName: `outu-field-${field.author || 'anon'}-${stamp(now)}.zip`,
        filters: [{ name: t('exchange.packageFilter'), extensions: ['zip'] }],
        data: bytes,
      });
      if (!result.saved) return;
      await db.settings.put({ key: LAST_EXPORT_KEY, value: now });
      setMessage(t('exchange.exported', { n: records, kb: Math.round(bytes.length / 1024) }));
    });

  const importPackage = () =>
    run(async () => {
      const file = await platform.openFile({
        title: t('exchange.import'),
        filters: [{ name: t('exchange.packageFilter'), extensions: ['zip'] }],
      });
      if (!file) return;
      const outcome = await importChanges(db, file.bytes, { author: field.author, onWriting: markWriting });
      await field.reload();
      setMessage(
        t('exchange.imported', {
          author: outcome.author,
          added: outcome.added,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
          conflicts: outcome.conflicts.length,
        }),
      );
      if (outcome.conflicts.length) setConflicts(outcome.conflicts);
    });

  const exportAnnotations = (format: 'geojson' | 'csv' | 'kml') =>
    run(async () => {
      const { annotations, photos } = field.snapshot;
      const data =
        format === 'geojson'
          ? JSON.stringify(annotationsToGeoJson(annotations, photos), null, 1)
          : format === 'csv'
            ? annotationsToCsv(annotations, photos)
            : annotationsToKml(annotations, photos);
      await platform.saveFile({
        title: t('exchange.exportAnnotations'),
        suggestedName: `outu-annotations-${stamp(new Date().toISOString())}.${format}`,
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
        data,
      });
    });

  const backup = () =>
    run(async () => {
      const now = new Date().toISOString();
      const bytes = await createBackup(db, { ...origin(), now });
      const result = await platform.saveFile({
        title: t('backup.create'),
        suggestedName: `outu-backup-${stamp(now)}.zip`,
        filters: [{ name: t('exchange.packageFilter'), extensions: ['zip'] }],
        data: bytes,
      });
      if (result.saved) setMessage(t('backup.created', { kb: Math.round(bytes.length / 1024) }));
    });

  const restore = () =>
    run(async () => {
      const file = await platform.openFile({
        title: t('backup.restore'),
        filters: [{ name: t('exchange.packageFilter'), extensions: ['zip'] }],
      });
      if (!file || !window.confirm(t('backup.confirmRestore'))) return;
      await restoreBackup(db, file.bytes);
      // Settings, layers and catalogue all change: start the app again from the restored data.
      window.location.reload();
    });

  return (
    <section className="exchange" data-testid="exchange">
      <h3>{t('exchange.title')}</h3>
      <label className="check">
        <input type="checkbox" checked={everything} onChange={(e) => setEverything(e.target.checked)} />
        {t('exchange.everything')}
      </label>
      {!everything && (
        <label className="field-row">
          <span>{t('exchange.since')}</span>
          <input type="date" value={since} onChange={(e) => setSince(e.target.value)} data-testid="exchange-since" />
        </label>
      )}
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void exportPackage()} data-testid="exchange-export">
          {t('exchange.export')}
        </button>
        <button type="button" disabled={busy} onClick={() => void importPackage()} data-testid="exchange-import">
          {t('exchange.import')}
        </button>
      </div>
      <div className="button-row">
        <span className="muted">{t('exchange.exportAnnotations')}</span>
        {(['geojson', 'csv', 'kml'] as const).map((format) => (
          <button
            key={format}
            type="button"
            disabled={busy}
            onClick={() => void exportAnnotations(format)}
            data-testid={`annotations-export-${format}`}
          >
            {format === 'geojson' ? 'GeoJSON' : format.toUpperCase()}
          </button>
        ))}
      </div>
      <h3>{t('backup.title')}</h3>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void backup()} data-testid="backup-create">
          {t('backup.create')}
        </button>
        <button type="button" disabled={busy} onClick={() => void restore()} data-testid="backup-restore">
          {t('backup.restore')}
        </button>
      </div>
      <p className="muted">{t('backup.note')}</p>
      {message && (
        <p className="notice" role="status" data-testid="exchange-message">
          {message}
        </p>
      )}
      {conflicts && (
        <ConflictDialog
          conflicts={conflicts}
          onClose={() => setConflicts(null)}
          onApply={(choices) =>
            void run(async () => {
              const resolved = await resolveConflicts(db, conflicts, choices, {
                author: field.author,
                label: t('change.resolve'),
              });
              if (resolved.changed > 0) field.remember(resolved.txId, t('change.resolve'));
              setConflicts(null);
              await field.reload();
              setMessage(t('conflict.resolved', { n: choices.size }));
            })
          }
        />
      )}
    </section>
  );
}
