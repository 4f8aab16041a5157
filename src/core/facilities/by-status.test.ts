import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_STATUSES, facilitiesWithStatus, parseStatuses } from './by-status';

describe('facilities by status', () => {
  const facilities = [
    { id: 'a', status: 'existing' as const },
    { id: 'b', status: 'under-construction' as const },
    { id: 'c', status: 'planned' as const },
    { id: 'd', status: 'existing' as const },
  ];

  it('keeps existing ones only by default and counts the rest', () => {
    const { kept, leftOut } = facilitiesWithStatus(facilities, DEFAULT_RUN_STATUSES);
    expect(kept.map((f) => f.id)).toEqual(['a', 'd']);
    expect(leftOut).toBe(2);
    expect(facilitiesWithStatus(facilities, ['existing', 'planned']).kept.map((f) => f.id)).toEqual(['a', 'c', 'd']);
  });

  it('parses a list of statuses, in canonical order, and refuses unknown names', () => {
    expect(parseStatuses('planned, existing')).toEqual(['existing', 'planned']);
    expect(parseStatuses('under-construction')).toEqual(['under-construction']);
    expect(parseStatuses('existing,built')).toBeNull();
    expect(parseStatuses(' ')).toBeNull();
  });
});
