/** Building PopulationGrid objects and looking cells up by column/row. */
import type { PopulationGrid } from '../../shared/coverage';
import { cellCentreLat, cellCentreLon, type GridOrigin } from './projection';

export interface GridCells {
  cellSizeM: number;
  origin: GridOrigin;
  col: Uint32Array;
  row: Uint32Array;
  population: Float64Array;
  county: Uint32Array;
  source: PopulationGrid['source'];
}

/** A PopulationGrid with cell-centre lon/lat derived from col/row and the origin. */
export function makePopulationGrid(cells: GridCells): PopulationGrid {
  const n = cells.col.length;
  if (cells.row.length !== n || cells.population.length !== n || cells.county.length !== n)
    throw new Error('population grid: col, row, population and county must have the same length');
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lon[i] = cellCentreLon(cells.origin, cells.cellSizeM, cells.col[i] as number);
    lat[i] = cellCentreLat(cells.origin, cells.cellSizeM, cells.row[i] as number);
  }
  return {
    cellSizeM: cells.cellSizeM,
    lon,
    lat,
    population: cells.population,
    county: cells.county,
    col: cells.col,
    row: cells.row,
    origin: { lon: cells.origin.lon, lat: cells.origin.lat },
    source: cells.source,
  };
}

/** Dense (col, row) → cell index table over the bounding box of a grid's cells. */
export interface GridLookup {
  minCol: number;
  minRow: number;
  /** Columns and rows of the bounding box. */
  width: number;
  height: number;
  /** index[(row − minRow) · width + (col − minCol)] = cell index, or −1 where there is no cell. */
  index: Int32Array;
  /** Cell index at (col, row), −1 when none or outside the box. */
  at(col: number, row: number): number;
}

/** Limit of the dense table (cells of the bounding box): 64 M entries = 256 MB would be a data error. */
const MAX_LOOKUP_CELLS = 64_000_000;

const lookups = new WeakMap<PopulationGrid, GridLookup>();

/**
 * The lookup table of a grid, built once per grid object (cached; grids are treated as immutable)
 * in O(cells + bounding box). Throws when two cells share a column/row.
 */
export function gridLookup(grid: PopulationGrid): GridLookup {
  const cached = lookups.get(grid);
  if (cached) return cached;
  const n = grid.col.length;
  let minCol = Infinity;
  let minRow = Infinity;
  let maxCol = -Infinity;
  let maxRow = -Infinity;
  for (let i = 0; i < n; i++) {
    const c = grid.col[i] as number;
    const r = grid.row[i] as number;
    if (c < minCol) minCol = c;
    if (c > maxCol) maxCol = c;
    if (r < minRow) minRow = r;
    if (r > maxRow) maxRow = r;
  }
  if (n === 0) minCol = minRow = maxCol = maxRow = 0;
  const width = maxCol - minCol + 1;
  const height = maxRow - minRow + 1;
  if (width * height > MAX_LOOKUP_CELLS)
    throw new Error(`population grid: cells span ${width} × ${height} columns/rows, too large for a lookup table`);
  const index = new Int32Array(width * height).fill(-1);
  for (let i = 0; i < n; i++) {
    const k = ((grid.row[i] as number) - minRow) * width + ((grid.col[i] as number) - minCol);
    if (index[k] !== -1) throw new Error(`population grid: cells ${index[k]} and ${i} share column/row`);
    index[k] = i;
  }
  const lookup: GridLookup = {
    minCol,
    minRow,
    width,
    height,
    index,
    at(col, row) {
      const c = col - minCol;
      const r = row - minRow;
      if (c < 0 || r < 0 || c >= width || r >= height) return -1;
      return index[r * width + c] as number;
    },
  };
  lookups.set(grid, lookup);
  return lookup;
}
