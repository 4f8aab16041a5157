import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { EquitySummary } from '../../../core/equity/equity-summary';
import type { CoverageRequest, CoverageResult, GroupStats } from '../../../shared/coverage';
import type { FacilitySet } from '../../../shared/facilities';
import { facilityRow, facilitySetRow } from '../stores/test-support';
import { runExportMetadata, type RunExportInputs } from './run-export-metadata';

const nobody: GroupStats = {
  population: 0,
  covered: 0,
  coveredPct: 0,
  p50Minutes: null,
  p50Beyond: false,
  p90Minutes: null,
  p90Beyond: false,
  meanMinutesAmongCovered: null,
  p50MinutesAmongCovered: null,
  p90MinutesAmongCovered: null,
  bands: [],
};

const result = (request: Partial<CoverageRequest>): CoverageResult => ({
  request: {
    method: 'network',
    profile: 'walk',
    thresholdsMin: [5, 10, 15],
    radiiM: [500, 1000],
    facilities: [],
    ...request,
  },
  total: nobody,
  mountain: nobody,
  other: nobody,
  counties: [],
  facilities: [],
  cellMinutes: new Float32Array(),
  cellFacility: new Int32Array(),
  isolatedPopulation: 0,
  dataVersion: 'v1',
  computeMs: 1,
});

const bands: FeatureCollection = { type: 'FeatureCollection', features: [] };
const centresSet: FacilitySet = { ...facilitySetRow('county-centres'), kind: 'county-centres' };
const clinic = facilityRow('clinics', 'a');
const sample = facilityRow('sample-health', 'b');
const centre = facilityRow('county-centres', '330302');
const asRunFacility = (f: { id: string; name: string; lon: number; lat: number }) => ({
  id: f.id,
  name: f.name,
  lon: f.lon,
  lat: f.lat,
});

const inputs = (over: Partial<RunExportInputs>): RunExportInputs => ({
  run: null,
  population: null,
  facilities: [clinic, sample, centre],
  facilitySets: [facilitySetRow('clinics'), facilitySetRow('sample-health', true), centresSet],
  sampleSetIds: new Set(['sample-health']),
  countyCentresName: '县级公共服务中心',
  ...over,
});

describe('run export metadata', () => {
  it('says nothing about a run when none is on the map', () => {
    expect(runExportMetadata(inputs({}))).toEqual({
      bands: null,
      sheetCoverage: null,
      facilitySetNames: [],
      sheetRun: null,
      dataRun: null,
    });
  });

  it('names the sets the run drew from (the county centres in the UI language) and flags samples', () => {
    const run = {
      label: '步行 15 分钟',
      result: result({ facilities: [clinic, centre].map(asRunFacility) }),
      bands,
    };
    const meta = runExportMetadata(inputs({ run }));
    expect(meta.bands).toEqual({ thresholds: [5, 10, 15], unit: 'min' });
    expect(meta.sheetCoverage).toEqual({ thresholds: [5, 10, 15], unit: 'min', access: false });
    expect(meta.facilitySetNames).toEqual(['clinics.csv', '县级公共服务中心']);
    expect(meta.sheetRun).toEqual({ label: '步行 15 分钟', result: run.result, usesSamples: false });
    expect(meta.dataRun).toEqual({
      label: '步行 15 分钟',
      result: run.result,
      bands,
      facilitySetNames: ['clinics.csv', '县级公共服务中心'],
      population: null,
    });

    const withSample = runExportMetadata(
      inputs({ run: { ...run, result: result({ facilities: [asRunFacility(sample)] }) } }),
    );
    expect(withSample.sheetRun?.usesSamples).toBe(true);
  });

  it('gives radius runs in metres, and carries equity, 2SFCA and the imported population', () => {
    // Only passed through to the sheet: its content does not matter here.
    const equity = { gini: 0.2 } as EquitySummary;
    const population = { name: 'census.csv', bytes: new Uint8Array([1, 2]) };
    const meta = runExportMetadata(
      inputs({
        run: { label: 'r', result: result({ method: 'radius' }), bands, equity, twoStep: { cells: bands } },
        population,
      }),
    );
    expect(meta.bands).toEqual({ thresholds: [500, 1000], unit: 'm' });
    expect(meta.sheetCoverage?.access).toBe(true);
    expect(meta.sheetRun).toMatchObject({ equity, importedPopulation: 'census.csv' });
    expect(meta.dataRun?.population).toEqual(population);
  });
});
