import type { FeatureCollection } from 'geojson';
import { bbox as turfBbox } from '@turf/turf';
import { buildFacilities, type BuildResult } from '../../../core/import/build-facilities';
import type { ColumnMapping } from '../../../core/import/guess-columns';
import type { ImportTable } from '../../../core/import/import-table';
import { parseFacilityFile, type ParseFileResult } from '../../../core/import/parse-facility-file';
import { DATA_FILES } from '../../../shared/data-contract';
import type { CoordinateSystem, FacilityCategory } from '../../../shared/facilities';

let counties: Promise<FeatureCollection> | undefined;

/** counties.geojson, fetched once: every import assigns each facility to its county. */
export function loadCounties(dataBaseUrl: string): Promise<FeatureCollection> {
  counties ??= fetch(dataBaseUrl + DATA_FILES.counties).then((r) => {
    if (!r.ok) throw new Error(`${DATA_FILES.counties}: HTTP ${r.status}`);
    return r.json() as Promise<FeatureCollection>;
  });
  return counties;
}

/** WGS-84 bounding box of one county, for zooming the map or framing an exported sheet. */
export async function countyBounds(
  dataBaseUrl: string,
  adcode: number,
): Promise<[number, number, number, number] | null> {
  const feature = (await loadCounties(dataBaseUrl)).features.find((f) => f.properties?.['adcode'] === adcode);
  return feature ? (turfBbox(feature) as [number, number, number, number]) : null;
}

export function parseFile(name: string, bytes: Uint8Array): Promise<ParseFileResult> {
  // The browser's own DOMParser reads KML; core stays free of DOM globals.
  return parseFacilityFile(name, bytes, { xmlParser: new DOMParser() });
}

export async function checkFacilities(
  dataBaseUrl: string,
  table: ImportTable,
  mapping: ColumnMapping,
  sourceCrs: CoordinateSystem,
  setId: string,
  defaultCategory: FacilityCategory,
): Promise<BuildResult> {
  return buildFacilities({
    table,
    mapping,
    sourceCrs,
    setId,
    counties: await loadCounties(dataBaseUrl),
    defaultCategory,
  });
}
