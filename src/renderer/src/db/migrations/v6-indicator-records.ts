import type { Migration } from './types';

/** v6 (0.4.0): values users record for the plan's main indicators, one per indicator and year. */
export const v6IndicatorRecords: Migration = {
  version: 6,
  stores: { indicatorRecords: '&[indicatorId+year], indicatorId' },
};
