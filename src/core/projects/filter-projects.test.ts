import { describe, expect, it } from 'vitest';
import type { ProjectProps } from '../../shared/projects';
import {
  atomicKinds,
  distinctKinds,
  EMPTY_PROJECT_FILTER,
  filterProjects,
  isFilterActive,
  searchByName,
  totalsByCounty,
} from './filter-projects';

const project = (over: Partial<ProjectProps>): ProjectProps => ({
  seq: 1,
  name: '项目',
  category: '医疗',
  kind: '新建',
  period: '2021-2025',
  location: '',
  content: '',
  investmentTotal: 10,
  investmentPlan: 8,
  agency: '',
  geocodePrecision: 'county',
  countyAdcode: 330302,
  geocodeNote: '',
  ...over,
});

const list = [
  project({
    seq: 1,
    name: '全市棚改',
    category: '保障性安居工程及老旧小区改造',
    countyAdcode: null,
    geocodePrecision: 'citywide',
    investmentTotal: 643,
  }),
  project({ seq: 2, name: '泰顺县人民医院', countyAdcode: 330329, kind: '续建、新建', investmentTotal: 5.2 }),
  project({ seq: 3, name: '龙港市人民医院建设工程', countyAdcode: 330383, investmentTotal: 11 }),
  project({
    seq: 4,
    name: '文成体育中心',
    category: '体育',
    countyAdcode: 330328,
    investmentTotal: null,
    investmentPlan: null,
  }),
];

describe('project filter', () => {
  it('keeps everything when empty', () => {
    expect(isFilterActive(EMPTY_PROJECT_FILTER)).toBe(false);
    expect(filterProjects(list, EMPTY_PROJECT_FILTER)).toHaveLength(4);
  });

  it('mountain counties only: drops citywide and non-mountain projects', () => {
    const result = filterProjects(list, { ...EMPTY_PROJECT_FILTER, mountainOnly: true });
    expect(result.map((p) => p.seq)).toEqual([2, 4]);
  });

  it('matches combined kinds and investment bounds', () => {
    expect(filterProjects(list, { ...EMPTY_PROJECT_FILTER, kinds: ['续建'] }).map((p) => p.seq)).toEqual([2]);
    expect(
      filterProjects(list, { ...EMPTY_PROJECT_FILTER, investmentMin: 5, investmentMax: 12 }).map((p) => p.seq),
    ).toEqual([2, 3]);
  });

  it('filters by category, county and text', () => {
    expect(filterProjects(list, { ...EMPTY_PROJECT_FILTER, categories: ['体育'] }).map((p) => p.seq)).toEqual([4]);
    expect(filterProjects(list, { ...EMPTY_PROJECT_FILTER, counties: [330383] }).map((p) => p.seq)).toEqual([3]);
    expect(filterProjects(list, { ...EMPTY_PROJECT_FILTER, text: '医院' }).map((p) => p.seq)).toEqual([2, 3]);
  });

  it('splits kinds written together', () => {
    expect(atomicKinds('续建、新建')).toEqual(['续建', '新建']);
    expect(distinctKinds(list)).toEqual(['新建', '续建'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('sums per county, citywide last, counting projects without figures', () => {
    const totals = totalsByCounty(list, [330329, 330383, 330328]);
    expect(totals.map((t) => t.countyAdcode)).toEqual([330329, 330383, 330328, null]);
    expect(totals[2]).toMatchObject({ count: 1, investmentTotal: 0, withoutFigure: 1 });
    expect(totals[3]).toMatchObject({ count: 1, investmentTotal: 643 });
  });

  it('ranks exact name matches first', () => {
    expect(searchByName(list, '龙港市人民医院建设工程').map((p) => p.seq)).toEqual([3]);
    expect(searchByName(list, '人民医院').map((p) => p.seq)).toEqual([2, 3]);
    expect(searchByName(list, '  ')).toEqual([]);
  });
});
