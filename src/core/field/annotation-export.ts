/**
 * Field annotations for other tools: GeoJSON, CSV (Excel) and KML. Deleted annotations and deleted
 * photos are left out; each annotation lists its photos by count and file names. Properties are
 * flat text and numbers so every GIS and spreadsheet shows them as ordinary columns. The writers are
 * reached through the format registry (core/export/export-formats.ts); the KML's words come from
 * the caller in `AnnotationExportTexts` (core carries no prose).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { AttachedTo, FieldRecordOf, FieldStatus } from '../../shared/field';
import { toCsv, type CsvCell } from '../export/csv';
import { toKml } from '../export/kml';

export const FIELD_STATUS_LABELS_ZH: Record<FieldStatus, string> = {
  'not-started': '未开工',
  'under-construction': '在建',
  completed: '已完工',
  'in-service': '已投用',
  problem: '有问题',
};

/** What an annotation file says in words, given by the caller from the message catalogue. */
export interface AnnotationExportTexts {
  /** The KML document name. */
  annotationsTitle: string;
  /** Placemark name of an annotation without a title (KML viewers show names, not empty labels). */
  untitledAnnotation: string;
}

/** The field records an annotation export reads (the field snapshot has both). */
export interface AnnotationExportInput {
  annotations: readonly FieldRecordOf<'annotation'>[];
  photos: readonly FieldRecordOf<'photo'>[];
}

export interface AnnotationExportProperties {
  id: string;
  title: string;
  note: string;
  status: FieldStatus;
  statusLabel: string;
  category: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  accuracyM: number | null;
  positionSource: string;
  /** `project:<seq>`, `facility:<id>` or empty. */
  attachedTo: string;
  photoCount: number;
  /** File names joined with `; `, in the order the photos were added. */
  photoNames: string;
}

/** Column keys with their CSV headers: Chinese first, the English key in parentheses. */
const COLUMNS: [keyof AnnotationExportProperties | 'lon' | 'lat', string][] = [
  ['id', '编号'],
  ['title', '标题'],
  ['note', '备注'],
  ['status', '状态'],
  ['statusLabel', '状态名称'],
  ['category', '类别'],
  ['lon', '经度'],
  ['lat', '纬度'],
  ['accuracyM', '定位精度（米）'],
  ['positionSource', '定位方式'],
  ['attachedTo', '关联对象'],
  ['photoCount', '照片数'],
  ['photoNames', '照片文件名'],
  ['author', '记录人'],
  ['createdAt', '创建时间'],
  ['updatedAt', '更新时间'],
];

export const ANNOTATION_CSV_HEADER: readonly string[] = COLUMNS.map(([key, zh]) => `${zh} (${key})`);

export function attachedToText(attachedTo: AttachedTo): string {
  if (!attachedTo) return '';
  return attachedTo.kind === 'project' ? `project:${attachedTo.seq}` : `facility:${attachedTo.id}`;
}

export interface AnnotationExportRow {
  lon: number;
  lat: number;
  properties: AnnotationExportProperties;
}

/** Live annotations in creation order (then id), each with its live photos. */
export function annotationExportRows(
  annotations: readonly FieldRecordOf<'annotation'>[],
  photos: readonly FieldRecordOf<'photo'>[],
): AnnotationExportRow[] {
  const photosOf = new Map<string, FieldRecordOf<'photo'>[]>();
  for (const photo of photos) {
    if (photo.deleted) continue;
    const list = photosOf.get(photo.body.annotationId) ?? [];
    list.push(photo);
    photosOf.set(photo.body.annotationId, list);
  }
  return annotations
    .filter((a) => !a.deleted)
    .sort((a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id))
    .map((a) => {
      const own = (photosOf.get(a.id) ?? []).sort((x, y) => compare(x.createdAt, y.createdAt) || compare(x.id, y.id));
      const body = a.body;
      return {
        lon: body.lon,
        lat: body.lat,
        properties: {
          id: a.id,
          title: body.title,
          note: body.note,
          status: body.status,
          statusLabel: FIELD_STATUS_LABELS_ZH[body.status],
          category: body.category,
          author: a.createdBy,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
          accuracyM: body.accuracyM,
          positionSource: body.positionSource,
          attachedTo: attachedToText(body.attachedTo),
          photoCount: own.length,
          photoNames: own.map((p) => p.body.name).join('; '),
        },
      };
    });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function annotationsToGeoJson(
  annotations: readonly FieldRecordOf<'annotation'>[],
  photos: readonly FieldRecordOf<'photo'>[],
): FeatureCollection<Point, AnnotationExportProperties> {
  const features = annotationExportRows(annotations, photos).map((row): Feature<Point, AnnotationExportProperties> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [row.lon, row.lat] },
    properties: row.properties,
  }));
  return { type: 'FeatureCollection', features };
}

/** With a BOM for Excel; lon/lat as separate columns. */
export function annotationsToCsv(
  annotations: readonly FieldRecordOf<'annotation'>[],
  photos: readonly FieldRecordOf<'photo'>[],
): string {
  const rows = annotationExportRows(annotations, photos).map((row) =>
    COLUMNS.map(([key]): CsvCell => (key === 'lon' || key === 'lat' ? row[key] : row.properties[key])),
  );
  return toCsv(ANNOTATION_CSV_HEADER, rows, { bom: true });
}

export function annotationsToKml(
  annotations: readonly FieldRecordOf<'annotation'>[],
  photos: readonly FieldRecordOf<'photo'>[],
  texts: AnnotationExportTexts,
): string {
  const placemarks = annotationExportRows(annotations, photos).map((row) => {
    const { title, note, ...data } = row.properties;
    const name = title || texts.untitledAnnotation;
    return { name, description: note, lon: row.lon, lat: row.lat, data: { title, ...data } };
  });
  return toKml(texts.annotationsTitle, placemarks);
}
