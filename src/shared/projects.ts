/**
 * The plan's appendix 重大项目表: 69 projects in 10 categories. Category names are kept in Chinese
 * exactly as the plan's headings; the UI translates them through the message catalogue.
 */
export const PROJECT_CATEGORIES = [
  '保障性安居工程及老旧小区改造',
  '教育',
  '医疗',
  '体育',
  '社会福利和养老服务',
  '社会救助',
  '文化',
  '专项社会事务',
  '数字社会系统建设',
  '中医药',
] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

/**
 * How precisely a point is known. `county`: only the county is named, the point is its seat.
 * `citywide`: the project is for the whole city and has no point at all.
 */
export const GEOCODE_PRECISIONS = ['site', 'township', 'county', 'citywide'] as const;
export type GeocodePrecision = (typeof GEOCODE_PRECISIONS)[number];

/** Properties of one feature in data/geo/projects.geojson (geometry null when citywide). */
export interface ProjectProps {
  /** 序号 as printed in the plan (1–69). */
  seq: number;
  name: string;
  category: ProjectCategory;
  /** 项目类型 as written: 新建, 续建, 改扩建, 迭代, 承接, or combinations such as "续建、新建". */
  kind: string;
  /** 项目期限 as written, e.g. "2021-2025". */
  period: string;
  /** 建设地点 as written. */
  location: string;
  /** 建设内容和规模. */
  content: string;
  /** 总投资, 亿元; null where the table says 待定 or ——. */
  investmentTotal: number | null;
  /** "十四五"投资, 亿元; null where the table says 待定 or ——. */
  investmentPlan: number | null;
  /** 总投资 as written when it is not a number ("待定", "——"); absent when investmentTotal is a number. */
  investmentTotalText?: string;
  /** "十四五"投资 as written when it is not a number; absent when investmentPlan is a number. */
  investmentPlanText?: string;
  /** 组织实施单位. */
  agency: string;
  geocodePrecision: GeocodePrecision;
  /** The county the point is in; null for citywide projects and for places outside any county. */
  countyAdcode: number | null;
  /** Why the point is where it is, e.g. "县政府驻地（仅知县域）". */
  geocodeNote: string;
}

/** One row of the plan's 重点项目分类汇总表 (summary by category). */
export interface ProjectCategorySummary {
  category: ProjectCategory;
  count: number;
  investmentTotal: number | null;
  investmentPlan: number | null;
  /** As written when not a number (the 数字社会系统建设 row says ——); absent otherwise. */
  investmentTotalText?: string;
  investmentPlanText?: string;
}
