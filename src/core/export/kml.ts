/**
 * KML 2.2 text of point placemarks, for Google Earth, Ovi/Lime maps and GIS tools. Attributes go
 * to ExtendedData <Data> elements, which togeojson, QGIS and Google Earth all read back.
 */

export interface KmlPlacemark {
  name: string;
  description?: string;
  /** WGS-84. */
  lon: number;
  lat: number;
  data: Record<string, string | number | null>;
}

/** Characters XML 1.0 does not allow at all (they cannot even be escaped); dropped. */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function dataValue(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return value;
}

export function toKml(documentName: string, placemarks: readonly KmlPlacemark[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '<Document>',
    `<name>${escapeXml(documentName)}</name>`,
  ];
  for (const placemark of placemarks) {
    const { lon, lat } = placemark;
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
      throw new RangeError(`toKml: placemark ${placemark.name} has no valid position (${lon}, ${lat})`);
    lines.push('<Placemark>', `<name>${escapeXml(placemark.name)}</name>`);
    if (placemark.description !== undefined)
      lines.push(`<description>${escapeXml(placemark.description)}</description>`);
    const data = Object.entries(placemark.data);
    if (data.length > 0) {
      lines.push('<ExtendedData>');
      for (const [name, value] of data)
        lines.push(`<Data name="${escapeXml(name)}"><value>${escapeXml(dataValue(value))}</value></Data>`);
      lines.push('</ExtendedData>');
    }
    lines.push(`<Point><coordinates>${lon},${lat}</coordinates></Point>`, '</Placemark>');
  }
  lines.push('</Document>', '</kml>', '');
  return lines.join('\n');
}
