/**
 * People beyond a travel-time threshold, as weighted points for a heat layer: one point per
 * populated cell whose minutes exceed the threshold (or that cannot reach any facility).
 */
import type { FeatureCollection, Point } from 'geojson';
import type { PopulationGrid } from '../../shared/coverage';

export interface UncoveredProperties {
  /** People in the cell (the heat layer's weight). */
  population: number;
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6 + 0;
}

/** Cell centres (6 decimals) with people and minutes > thresholdMin, Infinity or NaN; grid order. */
export function uncoveredPoints(
  grid: PopulationGrid,
  cellMinutes: Float32Array,
  thresholdMin: number,
): FeatureCollection<Point, UncoveredProperties> {
  const n = grid.population.length;
  if (cellMinutes.length !== n) throw new Error(`uncoveredPoints: cellMinutes must have ${n} entries`);
  if (Number.isNaN(thresholdMin)) throw new Error('uncoveredPoints: threshold is NaN');
  const features: FeatureCollection<Point, UncoveredProperties>['features'] = [];
  for (let i = 0; i < n; i++) {
    const population = grid.population[i] as number;
    // Same rule as "covered" (minutes ≤ threshold), negated so NaN counts as uncovered.
    if (!(population > 0) || (cellMinutes[i] as number) <= thresholdMin) continue;
    features.push({
      type: 'Feature',
      properties: { population },
      geometry: { type: 'Point', coordinates: [round6(grid.lon[i] as number), round6(grid.lat[i] as number)] },
    });
  }
  return { type: 'FeatureCollection', features };
}
