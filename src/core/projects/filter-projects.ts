import { MOUNTAIN_ADCODES } from '../../shared/counties';
import type { ProjectCategory, ProjectProps } from '../../shared/projects';

export interface ProjectFilter {
  /** Empty = all categories. */
  categories: readonly ProjectCategory[];
  /** Empty = all counties. Citywide projects belong to no county and drop out once this is set. */
  counties: readonly number[];
  mountainOnly: boolean;
  /** Atomic kinds (新建, 续建 …); a "续建、新建" project matches either. Empty = all. */
  kinds: readonly string[];
  /** 亿元, on investmentTotal; a project with no figure drops out once a bound is set. */
  investmentMin: number | null;
  investmentMax: number | null;
  /** Substring of the name, location or agency. */
  text: string;
}

export const EMPTY_PROJECT_FILTER: ProjectFilter = {
  categories: [],
  counties: [],
  mountainOnly: false,
  kinds: [],
  investmentMin: null,
  investmentMax: null,
  text: '',
};

/** "续建、新建" → ["续建", "新建"]: the plan joins several kinds in one cell. */
export function atomicKinds(kind: string): string[] {
  return kind
    .split(/[、,，/／\s]+/)
    .map((k) => k.trim())
    .filter(Boolean);
}

export function distinctKinds(projects: readonly Pick<ProjectProps, 'kind'>[]): string[] {
  return [...new Set(projects.flatMap((p) => atomicKinds(p.kind)))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

export function isFilterActive(filter: ProjectFilter): boolean {
  return (
    filter.categories.length > 0 ||
    filter.counties.length > 0 ||
    filter.mountainOnly ||
    filter.kinds.length > 0 ||
    filter.investmentMin !== null ||
    filter.investmentMax !== null ||
    filter.text.trim() !== ''
  );
}

const mountain = new Set(MOUNTAIN_ADCODES);

export function matchesProject(project: ProjectProps, filter: ProjectFilter): boolean {
  if (filter.categories.length && !filter.categories.includes(project.category)) return false;
  if (filter.counties.length && (project.countyAdcode === null || !filter.counties.includes(project.countyAdcode)))
    return false;
  if (filter.mountainOnly && (project.countyAdcode === null || !mountain.has(project.countyAdcode))) return false;
  if (filter.kinds.length && !atomicKinds(project.kind).some((k) => filter.kinds.includes(k))) return false;
  if (filter.investmentMin !== null || filter.investmentMax !== null) {
    const total = project.investmentTotal;
    if (total === null) return false;
    if (filter.investmentMin !== null && total < filter.investmentMin) return false;
    if (filter.investmentMax !== null && total > filter.investmentMax) return false;
  }
  const text = filter.text.trim().toLowerCase();
  if (text && ![project.name, project.location, project.agency].some((v) => v.toLowerCase().includes(text)))
    return false;
  return true;
}

export function filterProjects<T extends ProjectProps>(projects: readonly T[], filter: ProjectFilter): T[] {
  return projects.filter((p) => matchesProject(p, filter));
}

export interface CountyProjectTotals {
  /** null = citywide projects, which belong to no county. */
  countyAdcode: number | null;
  count: number;
  investmentTotal: number;
  investmentPlan: number;
  /** Projects whose figure is 待定/—— and so is not in the sums. */
  withoutFigure: number;
}

/** Per-county totals in the order of `countyOrder`, citywide last. */
export function totalsByCounty(
  projects: readonly ProjectProps[],
  countyOrder: readonly number[],
): CountyProjectTotals[] {
  const rows = new Map<number | null, CountyProjectTotals>();
  for (const p of projects) {
    const row = rows.get(p.countyAdcode) ?? {
      countyAdcode: p.countyAdcode,
      count: 0,
      investmentTotal: 0,
      investmentPlan: 0,
      withoutFigure: 0,
    };
    row.count += 1;
    row.investmentTotal += p.investmentTotal ?? 0;
    row.investmentPlan += p.investmentPlan ?? 0;
    if (p.investmentTotal === null) row.withoutFigure += 1;
    rows.set(p.countyAdcode, row);
  }
  const order = (adcode: number | null) => (adcode === null ? Infinity : countyOrder.indexOf(adcode));
  return [...rows.values()]
    .map((r) => ({ ...r, investmentTotal: round1(r.investmentTotal), investmentPlan: round1(r.investmentPlan) }))
    .sort((a, b) => order(a.countyAdcode) - order(b.countyAdcode));
}

/** 亿元 are printed to 0.1 in the plan; summing floats must not print 1318.0000000002. */
function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Name search for the search box: exact name first, then names starting with, then containing. */
export function searchByName<T extends { name: string }>(items: readonly T[], query: string, limit = 12): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { item: T; score: number }[] = [];
  for (const item of items) {
    const name = item.name.toLowerCase();
    const index = name.indexOf(q);
    if (index < 0) continue;
    scored.push({ item, score: name === q ? 0 : index === 0 ? 1 : 2 + name.length / 1000 });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.item);
}
