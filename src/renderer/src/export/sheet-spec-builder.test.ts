import { describe, expect, it } from 'vitest';
import { fixtureRun } from '../../../core/export/export-fixtures';
import { translate, type Translate } from '../i18n/translate';
import { coverageTable } from './sheet-spec-builder';

const zh: Translate = (key, params) => translate('zh', key, params);
const en: Translate = (key, params) => translate('en', key, params);

describe('coverageTable (PDF sheet)', () => {
  it('puts coverage first, the median over everyone ("> T" beyond the circle), the mean over the covered', () => {
    const table = coverageTable(fixtureRun().result, zh, 'zh');
    expect(table.columns).toEqual([
      '县（市、区）',
      '覆盖率',
      '人口',
      '覆盖人口',
      '中位分钟（全部人口）',
      '平均分钟（仅覆盖人口）',
    ]);
    // 泰顺县: 300 of 1,250 covered (at 14.5 min): the median person is beyond 15 min.
    expect(table.rows.find((r) => r[0] === '泰顺县')).toEqual(['泰顺县', '24.0%', '1,250', '300', '> 15', '14.5']);
    // 龙港市: everyone covered: a number, the median of 1,200 at 0.5 and 800 at 10 min.
    expect(table.rows.find((r) => r[0] === '龙港市')?.slice(4)).toEqual(['0.5', '4.3']);
    expect(table.rows.find((r) => r[0] === '洞头区')?.slice(4)).toEqual(['—', '—']);
  });

  it('labels metres for a radius run', () => {
    const table = coverageTable(fixtureRun('radius').result, en, 'en');
    expect(table.columns.slice(4)).toEqual(['Median m (all people)', 'Mean m (covered only)']);
    expect(table.rows.find((r) => r[0] === 'Taishun')?.slice(4)).toEqual(['> 1500', '1450']);
  });
});
