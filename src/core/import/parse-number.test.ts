import { describe, expect, it } from 'vitest';
import { parseCoordinate, parseQuantity } from './parse-number';

describe('parseCoordinate', () => {
  it('reads decimal degrees, full-width digits and the Unicode minus', () => {
    expect(parseCoordinate(' 120.65 ')).toEqual({ ok: true, value: 120.65 });
    expect(parseCoordinate('１２０．６５')).toEqual({ ok: true, value: 120.65 });
    expect(parseCoordinate('\u221233.5')).toEqual({ ok: true, value: -33.5 });
    expect(parseCoordinate('120')).toEqual({ ok: true, value: 120 });
  });

  it('reads degree–minute–second values with optional hemisphere', () => {
    const v = parseCoordinate('120°39′36″');
    expect(v.ok && v.value).toBeCloseTo(120.66, 10);
    const n = parseCoordinate('北纬28度1分');
    expect(n.ok && n.value).toBeCloseTo(28 + 1 / 60, 10);
    const e = parseCoordinate(`120°39'36"E`);
    expect(e.ok && e.value).toBeCloseTo(120.66, 10);
    expect(parseCoordinate('120.5W')).toEqual({ ok: true, value: -120.5 });
    expect(parseCoordinate('120°75′')).toEqual({ ok: false, code: 'not-a-number' });
  });

  it('refuses commas, words and blanks with distinct codes', () => {
    expect(parseCoordinate('120,65')).toEqual({ ok: false, code: 'decimal-comma' });
    expect(parseCoordinate('二十八')).toEqual({ ok: false, code: 'not-a-number' });
    expect(parseCoordinate('  ')).toEqual({ ok: false, code: 'empty' });
  });
});

describe('parseQuantity', () => {
  it('accepts thousands separators and a trailing unit', () => {
    expect(parseQuantity('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseQuantity('50张')).toEqual({ ok: true, value: 50 });
    expect(parseQuantity('1,200.5㎡')).toEqual({ ok: true, value: 1200.5 });
    expect(parseQuantity('３００ 平方米')).toEqual({ ok: true, value: 300 });
    expect(parseQuantity('-3')).toEqual({ ok: true, value: -3 });
  });

  it('refuses ranges, words and decimal commas', () => {
    expect(parseQuantity('20-30')).toEqual({ ok: false, code: 'not-a-number' });
    expect(parseQuantity('约五十')).toEqual({ ok: false, code: 'not-a-number' });
    expect(parseQuantity('12,5')).toEqual({ ok: false, code: 'not-a-number' });
    expect(parseQuantity('张')).toEqual({ ok: false, code: 'not-a-number' });
    expect(parseQuantity('')).toEqual({ ok: false, code: 'empty' });
  });
});
