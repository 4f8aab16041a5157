import type { CSSProperties } from 'react';
import { FACILITY_CATEGORIES } from '../../../shared/facilities';
import { PROJECT_CATEGORIES } from '../../../shared/projects';
import { FACILITY_CATEGORY_COLORS, PROJECT_CATEGORY_COLORS } from '../map/catalogue-colors';
import { BAND_COLORS } from '../map/coverage-layers';
import { FIELD_STATUSES } from '../../../shared/field';
import { FIELD_STATUS_COLORS } from '../map/field-layers';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/translate';
import type { LayerGroupId } from '../map/layer-types';
import type { LayerState } from '../map/layer-state';
import { MAP_COLORS as C } from '../map/map-colors';

interface LegendEntry {
  group: LayerGroupId | 'sea';
  label: MessageKey;
  swatch: CSSProperties;
  kind: 'line' | 'area';
}

const line = (color: string, casing: string, width = 4): CSSProperties => ({
  background: color,
  height: width,
  boxShadow: `0 0 0 1px ${casing}`,
});

const ENTRIES: LegendEntry[] = [
  {
    group: 'mountain-counties',
    label: 'legend.mountain',
    kind: 'area',
    swatch: {
      backgroundColor: `${C.mountainFill}55`,
      backgroundImage: `repeating-linear-gradient(135deg, ${C.mountainHatch} 0 1.5px, transparent 1.5px 6px)`,
      border: `2px solid ${C.mountainLine}`,
    },
  },
  { group: 'city-outline', label: 'legend.cityOutline', kind: 'line', swatch: line(C.cityOutline, C.halo, 3) },
  {
    group: 'county-boundaries',
    label: 'legend.countyBoundary',
    kind: 'line',
    swatch: { borderTop: `2px dashed ${C.countyLine}`, height: 0 },
  },
  {
    group: 'provinces',
    label: 'legend.provinceBorder',
    kind: 'line',
    swatch: { borderTop: `2px dashed ${C.provinceLine}`, height: 0 },
  },
  { group: 'roads', label: 'legend.expressway', kind: 'line', swatch: line(C.expressway, C.expresswayCasing) },
  { group: 'roads', label: 'legend.arterial', kind: 'line', swatch: line(C.arterial, C.arterialCasing) },
  { group: 'roads', label: 'legend.provincial', kind: 'line', swatch: line(C.provincial, C.provincialCasing) },
  { group: 'roads', label: 'legend.named', kind: 'line', swatch: line(C.named, C.namedCasing, 3) },
  { group: 'roads', label: 'legend.unnamed', kind: 'line', swatch: line(C.unnamed, C.unnamedCasing, 2) },
  { group: 'sea', label: 'legend.sea', kind: 'area', swatch: { background: C.sea } },
];

/** Lists only what is visible, so the legend never explains something the map does not show. */
/** One entry per band of the coverage run on the map, nearest first. */
export interface CoverageLegend {
  thresholds: number[];
  unit: 'min' | 'm';
}

export function Legend({ state, coverage }: { state: LayerState; coverage?: CoverageLegend | null }) {
  const { t } = useI18n();
  const visible = new Set<string>(state.filter((g) => g.visible).map((g) => g.id));
  visible.add('sea');
  return (
    <section className="legend" aria-label={t('legend.title')} data-testid="legend">
      <h3>{t('legend.title')}</h3>
      <ul>
        {ENTRIES.filter((e) => visible.has(e.group)).map((entry) => (
          <li key={entry.label}>
            <span className={`legend-swatch legend-${entry.kind}`} style={entry.swatch} aria-hidden="true" />
            <span>{t(entry.label)}</span>
          </li>
        ))}
      </ul>
      {coverage && visible.has('coverage') && (
        <>
          <h4>{t('layer.coverage')}</h4>
          <ul data-testid="legend-coverage">
            {coverage.thresholds.map((to, i) => (
              <li key={to}>
                <span
                  className="legend-swatch legend-area"
                  style={{ background: BAND_COLORS[Math.min(i, BAND_COLORS.length - 1)], opacity: 0.7 }}
                  aria-hidden="true"
                />
                <span>
                  {t('legend.band', {
                    from: i === 0 ? 0 : coverage.thresholds[i - 1]!,
                    to,
                    unit: t(`unit.${coverage.unit}`),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {visible.has('annotations') && (
        <>
          <h4>{t('legend.annotations')}</h4>
          <ul className="legend-categories" data-testid="legend-annotations">
            {FIELD_STATUSES.map((s) => (
              <li key={s}>
                <span
                  className="dot"
                  style={{ background: FIELD_STATUS_COLORS[s], boxShadow: '0 0 0 1.5px #212121' }}
                  aria-hidden="true"
                />
                <span>{t(`fieldStatus.${s}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {visible.has('projects') && (
        <>
          <h4>{t('layer.projects')}</h4>
          <ul className="legend-categories" data-testid="legend-projects">
            {PROJECT_CATEGORIES.map((c) => (
              <li key={c}>
                <span className="dot" style={{ background: PROJECT_CATEGORY_COLORS[c] }} aria-hidden="true" />
                <span>{t(`projectCategory.${c}`)}</span>
              </li>
            ))}
          </ul>
          <p className="muted">{t('layer.projectsNote')}</p>
        </>
      )}
      {visible.has('facilities') && (
        <>
          <h4>{t('layer.facilities')}</h4>
          <ul className="legend-categories" data-testid="legend-facilities">
            {FACILITY_CATEGORIES.map((c) => (
              <li key={c}>
                <span className="dot" style={{ background: FACILITY_CATEGORY_COLORS[c] }} aria-hidden="true" />
                <span>{t(`facilityCategory.${c}`)}</span>
              </li>
            ))}
          </ul>
          <p className="muted">{t('layer.facilitiesNote')}</p>
        </>
      )}
    </section>
  );
}
