import Dexie, { type Table } from 'dexie';
import type { Facility, FacilitySet } from '../../../shared/facilities';
import type { IndicatorRecord } from '../../../shared/indicators';
import type { ProjectProps } from '../../../shared/projects';
import type { FieldRecord, FieldRecordKind } from '../../../shared/field';
import { MIGRATIONS, type Migration } from './migrations';
import type { CoverageRunRow } from './coverage-run-repo';
import type { ScenarioRow } from './scenario-repo';
import type { PositionCorrection } from '../../../core/projects/apply-positions';

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
  /** Never stored: set in memory when field work corrected the position (see apply-positions). */
  correction?: PositionCorrection;
}

/** Photo and thumbnail bytes, keyed by their SHA-256. */
export interface BlobRow {
  sha256: string;
  type: string;
  size: number;
  blob: Blob;
}

/** Where a write came from: the user's own edit, an imported package, undo/redo, or a conflict choice. */
export type ChangeOrigin = 'edit' | 'import' | 'undo' | 'redo' | 'resolve' | 'restore';

/** One entry of the change log: a record before and after one write. */
export interface ChangeRow {
  seq?: number;
  /** All changes of one user action share a txId; undo works on whole transactions. */
  txId: string;
  at: string;
  author: string;
  origin: ChangeOrigin;
  /** What the user did, for the undo menu, e.g. "移动标注". */
  label: string;
  kind: FieldRecordKind;
  id: string;
  before: FieldRecord | null;
  after: FieldRecord;
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
  fieldRecords!: Table<FieldRecord, [FieldRecordKind, string]>;
  blobs!: Table<BlobRow, string>;
  changes!: Table<ChangeRow, number>;

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
