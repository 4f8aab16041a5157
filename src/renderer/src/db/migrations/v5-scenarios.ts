import type { Migration } from './types';

/**
 * v5 (0.4.0): named what-if scenarios (proposed and closed facilities on top of a coverage run,
 * with the resulting figures) for side-by-side comparison.
 */
export const v5Scenarios: Migration = {
  version: 5,
  stores: { scenarios: '&id, createdAt' },
};
