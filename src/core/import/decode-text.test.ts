import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeGb18030, decodeText } from './decode-text';

const TEXT = '名称,经度,纬度\n【示例】卫生院,120.65,28.01\n';
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 without and with a BOM, dropping the BOM', () => {
    expect(decodeText(utf8(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8', bom: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]);
    expect(decodeText(withBom)).toEqual({ text: TEXT, encoding: 'utf-8', bom: true });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeText(utf8('name,lon,lat\n')).encoding).toBe('utf-8');
  });

  it('falls back to GB18030 for a GBK "CSV" from Chinese Excel', () => {
    const gbk = new Uint8Array(iconv.encode(TEXT, 'gbk'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(decodeText(gbk)).toEqual({ text: TEXT, encoding: 'gb18030', bom: false });
  });

  it('reads characters outside GBK that only GB18030 has', () => {
    const text = '𠮷,䶮';
    expect(decodeText(new Uint8Array(iconv.encode(text, 'gb18030'))).text).toBe(text);
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(iconv.encode('名称\t经度', 'utf-16le'))]);
    expect(decodeText(le)).toEqual({ text: '名称\t经度', encoding: 'utf-16le', bom: true });
    const be = new Uint8Array([0xfe, 0xff, ...new Uint8Array(iconv.encode('名称', 'utf-16be'))]);
    expect(decodeText(be).text).toBe('名称');
  });

  it('gives the same text as the WHATWG gb18030 decoder it falls back to in a browser', () => {
    const gbk = new Uint8Array(iconv.encode(TEXT, 'gbk'));
    expect(decodeGb18030(gbk)).toBe(new TextDecoder('gb18030').decode(gbk));
  });
});
