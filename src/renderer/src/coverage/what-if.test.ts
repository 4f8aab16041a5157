import { describe, expect, it } from 'vitest';
import { scenarioRequest } from '../../../core/analysis/analyse-coverage';
import { fixtureTwoFacilityRequest } from '../../../core/coverage/summary-fixtures';
import { hasChanges, whatIfChange } from './what-if';

const base = fixtureTwoFacilityRequest;

describe('what-if', () => {
  it('names the proposed facilities in order and keeps the closed ones', () => {
    const change = whatIfChange(
      [
        { id: 'p1', lon: 119.8, lat: 27.4 },
        { id: 'p2', lon: 119.9, lat: 27.5 },
      ],
      ['a'],
      (i) => `proposed ${i + 1}`,
    );
    expect(change).toEqual({
      proposed: [
        { id: 'p1', name: 'proposed 1', lon: 119.8, lat: 27.4 },
        { id: 'p2', name: 'proposed 2', lon: 119.9, lat: 27.5 },
      ],
      closed: ['a'],
    });
    // The request a preview or a saved scenario answers for: the base's, changed.
    expect(scenarioRequest(base, change).facilities.map((f) => f.name)).toEqual(['B', 'proposed 1', 'proposed 2']);
  });

  it('knows when nothing changed', () => {
    expect(hasChanges({ proposed: [], closed: [] })).toBe(false);
    expect(hasChanges({ proposed: [], closed: ['a'] })).toBe(true);
    expect(hasChanges({ proposed: [{ id: 'p', lon: 0, lat: 0 }], closed: [] })).toBe(true);
  });
});
