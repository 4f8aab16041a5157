import type { AllPaintProperties } from '@maplibre/maplibre-gl-style-spec';
import { LAYER_GROUPS } from './layer-groups';
import { LAYER_GROUP_IDS, type LayerGroupId, type StyleLayerDef } from './layer-types';

export interface LayerGroupState {
  id: LayerGroupId;
  visible: boolean;
  /** 0..1, multiplied with each style layer's base opacity. */
  opacity: number;
}

/** Top of the list first, as in the layer panel. */
export type LayerState = LayerGroupState[];

export const DEFAULT_LAYER_STATE: LayerState = LAYER_GROUP_IDS.map((id) => ({ id, visible: true, opacity: 1 }));

const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 1);

/**
 * Repairs stored state against the current layer list: unknown ids are dropped, layers added in a
 * newer release are inserted at their default position, bad numbers are clamped.
 */
export function normaliseLayerState(
  stored: readonly { id?: string; visible?: boolean; opacity?: number }[],
): LayerState {
  const known = new Set<string>(LAYER_GROUP_IDS);
  const seen = new Set<string>();
  const result: LayerState = [];
  for (const row of stored) {
    const id = row.id as LayerGroupId | undefined;
    if (!id || !known.has(id) || seen.has(id)) continue;
    seen.add(id);
    result.push({ id, visible: row.visible !== false, opacity: clamp01(row.opacity ?? 1) });
  }
  LAYER_GROUP_IDS.forEach((id, defaultIndex) => {
    if (seen.has(id)) return;
    result.splice(Math.min(defaultIndex, result.length), 0, { id, visible: true, opacity: 1 });
  });
  return result;
}

export function setVisible(state: LayerState, id: LayerGroupId, visible: boolean): LayerState {
  return state.map((g) => (g.id === id ? { ...g, visible } : g));
}

export function setOpacity(state: LayerState, id: LayerGroupId, opacity: number): LayerState {
  return state.map((g) => (g.id === id ? { ...g, opacity: clamp01(opacity) } : g));
}

/** Moves a group one place up (-1, towards the top of the list) or down (+1). */
export function move(state: LayerState, id: LayerGroupId, delta: -1 | 1): LayerState {
  const from = state.findIndex((g) => g.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= state.length) return state;
  const next = [...state];
  const [item] = next.splice(from, 1);
  if (item) next.splice(to, 0, item);
  return next;
}

/** Style layers bottom to top, as MapLibre draws them. */
export function orderedStyleLayers(state: LayerState): { def: StyleLayerDef; group: LayerGroupState }[] {
  return [...state].reverse().flatMap((group) => {
    const def = LAYER_GROUPS.find((g) => g.id === group.id);
    return (def?.styleLayers ?? []).map((layerDef) => ({ def: layerDef, group }));
  });
}

type OpacityProperty = keyof AllPaintProperties;

const OPACITY_PROPERTIES: Record<string, OpacityProperty[]> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  symbol: ['text-opacity', 'icon-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  heatmap: ['heatmap-opacity'],
  raster: ['raster-opacity'],
};

export function opacityProperties(layerType: string): OpacityProperty[] {
  return OPACITY_PROPERTIES[layerType] ?? [];
}
