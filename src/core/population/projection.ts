/**
 * The one local projection every population grid and coverage computation uses: an
 * equirectangular (plate carrée) projection with standard parallel 27.9°N, the middle of Wenzhou
 * (the 12 county polygons span 27.04–28.61°N).
 *
 *   x = (lon − origin.lon) · M_PER_DEG_LON,  y = (lat − origin.lat) · M_PER_DEG_LAT
 *   M_PER_DEG_LAT = R·π/180 = 111,195.08 m,  M_PER_DEG_LON = M_PER_DEG_LAT · cos 27.9° = 98,270.4 m
 *
 * North–south lengths are true everywhere. East–west lengths, and therefore areas, are scaled by
 * k(φ) = cos 27.9° / cos φ: from −0.78 % at the southern tip (27.04°N, 泰顺/苍南) to +0.67 % at the
 * northern tip (28.61°N, 永嘉/乐清), so every "250 m" cell is 250 m × 248.1–251.9 m on the ground
 * and cell areas are true to within 0.8 %. A grid cell is therefore also a regular lon/lat box,
 * which makes cell corners exact and cheap to compute.
 */
import type { PopulationGrid } from '../../shared/coverage';

/** Mean Earth radius (IUGG), the value @turf/distance uses. */
export const EARTH_RADIUS_M = 6_371_008.8;
/** Standard parallel of the grid projection, degrees north. */
export const GRID_LAT0 = 27.9;
export const M_PER_DEG_LAT = (EARTH_RADIUS_M * Math.PI) / 180;
export const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos((GRID_LAT0 * Math.PI) / 180);

export const DEFAULT_CELL_SIZE_M = 250;
/**
 * South-west corner of cell (0, 0) of every grid the app builds, so modelled and imported grids
 * line up cell for cell. Chosen west and south of all of Wenzhou (119.62°E, 27.04°N).
 */
export const DEFAULT_GRID_ORIGIN: Readonly<{ lon: number; lat: number }> = { lon: 119.5, lat: 26.9 };

/** Description written next to every grid (population-grid.json, README). */
export const GRID_PROJECTION_INFO = {
  name: 'equirectangular',
  lat0: GRID_LAT0,
  earthRadiusM: EARTH_RADIUS_M,
  x: '(lon − origin.lon) × 111195.08 × cos(27.9°) m',
  y: '(lat − origin.lat) × 111195.08 m',
  scaleError:
    'north–south true; east–west and area scale cos(27.9°)/cos(lat): −0.78 % at 27.04°N to +0.67 % at 28.61°N (< 0.8 % over Wenzhou)',
} as const;

export type GridOrigin = { lon: number; lat: number };

/** Centre of cell (col, row), WGS-84. */
export function cellCentreLon(origin: GridOrigin, cellSizeM: number, col: number): number {
  return origin.lon + ((col + 0.5) * cellSizeM) / M_PER_DEG_LON;
}

export function cellCentreLat(origin: GridOrigin, cellSizeM: number, row: number): number {
  return origin.lat + ((row + 0.5) * cellSizeM) / M_PER_DEG_LAT;
}

/** Grid-corner (vertex) coordinates: corner (c, r) is the south-west corner of cell (c, r). */
export function cornerLon(origin: GridOrigin, cellSizeM: number, c: number): number {
  return origin.lon + (c * cellSizeM) / M_PER_DEG_LON;
}

export function cornerLat(origin: GridOrigin, cellSizeM: number, r: number): number {
  return origin.lat + (r * cellSizeM) / M_PER_DEG_LAT;
}

/** Fractional grid coordinates (cell units) of a WGS-84 point; floor() gives its column/row. */
export function gridU(origin: GridOrigin, cellSizeM: number, lon: number): number {
  return ((lon - origin.lon) * M_PER_DEG_LON) / cellSizeM;
}

export function gridV(origin: GridOrigin, cellSizeM: number, lat: number): number {
  return ((lat - origin.lat) * M_PER_DEG_LAT) / cellSizeM;
}

/**
 * The four WGS-84 corners of cell i, counter-clockwise from the south-west:
 * [SW, SE, NE, NW] (append the first to close a GeoJSON ring).
 */
export function cellCorners(
  grid: PopulationGrid,
  i: number,
): [[number, number], [number, number], [number, number], [number, number]] {
  const col = grid.col[i];
  const row = grid.row[i];
  if (col === undefined || row === undefined) throw new RangeError(`cellCorners: no cell ${i}`);
  const { origin, cellSizeM } = grid;
  const w = cornerLon(origin, cellSizeM, col);
  const e = cornerLon(origin, cellSizeM, col + 1);
  const s = cornerLat(origin, cellSizeM, row);
  const n = cornerLat(origin, cellSizeM, row + 1);
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
  ];
}

/** True (ellipsoid-free, spherical) area of one cell at latitude lat, m²: the projection's only distortion. */
export function cellTrueAreaM2(cellSizeM: number, lat: number): number {
  return (cellSizeM * cellSizeM * Math.cos((lat * Math.PI) / 180)) / Math.cos((GRID_LAT0 * Math.PI) / 180);
}
