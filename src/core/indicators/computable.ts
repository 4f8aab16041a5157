/**
 * Which of the plan's indicators OuTu can compute from its own map data: a facility layer's
 * capacity figures (src/shared/facilities.ts: beds, places, areaM2) over the resident population
 * (the population grid: the official 2021 year-end 常住人口 per county, spread by a model inside
 * each county; county and city totals are the official figures). The table's note 4 puts all
 * per-capita indicators except three on 常住 population, so the grid's population is the right
 * denominator for the four listed here.
 *
 * Only rows the plan's table really has are listed. Left out on purpose:
 * - 3岁以下婴幼儿托育机构覆盖率 (序号1): a share of administrative units with a childcare
 *   institution; OuTu has no township (乡镇/街道) boundaries offline.
 * - 传染病收治能力 (28), 养老机构护理型床位占比 (33): facility capacity does not say which beds are
 *   infectious-disease or nursing-type beds.
 * - Staff ratios (25, 26, 34, 40, 49), rates from registers and surveys: no such data on the map.
 * - 健身圈 coverage is not an indicator in the table: the text reports "15分钟健身圈" as achieved
 *   (section 一) and aims at "城市社区10分钟健身圈" (sports section) without a figure, so it is not
 *   listed here; coverage runs can still be made for it.
 */
import type { Facility, FacilityCapacity, FacilityCategory } from '../../shared/facilities';
import type { PlanIndicator } from '../../shared/indicators';

export interface ComputableIndicator {
  /** PlanIndicator id. */
  id: string;
  /** The indicator's name as printed (without the unit), to guard the id. */
  name: string;
  unit: string;
  facilityCategory: FacilityCategory;
  capacity: keyof FacilityCapacity;
  /** Result = Σ capacity / population × perPeople. */
  perPeople: number;
  /** Short method text for the UI. */
  method: string;
}

export const COMPUTABLE_INDICATORS: readonly ComputableIndicator[] = [
  {
    id: 'ind-02-childcare-places',
    name: '每千人口拥有3岁以下婴幼儿托位数',
    unit: '个',
    facilityCategory: 'childcare',
    capacity: 'places',
    perPeople: 1000,
    method:
      '托育设施（现有）托位数之和 ÷ 常住人口 × 1000。托位数缺失的设施不计入，结果为下限；人口为人口格网（2021年末常住人口）。',
  },
  {
    id: 'ind-21-culture-facility-area',
    name: '每万人拥有公共文化设施面积',
    unit: '平方米',
    facilityCategory: 'culture',
    capacity: 'areaM2',
    perPeople: 10000,
    method:
      '文化设施（现有）面积（平方米）之和 ÷ 常住人口 × 10000。面积缺失的设施不计入，结果为下限；人口为人口格网（2021年末常住人口）。',
  },
  {
    id: 'ind-22-sports-area-per-capita',
    name: '人均体育场地面积',
    unit: '平方米',
    facilityCategory: 'sports',
    capacity: 'areaM2',
    perPeople: 1,
    method:
      '体育健身设施（现有）场地面积（平方米）之和 ÷ 常住人口。只含已导入的设施，统计口径的体育场地普查面积通常更全；面积缺失的设施不计入，结果为下限。',
  },
  {
    id: 'ind-24-hospital-beds',
    name: '每千人口拥有医疗机构床位数',
    unit: '张',
    facilityCategory: 'health',
    capacity: 'beds',
    perPeople: 1000,
    method:
      '医疗卫生设施（现有）床位数之和 ÷ 常住人口 × 1000。床位数缺失的设施不计入，结果为下限；人口为人口格网（2021年末常住人口）。',
  },
];

/** Ids of the computable indicators present in `indicators` (id and name both match), in plan order. */
export function computableIndicators(indicators: readonly Pick<PlanIndicator, 'id' | 'name'>[]): string[] {
  return indicators
    .filter((ind) => COMPUTABLE_INDICATORS.some((c) => c.id === ind.id && c.name === ind.name))
    .map((ind) => ind.id);
}

export interface ComputedIndicatorValue {
  id: string;
  /** null when the population is not positive or no facility has the figure. */
  value: number | null;
  /** Existing facilities of the category that have the capacity figure (summed). */
  counted: number;
  /** Existing facilities of the category without it (left out: the value is a lower bound). */
  missingFigure: number;
  total: number;
}

/**
 * The indicator's value from `facilities` (the caller picks the layers — sample sets, 示例数据,
 * must not be passed off as real) and the resident `population` of the same area.
 * Only facilities with status `existing` count.
 */
export function computeIndicatorValue(
  def: ComputableIndicator,
  facilities: readonly Pick<Facility, 'category' | 'status' | 'capacity'>[],
  population: number,
): ComputedIndicatorValue {
  let total = 0;
  let counted = 0;
  let missingFigure = 0;
  for (const f of facilities) {
    if (f.category !== def.facilityCategory || f.status !== 'existing') continue;
    const v = f.capacity[def.capacity];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) {
      total += v;
      counted += 1;
    } else {
      missingFigure += 1;
    }
  }
  const value = population > 0 && counted > 0 ? (total / population) * def.perPeople : null;
  return { id: def.id, value, counted, missingFigure, total };
}
