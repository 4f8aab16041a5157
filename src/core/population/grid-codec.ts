/**
 * population-grid.bin: a 64-byte header and four little-endian typed arrays.
 *
 *   offset  type     field
 *   0       4 × u8   magic "OTPG"
 *   4       u32      format version (1)
 *   8       u32      cell count n
 *   12      u32      population type: 1 = Uint32 (whole people), 2 = Float64
 *   16      f64      cell size, metres
 *   24      f64      origin lon (south-west corner of cell (0, 0)), WGS-84
 *   32      f64      origin lat
 *   40      f64      projection standard parallel (27.9; equirectangular, see projection.ts)
 *   48      u32      source: 0 = modelled, 1 = imported
 *   52      u32      FNV-1a 32 checksum of every byte after the header
 *   56      8 × u8   reserved (0)
 *   64      n × (u32 | f64)  population
 *   …       n × u32  col, then n × u32 row, then n × u32 county adcode
 *
 * Cells are stored sorted by (row, col), each column/row at most once; lon/lat are derived.
 */
import type { PopulationGrid } from '../../shared/coverage';
import { makePopulationGrid } from './grid';
import { GRID_LAT0 } from './projection';

export const POPULATION_GRID_MAGIC = 'OTPG';
export const POPULATION_GRID_VERSION = 1;
export const POPULATION_GRID_HEADER_BYTES = 64;
const POP_U32 = 1;
const POP_F64 = 2;
/** Columns/rows beyond this are a corrupt file, not a grid (2^24 cells of 250 m = 4,194 km). */
const MAX_COL_ROW = 2 ** 24;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function fail(message: string): never {
  throw new Error(`population grid: ${message}`);
}

/** FNV-1a, 32 bit: cheap enough for every load and catches flipped or shifted bytes. */
export function fnv1a32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h >>> 0;
}

function isWholeUint32(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) return false;
  }
  return true;
}

/** Cell order (row, then col), the order the file stores. */
function sortedOrder(grid: PopulationGrid): Uint32Array {
  const n = grid.col.length;
  const order = new Uint32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0) {
      const dr = (grid.row[i] as number) - (grid.row[i - 1] as number);
      if (dr < 0 || (dr === 0 && (grid.col[i] as number) <= (grid.col[i - 1] as number))) sorted = false;
    }
  }
  if (!sorted) {
    order.sort(
      (a, b) => (grid.row[a] as number) - (grid.row[b] as number) || (grid.col[a] as number) - (grid.col[b] as number),
    );
  }
  return order;
}

/**
 * Bytes of a grid (cells re-ordered by (row, col) when they are not already). Population is stored
 * as Uint32 when every value is a whole number, else as Float64.
 */
export function encodePopulationGrid(grid: PopulationGrid): Uint8Array {
  if (!LITTLE_ENDIAN) fail('big-endian platforms are not supported');
  const n = grid.col.length;
  if (grid.row.length !== n || grid.population.length !== n || grid.county.length !== n)
    fail('col, row, population and county must have the same length');
  if (!(grid.cellSizeM > 0) || !Number.isFinite(grid.cellSizeM)) fail(`bad cell size ${grid.cellSizeM}`);
  for (let i = 0; i < n; i++) {
    const p = grid.population[i] as number;
    if (!Number.isFinite(p) || p < 0) fail(`cell ${i} has population ${p}`);
  }
  const order = sortedOrder(grid);
  for (let k = 1; k < n; k++) {
    const a = order[k - 1] as number;
    const b = order[k] as number;
    if (grid.row[a] === grid.row[b] && grid.col[a] === grid.col[b])
      fail(`cells ${a} and ${b} share column ${grid.col[a]}, row ${grid.row[a]}`);
  }
  const popType = isWholeUint32(grid.population) ? POP_U32 : POP_F64;
  const popBytes = popType === POP_U32 ? 4 * n : 8 * n;
  const total = POPULATION_GRID_HEADER_BYTES + popBytes + 12 * n;
  const buffer = new ArrayBuffer(total);
  const bytes = new Uint8Array(buffer);
  const pop =
    popType === POP_U32
      ? new Uint32Array(buffer, POPULATION_GRID_HEADER_BYTES, n)
      : new Float64Array(buffer, POPULATION_GRID_HEADER_BYTES, n);
  const col = new Uint32Array(buffer, POPULATION_GRID_HEADER_BYTES + popBytes, n);
  const row = new Uint32Array(buffer, POPULATION_GRID_HEADER_BYTES + popBytes + 4 * n, n);
  const county = new Uint32Array(buffer, POPULATION_GRID_HEADER_BYTES + popBytes + 8 * n, n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    pop[k] = grid.population[i] as number;
    col[k] = grid.col[i] as number;
    row[k] = grid.row[i] as number;
    county[k] = grid.county[i] as number;
  }
  const view = new DataView(buffer);
  for (let i = 0; i < 4; i++) bytes[i] = POPULATION_GRID_MAGIC.charCodeAt(i);
  view.setUint32(4, POPULATION_GRID_VERSION, true);
  view.setUint32(8, n, true);
  view.setUint32(12, popType, true);
  view.setFloat64(16, grid.cellSizeM, true);
  view.setFloat64(24, grid.origin.lon, true);
  view.setFloat64(32, grid.origin.lat, true);
  view.setFloat64(40, GRID_LAT0, true);
  view.setUint32(48, grid.source === 'modelled' ? 0 : 1, true);
  view.setUint32(52, fnv1a32(bytes, POPULATION_GRID_HEADER_BYTES), true);
  return bytes;
}

