import { describe, expect, it } from 'vitest';
import type { Facility } from '../../shared/facilities';
import { COMPUTABLE_INDICATORS, computableIndicators, computeIndicatorValue } from './computable';

type F = Pick<Facility, 'category' | 'status' | 'capacity'>;

describe('computableIndicators', () => {
  it('returns the ids present with the same name, in the given order', () => {
    const list = [
      { id: 'ind-01-childcare-coverage', name: '3岁以下婴幼儿托育机构覆盖率' },
      { id: 'ind-24-hospital-beds', name: '每千人口拥有医疗机构床位数' },
      { id: 'ind-02-childcare-places', name: '每千人口拥有3岁以下婴幼儿托位数' },
      { id: 'ind-22-sports-area-per-capita', name: '别的名称' },
    ];
    expect(computableIndicators(list)).toEqual(['ind-24-hospital-beds', 'ind-02-childcare-places']);
  });

  it('every definition has a method text and a positive scale', () => {
    for (const c of COMPUTABLE_INDICATORS) {
      expect(c.method.length).toBeGreaterThan(10);
      expect(c.perPeople).toBeGreaterThan(0);
    }
  });
});

describe('computeIndicatorValue', () => {
  const beds = COMPUTABLE_INDICATORS.find((c) => c.id === 'ind-24-hospital-beds');
  if (!beds) throw new Error('no beds definition');
  const facilities: F[] = [
    { category: 'health', status: 'existing', capacity: { beds: 300 } },
    { category: 'health', status: 'existing', capacity: { beds: 150 } },
    { category: 'health', status: 'existing', capacity: {} },
    { category: 'health', status: 'planned', capacity: { beds: 1000 } },
    { category: 'elderly', status: 'existing', capacity: { beds: 500 } },
  ];

  it('sums existing facilities of the category per thousand residents', () => {
    expect(computeIndicatorValue(beds, facilities, 100_000)).toEqual({
      id: 'ind-24-hospital-beds',
      value: 4.5,
      counted: 2,
      missingFigure: 1,
      total: 450,
    });
  });

  it('null without population or without any figure', () => {
    expect(computeIndicatorValue(beds, facilities, 0).value).toBeNull();
    expect(computeIndicatorValue(beds, [], 1000).value).toBeNull();
  });
});
