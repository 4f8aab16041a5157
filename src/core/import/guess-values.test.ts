import { describe, expect, it } from 'vitest';
import { guessCategory, guessStatus } from './guess-values';

describe('guessCategory', () => {
  it.each([
    ['医院', 'health'],
    ['乡镇卫生院', 'health'],
    ['社区卫生服务中心', 'health'],
    ['诊所', 'health'],
    ['医疗卫生', 'health'],
    ['学校', 'education'],
    ['小学', 'education'],
    ['初级中学', 'education'],
    ['幼儿园', 'education'],
    ['托育机构', 'childcare'],
    ['托儿所', 'childcare'],
    ['养老院', 'elderly'],
    ['敬老院', 'elderly'],
    ['老年活动中心', 'elderly'],
    ['居家养老服务照料中心', 'elderly'],
    ['体育场', 'sports'],
    ['百姓健身房', 'sports'],
    ['运动场', 'sports'],
    ['篮球场', 'sports'],
    ['图书馆', 'culture'],
    ['农村文化礼堂', 'culture'],
    ['城市书房', 'culture'],
    ['博物馆', 'culture'],
    ['救助站', 'social-assistance'],
    ['儿童福利院', 'social-assistance'],
    ['便民服务中心', 'other'],
    ['Hospital', 'health'],
    ['sports', 'sports'],
    ['social-assistance', 'social-assistance'],
  ])('%s → %s', (text, category) => {
    expect(guessCategory(text)).toEqual({ value: category, recognised: true });
  });

  it('maps unknown text to other, unrecognised, and blanks to the fallback', () => {
    expect(guessCategory('加油站')).toEqual({ value: 'other', recognised: false });
    expect(guessCategory('  ', 'health')).toEqual({ value: 'health', recognised: true });
  });
});

describe('guessStatus', () => {
  it.each([
    ['现有', 'existing'],
    ['已建', 'existing'],
    ['在用', 'existing'],
    ['existing', 'existing'],
    ['', 'existing'],
    ['在建', 'under-construction'],
    ['建设中', 'under-construction'],
    ['规划', 'planned'],
    ['拟建', 'planned'],
    ['Planned', 'planned'],
  ])('%s → %s', (text, status) => {
    expect(guessStatus(text)).toEqual({ value: status, recognised: true });
  });

  it('does not guess a status for closed or unknown facilities', () => {
    expect(guessStatus('未开放')).toEqual({ value: 'existing', recognised: false });
    expect(guessStatus('待定')).toEqual({ value: 'existing', recognised: false });
  });
});
