/** Loads what a coverage run needs from data/geo, and the facilities named on the command line. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { CoverageData } from '../../src/core/coverage/run-coverage';
import { countyCentreFacilities } from '../../src/core/facilities/county-centres';
import { buildFacilities } from '../../src/core/import/build-facilities';
import { guessColumns } from '../../src/core/import/guess-columns';
import { parseFacilityFile } from '../../src/core/import/parse-facility-file';
import { importSetIdentity } from '../../src/core/import/sha256';
import { decodePopulationGrid } from '../../src/core/population/grid-codec';
import { guessPopulationColumns, importPopulationTable } from '../../src/core/population/population-import';
import type { PopulationGrid } from '../../src/shared/coverage';
import { decodeRoutingGraph } from '../../src/core/routing/graph';
import { DATA_FILES, type DataManifest } from '../../src/shared/data-contract';
import { translateMessage } from '../../src/shared/i18n/message';
import { COORDINATE_SYSTEMS, type CoordinateSystem, type Facility } from '../../src/shared/facilities';
import { DOMParser } from '@xmldom/xmldom';
import { DEFAULT_OUT_DIR } from '../data-build/paths';
import { UsageError } from './types';

export function loadCoverageData(dataDir = DEFAULT_OUT_DIR): CoverageData {
  const read = (file: string) => readFileSync(join(dataDir, file));
  const manifest = JSON.parse(read(DATA_FILES.manifest).toString('utf8')) as DataManifest;
  return {
    graph: decodeRoutingGraph(read(DATA_FILES.routingGraph)),
    grid: decodePopulationGrid(read(DATA_FILES.populationGrid)),
    dataVersion: manifest.dataVersion,
  };
}

export function readCounties(dataDir = DEFAULT_OUT_DIR): FeatureCollection {
  return JSON.parse(readFileSync(join(dataDir, DATA_FILES.counties), 'utf8')) as FeatureCollection;
}

export function parseCrs(value: string | undefined): CoordinateSystem {
  const crs = (value ?? 'wgs84').toLowerCase();
  if (!(COORDINATE_SYSTEMS as readonly string[]).includes(crs))
    throw new UsageError(`--crs must be one of ${COORDINATE_SYSTEMS.join(', ')}, got "${value}"`);
  return crs as CoordinateSystem;
}

/**
 * `county-centres`, or a facility file read exactly as the app imports it (same parser, column
 * guess, conversion and ids), so the CLI and the app run on identical facilities.
 */
export async function loadFacilities(
  spec: string,
  crs: CoordinateSystem,
  dataDir = DEFAULT_OUT_DIR,
): Promise<{ facilities: Facility[]; source: string }> {
  if (spec === 'county-centres') {
    const collection = JSON.parse(readFileSync(join(dataDir, DATA_FILES.countyCentres), 'utf8')) as FeatureCollection;
    return { facilities: countyCentreFacilities(collection), source: 'county-centres' };
  }
  const path = resolve(spec);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new UsageError(`cannot read --facilities ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = await parseFacilityFile(path, bytes, { xmlParser: new DOMParser() });
  if (!parsed.ok)
    throw new Error(
      `${path}: ${translateMessage('en', parsed.error.message)} (${translateMessage('zh', parsed.error.message)})`,
    );
  const mapping = guessColumns(parsed.table).complete;
  if (!mapping) throw new Error(`${path}: could not find name / longitude / latitude columns`);
  const { setId } = await importSetIdentity(bytes);
  const built = buildFacilities({
    table: parsed.table,
    mapping,
    sourceCrs: crs,
    setId,
    counties: readCounties(dataDir),
  });
  if (!built.ok) {
    const first = built.errors
      .slice(0, 5)
      .map((e) => `row ${e.row} ${e.column} "${e.value}": ${translateMessage('en', e.message)}`)
      .join('; ');
    throw new Error(
      `${path}: ${built.errors.length} rows rejected (nothing used). ${built.hint ? translateMessage('en', built.hint.message) : ''} ${first}`,
    );
  }
  return { facilities: built.facilities, source: path };
}

/** A user's population table (points or cells with a head count) on the model's grid, as the app imports it. */
export async function loadPopulation(
  path: string,
  crs: CoordinateSystem,
  dataDir = DEFAULT_OUT_DIR,
): Promise<{ grid: PopulationGrid; people: number; rejectedPeople: number }> {
  const file = resolve(path);
  const bytes = new Uint8Array(readFileSync(file));
  const parsed = await parseFacilityFile(file, bytes, { xmlParser: new DOMParser() });
  if (!parsed.ok) throw new Error(`${file}: ${translateMessage('en', parsed.error.message)}`);
  const mapping = guessPopulationColumns(parsed.table);
  if (!mapping.lon || !mapping.lat || !mapping.count)
    throw new Error(`${file}: no longitude / latitude / population column among ${parsed.table.columns.join(', ')}`);
  const result = importPopulationTable(
    parsed.table,
    { lon: mapping.lon, lat: mapping.lat, count: mapping.count },
    crs,
    readCounties(dataDir),
  );
  if (!result.ok) {
    const rows = result.errors.slice(0, 5).map((e) => `row ${e.row} ${e.column} "${e.value}"`);
    throw new Error(`${file}: ${result.errors.length} unreadable cells, nothing used: ${rows.join('; ')}`);
  }
  return {
    grid: result.grid,
    people: result.population - result.rejectedPopulation,
    rejectedPeople: result.rejectedPopulation,
  };
}
