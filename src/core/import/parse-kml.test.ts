import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { parseKmlTable, type XmlParserLike } from './parse-kml';

// onError silences xmldom's console output; fatal errors still throw, as in production.
const xml: XmlParserLike = new DOMParser({ onError: () => undefined });

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <Style id="s"><IconStyle><scale>1.2</scale></IconStyle></Style>
    <Folder><name>医疗</name>
      <Placemark>
        <name>【示例】卫生院</name>
        <description>鹿城区</description>
        <styleUrl>#s</styleUrl>
        <ExtendedData>
          <Data name="床位"><value>30</value></Data>
          <SchemaData><SimpleData name="状态">在建</SimpleData></SchemaData>
        </ExtendedData>
        <Point><coordinates>120.65,28.01,0</coordinates></Point>
      </Placemark>
    </Folder>
    <Placemark><name>【示例】线</name><LineString><coordinates>120,28 121,28</coordinates></LineString></Placemark>
  </Document>
</kml>`;

describe('parseKmlTable', () => {
  it('turns placemarks into rows with name, description and ExtendedData as columns', () => {
    const result = parseKmlTable(KML, xml);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const t = result.table;
    expect(t.columns).toEqual(['name', 'description', '床位', '状态', 'lon', 'lat']);
    expect(t.rows[0]).toEqual(['【示例】卫生院', '鹿城区', '30', '在建', '120.65', '28.01']);
    expect(t.geometry?.issues).toEqual([null, 'not-a-point']);
    expect(t.sourceRowNumbers).toEqual([1, 2]);
  });

  it('reports malformed XML, non-KML XML, no placemarks and a missing parser', () => {
    expect(parseKmlTable('<kml><Placemark>', xml)).toMatchObject({ ok: false, error: { code: 'invalid-xml' } });
    expect(parseKmlTable('<gpx></gpx>', xml)).toMatchObject({ ok: false, error: { code: 'not-kml' } });
    expect(parseKmlTable('<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>', xml)).toMatchObject({
      ok: false,
      error: { code: 'no-rows' },
    });
    expect(parseKmlTable(KML, undefined)).toMatchObject({ ok: false, error: { code: 'no-xml-parser' } });
  });

  it('recognises a browser-style <parsererror> document as invalid XML', () => {
    const browserLike: XmlParserLike = {
      parseFromString: () => ({
        documentElement: { localName: 'html' },
        getElementsByTagName: (name: string) => ({ length: name === 'parsererror' ? 1 : 0 }),
      }),
    };
    expect(parseKmlTable('<kml', browserLike)).toMatchObject({ ok: false, error: { code: 'invalid-xml' } });
  });
});
