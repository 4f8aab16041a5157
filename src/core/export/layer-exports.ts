/**
 * Facility lists and the plan's projects as GeoJSON, CSV or KML, for checking them in other tools.
 *
 * - CSV: UTF-8 with BOM, headers "中文 (key)" like the other OuTu exports, no metadata block: a
 *   facility CSV must load back into OuTu's own import (名称/经度/纬度 are recognised) and into
 *   QGIS, both of which want the header in the first row. Unmapped source columns (`extra`) become
 *   columns `extra.<original name>`, the union over all rows in first-seen order.
 * - GeoJSON: Point features (geometry null for projects without a point, as in projects.geojson),
 *   flat properties, and the export stamp as a top-level `metadata` member when one is given.
 * - KML: point placemarks with ExtendedData; projects without a point cannot be placemarks, so
 *   they are left out and the document description says how many and which (序号).
 *
 * The writers here are reached through the format registry (export-formats.ts). Texts written into
 * the files (KML document names and descriptions) come from the caller in `LayerExportTexts`,
 * built from the message catalogue: core carries no prose. Column headers and category labels are
 * part of the file format (OuTu's import reads them back), not UI text, so they stay here.
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { countyByAdcode } from '../../shared/counties';
import type { Facility, FacilityCategory, FacilityStatus } from '../../shared/facilities';
import type { GeocodePrecision, ProjectProps } from '../../shared/projects';
import { toCsv, type CsvCell } from './csv';
import { escapeXml, toKml, type KmlPlacemark } from './kml';
import type { ExportStamp } from './run-metadata';

/** What a layer file says in words, given by the caller from the message catalogue. */
export interface LayerExportTexts {
  /** KML document names when the stamp carries no title. */
  facilitiesTitle: string;
  projectsTitle: string;
  /** Labels before the export time and data version in the KML document description. */
  exportedAtLabel: string;
  dataVersionLabel: string;
  /** The KML description's note on projects left out for having no point, listed by 序号. */
  projectsWithoutPoint: (count: number, seqs: readonly number[]) => string;
}

/** `stamp` (a RunExportMetadata works too) goes into the GeoJSON `metadata` member and the KML description. */
export interface LayerExportContext {
  texts: LayerExportTexts;
  stamp?: ExportStamp | undefined;
}

type Value = string | number | null;

export const FACILITY_CATEGORY_LABELS_ZH: Record<FacilityCategory, string> = {
  health: '医疗卫生',
  education: '教育',
  childcare: '托育',
  elderly: '养老',
  sports: '体育健身',
  culture: '文化',
  'social-assistance': '社会救助',
  other: '便民/其他',
};

export const FACILITY_STATUS_LABELS_ZH: Record<FacilityStatus, string> = {
  existing: '现有',
  'under-construction': '在建',
  planned: '规划',
};

export const GEOCODE_PRECISION_LABELS_ZH: Record<GeocodePrecision, string> = {
  site: '具体地点',
  township: '乡镇（街道）',
  county: '县级（县政府驻地）',
  citywide: '全市（无点位）',
};

/** Column key and Chinese header; the CSV header is "中文 (key)". */
type Column<K extends string> = readonly [K, string];

const FACILITY_COLUMNS = [
  ['id', '编号'],
  ['name', '名称'],
  ['category', '类别'],
  ['categoryLabel', '类别名称'],
  ['status', '状态'],
  ['statusLabel', '状态名称'],
  ['lon', '经度'],
  ['lat', '纬度'],
  ['countyAdcode', '行政区划代码'],
  ['county', '县（市、区）'],
  ['beds', '床位'],
  ['seats', '座位'],
  ['places', '托位/学位'],
  ['areaM2', '面积（平方米）'],
  ['address', '地址'],
  ['setId', '数据集'],
  ['sourceRow', '源文件行号'],
] as const satisfies readonly Column<string>[];

type FacilityKey = (typeof FACILITY_COLUMNS)[number][0];

export const FACILITY_CSV_HEADER: readonly string[] = FACILITY_COLUMNS.map(([key, zh]) => `${zh} (${key})`);

function countyName(adcode: number | null): string | null {
  return adcode === null ? null : (countyByAdcode(adcode)?.name ?? null);
}

