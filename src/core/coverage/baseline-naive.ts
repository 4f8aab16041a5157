/**
 * REFERENCE SLOW METHOD — for `npm run bench` only, never for the app.
 *
 * What radius coverage looks like done the obvious way with Turf: a 64-step circle per facility,
 * all circles unioned (turf.union, pairwise in a balanced tree), then every cell centre tested
 * against the union with turf.booleanPointInPolygon (each polygon of the union carries its bbox,
 * which Turf checks first). The fast path (radius.ts + stats.ts) must agree with it on the covered
 * population up to cells whose centre lies between the true circle and its 64-gon.
 */
import { booleanPointInPolygon, circle, featureCollection, point, union, bbox as turfBbox } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { PopulationGrid } from '../../shared/coverage';

export interface NaiveRadiusResult {
  /** People in cells whose centre lies in the union of the circles. */
  covered: number;
  /** Cells counted. */
  coveredCells: number;
  union: Feature<Polygon | MultiPolygon> | null;
}

export function naiveRadiusCoverage(
  grid: PopulationGrid,
  facilities: readonly { lon: number; lat: number }[],
  radiusM: number,
): NaiveRadiusResult {
  let layer: Feature<Polygon | MultiPolygon>[] = facilities.map((f) =>
    circle([f.lon, f.lat], radiusM, { steps: 64, units: 'meters' }),
  );
  if (layer.length === 0) return { covered: 0, coveredCells: 0, union: null };
  // Pairwise rounds: (0∪1), (2∪3), … until one polygon is left.
  while (layer.length > 1) {
    const next: Feature<Polygon | MultiPolygon>[] = [];
    for (let i = 0; i < layer.length; i += 2) {
      const a = layer[i] as Feature<Polygon | MultiPolygon>;
      const b = layer[i + 1];
      next.push(b ? (union(featureCollection([a, b])) ?? a) : a);
    }
    layer = next;
  }
  const merged = layer[0] as Feature<Polygon | MultiPolygon>;
  const parts: Feature<Polygon>[] = (
    merged.geometry.type === 'Polygon' ? [merged.geometry.coordinates] : merged.geometry.coordinates
  ).map((coordinates) => {
    const part: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
    part.bbox = turfBbox(part);
    return part;
  });
  let covered = 0;
  let coveredCells = 0;
  for (let i = 0; i < grid.lon.length; i++) {
    const pt = point([grid.lon[i] as number, grid.lat[i] as number]);
    if (parts.some((part) => booleanPointInPolygon(pt, part))) {
      covered += grid.population[i] as number;
      coveredCells++;
    }
  }
  return { covered, coveredCells, union: merged };
}
