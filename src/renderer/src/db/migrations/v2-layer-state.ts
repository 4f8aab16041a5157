import type { Transaction } from 'dexie';
import type { Migration } from './types';

interface V1LayersBlob {
  order?: unknown;
  visible?: Record<string, unknown>;
  opacity?: Record<string, unknown>;
}

/**
 * v2 (0.1.0): layer state gets its own table, one row per layer, so that later layers (projects,
 * facilities, coverage runs) can be added and removed without rewriting one shared blob.
 */
export const v2LayerState: Migration = {
  version: 2,
  stores: { layerState: '&id, order' },
  upgrade: async (tx: Transaction) => {
    const settings = tx.table('settings');
    const row = (await settings.get('layers')) as { key: string; value: V1LayersBlob } | undefined;
    if (!row) return;
    const blob = row.value ?? {};
    const order = Array.isArray(blob.order) ? blob.order.filter((id): id is string => typeof id === 'string') : [];
    const rows = order.map((id, index) => {
      const opacity = blob.opacity?.[id];
      return {
        id,
        order: index,
        visible: blob.visible?.[id] !== false,
        opacity: typeof opacity === 'number' && opacity >= 0 && opacity <= 1 ? opacity : 1,
      };
    });
    await tx.table('layerState').bulkPut(rows);
    await settings.delete('layers');
  },
};
