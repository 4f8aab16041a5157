import type { Migration } from './types';
import { v1Settings } from './v1-settings';
import { v2LayerState } from './v2-layer-state';
import { v3Catalogue } from './v3-catalogue';
import { v4CoverageRuns } from './v4-coverage-runs';
import { v5Scenarios } from './v5-scenarios';
import { v6IndicatorRecords } from './v6-indicator-records';
import { v7FieldRecords } from './v7-field-records';

/** Every released schema version, oldest first. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  v1Settings,
  v2LayerState,
  v3Catalogue,
  v4CoverageRuns,
  v5Scenarios,
  v6IndicatorRecords,
  v7FieldRecords,
];
export type { Migration } from './types';
