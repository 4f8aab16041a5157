/**
 * Step 2 of a facility import: guess which column holds what from Chinese and English header
 * names, with the values of coordinate columns as a tie-breaker (and a last resort when headers
 * say nothing, e.g. "X"/"Y" got lost). The UI shows the guess and lets the user correct it.
 */
import type { ImportTable } from './import-table';
import { parseCoordinate } from './parse-number';

export const MAPPABLE_FIELDS = [
  'name',
  'lon',
  'lat',
  'category',
  'status',
  'beds',
  'seats',
  'places',
  'areaM2',
  'address',
  'id',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];
export const REQUIRED_FIELDS = ['name', 'lon', 'lat'] as const;

/** Field → column name. name/lon/lat are required to build; the rest are optional. */
export interface ColumnMapping {
  name: string;
  lon: string;
  lat: string;
  category?: string;
  status?: string;
  beds?: string;
  seats?: string;
  places?: string;
  areaM2?: string;
  address?: string;
  id?: string;
}

export interface ColumnGuess {
  mapping: Partial<ColumnMapping>;
  /** Required fields no column was found for; the UI must ask. */
  missing: (typeof REQUIRED_FIELDS)[number][];
  /** The mapping when nothing is missing, ready for buildFacilities. */
  complete: ColumnMapping | null;
}

/** Synonyms in normalised form (see normaliseHeaderName); `contains` ones also match inside a longer header. */
const SYNONYMS: Record<MappableField, { exact: string[]; contains: string[] }> = {
  name: {
    exact: [
      '名称',
      '机构名称',
      '设施名称',
      '单位名称',
      '场馆名称',
      '场所名称',
      '站点名称',
      '学校名称',
      '医院名称',
      '名字',
      'name',
      'title',
      '标题',
    ],
    contains: ['名称'],
  },
  lon: {
    exact: ['经度', '东经', 'lng', 'lon', 'long', 'longitude', 'x', 'x坐标', '坐标x', 'point_x', 'pointx'],
    contains: ['经度', 'longitude'],
  },
  lat: {
    exact: ['纬度', '北纬', 'lat', 'latitude', 'y', 'y坐标', '坐标y', 'point_y', 'pointy'],
    contains: ['纬度', 'latitude'],
  },
  category: {
    exact: [
      '类型',
      '类别',
      '分类',
      '设施类型',
      '设施类别',
      '机构类型',
      '机构类别',
      'category',
      'type',
      'class',
      'kind',
    ],
    contains: ['类型', '类别', '分类', 'category'],
  },
  status: { exact: ['状态', '建设状态', '运营状态', '现状', 'status', 'state'], contains: ['状态', 'status'] },
  beds: {
    exact: ['床位', '床位数', '病床', '病床数', '编制床位', '核定床位', '实际床位', 'beds', 'bed'],
    contains: ['床位', '病床'],
  },
  seats: { exact: ['座位', '座位数', '座席', '坐席', '席位', 'seats', 'seat'], contains: ['座位', '座席', '坐席'] },
  places: { exact: ['托位', '托位数', '学位', '学位数', '学额', 'places', 'place'], contains: ['托位', '学位'] },
  areaM2: {
    exact: ['面积', '建筑面积', '占地面积', '场地面积', '用地面积', '使用面积', 'area', 'aream2', 'areasqm'],
    contains: ['面积'],
  },
  address: { exact: ['地址', '详细地址', '所在地址', '位置', '地点', 'address', 'addr'], contains: ['地址'] },
  id: {
    exact: ['编号', '设施编号', '机构编号', '代码', '机构代码', 'id', 'code', 'objectid', 'fid', 'uid'],
    contains: ['编号', '代码'],
  },
};

/**
 * Case-, width-, space- and bracket-insensitive: "面积（㎡）", "经度 (WGS84)", "X坐标" and
 * "Longitude " all reduce to the word that matters. Bracketed text is units or CRS notes.
 */
export function normaliseHeaderName(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>/g, '')
    .replace(/[\s_\-.:：]+/g, '');
}

function headerScore(field: MappableField, key: string): number {
  const { exact, contains } = SYNONYMS[field];
  if (exact.some((s) => s.replace(/_/g, '') === key)) return 100;
  // Longer matched words are more specific ("建筑面积" over "面积"); single letters never match inside.
  let best = 0;
  for (const word of contains) if (key.includes(word)) best = Math.max(best, 50 + word.length);
  return best;
}

