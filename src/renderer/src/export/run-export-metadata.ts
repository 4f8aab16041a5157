import type { FeatureCollection } from 'geojson';
import type { EquitySummary } from '../../../core/equity/equity-summary';
import type { CoverageResult } from '../../../shared/coverage';
import type { Facility, FacilitySet } from '../../../shared/facilities';
import type { DataExportRun } from './data-export-section';
import type { SheetCoverage } from './sheet-legend';
import type { SheetRun } from './sheet-spec-builder';

/** The finished coverage run on the map, as far as exports are concerned. */
export interface RunOnMap {
  label: string;
  result: CoverageResult;
  bands: FeatureCollection;
  equity?: EquitySummary;
  /** Present when 2SFCA accessibility points are on the map. */
  twoStep?: unknown;
}

export interface RunExportInputs {
  /** null when no finished run is on the map. */
  run: RunOnMap | null;
  /** The imported population the run used; null = the modelled grid. */
  population: { name: string; bytes: Uint8Array } | null;
  facilities: readonly Facility[];
  facilitySets: readonly FacilitySet[];
  sampleSetIds: ReadonlySet<string>;
  /** The county-centres set's name in the UI language (its stored name is not translated). */
  countyCentresName: string;
}

export interface RunExportMetadata {
  /** The bands of the run, for the layer legend. */
  bands: { thresholds: number[]; unit: 'min' | 'm' } | null;
  /** The bands for the sheet's legend, with whether 2SFCA points are drawn. */
  sheetCoverage: SheetCoverage | null;
  /** Names of the facility sets the run's facilities come from. */
  facilitySetNames: string[];
  /** What a printed sheet says about the run. */
  sheetRun: SheetRun | null;
  /** What an exported data file says about the run. */
  dataRun: DataExportRun | null;
}

/** What an exported sheet or data file (and the legend) says about the coverage run on the map. */
export function runExportMetadata({
  run,
  population,
  facilities,
  facilitySets,
  sampleSetIds,
  countyCentresName,
}: RunExportInputs): RunExportMetadata {
  if (!run) return { bands: null, sheetCoverage: null, facilitySetNames: [], sheetRun: null, dataRun: null };
  const request = run.result.request;
  const bands =
    request.method === 'network'
      ? { thresholds: request.thresholdsMin, unit: 'min' as const }
      : { thresholds: request.radiiM, unit: 'm' as const };
  const runFacilityIds = new Set(request.facilities.map((f) => f.id));
  const runSetIds = new Set(facilities.filter((f) => runFacilityIds.has(f.id)).map((f) => f.setId));
  const facilitySetNames = facilitySets
    .filter((s) => runSetIds.has(s.id))
    .map((s) => (s.kind === 'county-centres' ? countyCentresName : s.name));
  return {
    bands,
    sheetCoverage: { ...bands, access: Boolean(run.twoStep) },
    facilitySetNames,
    sheetRun: {
      label: run.label,
      result: run.result,
      ...(run.equity ? { equity: run.equity } : {}),
      ...(population ? { importedPopulation: population.name } : {}),
      usesSamples: [...runSetIds].some((id) => sampleSetIds.has(id)),
    },
    dataRun: {
      label: run.label,
      result: run.result,
      bands: run.bands,
      facilitySetNames,
      population: population ? { name: population.name, bytes: population.bytes } : null,
    },
  };
}
