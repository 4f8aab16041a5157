import { describe, expect, it } from 'vitest';
import { formatDistance, niceScaleBar } from './scale-bar';

describe('niceScaleBar', () => {
  it('picks the longest 1-2-5 length that fits', () => {
    // 10 m per pixel at 254 dpi = 10 px/mm = 100 m/mm.
    expect(niceScaleBar(10, 254, 50)).toEqual({ metres: 5000, lengthMm: 50, label: '5 km', segments: 5 });
    expect(niceScaleBar(10, 254, 49)).toMatchObject({ metres: 2000, lengthMm: 20, label: '2 km', segments: 4 });
    expect(niceScaleBar(10, 254, 19.9)).toMatchObject({ metres: 1000, lengthMm: 10, label: '1 km' });
    expect(niceScaleBar(1, 254, 60)).toMatchObject({ metres: 500, lengthMm: 50, label: '500 m' });
  });

  it('takes an exact power of ten (no log10 rounding slip)', () => {
    // 1 m per pixel at 25.4 dpi = 1 m/mm.
    expect(niceScaleBar(1, 25.4, 1000)).toMatchObject({ metres: 1000, label: '1 km' });
    expect(niceScaleBar(1, 25.4, 100)).toMatchObject({ metres: 100, label: '100 m' });
    expect(niceScaleBar(0.001, 25.4, 300)).toMatchObject({ metres: 0.2, label: '0.2 m' });
  });

  it('scales with DPI: the same metres per pixel printed at twice the DPI covers twice the ground per mm', () => {
    const at150 = niceScaleBar(100, 150, 40);
    const at300 = niceScaleBar(100, 300, 40);
    expect(at150.metres / at150.lengthMm).toBeCloseTo(((100 * 150) / 25.4) * 1, 6);
    expect(at300.metres / at300.lengthMm).toBeCloseTo((100 * 300) / 25.4, 6);
  });

  it('always stays within (0.4, 1] of the maximum and uses a 1, 2 or 5 lead digit', () => {
    for (let i = 0; i < 2000; i++) {
      const mpp = 10 ** (-1 + (i % 97) / 20);
      const max = 10 + (i % 53);
      const dpi = i % 2 === 0 ? 150 : 300;
      const bar = niceScaleBar(mpp, dpi, max);
      expect(bar.lengthMm).toBeLessThanOrEqual(max * (1 + 1e-9));
      expect(bar.lengthMm).toBeGreaterThan(max * 0.4 - 1e-9);
      const lead = bar.metres / 10 ** Math.floor(Math.log10(bar.metres) + 1e-9);
      expect([1, 2, 5]).toContainEqual(Number(lead.toPrecision(6)));
    }
  });

  it('rejects nonsense', () => {
    expect(() => niceScaleBar(0, 150, 40)).toThrow(RangeError);
    expect(() => niceScaleBar(Number.NaN, 150, 40)).toThrow(RangeError);
    expect(() => niceScaleBar(10, 0, 40)).toThrow(RangeError);
    expect(() => niceScaleBar(10, 150, -1)).toThrow(RangeError);
  });
});

describe('formatDistance', () => {
  it('switches to km from 1000 m and drops float noise', () => {
    expect(formatDistance(500)).toBe('500 m');
    expect(formatDistance(1000)).toBe('1 km');
    expect(formatDistance(20000)).toBe('20 km');
    expect(formatDistance(0.1 + 0.2)).toBe('0.3 m');
  });
});
