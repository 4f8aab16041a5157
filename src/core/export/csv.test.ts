import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    delimiter: ',',
    skipEmptyLines: true,
  });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('toCsv', () => {
  it('round-trips Chinese text, commas, quotes and newlines through papaparse', () => {
    const header = ['名称 (name)', '备注 (note)', '数量 (count)'];
    const rows = [
      ['鹿城区“社区”卫生服务中心', '一行,两行\r\n第二行 "引号"', 3],
      ['瓯海区, 娄桥', ' 前后空格 ', 0],
      ['空值', null, -2.5],
    ];
    const text = toCsv(header, rows);
    expect(parse(text)).toEqual([
      header,
      ['鹿城区“社区”卫生服务中心', '一行,两行\r\n第二行 "引号"', '3'],
      ['瓯海区, 娄桥', ' 前后空格 ', '0'],
      ['空值', '', '-2.5'],
    ]);
  });

  it('uses CRLF line ends and adds a BOM only when asked', () => {
    const text = toCsv(['a', 'b'], [['1', 2]]);
    expect(text).toBe('a,b\r\n1,2\r\n');
    expect(toCsv(['a'], [], { bom: true })).toBe('\uFEFFa\r\n');
    expect(toCsv(['a'], [['x']], { bom: true }).charCodeAt(0)).toBe(0xfeff);
  });

  it('defuses text cells that a spreadsheet would run as a formula, but not numbers', () => {
    const rows = [['=HYPERLINK("http://x","点我")'], ['+86 577'], ['-1+2'], ['@SUM(A1)'], ['\tx'], [-3.5], ['a=b']];
    const text = toCsv(['v'], rows);
    expect(parse(text).slice(1)).toEqual([
      ['\'=HYPERLINK("http://x","点我")'],
      ["'+86 577"],
      ["'-1+2"],
      ["'@SUM(A1)"],
      ["'\tx"],
      ['-3.5'],
      ['a=b'],
    ]);
  });

  it('defuses multi-line formula cells too (papaparse’s default pattern misses them)', () => {
    expect(parse(toCsv(['v'], [['=1+1\nsecond line']]))[1]).toEqual(["'=1+1\nsecond line"]);
  });

  it('writes non-finite numbers and null as empty cells', () => {
    expect(toCsv(['a', 'b', 'c'], [[Number.NaN, Number.POSITIVE_INFINITY, null]])).toBe('a,b,c\r\n,,\r\n');
  });

  it('refuses rows whose width differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/row 1 has 1 cells/);
  });
});