/**
 * Reads population-grid.bin. Throws an Error naming the problem for anything that is not a
 * complete, uncorrupted grid: wrong magic/version, truncated or over-long input, checksum
 * mismatch, non-finite or negative population, cells out of order or duplicated.
 */
export function decodePopulationGrid(input: Uint8Array | ArrayBuffer): PopulationGrid {
  if (!LITTLE_ENDIAN) fail('big-endian platforms are not supported');
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length < POPULATION_GRID_HEADER_BYTES)
    fail(`${bytes.length} bytes is shorter than the ${POPULATION_GRID_HEADER_BYTES}-byte header (truncated file?)`);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== POPULATION_GRID_MAGIC) fail(`not a population grid (magic "${magic}")`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== POPULATION_GRID_VERSION) fail(`unsupported format version ${version}`);
  const n = view.getUint32(8, true);
  const popType = view.getUint32(12, true);
  if (popType !== POP_U32 && popType !== POP_F64) fail(`unknown population type ${popType}`);
  const popBytes = popType === POP_U32 ? 4 * n : 8 * n;
  const expected = POPULATION_GRID_HEADER_BYTES + popBytes + 12 * n;
  if (bytes.length < expected) fail(`${bytes.length} bytes, expected ${expected} for ${n} cells (truncated file?)`);
  if (bytes.length > expected) fail(`${bytes.length} bytes, expected ${expected} for ${n} cells (trailing bytes)`);
  const cellSizeM = view.getFloat64(16, true);
  const lon = view.getFloat64(24, true);
  const lat = view.getFloat64(32, true);
  const lat0 = view.getFloat64(40, true);
  const sourceCode = view.getUint32(48, true);
  if (!(cellSizeM > 0 && cellSizeM < 1e6)) fail(`bad cell size ${cellSizeM}`);
  if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) fail(`bad origin ${lon}, ${lat}`);
  if (lat0 !== GRID_LAT0) fail(`unsupported projection (standard parallel ${lat0}, expected ${GRID_LAT0})`);
  if (sourceCode !== 0 && sourceCode !== 1) fail(`unknown source code ${sourceCode}`);
  const checksum = view.getUint32(52, true);
  const actual = fnv1a32(bytes, POPULATION_GRID_HEADER_BYTES);
  if (checksum !== actual) fail('checksum mismatch (corrupt file)');

  // Copy out of the input: aligned, owned arrays that do not pin the caller's buffer.
  // Uint8Array.prototype.slice, not bytes.slice: on a Node Buffer the latter is a view into a
  // shared pool, whose .buffer starts elsewhere.
  const body = Uint8Array.prototype.slice.call(bytes, POPULATION_GRID_HEADER_BYTES).buffer;
  const population =
    popType === POP_U32 ? Float64Array.from(new Uint32Array(body, 0, n)) : new Float64Array(body, 0, n);
  const col = new Uint32Array(body, popBytes, n);
  const row = new Uint32Array(body, popBytes + 4 * n, n);
  const county = new Uint32Array(body, popBytes + 8 * n, n);
  for (let i = 0; i < n; i++) {
    const p = population[i] as number;
    if (!Number.isFinite(p) || p < 0) fail(`cell ${i} has population ${p}`);
    const c = col[i] as number;
    const r = row[i] as number;
    if (c >= MAX_COL_ROW || r >= MAX_COL_ROW) fail(`cell ${i} at column ${c}, row ${r} is out of range`);
    if (i > 0) {
      const dr = r - (row[i - 1] as number);
      if (dr < 0 || (dr === 0 && c <= (col[i - 1] as number)))
        fail(`cell ${i} is out of (row, col) order or duplicated`);
    }
  }
  return makePopulationGrid({
    cellSizeM,
    origin: { lon, lat },
    col,
    row,
    population,
    county,
    source: sourceCode === 0 ? 'modelled' : 'imported',
  });
}
