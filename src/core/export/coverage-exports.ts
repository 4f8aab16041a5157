/**
 * A coverage run's data for Excel and QGIS, so planners can trace every number:
 *
 * - countyStatsCsv / countyStatsXlsx: the county table (county-stats-table.ts) followed by the
 *   run's metadata (run-metadata.ts). The CSV has a UTF-8 BOM so Excel on Chinese Windows reads
 *   it as UTF-8; the metadata block follows the table after one empty row, so the table still
 *   starts at A1 and the file is one self-contained record. The XLSX puts the metadata on its own
 *   sheet.
 * - cellTimesCsv: one row per population grid cell. This file is meant for GIS and scripts, which
 *   need the header in the first row and one record per line, and it can have 100 000+ rows, so
 *   a metadata block inside it would break loading and be lost in the length. The metadata goes
 *   to a JSON sidecar instead (`sidecarFileName`: cells.csv → cells.json), which also documents
 *   every column and band.
 * - bandsGeoJson: the band polygons with export properties and the metadata as a top-level
 *   `metadata` foreign member (allowed by RFC 7946 §6.1; QGIS and GDAL ignore it).
 * - Facility and project layers are not here: they go through the format registry (export-formats.ts).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { CoverageResult, PopulationGrid } from '../../shared/coverage';
import type { Translator } from '../../shared/i18n/translate';
import { cellBands } from '../coverage/bands';
import { bandColumnLabels, countyStatsTable, runThresholds } from './county-stats-table';
import { toCsv, type CsvCell } from './csv';
import {
  metadataRows,
  unitLabel,
  type ExportLanguage,
  type RunExportMetadata,
  type ThresholdUnit,
} from './run-metadata';

type StatsInput = Pick<CoverageResult, 'counties' | 'mountain' | 'other' | 'total' | 'request'>;

/** County table + empty row + metadata block (label in column 1, value in column 2), with a BOM. */
export function countyStatsCsv(
  result: StatsInput,
  meta: RunExportMetadata,
  language: ExportLanguage,
  translate: Translator,
): string {
  const table = countyStatsTable(result, language, translate);
  const width = table.header.length;
  const pad = (cells: CsvCell[]): CsvCell[] => [...cells, ...new Array<CsvCell>(width - cells.length).fill(null)];
  const rows: CsvCell[][] = table.rows.map((r) => r.cells);
  rows.push(pad([]));
  for (const [label, value] of metadataRows(meta, language, translate)) rows.push(pad([label, value]));
  return toCsv(table.header, rows, { bom: true });
}

/** Excel workbook of the county table (sheet 1) and the metadata (sheet 2); loads exceljs on demand. */
export async function countyStatsXlsx(
  result: StatsInput,
  meta: RunExportMetadata,
  language: ExportLanguage,
  translate: Translator,
): Promise<Uint8Array> {
  const { writeCountyStatsXlsx } = await import('./county-stats-xlsx');
  return writeCountyStatsXlsx(result, meta, language, translate);
}

/** The grid columns the per-cell export needs (a PopulationGrid has them all). */
export type CellGrid = Pick<PopulationGrid, 'lon' | 'lat' | 'population' | 'county' | 'cellSizeM'>;

export interface CellColumn {
  name: string;
  description: string;
}

export interface CellBandInfo {
  /** The value in the `band` column. */
  index: number;
  /** [from, to) in `unit`; the last band inside the circle includes `to`; beyond: to = null. */
  from: number;
  to: number | null;
  label: string;
}

/** Content of the JSON file written next to the per-cell CSV. */
export interface CellTimesSidecar {
  format: 'outu-cell-times';
  formatVersion: 1;
  metadata: RunExportMetadata;
  rows: number;
  unit: ThresholdUnit;
  grid: { cellSizeM: number; crs: string; population: number };
  bands: CellBandInfo[];
  columns: CellColumn[];
  notes: string[];
}

export interface CellTimesExport {
  /** UTF-8 CSV with BOM, header in the first row, one row per grid cell in grid order. */
  csv: string;
  /** JSON text of a CellTimesSidecar (2-space indent). */
  sidecar: string;
}

/** "cells.csv" → "cells.json": where the sidecar goes. */
export function sidecarFileName(csvFileName: string): string {
  return /\.csv$/i.test(csvFileName) ? csvFileName.replace(/\.csv$/i, '.json') : `${csvFileName}.json`;
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6 + 0;
}

/**
 * The shortest decimal that reads back as the same 32-bit float: cellMinutes are Float32, and
 * printing the float as a double would add noise digits (12.300000190734863). Re-binning the
 * printed values therefore gives exactly the `band` column.
 */
export function float32Text(value: number): number {
  const f = Math.fround(value);
  for (let p = 1; p < 9; p++) {
    const candidate = Number(f.toPrecision(p));
    if (Math.fround(candidate) === f) return candidate;
  }
  return Number(f.toPrecision(9));
}

/**
 * One CSV row per grid cell (same order as the grid): lon, lat (cell centre, WGS-84, 6 decimals),
 * county adcode, population, minutes (metres for the radius method; empty when no facility can be
 * reached), nearest facility id and name (empty when none), band index (0 … n−1 inside the circle,
 * n beyond it or unreachable). The metadata goes to the sidecar (see the module comment).
 */
