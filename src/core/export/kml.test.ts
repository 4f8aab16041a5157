import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { escapeXml, toKml, type KmlPlacemark } from './kml';

const parser = new DOMParser({ onError: () => undefined });

function parseKml(text: string) {
  const doc = parser.parseFromString(text, 'text/xml');
  return kml(doc as unknown as Parameters<typeof kml>[0]);
}

describe('toKml', () => {
  const placemarks: KmlPlacemark[] = [
    {
      name: '鹿城区 <卫生院> & “诊所”',
      description: '第一行\n第二行 \'单引号\' "双引号"',
      lon: 120.6551234567,
      lat: 28.0123456789,
      data: { 状态: '在建', percent: 45.5, empty: null, 'a&b': 'x<y' },
    },
    { name: 'Second', lon: -0.5, lat: -45, data: {} },
  ];

  it('parses back with togeojson to the same points, names and data', () => {
    const collection = parseKml(toKml('瓯图 & 标注', placemarks));
    expect(collection.features).toHaveLength(2);
    const [first, second] = collection.features;
    expect(first?.geometry).toEqual({ type: 'Point', coordinates: [120.6551234567, 28.0123456789] });
    expect(first?.properties).toMatchObject({
      name: '鹿城区 <卫生院> & “诊所”',
      description: '第一行\n第二行 \'单引号\' "双引号"',
      状态: '在建',
      percent: '45.5',
      empty: '',
      'a&b': 'x<y',
    });
    expect(second?.geometry).toEqual({ type: 'Point', coordinates: [-0.5, -45] });
    expect(second?.properties?.name).toBe('Second');
  });

  it('writes a KML 2.2 document with the escaped document name', () => {
    const text = toKml('瓯图 & 标注', []);
    expect(text).toContain('<kml xmlns="http://www.opengis.net/kml/2.2">');
    expect(text).toContain('<name>瓯图 &amp; 标注</name>');
    const doc = parser.parseFromString(text, 'text/xml');
    expect(doc.documentElement?.localName).toBe('kml');
  });

  it('drops characters XML cannot hold, so the file stays well-formed', () => {
    expect(escapeXml('a\u0001b\u000Bc\ud800d\tx\ny')).toBe('abcd\tx\ny');
    const collection = parseKml(toKml('x', [{ name: 'bell\u0007', lon: 120, lat: 28, data: { k: 'v\u0000' } }]));
    expect(collection.features[0]?.properties).toMatchObject({ name: 'bell', k: 'v' });
    expect(escapeXml('😀')).toBe('😀');
  });

  it('refuses positions that are not finite WGS-84', () => {
    expect(() => toKml('x', [{ name: 'n', lon: Number.NaN, lat: 28, data: {} }])).toThrow(RangeError);
    expect(() => toKml('x', [{ name: 'n', lon: 120, lat: 91, data: {} }])).toThrow(/no valid position/);
  });
});
