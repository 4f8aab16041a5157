import { useEffect, useState } from 'react';
import type { MergeConflict } from '../../../core/field/merge';
import { PackageError, packageErrorMessage } from '../../../core/field/package-error';
import { EXPORT_FORMAT_IDS, exportFormat, writeExport, type ExportFormatId } from '../../../core/export/export-formats';
import {
  createBackup,
  exportChanges,
  importChanges,
  resolveConflicts,
  restoreBackup,
  type PackageOrigin,
} from '../db/package-store';
import type { OutuDb } from '../db/outu-db';
import { loadLastFieldExport, saveLastFieldExport } from '../db/settings-store';
import { useI18n } from '../i18n/i18n-context';
import type { Platform } from '../platform/platform';
import { exportFileTexts } from '../export/export-file-texts';
import { errorReason } from '../ui/busy-store';
import { useBusyAction } from '../ui/use-busy-action';
import { ConflictDialog } from './conflict-dialog';
import type { FieldState } from './field-store';

type ExchangeAction = 'export' | 'import' | 'annotations' | 'backup' | 'restore' | 'resolve';
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
  const { t, tMessage } = useI18n();
  const [since, setSince] = useState('');
  const [everything, setEverything] = useState(true);
  const busy = useBusyAction<ExchangeAction>();
  const working = busy.action !== null;
  const [conflicts, setConflicts] = useState<MergeConflict[] | null>(null);
  const [appVersion, setAppVersion] = useState('');

  useEffect(() => {
    void platform.appInfo().then((info) => setAppVersion(info.version));
    void loadLastFieldExport(db).then((exportedAt) => {
      if (exportedAt !== null) {
        setSince(exportedAt.slice(0, 10));
        setEverything(false);
      }
    });
  }, [db, platform]);

  const origin = (): PackageOrigin => ({ author: field.author, appVersion, dataVersion });
  const explain = (error: unknown) =>
    error instanceof PackageError ? tMessage(packageErrorMessage(error)) : errorReason(error);

  /** Runs a task that resolves to its notice (null: none); a failure goes to the app's error banner. */
  const run = async (action: ExchangeAction, task: () => Promise<string | null>) => {
    const outcome = await busy.run(action, task, { done: (notice) => notice });
    delete document.documentElement.dataset.fieldWriting;
    if (outcome.kind === 'failed') onError(t('exchange.failed', { reason: explain(outcome.error) }));
  };

  const exportPackage = () =>
    run('export', async () => {
      const now = new Date().toISOString();
      const from = everything || !since ? null : new Date(`${since}T00:00:00`).toISOString();
      const { bytes, records } = await exportChanges(db, from, { ...origin(), now });
      const result = await platform.saveFile({
        title: t('exchange.export'),
        suggestedName: `outu-field-${field.author || 'anon'}-${stamp(now)}.zip`,
        filters: [{ name: t('exchange.packageFilter'), extensions: ['zip'] }],
        data: bytes,
      });
      if (!result.saved) return null;
      await saveLastFieldExport(db, now);
      return t('exchange.exported', { n: records, kb: Math.round(bytes.length / 1024) });
    });

  const importPackage = () =>
    run('import', async () => {
      const file = await platform.openFile({
        title: t('exchange.import'),
        filters: [{ name: t('exchange.packageFilter'), extensions: ['zip'] }],
      });
      if (!file) return null;
      const outcome = await importChanges(db, file.bytes, { author: field.author, onWriting: markWriting });
      await field.reload();
      if (outcome.conflicts.length) setConflicts(outcome.conflicts);
      return t('exchange.imported', {
        author: outcome.author,
        added: outcome.added,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        conflicts: outcome.conflicts.length,
      });
    });

  const exportAnnotations = (format: ExportFormatId) =>
    run('annotations', async () => {
      const { extension, mimeType } = exportFormat(format);
      await platform.saveFile({
        title: t('exchange.exportAnnotations'),
        suggestedName: `outu-annotations-${stamp(new Date().toISOString())}.${extension}`,
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
        data: writeExport(format, 'annotations', field.snapshot, { texts: exportFileTexts() }),
        mimeType,
      });
      return null;
    });

  const backup = () =>
    run('backup', async () => {
      const now = new Date().toISOString();
      const bytes = await createBackup(db, { ...origin(), now });
      const result = await platform.saveFile({
        title: t('backup.create'),
        suggestedName: `outu-backup-${stamp(now)}.zip`,
        filters: [{ name: t('exchange.packageFilter'), extensions: ['zip'] }],
        data: bytes,
      });
      return result.saved ? t('backup.created', { kb: Math.round(bytes.length / 1024) }) : null;
    });

  const restore = () =>
    run('restore', async () => {
      const file = await platform.openFile({
        title: t('backup.restore'),
        filters: [{ name: t('exchange.packageFilter'), extensions: ['zip'] }],
      });
      if (!file || !window.confirm(t('backup.confirmRestore'))) return null;
      await restoreBackup(db, file.bytes);
      // Settings, layers and catalogue all change: start the app again from the restored data.
      window.location.reload();
      return null;
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
        <button type="button" disabled={working} onClick={() => void exportPackage()} data-testid="exchange-export">
          {t('exchange.export')}
        </button>
        <button type="button" disabled={working} onClick={() => void importPackage()} data-testid="exchange-import">
          {t('exchange.import')}
        </button>
      </div>
      <div className="button-row">
        <span className="muted">{t('exchange.exportAnnotations')}</span>
        {EXPORT_FORMAT_IDS.map((format) => (
          <button
            key={format}
            type="button"
            disabled={working}
            onClick={() => void exportAnnotations(format)}
            data-testid={`annotations-export-${format}`}
          >
            {t(exportFormat(format).labelKey)}
          </button>
        ))}
      </div>
      <h3>{t('backup.title')}</h3>
      <div className="button-row">
        <button type="button" disabled={working} onClick={() => void backup()} data-testid="backup-create">
          {t('backup.create')}
        </button>
        <button type="button" disabled={working} onClick={() => void restore()} data-testid="backup-restore">
          {t('backup.restore')}
        </button>
      </div>
      <p className="muted">{t('backup.note')}</p>
      {busy.notice && (
        <p className="notice" role="status" data-testid="exchange-message">
          {busy.notice.text}
        </p>
      )}
      {conflicts && (
        <ConflictDialog
          conflicts={conflicts}
          onClose={() => setConflicts(null)}
          onApply={(choices) =>
            void run('resolve', async () => {
              const resolved = await resolveConflicts(db, conflicts, choices, {
                author: field.author,
                label: t('change.resolve'),
              });
              if (resolved.changed > 0) field.remember(resolved.txId, t('change.resolve'));
              setConflicts(null);
              await field.reload();
              return t('conflict.resolved', { n: choices.size });
            })
          }
        />
      )}
    </section>
  );
}
