/**
 * A generous box around Wenzhou (the 12 county polygons span 119.62–121.27 E, 27.04–28.61 N):
 * an imported point outside it is a data error, not a facility.
 */
export const WENZHOU_BOX = { minLon: 119.3, minLat: 26.8, maxLon: 121.6, maxLat: 28.9 } as const;

export function inWenzhouBox(lon: number, lat: number): boolean {
  return (
    lon >= WENZHOU_BOX.minLon && lon <= WENZHOU_BOX.maxLon && lat >= WENZHOU_BOX.minLat && lat <= WENZHOU_BOX.maxLat
  );
}
