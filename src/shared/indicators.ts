/**
 * The plan's main-indicator table “"十四五"时期温州市社会发展和基本公共服务主要指标” (section 二,
 * after （三）发展目标): 58 numbered indicators in 12 categories; 序号 6 has three sub-rows (学前段,
 * 义务段, 高中段), so 60 rows. Built into data/geo/plan-indicators.json (an array of PlanIndicator
 * in plan order) by scripts/data-build/indicators-build.ts from
 * data/geo/sources/plan-indicators/indicators.tsv. Category names are kept in Chinese exactly as
 * printed; the UI translates them through the message catalogue.
 */

/** File name under data/geo (the lead registers it in DATA_FILES). */
export const PLAN_INDICATORS_FILE = 'plan-indicators.json';

/** The plan's base year and target year (规划以2020年为基准年，规划期限2021-2025年). */
export const INDICATOR_BASE_YEAR = 2020;
export const INDICATOR_TARGET_YEAR = 2025;

/** The table's 分类 column, in plan order ("社会产业" is printed broken over two lines as 社会 / 产业). */
export const INDICATOR_CATEGORIES = [
  '幼儿照护服务',
  '现代教育服务',
  '就业创业服务',
  '城乡宜居服务',
  '公共文化服务',
  '公共体育服务',
  '卫生健康服务',
  '幸福养老服务',
  '民生保障服务',
  '优军优抚服务',
  '生活环境服务',
  '社会产业',
] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

export type IndicatorComparator = '≥' | '>' | '≤' | '<' | '=';

/** A 2020 or 2025 cell: the text as written plus what can be read out of it. */
export interface ParsedValue {
  /** As written in the plan (surrounding whitespace of the text extraction removed), e.g. "≥50", "〔45〕", "91左右", "—". */
  text: string;
  /** The number, or null when there is none ("—", blank, "省下目标") or it is not one number ("98/98"). */
  value: number | null;
  /** ≥ / ＞ / ≤ / ＜ (and 以上 / 以下 / 低于 …) normalised to ASCII-or-math form; null when none is written. */
  comparator: IndicatorComparator | null;
  /** 约 / 左右 / 大约 written with the number. */
  approx: boolean;
}

export interface PlanIndicator {
  /** Stable id, `ind-<序号 two digits>-<slug>`, e.g. "ind-24-hospital-beds"; sub-rows "ind-06-preschool". */
  id: string;
  category: IndicatorCategory;
  /** 序号 as printed (1–58); sub-rows share their parent's. */
  seq: number;
  /** Sub-row name (学前段, 义务段, 高中段) under a parent 序号; absent otherwise. */
  part?: string;
  /** 指标名称 without the trailing unit parentheses. */
  name: string;
  /** The unit from the name's last parentheses ("%", "张", "床/万人口"); "" when the plan gives none. */
  unit: string;
  /** The 2020年 column. */
  baseline: ParsedValue;
  /** The 2025年目标 column. */
  target: ParsedValue;
  /** The target is written 〔…〕: "〔〕内为五年累计增加或提高的数值" (the table's note 1), a 2021–2025 sum. */
  cumulative: boolean;
  /** The table's own notes that apply to the row and transcription remarks; "" when none. */
  note: string;
}

/** A value the user records for an indicator (stored by the app, not part of the plan). */
export interface IndicatorRecord {
  indicatorId: string;
  /** Calendar year the value is for. For cumulative (〔〕) indicators: that year's own amount, not a running total. */
  year: number;
  value: number;
  note?: string;
  recordedBy?: string;
  /** ISO 8601 time of recording; the latest wins when a year is recorded twice. */
  recordedAt: string;
}

/**
 * `met`: the latest value (running sum for cumulative indicators) satisfies the 2025 target.
 * `on-track`: not yet met but at or beyond the straight line from the 2020 value to the target.
 * `behind`: neither. `no-data`: nothing recorded up to the year. `no-target`: the plan gives no
 * usable target figure ("省下目标").
 */
export type IndicatorStatus = 'met' | 'on-track' | 'behind' | 'no-data' | 'no-target';
