import { useState } from 'react';
import type { BuildResult } from '../../../core/import/build-facilities';
import { guessColumns, MAPPABLE_FIELDS, REQUIRED_FIELDS, type ColumnMapping } from '../../../core/import/guess-columns';
import type { ImportTable } from '../../../core/import/import-table';
import { importSetIdentity } from '../../../core/import/sha256';
import {
  COORDINATE_SYSTEMS,
  FACILITY_CATEGORIES,
  type CoordinateSystem,
  type Facility,
  type FacilityCategory,
  type FacilitySet,
} from '../../../shared/facilities';
import { useI18n } from '../i18n/i18n-context';
import type { Platform } from '../platform/platform';
import { Dialog } from '../ui/dialog';
import { errorReason } from '../ui/busy-store';
import { useBusyAction } from '../ui/use-busy-action';
import { checkFacilities, parseFile } from './facility-import';

interface LoadedFile {
  name: string;
  bytes: Uint8Array;
  table: ImportTable;
  info: string;
  setId: string;
  sourceHash: string;
}

const MAX_LISTED_ERRORS = 200;
const PREVIEW_ROWS = 5;

/**
 * File → columns → coordinate system → check → import. Nothing is stored until the whole file
 * has passed the check, and then it is stored in one transaction.
 */
export function ImportDialog({
  platform,
  dataBaseUrl,
  existingSets,
  onImported,
  onClose,
}: {
  platform: Platform;
  dataBaseUrl: string;
  existingSets: readonly FacilitySet[];
  onImported: (set: FacilitySet, facilities: Facility[]) => Promise<void>;
  onClose: () => void;
}) {
  const { t, tMessage } = useI18n();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const busy = useBusyAction<'reading' | 'checking' | 'importing'>();
  const [readingName, setReadingName] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>({});
  const [crs, setCrs] = useState<CoordinateSystem>('wgs84');
  const [defaultCategory, setDefaultCategory] = useState<FacilityCategory>('other');
  const [setName, setSetName] = useState('');
  const [result, setResult] = useState<BuildResult | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const choose = async () => {
    const opened = await platform.openFile({
      title: t('import.title'),
      filters: [
        { name: 'CSV / Excel / GeoJSON / KML', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'geojson', 'json', 'kml'] },
      ],
    });
    if (!opened) return;
    setReadingName(opened.name);
    setFileError(null);
    setResult(null);
    setDone(null);
    const read = await busy.run('reading', async () => {
      const parsed = await parseFile(opened.name, opened.bytes);
      if (!parsed.ok) {
        setFile(null);
        setFileError(t('import.fileError', { name: opened.name, reason: tMessage(parsed.error.message) }));
        return;
      }
      const { setId, sourceHash } = await importSetIdentity(opened.bytes);
      const encoding = parsed.encoding ? ` · ${parsed.encoding}` : '';
      setFile({
        name: opened.name,
        bytes: opened.bytes,
        table: parsed.table,
        setId,
        sourceHash,
        info: t('import.fileInfo', {
          name: opened.name,
          rows: parsed.table.rows.length,
          columns: parsed.table.columns.length,
          format: parsed.format.toUpperCase(),
          encoding,
        }),
      });
      setMapping(guessColumns(parsed.table).mapping);
      setSetName(opened.name.replace(/\.[^.]+$/, ''));
    });
    if (read.kind === 'failed') {
      setFile(null);
      setFileError(t('import.fileError', { name: opened.name, reason: errorReason(read.error) }));
    }
  };

  const complete = REQUIRED_FIELDS.every((field) => mapping[field]) ? (mapping as ColumnMapping) : null;

  const check = async () => {
    if (!file || !complete) return;
    const checked = await busy.run('checking', () =>
      checkFacilities(dataBaseUrl, file.table, complete, crs, file.setId, defaultCategory),
    );
    if (checked.kind === 'done') setResult(checked.value);
    else if (checked.kind === 'failed')
      setFileError(t('import.fileError', { name: file.name, reason: errorReason(checked.error) }));
  };

  const save = async () => {
    if (!file || !result?.ok) return;
    const saved = await busy.run('importing', async () => {
      const set: FacilitySet = {
        id: file.setId,
        name: setName.trim() || file.name,
        kind: 'import',
        isSample: false,
        sourceFile: file.name,
        sourceHash: file.sourceHash,
        sourceCrs: crs,
        createdAt: new Date().toISOString(),
        count: result.facilities.length,
      };
      await onImported(set, result.facilities);
      setDone(t('import.done', { count: result.facilities.length }));
      setResult(null);
      setFile(null);
    });
    if (saved.kind === 'failed') setFileError(t('import.saveFailed', { reason: errorReason(saved.error) }));
  };

  const previous = file && existingSets.find((s) => s.sourceHash === file.sourceHash);
  const updateMapping = (field: (typeof MAPPABLE_FIELDS)[number], column: string) => {
    setResult(null);
    setMapping((prev) => {
      const next: Partial<ColumnMapping> = { ...prev };
      // One column feeds one field: taking it here frees it elsewhere.
      for (const key of MAPPABLE_FIELDS) if (next[key] === column) delete next[key];
      if (column) next[field] = column;
      else delete next[field];
      return next;
    });
  };

  return (
    <Dialog title={t('import.title')} closeLabel={t('import.close')} onClose={onClose} testId="import-dialog" wide>
      <p className="muted">{t('import.formats')}</p>
      <div className="button-row">
        <button type="button" onClick={() => void choose()} disabled={busy.action !== null} data-testid="import-choose">
          {t('import.chooseFile')}
        </button>
        {busy.action && (
          <span className="muted">
            {busy.action === 'reading' ? t('import.reading', { name: readingName }) : t(`import.${busy.action}`)}
          </span>
        )}
      </div>
      {fileError && (
        <p className="error-list" role="alert" data-testid="import-file-error">
          {fileError}
        </p>
      )}
      {done && (
        <p className="ok" role="status" data-testid="import-done">
          {done}
        </p>
      )}
      {file && (
        <>
          <p data-testid="import-file-info">{file.info}</p>
          {previous && <p className="warning">{t('import.replaceNote', { name: previous.name })}</p>}
          <h3>{t('import.mapping')}</h3>
          <p className="muted">{t('import.mappingHint')}</p>
          <div className="mapping-grid">
            {MAPPABLE_FIELDS.map((field) => (
              <label key={field} className="field">
                <span>
                  {t(`import.field.${field}`)}
                  {(REQUIRED_FIELDS as readonly string[]).includes(field) && ' *'}
                </span>
                <select
                  value={mapping[field] ?? ''}
                  onChange={(e) => updateMapping(field, e.target.value)}
                  data-testid={`map-${field}`}
                >
                  <option value="">{t('import.notMapped')}</option>
                  {file.table.columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <fieldset className="crs-choice">
            <legend>{t('import.crs')}</legend>
            {COORDINATE_SYSTEMS.map((system) => (
              <label key={system}>
                <input
                  type="radio"
                  name="crs"
                  value={system}
                  checked={crs === system}
                  onChange={() => {
                    setCrs(system);
                    setResult(null);
                  }}
                  data-testid={`crs-${system}`}
                />
                {t(`import.crs.${system}`)}
              </label>
            ))}
          </fieldset>
          <div className="mapping-grid">
            <label className="field">
              <span>{t('import.defaultCategory')}</span>
              <select value={defaultCategory} onChange={(e) => setDefaultCategory(e.target.value as FacilityCategory)}>
                {FACILITY_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`facilityCategory.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('import.setName')}</span>
              <input value={setName} onChange={(e) => setSetName(e.target.value)} data-testid="import-set-name" />
            </label>
          </div>
          <h3>{t('import.preview', { count: Math.min(PREVIEW_ROWS, file.table.rows.length) })}</h3>
          <div className="preview">
            <table>
              <thead>
                <tr>
                  {file.table.columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {file.table.rows.slice(0, PREVIEW_ROWS).map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="button-row">
            <button
              type="button"
              onClick={() => void check()}
              disabled={!complete || busy.action !== null}
              data-testid="import-check"
            >
              {t('import.validate')}
            </button>
            {result?.ok && (
              <button
                type="button"
                className="primary"
                onClick={() => void save()}
                disabled={busy.action !== null}
                data-testid="import-confirm"
              >
                {t('import.confirm', { count: result.facilities.length })}
              </button>
            )}
          </div>
          {result && <CheckResult result={result} />}
        </>
      )}
    </Dialog>
  );
}

function CheckResult({ result }: { result: BuildResult }) {
  const { t, tMessage } = useI18n();
  if (result.ok) {
    return (
      <div data-testid="import-ready">
        <p className="ok">{t('import.ready', { count: result.facilities.length })}</p>
        {result.warnings.length > 0 && (
          <details>
            <summary>{t('import.warnings', { count: result.warnings.length })}</summary>
            <ul>
              {result.warnings.slice(0, MAX_LISTED_ERRORS).map((w, i) => (
                <li key={i}>
                  {w.row} · {w.column} · {w.value} · {tMessage(w.message)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    );
  }
  return (
    <div className="error-list" role="alert" data-testid="import-errors">
      <p>{t('import.errors', { count: result.errors.length + (result.hint ? 1 : 0) })}</p>
      {result.hint && <p data-testid="import-hint">{tMessage(result.hint.message)}</p>}
      {result.errors.length > 0 && (
        <table>
          <thead>
            <tr>
              <th className="num">{t('import.errorRow')}</th>
              <th>{t('import.errorColumn')}</th>
              <th>{t('import.errorValue')}</th>
              <th>{t('import.errorReason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.slice(0, MAX_LISTED_ERRORS).map((e, i) => (
              <tr key={i} data-testid="import-error-row">
                <td className="num">{e.row}</td>
                <td>{e.column}</td>
                <td>{e.value}</td>
                <td>{tMessage(e.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.errors.length > MAX_LISTED_ERRORS && (
        <p>{t('import.moreErrors', { count: result.errors.length - MAX_LISTED_ERRORS })}</p>
      )}
    </div>
  );
}
