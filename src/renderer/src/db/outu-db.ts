import Dexie, { type Table } from 'dexie';
import type { CoverageRequest, CoverageSummary, TravelProfile } from '../../../shared/coverage';
import type { Facility, FacilitySet } from '../../../shared/facilities';
import type { IndicatorRecord } from '../../../shared/indicators';
import type { TravelProfileSpec } from '../../../shared/travel-profiles';
import type { CoverageOutput } from '../coverage/worker-protocol';
import type { ProjectProps } from '../../../shared/projects';
import { MIGRATIONS, type Migration } from './migrations';

export const DB_NAME = 'outu';

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface LayerStateRow {
  id: string;
  /** 0 = top of the layer list, drawn last. */
  order: number;
  visible: boolean;
  opacity: number;
}

/** A project as stored: its properties plus the point (null for citywide projects). */
export interface ProjectRow extends ProjectProps {
  lon: number | null;
  lat: number | null;
}

export interface CoverageRunRow {
  /** sha256 of the canonical inputs + data version. */
  key: string;
  createdAt: string;
  label: string;
  request: CoverageRequest;
  profiles: Record<TravelProfile, TravelProfileSpec>;
  dataVersion: string;
  output: CoverageOutput;
}

/** A named what-if: changes on top of a run and the figures they gave. */
export interface ScenarioRow {
  id: string;
  name: string;
  createdAt: string;
  /** Label of the run it was built on (preset name or custom). */
  baseLabel: string;
  request: CoverageRequest;
  proposed: { id: string; lon: number; lat: number }[];
  closed: string[];
  summary: CoverageSummary;
}

export class OutuDb extends Dexie {
  settings!: Table<SettingRow, string>;
  layerState!: Table<LayerStateRow, string>;
  projects!: Table<ProjectRow, number>;
  facilitySets!: Table<FacilitySet, string>;
  facilities!: Table<Facility, string>;
  coverageRuns!: Table<CoverageRunRow, string>;
  scenarios!: Table<ScenarioRow, string>;
  indicatorRecords!: Table<IndicatorRecord, [string, number]>;

  /** `migrations` is a parameter so tests can open the database as an older release did. */
  constructor(
    name = DB_NAME,
    migrations: readonly Migration[] = MIGRATIONS,
    options?: ConstructorParameters<typeof Dexie>[1],
  ) {
    super(name, options);
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
  }
}

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