function facilityValues(f: Facility): Record<FacilityKey, Value> {
  return {
    id: f.id,
    name: f.name,
    category: f.category,
    categoryLabel: FACILITY_CATEGORY_LABELS_ZH[f.category] ?? f.category,
    status: f.status,
    statusLabel: FACILITY_STATUS_LABELS_ZH[f.status] ?? f.status,
    lon: f.lon,
    lat: f.lat,
    countyAdcode: f.countyAdcode,
    county: countyName(f.countyAdcode),
    beds: f.capacity.beds ?? null,
    seats: f.capacity.seats ?? null,
    places: f.capacity.places ?? null,
    areaM2: f.capacity.areaM2 ?? null,
    address: f.address ?? null,
    setId: f.setId,
    sourceRow: f.sourceRow ?? null,
  };
}

/** Keys of `extra` over all facilities, in first-seen order. */
function extraKeys(facilities: readonly Facility[]): string[] {
  const keys = new Set<string>();
  for (const f of facilities) for (const key of Object.keys(f.extra)) keys.add(key);
  return [...keys];
}

/** The document description: who wrote the file, when, from which data, plus any notes. */
function stampText({ stamp, texts }: LayerExportContext): string[] {
  if (!stamp) return [];
  const parts = [`${stamp.app} ${stamp.appVersion}`, `${texts.exportedAtLabel} ${stamp.exportedAt}`];
  if (stamp.dataVersion) parts.push(`${texts.dataVersionLabel} ${stamp.dataVersion}`);
  return [parts.join(' · ')];
}

/** toKml with a <description> on the Document (toKml writes the document name only). */
function kmlDocument(name: string, placemarks: readonly KmlPlacemark[], description: string[]): string {
  const text = toKml(name, placemarks);
  if (description.length === 0) return text;
  const lines = text.split('\n');
  // toKml writes <Document> and then the document <name> line: the description goes right after.
  const at = lines.indexOf('<Document>');
  if (at < 0) throw new Error('kmlDocument: unexpected toKml output');
  lines.splice(at + 2, 0, `<description>${escapeXml(description.join('\n'))}</description>`);
  return lines.join('\n');
}

function withMetadata<G extends Geometry | null, P>(
  features: Feature<G, P>[],
  meta: ExportStamp | undefined,
): FeatureCollection<G, P> & { metadata?: ExportStamp } {
  return meta ? { type: 'FeatureCollection', metadata: meta, features } : { type: 'FeatureCollection', features };
}

export type FacilityExportProperties = Record<string, Value>;

export function facilitiesGeoJson(
  facilities: readonly Facility[],
  meta?: ExportStamp,
): FeatureCollection<Point, FacilityExportProperties> & { metadata?: ExportStamp } {
  const extras = extraKeys(facilities);
  const features = facilities.map((f): Feature<Point, FacilityExportProperties> => {
    const { lon, lat, ...values } = facilityValues(f);
    const properties: FacilityExportProperties = { ...values };
    for (const key of extras) properties[`extra.${key}`] = f.extra[key] ?? null;
    return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon as number, lat as number] }, properties };
  });
  return withMetadata(features, meta);
}

/** Facilities as a CSV table: no stamp inside, so the file loads straight back into OuTu and QGIS. */
export function facilitiesCsv(facilities: readonly Facility[]): string {
  const extras = extraKeys(facilities);
  const header = [...FACILITY_CSV_HEADER, ...extras.map((key) => `extra.${key}`)];
  const rows = facilities.map((f): CsvCell[] => {
    const values = facilityValues(f);
    return [...FACILITY_COLUMNS.map(([key]) => values[key]), ...extras.map((key) => f.extra[key] ?? null)];
  });
  return toCsv(header, rows, { bom: true });
}

/** Facilities as KML placemarks, the stamp in the document description. */
export function facilitiesKml(facilities: readonly Facility[], context: LayerExportContext): string {
  const extras = extraKeys(facilities);
  const placemarks = facilities.map((f): KmlPlacemark => {
    const { name, lon, lat, ...values } = facilityValues(f);
    const data: Record<string, Value> = { ...values };
    for (const key of extras) data[`extra.${key}`] = f.extra[key] ?? null;
    const placemark: KmlPlacemark = { name: String(name), lon: lon as number, lat: lat as number, data };
    if (f.address) placemark.description = f.address;
    return placemark;
  });
  return kmlDocument(context.stamp?.title ?? context.texts.facilitiesTitle, placemarks, stampText(context));
}

