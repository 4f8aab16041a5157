import { BASEMAP_GROUPS } from './basemap-layers';
import { CATALOGUE_GROUPS } from './catalogue-layers';
import type { LayerGroupDef, LayerGroupId } from './layer-types';

export const LAYER_GROUPS: readonly LayerGroupDef[] = [...CATALOGUE_GROUPS, ...BASEMAP_GROUPS];

export function layerGroup(id: LayerGroupId): LayerGroupDef {
  const group = LAYER_GROUPS.find((g) => g.id === id);
  if (!group) throw new Error(`unknown layer group ${id}`);
  return group;
}
