import { FACILITY_CATEGORIES, type FacilityCategory } from '../../../shared/facilities';
import { PROJECT_CATEGORIES, type ProjectCategory } from '../../../shared/projects';

/** Ten well-separated hues (Tableau 10), in the order of the plan's category headings. */
const TABLEAU_10 = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#7f7f7f',
];

export const PROJECT_CATEGORY_COLORS = Object.fromEntries(
  PROJECT_CATEGORIES.map((category, i) => [category, TABLEAU_10[i] ?? '#888888']),
) as Record<ProjectCategory, string>;

export const FACILITY_CATEGORY_COLORS: Record<FacilityCategory, string> = {
  health: '#c62828',
  education: '#ef6c00',
  childcare: '#d81b60',
  elderly: '#2e7d32',
  sports: '#1565c0',
  culture: '#6a1b9a',
  'social-assistance': '#9e7c0c',
  other: '#455a64',
};

/** A MapLibre `match` expression colouring features by a category property. */
export function categoryColorExpression(
  property: string,
  categories: readonly string[],
  colors: Record<string, string>,
  fallback: string,
): unknown[] {
  return ['match', ['get', property], ...categories.flatMap((c) => [c, colors[c] ?? fallback]), fallback];
}

export const projectColorExpression = () =>
  categoryColorExpression('category', PROJECT_CATEGORIES, PROJECT_CATEGORY_COLORS, '#888888');
export const facilityColorExpression = () =>
  categoryColorExpression('category', FACILITY_CATEGORIES, FACILITY_CATEGORY_COLORS, '#888888');
