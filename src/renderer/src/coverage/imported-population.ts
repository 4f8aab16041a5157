import type { FeatureCollection } from 'geojson';
import { sha256Hex } from '../../../core/import/sha256';
import { encodePopulationGrid } from '../../../core/population/grid-codec';
import { guessPopulationColumns, importPopulationTable } from '../../../core/population/population-import';
import type { CoordinateSystem } from '../../../shared/facilities';
import type { ImportedPopulation } from '../db/imported-population-repo';
import { translateMessage } from '../i18n/translate';
import { parseFile } from '../catalogue/facility-import';

export type PopulationImportOutcome =
  | { ok: true; population: ImportedPopulation }
  | { ok: false; reason: 'unreadable'; detail: string }
  | { ok: false; reason: 'columns'; columns: string[] }
  | { ok: false; reason: 'rows'; rows: { row: number; column: string; value: string }[] };

export async function importPopulationFile(
  name: string,
  bytes: Uint8Array,
  crs: CoordinateSystem,
  counties: FeatureCollection,
): Promise<PopulationImportOutcome> {
  const parsed = await parseFile(name, bytes);
  if (!parsed.ok) return { ok: false, reason: 'unreadable', detail: translateMessage('zh', parsed.error.message) };
  const mapping = guessPopulationColumns(parsed.table);
  if (!mapping.lon || !mapping.lat || !mapping.count)
    return { ok: false, reason: 'columns', columns: parsed.table.columns };
  const result = importPopulationTable(
    parsed.table,
    { lon: mapping.lon, lat: mapping.lat, count: mapping.count },
    crs,
    counties,
  );
  if (!result.ok) return { ok: false, reason: 'rows', rows: result.errors };
  const encoded = encodePopulationGrid(result.grid);
  return {
    ok: true,
    population: {
      name,
      key: await sha256Hex(encoded),
      bytes: encoded,
      people: result.population - result.rejectedPopulation,
      cells: result.grid.population.length,
      rejectedPoints: result.rejected.length,
      rejectedPeople: result.rejectedPopulation,
    },
  };
}
