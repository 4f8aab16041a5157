import { describe, expect, it } from 'vitest';
import { hatchPattern, hexToRgb } from './hatch-pattern';

describe('hatch pattern', () => {
  it('has opaque line pixels and transparent gaps, and tiles seamlessly', () => {
    const size = 16;
    const { data } = hatchPattern(size, [10, 20, 30]);
    const alpha = (x: number, y: number) => data[(y * size + x) * 4 + 3] ?? -1;
    expect(alpha(0, 0)).toBe(255);
    expect(alpha(8, 0)).toBe(0);
    // The right edge continues into the left edge of the next tile.
    for (let y = 0; y < size; y++) expect(alpha(size - 1, y)).toBe(alpha(0, (y - 1 + size) % size));
    expect(hexToRgb('#8a6435')).toEqual([0x8a, 0x64, 0x35]);
  });
});
