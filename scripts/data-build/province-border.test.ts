import { describe, expect, it } from 'vitest';
import { sharedBorder } from './province-border';

describe('sharedBorder', () => {
  const box: [number, number, number, number] = [0, 0, 1, 1];
  // Two squares side by side, traced independently: their common edge x = 0.5 is slightly offset.
  const west = [
    [
      [0, 0],
      [0.5, 0],
      [0.5, 0.25],
      [0.5, 0.5],
      [0.5, 0.75],
      [0.5, 1],
      [0, 1],
      [0, 0],
    ],
  ];
  const east = [
    [
      [0.5005, 0],
      [1, 0],
      [1, 1],
      [0.5005, 1],
      [0.5005, 0.75],
      [0.5005, 0.5],
      [0.5005, 0.25],
      [0.5005, 0],
    ],
  ];

  it('keeps only the run along the other polygon, not the box edges', () => {
    const lines = sharedBorder(west, east, box);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.geometry.coordinates).toEqual([
      [0.5, 0.25],
      [0.5, 0.5],
      [0.5, 0.75],
    ]);
  });

  it('finds nothing between polygons far apart', () => {
    const far = [
      [
        [5, 5],
        [6, 5],
        [6, 6],
        [5, 5],
      ],
    ];
    expect(sharedBorder(west, far, box)).toEqual([]);
  });
});
