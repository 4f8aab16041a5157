import { describe, expect, it } from 'vitest';
import { isCumulativeText, parseIndicatorValue } from './parse-value';

describe('parseIndicatorValue', () => {
  it.each([
    ['29.5', 29.5, null, false],
    ['2.0', 2, null, false],
    ['≥50', 50, '≥', false],
    ['＞90', 90, '>', false],
    ['>99', 99, '>', false],
    ['<3.5', 3.5, '<', false],
    ['＜3.5', 3.5, '<', false],
    ['≤27', 27, '≤', false],
    ['〔45〕', 45, null, false],
    ['91左右', 91, null, true],
    ['约95', 95, null, true],
    ['95%以上', 95, '≥', false],
    ['90以下', 90, '≤', false],
    ['低于3.5%', 3.5, '<', false],
    ['不低于80', 80, '≥', false],
    ['=100', 100, '=', false],
    ['１２．５', 12.5, null, false],
    ['  81.6', 81.6, null, false],
    [' 584.75', 584.75, null, false],
  ] as const)('%j → %s %s approx=%s', (text, value, comparator, approx) => {
    expect(parseIndicatorValue(text)).toEqual({ text: text.trim(), value, comparator, approx });
  });

  it.each(['—', '  —', '', '——', '省下目标', '98/98', '待定', '五十'])('%j has no number', (text) => {
    expect(parseIndicatorValue(text)).toEqual({ text: text.trim(), value: null, comparator: null, approx: false });
  });

  it('keeps the text as written (only surrounding whitespace removed)', () => {
    expect(parseIndicatorValue(' ＞90 ').text).toBe('＞90');
    expect(parseIndicatorValue('〔5〕').text).toBe('〔5〕');
  });
});

describe('isCumulativeText', () => {
  it('is true only for a whole cell in 〔〕', () => {
    expect(isCumulativeText('〔45〕')).toBe(true);
    expect(isCumulativeText(' 〔5〕 ')).toBe(true);
    expect(isCumulativeText('45')).toBe(false);
    expect(isCumulativeText('〔〕内为五年累计增加或提高的数值。')).toBe(false);
  });
});
