/**
 * The file formats OuTu writes layers in for other tools, one registry entry per format: its
 * writer for every layer, file extension, MIME type and the message key of its label.
 *
 * The registry is typed so the compiler checks completeness: adding an id to EXPORT_FORMAT_IDS
 * without an entry, or an entry without a writer for some layer, a MIME type or a label key, does
 * not compile. Callers look formats up here instead of branching on them, so an unknown format
 * cannot fall through to another format's writer.
 */
import type { Facility } from '../../shared/facilities';
import {
  annotationsToCsv,
  annotationsToGeoJson,
  annotationsToKml,
  type AnnotationExportInput,
  type AnnotationExportTexts,
} from '../field/annotation-export';
import {
  facilitiesCsv,
  facilitiesGeoJson,
  facilitiesKml,
  projectsCsv,
  projectsGeoJson,
  projectsKml,
  type LayerExportTexts,
  type ProjectExportInput,
} from './layer-exports';
import type { ExportStamp } from './run-metadata';

export const EXPORT_FORMAT_IDS = ['geojson', 'csv', 'kml'] as const;
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number];

/** What each layer's writers read. */
export interface ExportLayerInputs {
  facilities: readonly Facility[];
  projects: readonly ProjectExportInput[];
  annotations: AnnotationExportInput;
}
export type ExportLayer = keyof ExportLayerInputs;

/** Every text a file may carry, built by the caller from the message catalogue. */
export type ExportFileTexts = LayerExportTexts & AnnotationExportTexts;

export interface ExportContext {
  texts: ExportFileTexts;
  /** Who wrote the file, when, from which data; annotation files carry none. */
  stamp?: ExportStamp | undefined;
}

export type ExportWriters = {
  [L in ExportLayer]: (input: ExportLayerInputs[L], context: ExportContext) => string;
};

export interface ExportFormatSpec<F extends ExportFormatId = ExportFormatId> {
  writers: ExportWriters;
  /** Without the dot. */
  extension: string;
  mimeType: string;
  /** The format's name in the UI (the catalogue must have it: `t(labelKey)` checks). */
  labelKey: `exportFormat.${F}`;
  /**
   * Whether the file itself holds the stamp. A CSV stays a plain table (it must load back into
   * OuTu and QGIS with its header in the first row), so the caller writes the stamp beside it.
   */
  embedsStamp: boolean;
}

export type ExportFormatRegistry = { [F in ExportFormatId]: ExportFormatSpec<F> };

const geoJsonText = (collection: object) => `${JSON.stringify(collection)}\n`;

export const EXPORT_FORMATS = {
  geojson: {
    writers: {
      facilities: (facilities, { stamp }) => geoJsonText(facilitiesGeoJson(facilities, stamp)),
      projects: (projects, { stamp }) => geoJsonText(projectsGeoJson(projects, stamp)),
      // Indented by one space, as the annotation files have always been written.
      annotations: ({ annotations, photos }) => JSON.stringify(annotationsToGeoJson(annotations, photos), null, 1),
    },
    extension: 'geojson',
    mimeType: 'application/geo+json',
    labelKey: 'exportFormat.geojson',
    embedsStamp: true,
  },
  csv: {
    writers: {
      facilities: (facilities) => facilitiesCsv(facilities),
      projects: (projects) => projectsCsv(projects),
      annotations: ({ annotations, photos }) => annotationsToCsv(annotations, photos),
    },
    extension: 'csv',
    mimeType: 'text/csv',
    labelKey: 'exportFormat.csv',
    embedsStamp: false,
  },
  kml: {
    writers: {
      facilities: (facilities, context) => facilitiesKml(facilities, context),
      projects: (projects, context) => projectsKml(projects, context),
      annotations: ({ annotations, photos }, { texts }) => annotationsToKml(annotations, photos, texts),
    },
    extension: 'kml',
    mimeType: 'application/vnd.google-earth.kml+xml',
    labelKey: 'exportFormat.kml',
    embedsStamp: true,
  },
} as const satisfies ExportFormatRegistry;

export function exportFormat<F extends ExportFormatId>(format: F): ExportFormatSpec<F> {
  const registry: ExportFormatRegistry = EXPORT_FORMATS;
  return registry[format];
}

/** The text of one layer in one format. */
export function writeExport<L extends ExportLayer>(
  format: ExportFormatId,
  layer: L,
  input: ExportLayerInputs[L],
  context: ExportContext,
): string {
  const writers: ExportWriters = exportFormat(format).writers;
  return writers[layer](input, context);
}
