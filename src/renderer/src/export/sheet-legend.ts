import type { LegendEntry } from '../../../core/sheet/sheet-spec';
import { FACILITY_CATEGORIES } from '../../../shared/facilities';
import { FIELD_STATUSES } from '../../../shared/field';
import { PROJECT_CATEGORIES } from '../../../shared/projects';
import type { Translate } from '../i18n/translate';
import { FACILITY_CATEGORY_COLORS, PROJECT_CATEGORY_COLORS } from '../map/catalogue-colors';
import { BAND_COLORS } from '../map/coverage-layers';
import { FIELD_STATUS_COLORS } from '../map/field-layers';
import type { LayerGroupId } from '../map/layer-types';
import type { LayerState } from '../map/layer-state';
import { MAP_COLORS as C } from '../map/map-colors';

export interface SheetCoverage {
  thresholds: number[];
  unit: 'min' | 'm';
  /** 2SFCA points are on the map (facilities with a capacity). */
  access?: boolean;
}

/** What the point layers actually hold: a legend does not explain symbols the map cannot show. */
export interface LegendPresence {
  annotationStatuses: ReadonlySet<string>;
  projectCategories: ReadonlySet<string>;
  facilityCategories: ReadonlySet<string>;
}

const ACCESS_COLORS = ['#d7191c', '#fdae61', '#ffffbf', '#a6d96a', '#1a9641'];

/**
 * The legend of an exported sheet: an entry for what each visible layer draws, in layer-panel
 * order, and nothing for hidden layers or for symbols with nothing on the map (coverage before a
 * run, categories no shown point has). Colours come from the same palettes the map style uses.
 */
export function sheetLegendEntries(
  state: LayerState,
  coverage: SheetCoverage | null,
  presence: LegendPresence,
  t: Translate,
): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const byGroup: Partial<Record<LayerGroupId, () => LegendEntry[]>> = {
    annotations: () =>
      FIELD_STATUSES.filter((s) => presence.annotationStatuses.has(s)).map((s) => ({
        label: `${t('layer.annotations')}：${t(`fieldStatus.${s}`)}`,
        swatch: { kind: 'circle', color: FIELD_STATUS_COLORS[s], outline: '#212121' },
      })),
    projects: () =>
      PROJECT_CATEGORIES.filter((c) => presence.projectCategories.has(c)).map((c) => ({
        label: `${t('layer.projects')}：${t(`projectCategory.${c}`)}`,
        swatch: { kind: 'circle', color: PROJECT_CATEGORY_COLORS[c], outline: '#ffffff' },
      })),
    facilities: () =>
      FACILITY_CATEGORIES.filter((c) => presence.facilityCategories.has(c)).map((c) => ({
        label: `${t('layer.facilities')}：${t(`facilityCategory.${c}`)}`,
        swatch: { kind: 'circle', color: FACILITY_CATEGORY_COLORS[c], outline: '#ffffff' },
      })),
    coverage: () =>
      coverage
        ? coverage.thresholds.map((to, i) => ({
            label: `${t('layer.coverage')} ${t('legend.band', {
              from: i === 0 ? 0 : coverage.thresholds[i - 1]!,
              to,
              unit: t(`unit.${coverage.unit}`),
            })}`,
            swatch: { kind: 'fill', color: BAND_COLORS[Math.min(i, BAND_COLORS.length - 1)]!, opacity: 0.7 },
          }))
        : [],
    uncovered: () =>
      coverage ? [{ label: t('layer.uncovered'), swatch: { kind: 'fill', color: '#d7301f', opacity: 0.6 } }] : [],
    access: () =>
      coverage?.access
        ? ACCESS_COLORS.map((color, q) => ({
            label: `${t('layer.access')} Q${q + 1}`,
            swatch: { kind: 'circle', color, outline: '#ffffff' },
          }))
        : [],
    'city-outline': () => [{ label: t('legend.cityOutline'), swatch: { kind: 'line', color: C.cityOutline } }],
    'county-boundaries': () => [{ label: t('legend.countyBoundary'), swatch: { kind: 'line', color: C.countyLine } }],
    'mountain-counties': () => [
      { label: t('legend.mountain'), swatch: { kind: 'hatch', color: C.mountainHatch, outline: C.mountainLine } },
    ],
    roads: () => [
      { label: t('legend.expressway'), swatch: { kind: 'line', color: C.expressway } },
      { label: t('legend.arterial'), swatch: { kind: 'line', color: C.arterial } },
      { label: t('legend.provincial'), swatch: { kind: 'line', color: C.provincial } },
    ],
    rivers: () => [{ label: t('layer.rivers'), swatch: { kind: 'line', color: C.river } }],
    provinces: () => [{ label: t('legend.provinceBorder'), swatch: { kind: 'line', color: C.provinceLine } }],
    land: () => [{ label: t('legend.sea'), swatch: { kind: 'fill', color: C.sea, outline: '#8aa9c4' } }],
  };
  for (const group of state) if (group.visible) entries.push(...(byGroup[group.id]?.() ?? []));
  return entries;
}
