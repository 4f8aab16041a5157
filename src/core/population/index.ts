/** The population grid: projection, binary format, lookup and import of a user's own counts. */
export {
  DEFAULT_CELL_SIZE_M,
  DEFAULT_GRID_ORIGIN,
  EARTH_RADIUS_M,
  GRID_LAT0,
  GRID_PROJECTION_INFO,
  M_PER_DEG_LAT,
  M_PER_DEG_LON,
  cellCorners,
  cellTrueAreaM2,
  type GridOrigin,
} from './projection';
export { gridLookup, makePopulationGrid, type GridCells, type GridLookup } from './grid';
export { decodePopulationGrid, encodePopulationGrid } from './grid-codec';
export {
  aggregatePopulationPoints,
  type AggregateOptions,
  type AggregateResult,
  type PopulationPoint,
  type RejectedPopulationPoint,
} from './aggregate';
