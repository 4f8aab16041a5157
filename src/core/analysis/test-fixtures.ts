/**
 * Test fixture (not used by the app): a small town on a lattice of roads, for the analysis tests
 * and the engine fingerprint. 8 × 6 cells, 250 m apart, a road node on each; the west half in
 * 泰顺 (mountain), the east half in 鹿城; seeded people and road times, so it never changes.
 */
import type { CoverageData } from '../coverage/run-coverage';
import type { TestCell } from '../coverage/test-grid';
import { networkData } from '../equity/test-network';
import { seededRandom } from '../util/seeded-random';

export const TOWN_COLS = 8;
export const TOWN_ROWS = 6;

export function townData(): CoverageData {
  const rand = seededRandom(11);
  const cells: TestCell[] = [];
  for (let row = 0; row < TOWN_ROWS; row++)
    for (let col = 0; col < TOWN_COLS; col++)
      cells.push({
        col: 400 + col,
        row: 400 + row,
        // Some empty cells, as on the real grid.
        population: rand() < 0.15 ? 0 : 10 + Math.floor(rand() * 500),
        county: col < TOWN_COLS / 2 ? 330329 : 330302,
      });
  const edges: [number, number, number][] = [];
  const at = (col: number, row: number) => row * TOWN_COLS + col;
  for (let row = 0; row < TOWN_ROWS; row++)
    for (let col = 0; col < TOWN_COLS; col++) {
      if (col + 1 < TOWN_COLS) edges.push([at(col, row), at(col + 1, row), 1 + Math.floor(rand() * 6)]);
      if (row + 1 < TOWN_ROWS) edges.push([at(col, row), at(col, row + 1), 1 + Math.floor(rand() * 6)]);
    }
  return networkData(cells, edges);
}

/** A point near cell (col, row): `offset` of a cell to the north-east, so it has an access walk. */
export function townPoint(data: CoverageData, col: number, row: number, offset = 0): { lon: number; lat: number } {
  const { lon, lat } = data.grid;
  const i = row * TOWN_COLS + col;
  // One cell's step east and north, from the first column and row.
  const dLon = (lon[1]! - lon[0]!) * offset;
  const dLat = (lat[TOWN_COLS]! - lat[0]!) * offset;
  return { lon: lon[i]! + dLon, lat: lat[i]! + dLat };
}
