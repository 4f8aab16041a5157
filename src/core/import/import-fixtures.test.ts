/** Keeps the e2e import fixtures honest: they must behave as e2e/fixtures/import/README.md says. */
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildFacilities } from './build-facilities';
import { guessColumns } from './guess-columns';
import { parseFacilityFile } from './parse-facility-file';
import { importSetIdentity } from './sha256';

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../${path}`, import.meta.url)));
const counties = JSON.parse(new TextDecoder().decode(read('data/geo/counties.geojson'))) as FeatureCollection;

async function importFixture(name: string) {
  const bytes = read(`e2e/fixtures/import/${name}`);
  const parsed = await parseFacilityFile(name, bytes);
  if (!parsed.ok) throw new Error(parsed.error.code);
  const guess = guessColumns(parsed.table);
  if (!guess.complete) throw new Error(`missing ${guess.missing.join(',')}`);
  const { setId } = await importSetIdentity(bytes);
  return {
    parsed,
    result: buildFacilities({ table: parsed.table, mapping: guess.complete, sourceCrs: 'gcj02', setId, counties }),
  };
}

describe('e2e import fixtures', () => {
  it('facilities-gcj02.csv (GBK) imports 10 health facilities in 鹿城/瓯海', async () => {
    const { parsed, result } = await importFixture('facilities-gcj02.csv');
    expect(parsed.ok && parsed.encoding).toBe('gb18030');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.facilities).toHaveLength(10);
    expect(new Set(result.facilities.map((f) => f.category))).toEqual(new Set(['health']));
    expect(result.facilities.every((f) => f.name.startsWith('【示例】'))).toBe(true);
    expect(result.facilities.map((f) => f.countyAdcode)).toEqual([...Array(6).fill(330302), ...Array(4).fill(330304)]);
    const first = result.facilities[0];
    expect(first?.name).toBe('【示例】鹿城卫生服务点 01');
    expect(first?.lon.toFixed(6)).toBe('120.637697');
    expect(first?.lat.toFixed(6)).toBe('28.000075');
  });

  it('facilities-gcj02-bad.csv (UTF-8) fails as a whole on line 7, column 纬度', async () => {
    const { parsed, result } = await importFixture('facilities-gcj02-bad.csv');
    expect(parsed.ok && parsed.encoding).toBe('utf-8');
    expect(result).toMatchObject({
      ok: false,
      hint: null,
      errors: [{ row: 7, dataRow: 6, column: '纬度', value: '二十八', code: 'not-a-number' }],
    });
  });
});
