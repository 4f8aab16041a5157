import { describe, expect, it } from 'vitest';
import { formatMiB, formatMs, formatRatio, median, p95, quantile } from './stats';

describe('bench stats', () => {
  it('computes interpolated quantiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(p95([...Array(21).keys()])).toBe(19);
    expect(quantile([5], 0.95)).toBe(5);
    expect(median([])).toBeNaN();
  });

  it('formats times, sizes and ratios for the tables', () => {
    expect(formatMs(1.234)).toBe('1.23 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(1234.5)).toBe('1235 ms');
    expect(formatMiB(3 * 1024 * 1024)).toBe('3.0 MiB');
    expect(formatMiB(null)).toBe('–');
    expect(formatRatio(30, 10)).toBe('3.00×');
    expect(formatRatio(30, 0)).toBe('–');
    expect(formatRatio(50, 10_000)).toBe('0.0050× (200× faster)');
  });
});