/** A project with its point; lon/lat null when the project has none (citywide). */
export type ProjectExportInput = ProjectProps & { lon: number | null; lat: number | null };

const PROJECT_COLUMNS = [
  ['seq', '序号'],
  ['name', '项目名称'],
  ['category', '类别'],
  ['kind', '项目类型'],
  ['period', '项目期限'],
  ['location', '建设地点'],
  ['content', '建设内容和规模'],
  ['investmentTotal', '总投资（亿元）'],
  ['investmentTotalText', '总投资原文'],
  ['investmentPlan', '“十四五”投资（亿元）'],
  ['investmentPlanText', '“十四五”投资原文'],
  ['agency', '组织实施单位'],
  ['geocodePrecision', '定位精度'],
  ['geocodePrecisionLabel', '定位精度名称'],
  ['countyAdcode', '行政区划代码'],
  ['county', '县（市、区）'],
  ['geocodeNote', '定位说明'],
  ['lon', '经度'],
  ['lat', '纬度'],
] as const satisfies readonly Column<string>[];

type ProjectKey = (typeof PROJECT_COLUMNS)[number][0];

export const PROJECT_CSV_HEADER: readonly string[] = PROJECT_COLUMNS.map(([key, zh]) => `${zh} (${key})`);

function hasPoint(p: ProjectExportInput): p is ProjectExportInput & { lon: number; lat: number } {
  return p.lon !== null && p.lat !== null && Number.isFinite(p.lon) && Number.isFinite(p.lat);
}

function projectValues(p: ProjectExportInput): Record<ProjectKey, Value> {
  const point = hasPoint(p);
  return {
    seq: p.seq,
    name: p.name,
    category: p.category,
    kind: p.kind,
    period: p.period,
    location: p.location,
    content: p.content,
    investmentTotal: p.investmentTotal,
    investmentTotalText: p.investmentTotalText ?? null,
    investmentPlan: p.investmentPlan,
    investmentPlanText: p.investmentPlanText ?? null,
    agency: p.agency,
    geocodePrecision: p.geocodePrecision,
    geocodePrecisionLabel: GEOCODE_PRECISION_LABELS_ZH[p.geocodePrecision] ?? p.geocodePrecision,
    countyAdcode: p.countyAdcode,
    county: countyName(p.countyAdcode),
    geocodeNote: p.geocodeNote,
    lon: point ? p.lon : null,
    lat: point ? p.lat : null,
  };
}

export type ProjectExportProperties = Omit<Record<ProjectKey, Value>, 'lon' | 'lat'>;

export function projectsGeoJson(
  projects: readonly ProjectExportInput[],
  meta?: ExportStamp,
): FeatureCollection<Point | null, ProjectExportProperties> & { metadata?: ExportStamp } {
  const features = projects.map((p): Feature<Point | null, ProjectExportProperties> => {
    const { lon, lat, ...properties } = projectValues(p);
    const geometry: Point | null =
      lon === null || lat === null ? null : { type: 'Point', coordinates: [lon as number, lat as number] };
    return { type: 'Feature', geometry, properties };
  });
  return withMetadata(features, meta);
}

/** Projects as a CSV table; projects without a point keep their row with empty 经度/纬度. */
export function projectsCsv(projects: readonly ProjectExportInput[]): string {
  const rows = projects.map((p): CsvCell[] => {
    const values = projectValues(p);
    return PROJECT_COLUMNS.map(([key]) => values[key]);
  });
  return toCsv(PROJECT_CSV_HEADER, rows, { bom: true });
}

/**
 * Projects as KML placemarks. Projects without a point cannot be placemarks: they are left out and
 * the document description says how many and which.
 */
export function projectsKml(projects: readonly ProjectExportInput[], context: LayerExportContext): string {
  const placemarks: KmlPlacemark[] = [];
  const skipped: number[] = [];
  for (const p of projects) {
    if (!hasPoint(p)) {
      skipped.push(p.seq);
      continue;
    }
    const { name, content, lon, lat, ...data } = projectValues(p);
    placemarks.push({ name: String(name), description: String(content), lon: lon as number, lat: lat as number, data });
  }
  const description = stampText(context);
  if (skipped.length > 0) description.push(context.texts.projectsWithoutPoint(skipped.length, skipped));
  return kmlDocument(context.stamp?.title ?? context.texts.projectsTitle, placemarks, description);
}
