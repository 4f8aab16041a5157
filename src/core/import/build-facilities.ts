/**
 * Step 3 of a facility import: table + column mapping → facilities, all or nothing. A list with
 * one unreadable coordinate is not imported at all: a silently shorter list would understate
 * coverage, and the user can fix the named row and import again.
 */
import type { FeatureCollection } from 'geojson';
import type { CoordinateSystem, Facility, FacilityCapacity, FacilityCategory } from '../../shared/facilities';
import type { Message } from '../../shared/i18n/message';
import { createCountyLocator, type CountyLocator } from '../geo/county-locator';
import { readRow, type BuildContext, type RowError, type RowWarning } from './build-row';
import { detectFileHint } from './file-hint';
import type { ColumnMapping } from './guess-columns';
import { guessCategory, guessStatus } from './guess-values';
import type { ImportTable } from './import-table';
import { fileHintMessage, type FileHintCode, type RowErrorCode } from './messages';

export type { RowError, RowIssue, RowWarning } from './build-row';

export interface FileHint {
  code: FileHintCode;
  message: Message;
  /** Rows whose point is outside Wenzhou, of `pointRows` rows with numeric coordinates. */
  affectedRows: number;
  pointRows: number;
}

export type BuildResult =
  | { ok: true; facilities: Facility[]; warnings: RowWarning[] }
  /** With a hint, the per-row location errors it explains are left out of `errors`. */
  | { ok: false; errors: RowError[]; hint: FileHint | null; warnings: RowWarning[] };

export interface BuildInput {
  table: ImportTable;
  mapping: ColumnMapping;
  sourceCrs: CoordinateSystem;
  setId: string;
  /** counties.geojson (features with properties.adcode), or a locator built from it once. */
  counties: FeatureCollection | CountyLocator;
  /** Category when there is no category column or its cell is blank (e.g. a list of clinics). */
  defaultCategory?: FacilityCategory;
}

const CAPACITY_FIELDS = ['beds', 'seats', 'places', 'areaM2'] as const satisfies readonly (keyof FacilityCapacity)[];
const LOCATION_ERRORS = new Set<RowErrorCode>(['out-of-range', 'outside-wenzhou']);

function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) cache.set(text, (value = fn(text)));
    return value;
  };
}

function columnIndex(table: ImportTable, column: string | undefined): number {
  if (column === undefined) return -1;
  const index = table.columns.indexOf(column);
  // A mapping is always built from this table's columns; anything else is a caller bug.
  if (index < 0) throw new Error(`column mapping names "${column}", which is not a column of the table`);
  return index;
}

export function buildFacilities(input: BuildInput): BuildResult {
  const { table, mapping, sourceCrs, setId } = input;
  const locate = typeof input.counties === 'function' ? input.counties : createCountyLocator(input.counties);
  const col = {
    name: columnIndex(table, mapping.name),
    lon: columnIndex(table, mapping.lon),
    lat: columnIndex(table, mapping.lat),
    category: columnIndex(table, mapping.category),
    status: columnIndex(table, mapping.status),
    address: columnIndex(table, mapping.address),
    id: columnIndex(table, mapping.id),
  };
  const capacityColumns = CAPACITY_FIELDS.map((field) => [field, columnIndex(table, mapping[field])] as const).filter(
    ([, index]) => index >= 0,
  );
  const mapped = new Set([...Object.values(col), ...capacityColumns.map(([, i]) => i)]);
  const extraColumns = table.columns
    .map((name, index) => [name, index] as const)
    .filter(
      ([name, index]) => !mapped.has(index) && name !== table.geometry?.lonColumn && name !== table.geometry?.latColumn,
    );

  const ctx: BuildContext = {
    table,
    setId,
    sourceCrs,
    locate,
    col,
    capacityColumns,
    extraColumns,
    errors: [],
    warnings: [],
    numericPoints: [],
    keysSeen: new Map(),
    // Category and status columns repeat a handful of values; guess each distinct text once.
    category: memo((text) => guessCategory(text, input.defaultCategory ?? 'other')),
    status: memo(guessStatus),
  };
  const facilities: Facility[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const facility = readRow(ctx, i);
    // Once any row has failed nothing will be imported; keep scanning only to report every error.
    if (facility && ctx.errors.length === 0) facilities.push(facility);
  }
  const { errors, warnings, numericPoints } = ctx;

  if (errors.length === 0) return { ok: true, facilities, warnings };
  const hintCode = detectFileHint(numericPoints, sourceCrs);
  if (!hintCode) return { ok: false, errors, hint: null, warnings };
  const locationErrors = errors.filter((e) => LOCATION_ERRORS.has(e.code));
  return {
    ok: false,
    errors: errors.filter((e) => !LOCATION_ERRORS.has(e.code)),
    hint: {
      code: hintCode,
      message: fileHintMessage(hintCode),
      affectedRows: new Set(locationErrors.map((e) => e.dataRow)).size,
      pointRows: numericPoints.length,
    },
    warnings,
  };
}
