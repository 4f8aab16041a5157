/**
 * GCJ-02 (高德/腾讯/天地图 exports from Chinese web maps) and BD-09 (百度) → WGS-84 with gcoord.
 * The offset is an obfuscation of a few hundred metres in Wenzhou: enough to put a clinic on the
 * wrong side of a river, so every imported point is converted before it is stored.
 */
import gcoord from 'gcoord';
import type { CoordinateSystem } from '../../shared/facilities';

export type LonLat = [number, number];

const GCOORD_CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

export function toWgs84(point: LonLat, from: CoordinateSystem): LonLat {
  if (from === 'wgs84') return [point[0], point[1]];
  const [lon, lat] = gcoord.transform<LonLat>([point[0], point[1]], GCOORD_CRS[from], gcoord.WGS84);
  return [lon, lat];
}

/** The forward direction, used to build test data and to show users what a shift looks like. */
export function fromWgs84(point: LonLat, to: CoordinateSystem): LonLat {
  if (to === 'wgs84') return [point[0], point[1]];
  const [lon, lat] = gcoord.transform<LonLat>([point[0], point[1]], gcoord.WGS84, GCOORD_CRS[to]);
  return [lon, lat];
}
