import type { Migration } from './types';

/**
 * v1 (0.1.0-dev): one key-value table. Layer state was stored as a single JSON value under the
 * key 'layers' ({ order: string[], visible: Record<id, boolean>, opacity: Record<id, number> }).
 */
export const v1Settings: Migration = {
  version: 1,
  stores: { settings: '&key' },
};
