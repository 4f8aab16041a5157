import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv';

function table(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`expected a table, got ${result.error.code}`);
  return result.table;
}

describe('parseCsv', () => {
  it('reads a comma-separated file with trimmed header names and real line numbers', () => {
    const t = table(' 名称 ,经度, 纬度\n甲,120.1,28.1\n乙,120.2,28.2\n');
    expect(t.columns).toEqual(['名称', '经度', '纬度']);
    expect(t.rows).toEqual([
      ['甲', '120.1', '28.1'],
      ['乙', '120.2', '28.2'],
    ]);
    expect(t.sourceRowNumbers).toEqual([2, 3]);
    expect(t.rowLabel).toBe('line');
  });

  it('detects tab, semicolon and pipe delimiters', () => {
    expect(parseCsv('名称\t经度\r\n甲\t120.1\r\n')).toMatchObject({ ok: true, delimiter: '\t' });
    expect(parseCsv('名称;经度\n甲;120.1\n')).toMatchObject({ ok: true, delimiter: ';' });
    expect(parseCsv('名称|经度\n甲|120.1\n')).toMatchObject({ ok: true, delimiter: '|' });
  });

  it('keeps line numbers true across blank lines, comma-only lines and quoted newlines', () => {
    const t = table(['', '名称,地址,床位', '甲,"鹿城区', '某路 1 号",10', '', ',,', '乙,瓯海区,20', ''].join('\n'));
    expect(t.rows.map((r) => r[0])).toEqual(['甲', '乙']);
    expect(t.rows[0]?.[1]).toBe('鹿城区\n某路 1 号');
    // Header on line 2; 甲 starts on line 3 and spans 4; 乙 is on line 7.
    expect(t.sourceRowNumbers).toEqual([3, 7]);
  });

  it('counts CRLF and CR-only line breaks inside quotes as one line each', () => {
    expect(table('a,b\r\n"x\r\ny",1\r\nz,2\r\n').sourceRowNumbers).toEqual([2, 4]);
    expect(table('a,b\r"x\ry",1\rz,2\r').sourceRowNumbers).toEqual([2, 4]);
  });

  it('names blank headers 列N, makes duplicates unique and widens for over-long rows', () => {
    const t = table('名称,,名称\n甲,x,y,溢出\n乙\n');
    expect(t.columns).toEqual(['名称', '列2', '名称(2)', '列4']);
    expect(t.rows).toEqual([
      ['甲', 'x', 'y', '溢出'],
      ['乙', '', '', ''],
    ]);
  });

  it('ignores a leading BOM left in the text', () => {
    expect(table('\uFEFF名称\n甲\n').columns).toEqual(['名称']);
  });

  it('reports empty files, header-only files and broken quotes with a code', () => {
    expect(parseCsv('')).toMatchObject({ ok: false, error: { code: 'empty-file' } });
    expect(parseCsv(' \n\n')).toMatchObject({ ok: false, error: { code: 'empty-file' } });
    expect(parseCsv('名称,经度\n\n')).toMatchObject({ ok: false, error: { code: 'no-rows' } });
    const broken = parseCsv('名称,经度\n甲,120\n"乙,121\n丙,122\n');
    expect(broken).toMatchObject({ ok: false, error: { code: 'csv-quotes', line: 3 } });
  });
});
