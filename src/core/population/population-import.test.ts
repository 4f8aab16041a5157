import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ImportTable } from '../import/import-table';
import { guessPopulationColumns, importPopulationTable } from './population-import';

const counties = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'data', 'geo', 'counties.geojson'), 'utf8'),
) as FeatureCollection;

const table = (rows: string[][]): ImportTable => ({
  columns: ['社区', '经度', '纬度', '常住人口'],
  rows,
  sourceRowNumbers: rows.map((_, i) => i + 2),
  rowLabel: 'line',
});

describe('population import', () => {
  it('guesses the lon, lat and head-count columns', () => {
    expect(guessPopulationColumns(table([['a', '120.65', '28.0', '100']]))).toEqual({
      lon: '经度',
      lat: '纬度',
      count: '常住人口',
    });
  });

  it('aggregates points onto the grid, keeping every person and rejecting points outside the counties', () => {
    const result = importPopulationTable(
      table([
        ['甲', '120.650', '28.000', '1200'],
        ['乙', '120.6501', '28.0001', '300'],
        ['海上', '122.5', '28.0', '50'],
      ]),
      { lon: '经度', lat: '纬度', count: '常住人口' },
      'wgs84',
      counties,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.population).toBe(1550);
    expect(result.grid.source).toBe('imported');
    expect(Array.from(result.grid.population).reduce((a, b) => a + b, 0)).toBe(1500);
    expect(result.grid.population.length).toBe(1);
    expect(result.grid.county[0]).toBe(330302);
    expect(result.rejected.map((r) => r.reason)).toEqual(['outside-counties']);
    expect(result.rejectedPopulation).toBe(50);
  });

  it('refuses the whole file when a row cannot be read, naming the row and column', () => {
    const result = importPopulationTable(
      table([
        ['甲', '120.650', '28.000', '1200'],
        ['乙', '120.6501', '二十八', '300'],
        ['丙', '120.66', '28.01', '-5'],
      ]),
      { lon: '经度', lat: '纬度', count: '常住人口' },
      'gcj02',
      counties,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 3, column: '纬度', value: '二十八' },
        { row: 4, column: '常住人口', value: '-5' },
      ],
    });
  });
});
