import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import { DEFAULT_LAYER_STATE, setVisible } from '../map/layer-state';
import { LAYER_GROUP_IDS } from '../map/layer-types';
import { sheetLegendEntries } from './sheet-legend';
import { FACILITY_CATEGORIES } from '../../../shared/facilities';
import { FIELD_STATUSES } from '../../../shared/field';
import { PROJECT_CATEGORIES } from '../../../shared/projects';

const t: Parameters<typeof sheetLegendEntries>[3] = (key, params) => translate('zh', key, params);
const coverage = { thresholds: [30, 60, 90], unit: 'min' as const };
const everything = {
  annotationStatuses: new Set<string>(FIELD_STATUSES),
  projectCategories: new Set<string>(PROJECT_CATEGORIES),
  facilityCategories: new Set<string>(FACILITY_CATEGORIES),
};

describe('sheet legend', () => {
  it('lists exactly the visible layers', () => {
    const onlySome = LAYER_GROUP_IDS.reduce(
      (state, id) => setVisible(state, id, ['coverage', 'mountain-counties', 'county-boundaries'].includes(id)),
      DEFAULT_LAYER_STATE,
    );
    expect(sheetLegendEntries(onlySome, coverage, everything, t).map((e) => e.label)).toEqual([
      '服务圈覆盖范围 0–30 分钟',
      '服务圈覆盖范围 30–60 分钟',
      '服务圈覆盖范围 60–90 分钟',
      '县级界线',
      '山区五县',
    ]);
  });

  it('drops a layer the moment it is hidden, and follows the layer order', () => {
    const all = sheetLegendEntries(DEFAULT_LAYER_STATE, coverage, everything, t).map((e) => e.label);
    expect(all).toContain('“十四五”重大项目：教育');
    expect(all).toContain('山区五县');
    expect(all.indexOf('实地标注：在建')).toBeLessThan(all.indexOf('“十四五”重大项目：教育'));
    const withoutProjects = sheetLegendEntries(
      setVisible(DEFAULT_LAYER_STATE, 'projects', false),
      coverage,
      everything,
      t,
    );
    expect(withoutProjects.map((e) => e.label)).not.toContain('“十四五”重大项目：教育');
    expect(withoutProjects).toHaveLength(all.length - 10);
  });

  it('has no coverage entries when no run is on the map, and nothing when every layer is hidden', () => {
    expect(sheetLegendEntries(DEFAULT_LAYER_STATE, null, everything, t).some((e) => e.label.startsWith('服务圈'))).toBe(
      false,
    );
    const none = LAYER_GROUP_IDS.reduce((state, id) => setVisible(state, id, false), DEFAULT_LAYER_STATE);
    expect(sheetLegendEntries(none, coverage, everything, t)).toEqual([]);
  });

  it('explains only the categories and statuses that are on the map', () => {
    const few = {
      annotationStatuses: new Set(['problem']),
      projectCategories: new Set<string>(),
      facilityCategories: new Set(['other']),
    };
    const labels = sheetLegendEntries(DEFAULT_LAYER_STATE, coverage, few, t).map((e) => e.label);
    expect(labels.filter((l) => l.startsWith('实地标注'))).toEqual(['实地标注：有问题']);
    expect(labels.filter((l) => l.startsWith('“十四五”'))).toEqual([]);
    expect(labels.filter((l) => l.startsWith('公共服务设施'))).toEqual(['公共服务设施：便民/其他']);
  });

  it('marks the mountain counties with the hatch swatch the map uses', () => {
    const entry = sheetLegendEntries(DEFAULT_LAYER_STATE, coverage, everything, t).find((e) => e.label === '山区五县');
    expect(entry?.swatch).toMatchObject({ kind: 'hatch', color: '#8a6435' });
  });
});
