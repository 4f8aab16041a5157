/**
 * One table row → a Facility, or row errors/warnings appended to the build context. Module-level
 * functions over a context object (not closures per row) keep 50,000 rows cheap.
 */
import type {
  CoordinateSystem,
  Facility,
  FacilityCapacity,
  FacilityCategory,
  FacilityStatus,
} from '../../shared/facilities';
import type { Message } from '../../shared/i18n/message';
import type { CountyLocator } from '../geo/county-locator';
import { inWenzhouBox } from '../geo/wenzhou-area';
import { toWgs84 } from './convert-crs';
import type { ValueGuess } from './guess-values';
import type { ImportTable } from './import-table';
import { rowErrorMessage, rowWarningMessage, type RowErrorCode, type RowWarningCode } from './messages';
import { parseCoordinate, parseQuantity } from './parse-number';
import { rowKey } from './row-key';

export interface RowIssue<C extends string> {
  /** Where the row is in the file, as the user sees it (CSV: line number; XLSX: Excel row; else feature number). */
  row: number;
  /** 1-based position among the data rows (header and blank lines excluded); = Facility.sourceRow. */
  dataRow: number;
  column: string;
  value: string;
  code: C;
  message: Message;
}
export type RowError = RowIssue<RowErrorCode>;
export type RowWarning = RowIssue<RowWarningCode>;

/** Column positions of the mapped fields; -1 when not mapped. */
export interface MappedColumns {
  name: number;
  lon: number;
  lat: number;
  category: number;
  status: number;
  address: number;
  id: number;
}

export interface BuildContext {
  table: ImportTable;
  setId: string;
  sourceCrs: CoordinateSystem;
  locate: CountyLocator;
  col: MappedColumns;
  capacityColumns: readonly (readonly [keyof FacilityCapacity, number])[];
  extraColumns: readonly (readonly [string, number])[];
  errors: RowError[];
  warnings: RowWarning[];
  /** Every row whose two coordinates are numbers, as read: input for the file-level hint. */
  numericPoints: [number, number][];
  keysSeen: Map<string, number>;
  category: (text: string) => ValueGuess<FacilityCategory>;
  status: (text: string) => ValueGuess<FacilityStatus>;
}

function cellOf(ctx: BuildContext, i: number, index: number): string {
  return index >= 0 ? (ctx.table.rows[i]?.[index] ?? '').trim() : '';
}

function issue<C extends string>(ctx: BuildContext, i: number, code: C, index: number, message: Message): RowIssue<C> {
  return {
    row: ctx.table.sourceRowNumbers[i] ?? i + 1,
    dataRow: i + 1,
    column: ctx.table.columns[index] ?? '',
    value: cellOf(ctx, i, index),
    code,
    message,
  };
}

function fail(ctx: BuildContext, i: number, code: RowErrorCode, index: number): void {
  ctx.errors.push(issue(ctx, i, code, index, rowErrorMessage(code)));
}

function warn(ctx: BuildContext, i: number, code: RowWarningCode, index: number): void {
  ctx.warnings.push(issue(ctx, i, code, index, rowWarningMessage(code)));
}

/** The row's point in WGS-84 inside Wenzhou, or null after recording why not. */
function readPoint(ctx: BuildContext, i: number): [number, number] | null {
  const { col } = ctx;
  const geometryIssue = ctx.table.geometry?.issues[i];
  if (geometryIssue) {
    fail(ctx, i, geometryIssue, col.lon);
    return null;
  }
  const lon = parseCoordinate(cellOf(ctx, i, col.lon));
  const lat = parseCoordinate(cellOf(ctx, i, col.lat));
  if (!lon.ok) fail(ctx, i, lon.code === 'empty' ? 'coordinate-required' : lon.code, col.lon);
  if (!lat.ok) fail(ctx, i, lat.code === 'empty' ? 'coordinate-required' : lat.code, col.lat);
  if (!lon.ok || !lat.ok) return null;
  ctx.numericPoints.push([lon.value, lat.value]);
  if (Math.abs(lon.value) > 180 || Math.abs(lat.value) > 90) {
    fail(ctx, i, 'out-of-range', Math.abs(lon.value) > 180 ? col.lon : col.lat);
    return null;
  }
  const converted = toWgs84([lon.value, lat.value], ctx.sourceCrs);
  if (inWenzhouBox(converted[0], converted[1])) return converted;
  // Name the coordinate that is off: if the longitude is within Wenzhou's range, it is the latitude.
  fail(ctx, i, 'outside-wenzhou', inWenzhouBox(converted[0], 28) ? col.lat : col.lon);
  return null;
}

function readCapacity(ctx: BuildContext, i: number): FacilityCapacity {
  const capacity: FacilityCapacity = {};
  for (const [field, index] of ctx.capacityColumns) {
    const parsed = parseQuantity(cellOf(ctx, i, index));
    if (parsed.ok) {
      if (parsed.value < 0) fail(ctx, i, 'negative-number', index);
      else capacity[field] = parsed.value;
    } else if (parsed.code !== 'empty') fail(ctx, i, 'not-a-number', index);
  }
  return capacity;
}

/** `${setId}:${ID column or row hash}`, with #2, #3… for repeats so ids stay unique and stable. */
function readKey(ctx: BuildContext, i: number): string {
  const idValue = cellOf(ctx, i, ctx.col.id);
  const key = idValue || rowKey(ctx.table.rows[i] ?? []);
  const seen = ctx.keysSeen.get(key) ?? 0;
  ctx.keysSeen.set(key, seen + 1);
  if (seen === 0) return `${ctx.setId}:${key}`;
  if (idValue) warn(ctx, i, 'duplicate-id', ctx.col.id);
  return `${ctx.setId}:${key}#${seen + 1}`;
}

/** Returns the facility when row i is valid; errors and warnings go into ctx. */
export function readRow(ctx: BuildContext, i: number): Facility | null {
  const { col } = ctx;
  const name = cellOf(ctx, i, col.name);
  if (!name) fail(ctx, i, 'name-required', col.name);
  const point = readPoint(ctx, i);
  const capacity = readCapacity(ctx, i);
  // After the first bad row nothing is imported, so later rows are only checked, not built.
  if (!point || ctx.errors.length > 0) return null;

  const category = ctx.category(cellOf(ctx, i, col.category));
  if (!category.recognised) warn(ctx, i, 'unknown-category', col.category);
  const status = ctx.status(cellOf(ctx, i, col.status));
  if (!status.recognised) warn(ctx, i, 'unknown-status', col.status);
  const id = readKey(ctx, i);
  const county = ctx.locate(point[0], point[1]);
  if (!county) warn(ctx, i, 'no-county', col.lon);
  else if (county.how === 'nearest') warn(ctx, i, 'nearest-county', col.lon);

  const extra: Record<string, string> = {};
  for (const [columnName, index] of ctx.extraColumns) {
    const value = cellOf(ctx, i, index);
    if (value) extra[columnName] = value;
  }
  const address = cellOf(ctx, i, col.address);
  const facility: Facility = {
    id,
    setId: ctx.setId,
    name,
    category: category.value,
    status: status.value,
    lon: point[0],
    lat: point[1],
    countyAdcode: county?.adcode ?? null,
    capacity,
    extra,
    sourceRow: i + 1,
  };
  if (address) facility.address = address;
  return facility;
}
