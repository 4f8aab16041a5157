/**
 * Service facilities: a general layer type whose categories follow the plan's service areas.
 * Facility lists come from imports (real data), from the county public service centres (real,
 * from the boundary data) or from the generated samples (示例数据, never real).
 */
export const FACILITY_CATEGORIES = [
  'health', // 医疗卫生
  'education', // 教育
  'childcare', // 托育
  'elderly', // 养老
  'sports', // 体育健身
  'culture', // 文化
  'social-assistance', // 社会救助
  'other', // 便民/其他
] as const;
export type FacilityCategory = (typeof FACILITY_CATEGORIES)[number];

export const FACILITY_STATUSES = ['existing', 'under-construction', 'planned'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

/** Optional capacity; units are fixed so figures can be summed and compared. */
export interface FacilityCapacity {
  beds?: number;
  seats?: number;
  /** Places (托位, 学位, 床位 for elderly care may also be recorded as beds). */
  places?: number;
  areaM2?: number;
}

export const COORDINATE_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

/** `planned`: sites saved from OuTu's siting suggestions (status planned, never real). */
export type FacilitySetKind = 'county-centres' | 'sample' | 'import' | 'planned';

export interface Facility {
  /** Stable id: `${setId}:${key}` where key comes from the source row, so re-imports do not duplicate. */
  id: string;
  setId: string;
  name: string;
  category: FacilityCategory;
  status: FacilityStatus;
  /** WGS-84, after any conversion on import. */
  lon: number;
  lat: number;
  countyAdcode: number | null;
  capacity: FacilityCapacity;
  address?: string;
  /** Source columns that were not mapped, kept as text so nothing is lost. */
  extra: Record<string, string>;
  /** 1-based data row in the source file (header excluded); absent for generated sets. */
  sourceRow?: number;
}

export interface FacilitySet {
  id: string;
  name: string;
  kind: FacilitySetKind;
  /** True for generated sample data: shown with a 示例数据 badge everywhere. */
  isSample: boolean;
  sourceFile?: string;
  /** SHA-256 of the source bytes: the same file imported again replaces, never duplicates. */
  sourceHash?: string;
  /** The coordinate system the source was in (converted to WGS-84 on import). */
  sourceCrs: CoordinateSystem;
  createdAt: string;
  count: number;
}