const AMBIGUOUS_XY = new Set(['x', 'y', 'x坐标', 'y坐标', '坐标x', '坐标y', 'pointx', 'pointy']);

type CoordinateKind = 'lon' | 'lat';
/** Wide enough for all of China, disjoint so a value can only be one of the two. */
const RANGES: Record<CoordinateKind, [number, number]> = { lon: [73, 136], lat: [3, 54] };

/** Share of the non-blank sample values that are numbers inside the field's range (0 when none). */
function coordinateFit(values: readonly string[], kind: CoordinateKind): { fit: number; fractional: number } {
  let filled = 0;
  let inRange = 0;
  let fractional = 0;
  const [min, max] = RANGES[kind];
  for (const raw of values) {
    if (raw.trim() === '') continue;
    filled++;
    const parsed = parseCoordinate(raw);
    if (parsed.ok && parsed.value >= min && parsed.value <= max) {
      inRange++;
      if (!Number.isInteger(parsed.value)) fractional++;
    }
  }
  return filled === 0 ? { fit: 0, fractional: 0 } : { fit: inRange / filled, fractional: fractional / filled };
}

interface Candidate {
  field: MappableField;
  column: number;
  score: number;
}

export function guessColumns(table: Pick<ImportTable, 'columns' | 'rows' | 'geometry'>, sampleSize = 200): ColumnGuess {
  const { columns } = table;
  const sample = table.rows.slice(0, sampleSize);
  const columnValues = (c: number): string[] => sample.map((r) => r[c] ?? '');
  const mapping: Partial<ColumnMapping> = {};
  const used = new Set<number>();

  // A geometry file already says where the point is.
  if (table.geometry) {
    mapping.lon = table.geometry.lonColumn;
    mapping.lat = table.geometry.latColumn;
    used.add(columns.indexOf(table.geometry.lonColumn));
    used.add(columns.indexOf(table.geometry.latColumn));
  }

  const candidates: Candidate[] = [];
  const headerMatched = new Set<number>();
  columns.forEach((header, column) => {
    if (used.has(column)) return;
    const key = normaliseHeaderName(header);
    for (const field of MAPPABLE_FIELDS) {
      let score = headerScore(field, key);
      if (score === 0) continue;
      headerMatched.add(column);
      // Among columns named like coordinates, prefer the one whose values are coordinates.
      if (field === 'lon' || field === 'lat') score += 10 * coordinateFit(columnValues(column), field).fit;
      candidates.push({ field, column, score });
    }
    // X/Y mean easting/northing in GIS exports but northing/easting in Chinese surveying, so for
    // these headers the values decide: 28.0 under "X" is a latitude.
    if (AMBIGUOUS_XY.has(key)) {
      for (const kind of ['lon', 'lat'] as const) {
        candidates.push({ field: kind, column, score: 80 + 30 * coordinateFit(columnValues(column), kind).fit });
      }
    }
  });
  // Last resort for coordinates: an unnamed/unrecognised column of fractional numbers in range.
  columns.forEach((_, column) => {
    if (used.has(column) || headerMatched.has(column)) return;
    for (const kind of ['lon', 'lat'] as const) {
      const { fit, fractional } = coordinateFit(columnValues(column), kind);
      if (fit >= 0.9 && fractional >= 0.5) candidates.push({ field: kind, column, score: 20 * fit });
    }
  });

  const priority = (f: MappableField): number => MAPPABLE_FIELDS.indexOf(f);
  candidates.sort((a, b) => b.score - a.score || priority(a.field) - priority(b.field) || a.column - b.column);
  for (const { field, column } of candidates) {
    if (mapping[field] !== undefined || used.has(column)) continue;
    const name = columns[column];
    if (name === undefined) continue;
    mapping[field] = name;
    used.add(column);
  }

  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  const complete =
    mapping.name !== undefined && mapping.lon !== undefined && mapping.lat !== undefined
      ? { ...mapping, name: mapping.name, lon: mapping.lon, lat: mapping.lat }
      : null;
  return { mapping, missing, complete };
}
