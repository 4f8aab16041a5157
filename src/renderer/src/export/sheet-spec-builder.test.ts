import { describe, expect, it } from 'vitest';
import { fixtureRun } from '../../../core/export/export-fixtures';
import { translate, type Translate } from '../i18n/translate';
import { coverageTable } from './sheet-spec-builder';

const zh: Translate = (key, params) => translate('zh', key, params);
const en: Translate = (key, params) => translate('en', key, params);

describe('coverageTable (PDF sheet)', () => {
  it('puts coverage first, the median over everyone ("> T" beyond the circle), the mean over the covered', () => {
    const table = coverageTable(fixtureRun().result, zh, 'zh');
    expect(table.columns).toEqual(['县（市、区）', '覆盖率', '覆盖人口', '中位分钟*', '平均分钟†']);
    // Short headers keep the columns legible on A4; the footnote says which people each figure is over.
    expect(table.footnote).toBe('* 全部人口（> 15 即中位数在圈外）　† 仅覆盖人口');
    // 泰顺县: 300 of 1,250 covered (at 14.5 min): the median person is beyond 15 min.
    expect(table.rows.find((r) => r[0] === '泰顺县')).toEqual(['泰顺县', '24.0%', '300', '> 15', '14.5']);
    // 龙港市: everyone covered: a number, the median of 1,200 at 0.5 and 800 at 10 min.
    expect(table.rows.find((r) => r[0] === '龙港市')?.slice(3)).toEqual(['0.5', '4.3']);
    expect(table.rows.find((r) => r[0] === '洞头区')?.slice(3)).toEqual(['—', '—']);
  });

  it('labels metres for a radius run', () => {
    const table = coverageTable(fixtureRun('radius').result, en, 'en');
    expect(table.columns.slice(3)).toEqual(['Median m*', 'Mean m†']);
    expect(table.footnote).toBe('* all people ("> 1500": the median is beyond the circle)  † covered people only');
    expect(table.rows.find((r) => r[0] === 'Taishun')?.slice(3)).toEqual(['> 1500', '1450']);
  });
});
