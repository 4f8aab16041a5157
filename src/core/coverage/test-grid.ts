/** Small synthetic grids for the coverage tests (not used by the app). */
import type { PopulationGrid } from '../../shared/coverage';
import { makePopulationGrid } from '../population/grid';
import { DEFAULT_CELL_SIZE_M, DEFAULT_GRID_ORIGIN, type GridOrigin } from '../population/projection';

export { seededRandom as prng } from '../util/seeded-random';

export interface TestCell {
  col: number;
  row: number;
  population?: number;
  county?: number;
}

export function gridOf(
  cells: readonly TestCell[],
  origin: GridOrigin = DEFAULT_GRID_ORIGIN,
  cellSizeM = DEFAULT_CELL_SIZE_M,
): PopulationGrid {
  return makePopulationGrid({
    cellSizeM,
    origin,
    col: Uint32Array.from(cells, (c) => c.col),
    row: Uint32Array.from(cells, (c) => c.row),
    population: Float64Array.from(cells, (c) => c.population ?? 1),
    county: Uint32Array.from(cells, (c) => c.county ?? 330302),
    source: 'imported',
  });
}

/**
 * A grid drawn as text, top line = northernmost row: '.' or ' ' = no cell, a digit d = a cell with
 * d minutes, 'x' = a cell that cannot reach anything (Infinity). Columns/rows start at (col0, row0).
 */
export function gridFromAscii(
  lines: readonly string[],
  col0 = 400,
  row0 = 400,
): { grid: PopulationGrid; minutes: Float32Array } {
  const cells: TestCell[] = [];
  const minutes: number[] = [];
  lines.forEach((line, li) => {
    const row = row0 + lines.length - 1 - li;
    [...line].forEach((ch, ci) => {
      if (ch === '.' || ch === ' ') return;
      cells.push({ col: col0 + ci, row, population: 1 });
      minutes.push(ch === 'x' ? Infinity : Number(ch));
    });
  });
  return { grid: gridOf(cells), minutes: Float32Array.from(minutes) };
}
