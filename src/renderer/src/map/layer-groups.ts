import { BASEMAP_GROUPS } from './basemap-layers';
import { CATALOGUE_GROUPS } from './catalogue-layers';
import { COVERAGE_GROUPS } from './coverage-layers';
import { FIELD_GROUPS } from './field-layers';
import type { LayerGroupDef, LayerGroupId } from './layer-types';

const [labels, ...restOfBasemap] = BASEMAP_GROUPS;

/** In the default order of LAYER_GROUP_IDS (top of the layer list first). */
export const LAYER_GROUPS: readonly LayerGroupDef[] = [
  ...FIELD_GROUPS,
  ...CATALOGUE_GROUPS,
  ...(labels ? [labels] : []),
  ...COVERAGE_GROUPS,
  ...restOfBasemap,
];

export function layerGroup(id: LayerGroupId): LayerGroupDef {
  const group = LAYER_GROUPS.find((g) => g.id === id);
  if (!group) throw new Error(`unknown layer group ${id}`);
  return group;
}
