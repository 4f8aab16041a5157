import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, parseXlsx } from './parse-xlsx';

async function xlsxBytes(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('parseXlsx', () => {
  it('reads the first worksheet with Excel row numbers, numbers unformatted and dates as ISO', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('设施');
      ws.addRow([]);
      ws.addRow(['名称', '经度', '纬度', '床位', '开业日期', '启用时间']);
      const row = ws.addRow([
        '【示例】卫生院',
        120.123456,
        28.5,
        1200,
        new Date(Date.UTC(2021, 5, 1)),
        new Date(Date.UTC(2021, 5, 1, 8, 30)),
      ]);
      row.getCell(4).numFmt = '#,##0';
      ws.addRow([]);
      ws.addRow(['【示例】诊所', { formula: 'B3+0.1', result: 120.223456 }, 28.25, null, null, null]);
      wb.addWorksheet('其他').addRow(['x']);
    });
    const result = await parseXlsx(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const t = result.table;
    expect(t.columns).toEqual(['名称', '经度', '纬度', '床位', '开业日期', '启用时间']);
    expect(t.rows[0]).toEqual(['【示例】卫生院', '120.123456', '28.5', '1200', '2021-06-01', '2021-06-01T08:30:00']);
    expect(t.rows[1]).toEqual(['【示例】诊所', '120.223456', '28.25', '', '', '']);
    expect(t.sourceRowNumbers).toEqual([3, 5]);
    expect(t.rowLabel).toBe('sheet-row');
    expect(t.sheets).toEqual({ names: ['设施', '其他'], read: '设施' });
  });

  it('names merged and blank header cells 列N', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = '名称';
      ws.getCell('B1').value = '坐标';
      ws.mergeCells('B1:C1');
      ws.getCell('E1').value = '备注';
      ws.addRow(['甲', 120.1, 28.1, 'd', 'e']);
    });
    const result = await parseXlsx(bytes);
    expect(result.ok && result.table.columns).toEqual(['名称', '坐标', '列3', '列4', '备注']);
  });

  it('reads a chosen worksheet by name or position and reports a missing one', async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet('A').addRows([['名称'], ['甲']]);
      wb.addWorksheet('B').addRows([['名称'], ['乙']]);
    });
    expect(await parseXlsx(bytes, { sheet: 'B' })).toMatchObject({ ok: true, table: { rows: [['乙']] } });
    expect(await parseXlsx(bytes, { sheet: 1 })).toMatchObject({ ok: true, table: { rows: [['乙']] } });
    expect(await parseXlsx(bytes, { sheet: 'C' })).toMatchObject({ ok: false, error: { code: 'no-worksheet' } });
  });

  it('reports a corrupt workbook, an empty sheet and a header-only sheet', async () => {
    const good = await xlsxBytes((wb) => wb.addWorksheet('S').addRows([['名称'], ['甲']]));
    const truncated = good.slice(0, good.length >> 1);
    expect(await parseXlsx(truncated)).toMatchObject({ ok: false, error: { code: 'bad-xlsx' } });
    expect(await parseXlsx(await xlsxBytes((wb) => wb.addWorksheet('S')))).toMatchObject({
      ok: false,
      error: { code: 'no-header' },
    });
    expect(await parseXlsx(await xlsxBytes((wb) => wb.addWorksheet('S').addRow(['名称'])))).toMatchObject({
      ok: false,
      error: { code: 'no-rows' },
    });
  });
});

describe('cellText', () => {
  it('turns every exceljs value kind into the text the user sees', () => {
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(13800000000)).toBe('13800000000');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ richText: [{ text: '【示例】' }, { text: '诊所' }] })).toBe('【示例】诊所');
    expect(cellText({ text: '链接', hyperlink: 'http://example.invalid' })).toBe('链接');
    expect(cellText({ sharedFormula: 'A1', result: 5 })).toBe('5');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText(null)).toBe('');
  });
});
