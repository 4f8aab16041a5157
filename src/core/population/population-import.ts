/**
 * A user's population table (CSV/XLSX/GeoJSON/KML, read by the facility parser) → points with a
 * head count → the same 250 m grid as the modelled population. Like the facility import it is all or
 * nothing: a row whose coordinates or count cannot be read stops the import with its row number.
 */
import type { FeatureCollection } from 'geojson';
import type { CoordinateSystem } from '../../shared/facilities';
import { toWgs84 } from '../import/convert-crs';
import { guessColumns, normaliseHeaderName } from '../import/guess-columns';
import type { ImportTable } from '../import/import-table';
import { parseCoordinate, parseQuantity } from '../import/parse-number';
import { aggregatePopulationPoints, type AggregateResult, type PopulationPoint } from './aggregate';

const COUNT_HEADERS = [
  '人口',
  '人数',
  '常住人口',
  '户籍人口',
  '人口数',
  'population',
  'pop',
  'count',
  'people',
  '数量',
];

export interface PopulationMapping {
  lon: string;
  lat: string;
  count: string;
}

/** lon/lat as the facility guesser finds them, the count from its header name. */
export function guessPopulationColumns(table: ImportTable): Partial<PopulationMapping> {
  const { mapping } = guessColumns(table);
  const count = table.columns.find((c) => COUNT_HEADERS.includes(normaliseHeaderName(c)));
  return {
    ...(mapping.lon ? { lon: mapping.lon } : {}),
    ...(mapping.lat ? { lat: mapping.lat } : {}),
    ...(count ? { count } : {}),
  };
}

export interface PopulationRowError {
  row: number;
  column: string;
  value: string;
}

export type PopulationImportResult =
  ({ ok: true; points: number; population: number } & AggregateResult) | { ok: false; errors: PopulationRowError[] };

export function importPopulationTable(
  table: ImportTable,
  mapping: PopulationMapping,
  crs: CoordinateSystem,
  counties: FeatureCollection,
): PopulationImportResult {
  const index = (name: string) => table.columns.indexOf(name);
  const [lonAt, latAt, countAt] = [index(mapping.lon), index(mapping.lat), index(mapping.count)];
  if (lonAt < 0 || latAt < 0 || countAt < 0) throw new Error('population mapping names a column the table lacks');
  const points: PopulationPoint[] = [];
  const errors: PopulationRowError[] = [];
  table.rows.forEach((cells, i) => {
    const row = table.sourceRowNumbers[i] ?? i + 1;
    const lon = parseCoordinate(cells[lonAt] ?? '');
    const lat = parseCoordinate(cells[latAt] ?? '');
    const count = parseQuantity(cells[countAt] ?? '');
    if (!lon.ok) errors.push({ row, column: mapping.lon, value: cells[lonAt] ?? '' });
    if (!lat.ok) errors.push({ row, column: mapping.lat, value: cells[latAt] ?? '' });
    if (!count.ok || count.value < 0) errors.push({ row, column: mapping.count, value: cells[countAt] ?? '' });
    if (!lon.ok || !lat.ok || !count.ok || count.value < 0) return;
    const [x, y] = toWgs84([lon.value, lat.value], crs);
    points.push({ lon: x, lat: y, count: count.value });
  });
  if (errors.length) return { ok: false, errors };
  const aggregated = aggregatePopulationPoints(points, counties);
  const population = points.reduce((sum, p) => sum + p.count, 0);
  return { ok: true, points: points.length, population, ...aggregated };
}
