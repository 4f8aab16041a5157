/**
 * When most points of a file miss Wenzhou, one cause is far likelier than many independent typos:
 * the columns are swapped, the numbers are projected metres, or the file is not about Wenzhou.
 */
import type { CoordinateSystem } from '../../shared/facilities';
import { inWenzhouBox } from '../geo/wenzhou-area';
import { toWgs84 } from './convert-crs';
import type { FileHintCode } from './messages';

/** Fewer numeric points than this: row errors say enough. */
const MIN_POINTS = 3;

function isDegrees(lon: number, lat: number): boolean {
  return Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}

/**
 * `points`: every row whose two coordinates are numbers, as read (before conversion).
 * Returns a hint when more than half of them are outside Wenzhou after conversion.
 */
export function detectFileHint(points: readonly [number, number][], crs: CoordinateSystem): FileHintCode | null {
  if (points.length < MIN_POINTS) return null;
  const outside = points.filter(([lon, lat]) => !isDegrees(lon, lat) || !inWenzhouBox(...toWgs84([lon, lat], crs)));
  if (outside.length * 2 <= points.length) return null;
  const metres = outside.filter(([lon, lat]) => !isDegrees(lon, lat) && (Math.abs(lon) > 1000 || Math.abs(lat) > 1000));
  if (metres.length * 2 > outside.length) return 'projected-metres';
  const swapped = outside.filter(([lon, lat]) => isDegrees(lat, lon) && inWenzhouBox(...toWgs84([lat, lon], crs)));
  if (swapped.length * 2 > outside.length) return 'lat-lon-swapped';
  return 'not-in-wenzhou';
}
