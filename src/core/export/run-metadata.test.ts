import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/translate';
import { DEFAULT_TRAVEL_PROFILES } from '../../shared/travel-profiles';
import { FIXTURE_DATA_VERSION, FIXTURE_GRAPH_SHA, fixtureRun } from './export-fixtures';
import { COUNTIES_SOURCE, metadataRows, populationSourceMeta, runExportMetadata } from './run-metadata';

describe('runExportMetadata', () => {
  it('takes method, thresholds, facilities and data version from the result and hashes from the manifest', () => {
    const { meta } = fixtureRun();
    expect(meta).toMatchObject({
      app: 'OuTu',
      appVersion: '0.1.0',
      exportedAt: '2025-03-01T08:30:00.000Z',
      runLabel: '卫生院 步行15分钟',
      title: '卫生院 步行15分钟',
      dataVersion: FIXTURE_DATA_VERSION,
      method: 'network',
      profile: 'walk',
      thresholdUnit: 'min',
      thresholds: [5, 10, 15],
      travelProfile: DEFAULT_TRAVEL_PROFILES.walk,
      facilityCount: 2,
      facilitySets: ['卫生院（导入）', '示例数据'],
      roadNetworkSha256: FIXTURE_GRAPH_SHA,
    });
    expect(meta.population.source).toBe('modelled');
    expect(meta.population.description.en).toMatch(/not a census grid/);
    expect(meta.population.description.zh).toMatch(/模型估算/);
    expect(meta.countiesSource).toBe(`${COUNTIES_SOURCE}; sha256 ${'c'.repeat(64)}`);
    // Plain JSON: survives a round trip unchanged, and does not share the caller's speed table.
    expect(JSON.parse(JSON.stringify(meta))).toEqual(meta);
    expect(meta.travelProfile?.speedsKmh).not.toBe(DEFAULT_TRAVEL_PROFILES.walk.speedsKmh);
  });

  it('records metres and no speeds for the radius method', () => {
    const { meta } = fixtureRun('radius');
    expect(meta.thresholdUnit).toBe('m');
    expect(meta.thresholds).toEqual([500, 1000, 1500]);
    expect(meta.travelProfile).toBeNull();
  });

  it('copes without a manifest and stamps the export time', () => {
    const { result } = fixtureRun();
    const meta = runExportMetadata({
      result,
      appVersion: '0.1.0',
      runLabel: 'x',
      travelProfile: DEFAULT_TRAVEL_PROFILES.drive,
      facilitySets: [],
      population: populationSourceMeta('imported', translate, 'pop.csv, 1 234 points'),
    });
    expect(meta.roadNetworkSha256).toBeNull();
    expect(meta.countiesSource).toBe(COUNTIES_SOURCE);
    expect(Number.isNaN(Date.parse(meta.exportedAt))).toBe(false);
    const rows = new Map(metadataRows(meta, 'zh', translate));
    expect(rows.get('路网版本 (road network)')).toBe('未知');
    expect(rows.get('人口来源 (population source)')).toBe('导入 (imported)');
    expect(rows.get('人口说明 (population note)')).toContain('pop.csv, 1 234 points');
  });
});

describe('metadataRows', () => {
  it('gives a label and a value for every field, in Chinese with English in brackets', () => {
    const { meta } = fixtureRun();
    const rows = metadataRows(meta, 'zh', translate);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const [label, value] of rows) {
      expect(label).toMatch(/^[\u3000-\u9fff\uff00-\uffef]+ \([a-z ]+\)$/);
      expect(String(value)).not.toBe('');
    }
    const map = new Map(rows);
    expect(map.get('出行方式 (travel profile)')).toBe('步行 (walk)');
    expect(map.get('分析方法 (method)')).toBe('路网通行时间 (network)');
    expect(map.get('速度 (speeds)')).toBe(
      '高速公路 不可通行、国道、主干道 4.8、省道 4.8、其他有名道路 4.8、无名道路 4.8 km/h；接入段（设施或网格到最近道路）步行 4.8 km/h',
    );
    expect(map.get('人口说明 (population note)')).toContain('2021');
    expect(map.get('人口说明 (population note)')).toContain('道路长度');
  });

  it('writes English labels and values for language en', () => {
    const { meta } = fixtureRun();
    const map = new Map(metadataRows(meta, 'en', translate));
    expect(map.get('Travel profile')).toBe('Walking (walk)');
    expect(map.get('Thresholds')).toBe('5, 10, 15 min');
    expect(map.get('Speeds')).toMatch(/^expressway not allowed, national road \/ arterial 4\.8/);
    expect(map.get('Population note')).toMatch(/road length/);
    expect(map.get('Band rule')).toMatch(/≤ 15 min counts as covered/);
  });
});