export function cellTimesCsv(
  result: Pick<CoverageResult, 'request' | 'cellMinutes' | 'cellFacility'>,
  grid: CellGrid,
  meta: RunExportMetadata,
  translate: Translator,
): CellTimesExport {
  const n = grid.population.length;
  if (grid.lon.length !== n || grid.lat.length !== n || grid.county.length !== n)
    throw new Error('cellTimesCsv: grid lon, lat, population and county must have the same length');
  if (result.cellMinutes.length !== n || result.cellFacility.length !== n)
    throw new Error(`cellTimesCsv: the result has ${result.cellMinutes.length} cells, the grid ${n}`);
  const { thresholds, unit } = runThresholds(result.request);
  const bands = cellBands(result.cellMinutes, thresholds);
  const facilities = result.request.facilities;
  const valueColumn = unit === 'min' ? 'minutes' : 'metres';
  const header = ['lon', 'lat', 'county_adcode', 'population', valueColumn, 'facility_id', 'facility_name', 'band'];

  const rows: CsvCell[][] = new Array<CsvCell[]>(n);
  let population = 0;
  for (let i = 0; i < n; i++) {
    const value = result.cellMinutes[i] as number;
    const facility = facilities[result.cellFacility[i] as number];
    const people = grid.population[i] as number;
    population += people;
    rows[i] = [
      round6(grid.lon[i] as number),
      round6(grid.lat[i] as number),
      grid.county[i] as number,
      people,
      Number.isFinite(value) ? float32Text(value) : null,
      facility?.id ?? null,
      facility?.name ?? null,
      bands[i] as number,
    ];
  }

  const zhLabels = bandColumnLabels(thresholds, unit, 'zh', translate);
  const bandInfo: CellBandInfo[] = zhLabels.map((label, index) => ({
    index,
    from: index === 0 ? 0 : (thresholds[index - 1] as number),
    to: index < thresholds.length ? (thresholds[index] as number) : null,
    label,
  }));
  const u = unitLabel(unit, 'en', translate);
  const sidecar: CellTimesSidecar = {
    format: 'outu-cell-times',
    formatVersion: 1,
    metadata: meta,
    rows: n,
    unit,
    grid: {
      cellSizeM: grid.cellSizeM,
      crs: 'WGS-84 (EPSG:4326) longitude/latitude of cell centres',
      population: Math.round(population * 1e6) / 1e6,
    },
    bands: bandInfo,
    columns: [
      { name: 'lon', description: 'cell centre longitude, WGS-84, 6 decimals' },
      { name: 'lat', description: 'cell centre latitude, WGS-84, 6 decimals' },
      { name: 'county_adcode', description: 'county of the cell (adcode; see src/shared/counties.ts)' },
      {
        name: 'population',
        description:
          meta.population.source === 'modelled'
            ? 'residents in the cell — MODELLED (county totals spread by road length), not a census count'
            : 'residents in the cell (imported by the user)',
      },
      {
        name: valueColumn,
        description: `${unit === 'min' ? 'travel minutes' : 'straight-line metres'} to the nearest facility; empty when none can be reached${unit === 'm' ? ` within ${thresholds[thresholds.length - 1]} m` : ''}`,
      },
      { name: 'facility_id', description: 'id of the nearest facility; empty when none' },
      { name: 'facility_name', description: 'name of the nearest facility; empty when none' },
      {
        name: 'band',
        description: `band index: k = 0 … ${thresholds.length - 1} inside the circle (see bands), ${thresholds.length} = beyond ${thresholds[thresholds.length - 1]} ${u} or unreachable`,
      },
    ],
    notes: [
      'Bands are [0, t1), [t1, t2) …; the last band inside the circle includes its upper limit.',
      `The ${valueColumn} column is the 32-bit value the run computed, printed with the fewest digits that read back exactly, so re-binning it gives the band column.`,
      'Summing population by county_adcode and band gives the county table of the same run.',
    ],
  };
  return { csv: toCsv(header, rows, { bom: true }), sidecar: `${JSON.stringify(sidecar, null, 2)}\n` };
}

export interface ExportBandProperties {
  band: number;
  from: number;
  to: number;
  unit: ThresholdUnit;
  /** People in the band's cells (as computed; whole persons for the modelled population). */
  population: number;
  cells: number;
  label: string;
  labelEn: string;
}

export type BandsGeoJson = FeatureCollection<Geometry | null, ExportBandProperties> & { metadata: RunExportMetadata };

function numberProperty(properties: Record<string, unknown> | null, key: string): number | null {
  const value = properties?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Band polygons (coverage/polygons.ts: properties band, fromMin, toMin, population, cells) as a
 * GeoJSON FeatureCollection for QGIS: geometry unchanged, properties rewritten with the unit
 * (fromMin/toMin hold metres for the radius method) and labels, and the run metadata on top.
 */
export function bandsGeoJson(bands: FeatureCollection, meta: RunExportMetadata, translate: Translator): BandsGeoJson {
  const unit = meta.thresholdUnit;
  const zhUnit = unitLabel(unit, 'zh', translate);
  const enUnit = unitLabel(unit, 'en', translate);
  const features = bands.features.map((feature, i): Feature<Geometry | null, ExportBandProperties> => {
    const p = feature.properties;
    const band = numberProperty(p, 'band') ?? i;
    const from = numberProperty(p, 'fromMin') ?? numberProperty(p, 'from');
    const to = numberProperty(p, 'toMin') ?? numberProperty(p, 'to');
    if (from === null || to === null) throw new Error(`bandsGeoJson: feature ${i} has no fromMin/toMin`);
    return {
      type: 'Feature',
      geometry: feature.geometry,
      properties: {
        band,
        from,
        to,
        unit,
        population: numberProperty(p, 'population') ?? 0,
        cells: numberProperty(p, 'cells') ?? 0,
        label: `${from}–${to} ${zhUnit}`,
        labelEn: `${from}–${to} ${enUnit}`,
      },
    };
  });
  return { type: 'FeatureCollection', metadata: meta, features };
}
