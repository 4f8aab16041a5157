/**
 * KML text → ImportTable via @tmcw/togeojson. The XML parser is passed in: the browser's DOMParser
 * on the main thread, @xmldom/xmldom in Node and in a Web Worker (which has no DOMParser).
 */
import { kml } from '@tmcw/togeojson';
import { errorDetail, fileError, type FileError } from './file-errors';
import { featuresToTable } from './feature-table';
import type { ImportTable } from './import-table';

/** What both DOMParser implementations have in common, typed loosely so core needs no DOM lib. */
export interface XmlParserLike {
  parseFromString(text: string, mimeType: 'text/xml'): unknown;
}

interface XmlDocumentLike {
  documentElement?: { localName?: string | null; nodeName?: string } | null;
  getElementsByTagName(name: string): { length: number };
}

export type KmlTableResult = { ok: true; table: ImportTable } | { ok: false; error: FileError };

/** togeojson copies KML styling into properties; those are not facility attributes. */
const STYLE_PROPERTY = /^(style|stroke|fill|icon|label-|visibility$|coordinateProperties$)/;

export function parseKmlTable(text: string, parser: XmlParserLike | undefined): KmlTableResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: fileError('empty-file') };
  if (!parser) return { ok: false, error: fileError('no-xml-parser') };
  let doc: XmlDocumentLike;
  try {
    doc = parser.parseFromString(body, 'text/xml') as XmlDocumentLike;
  } catch (error) {
    // @xmldom/xmldom throws on malformed XML…
    return { ok: false, error: fileError('invalid-xml', { detail: errorDetail(error) }) };
  }
  // …while the browser's DOMParser returns a document containing a <parsererror> element.
  if (!doc?.documentElement || doc.getElementsByTagName('parsererror').length > 0)
    return { ok: false, error: fileError('invalid-xml') };
  const root = doc.documentElement;
  const rootName = (root.localName ?? root.nodeName ?? '').replace(/^.*:/, '');
  if (rootName.toLowerCase() !== 'kml') return { ok: false, error: fileError('not-kml', { detail: rootName }) };

  let features;
  try {
    features = kml(doc as Parameters<typeof kml>[0]).features;
  } catch (error) {
    return { ok: false, error: fileError('not-kml', { detail: errorDetail(error) }) };
  }
  if (features.length === 0) return { ok: false, error: fileError('no-rows', { detail: 'no placemarks' }) };
  return { ok: true, table: featuresToTable(features, 'feature', (key) => !STYLE_PROPERTY.test(key)) };
}
