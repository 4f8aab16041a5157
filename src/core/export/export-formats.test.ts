import { describe, expect, it } from 'vitest';
import { annotation } from '../field/test-records';
import {
  EXPORT_FORMAT_IDS,
  EXPORT_FORMATS,
  exportFormat,
  writeExport,
  type ExportFormatId,
  type ExportFormatRegistry,
  type ExportFormatSpec,
  type ExportLayer,
} from './export-formats';
import { TEST_FILE_TEXTS } from './test-file-texts';

describe('export format registry', () => {
  it('is checked for completeness by the compiler', () => {
    // These assignments are compiled (tsc covers tests), never added to the registry.
    type WithGpx = ExportFormatId | 'gpx';
    // @ts-expect-error a format id without an entry (writers, extension, MIME type, label) does not compile
    const withoutEntry: { [F in WithGpx]: ExportFormatSpec<ExportFormatId> } = EXPORT_FORMATS;
    const { mimeType: _dropped, ...csvWithoutMime } = EXPORT_FORMATS.csv;
    // @ts-expect-error an entry without its MIME type does not compile
    const withoutMime: ExportFormatRegistry = { ...EXPORT_FORMATS, csv: csvWithoutMime };
    const { annotations: _none, ...someWriters } = EXPORT_FORMATS.kml.writers;
    const kmlWithoutWriter = { ...EXPORT_FORMATS.kml, writers: someWriters };
    // @ts-expect-error an entry missing the writer for one layer does not compile
    const withoutWriter: ExportFormatRegistry = { ...EXPORT_FORMATS, kml: kmlWithoutWriter };
    const csvLabelledKml = { ...EXPORT_FORMATS.csv, labelKey: 'exportFormat.kml' as const };
    // @ts-expect-error an entry labelled with another format's message key does not compile
    const wrongLabel: ExportFormatRegistry = { ...EXPORT_FORMATS, csv: csvLabelledKml };
    expect([withoutEntry, withoutMime, withoutWriter, wrongLabel].every((registry) => 'csv' in registry)).toBe(true);
  });

  it('has one entry per format id, each with its own extension and a MIME type', () => {
    expect(Object.keys(EXPORT_FORMATS).sort()).toEqual([...EXPORT_FORMAT_IDS].sort());
    for (const id of EXPORT_FORMAT_IDS) {
      const spec = exportFormat(id);
      expect(spec.extension).toBe(id);
      expect(spec.mimeType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      expect(spec.labelKey).toBe(`exportFormat.${id}`);
    }
    // Only the CSV needs its stamp beside it.
    expect(EXPORT_FORMAT_IDS.filter((id) => !exportFormat(id).embedsStamp)).toEqual(['csv']);
  });

  it("dispatches every layer to its format's writer, never to another format", () => {
    const layers: ExportLayer[] = ['facilities', 'projects', 'annotations'];
    const empty = { facilities: [], projects: [], annotations: { annotations: [annotation('a1')], photos: [] } };
    for (const layer of layers) {
      const written = (format: ExportFormatId) =>
        writeExport(format, layer, empty[layer], { texts: TEST_FILE_TEXTS }).replace(/^\uFEFF/, '');
      expect(() => JSON.parse(written('geojson')), layer).not.toThrow();
      expect(written('kml'), layer).toMatch(/^<\?xml[^\n]*\n<kml /);
      expect(written('csv').split('\r\n')[0], layer).toMatch(/^[^{<]+\(\w+\)/);
    }
  });
});
