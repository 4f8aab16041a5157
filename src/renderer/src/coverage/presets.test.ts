import { describe, expect, it } from 'vitest';
import { COVERAGE_PRESETS, parseThresholds } from './presets';

describe('coverage presets', () => {
  it("include the plan's 10-minute fitness walk and 1.5-hour rural drive from the county centres", () => {
    const fitness = COVERAGE_PRESETS.find((p) => p.id === 'fitness-walk-10');
    expect(fitness).toMatchObject({ method: 'network', profile: 'walk', facilities: { categories: ['sports'] } });
    expect(fitness?.thresholds.at(-1)).toBe(10);
    const rural = COVERAGE_PRESETS.find((p) => p.id === 'rural-drive-90');
    expect(rural).toMatchObject({ profile: 'drive', facilities: { kind: 'county-centres' } });
    expect(rural?.thresholds.at(-1)).toBe(90);
  });

  it('parses threshold lists written with Chinese or Latin separators', () => {
    expect(parseThresholds('15, 5，10、10')).toEqual([5, 10, 15]);
    expect(parseThresholds('90')).toEqual([90]);
    expect(parseThresholds('')).toBeNull();
    expect(parseThresholds('5, ten')).toBeNull();
    expect(parseThresholds('0, 5')).toBeNull();
  });
});
