import type { Migration } from './types';

/**
 * v4 (0.3.0): finished coverage runs, keyed by a hash of every input (request, travel profiles)
 * and the data version, so a repeated run is read back instantly and a changed input or a data
 * update can never return a stale result.
 */
export const v4CoverageRuns: Migration = {
  version: 4,
  stores: { coverageRuns: '&key, createdAt' },
};
