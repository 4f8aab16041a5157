import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { translateMessage } from '../../shared/i18n/message';
import { parseFacilityFile } from './parse-facility-file';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const deps = { xmlParser: new DOMParser({ onError: () => undefined }) };
const CSV = '名称,经度,纬度\n【示例】卫生院,120.65,28.01\n';

describe('parseFacilityFile', () => {
  it('reads a GBK CSV and says which encoding it used', async () => {
    const result = await parseFacilityFile('设施.csv', new Uint8Array(iconv.encode(CSV, 'gbk')));
    expect(result).toMatchObject({ ok: true, format: 'csv', encoding: 'gb18030', delimiter: ',' });
    expect(result.ok && result.table.rows).toEqual([['【示例】卫生院', '120.65', '28.01']]);
  });

  it('chooses the parser by magic bytes first, then extension, then content', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRows([['名称'], ['甲']]);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await parseFacilityFile('renamed.csv', xlsx)).toMatchObject({ ok: true, format: 'xlsx' });
    const geojson = utf8('{"type":"Point","coordinates":[120,28]}');
    expect(await parseFacilityFile('points.json', geojson)).toMatchObject({ ok: true, format: 'geojson' });
    expect(await parseFacilityFile('points', geojson)).toMatchObject({ ok: true, format: 'geojson' });
    const kml = utf8(
      '<kml><Placemark><name>甲</name><Point><coordinates>120,28</coordinates></Point></Placemark></kml>',
    );
    expect(await parseFacilityFile('a.KML', kml, deps)).toMatchObject({ ok: true, format: 'kml' });
    expect(await parseFacilityFile('clipboard', utf8(CSV))).toMatchObject({ ok: true, format: 'csv' });
    // Web systems' "Excel export" that is really tab-separated text.
    expect(await parseFacilityFile('导出.xls', utf8('名称\t经度\n甲\t120\n'))).toMatchObject({
      ok: true,
      format: 'csv',
    });
  });

  it('returns typed errors for unreadable files instead of throwing library errors', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['empty.csv', new Uint8Array(), 'empty-file'],
      ['blank.csv', utf8('\n \n'), 'empty-file'],
      ['header-only.csv', utf8('名称,经度\n'), 'no-rows'],
      ['bad.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'bad-xlsx'],
      ['not-a-zip.xlsx', utf8('名称,经度'), 'bad-xlsx'],
      ['old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'legacy-xls'],
      ['html.xls', utf8('<html><table></table></html>'), 'legacy-xls'],
      ['bad.geojson', utf8('{"type":"FeatureCollection","features":['), 'invalid-json'],
      ['bad.kml', utf8('<kml><Document><Placemark></Document></kml>'), 'invalid-xml'],
      ['image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'binary-file'],
    ];
    for (const [name, bytes, code] of cases) {
      const result = await parseFacilityFile(name, bytes, deps);
      expect(result, name).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(translateMessage('zh', result.error.message).length, name).toBeGreaterThan(0);
    }
  });

  it('needs an XML parser for KML and says so', async () => {
    expect(await parseFacilityFile('a.kml', utf8('<kml/>'))).toMatchObject({
      ok: false,
      error: { code: 'no-xml-parser' },
    });
  });
});
