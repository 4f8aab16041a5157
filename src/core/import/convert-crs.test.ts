import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { fromWgs84, toWgs84, type LonLat } from './convert-crs';

/**
 * The published GCJ-02 and BD-09 formulas (Krasovsky ellipsoid offset; Baidu's rotation), written
 * out independently so the test does not only compare gcoord with itself.
 */
function referenceGcj02(lon: number, lat: number): LonLat {
  const a = 6378245.0;
  const ee = 0.006693421622965943;
  const x = lon - 105.0;
  const y = lat - 35.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLon += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLon += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLon += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radLat = (lat / 180.0) * Math.PI;
  const magic = 1 - ee * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

function referenceBd09FromGcj02([lon, lat]: LonLat): LonLat {
  const xPi = (Math.PI * 3000.0) / 180.0;
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * xPi);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * xPi);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

const metres = (a: LonLat, b: LonLat): number => distance(a, b, { units: 'kilometers' }) * 1000;

/** County seats of 鹿城, 洞头, 泰顺 and 苍南 (from counties.geojson), spanning the city. */
const WENZHOU: LonLat[] = [
  [120.670228, 28.006689],
  [121.151892, 27.839133],
  [119.711571, 27.560536],
  [120.401884, 27.510751],
];

describe('convert-crs', () => {
  it('matches the published GCJ-02 and BD-09 formulas in the forward direction', () => {
    for (const p of WENZHOU) {
      const gcj = fromWgs84(p, 'gcj02');
      expect(metres(gcj, referenceGcj02(...p))).toBeLessThan(0.01);
      expect(metres(fromWgs84(p, 'bd09'), referenceBd09FromGcj02(gcj))).toBeLessThan(0.01);
    }
  });

  it('shifts Wenzhou points by the expected few hundred metres', () => {
    for (const p of WENZHOU) {
      const gcjShift = metres(p, fromWgs84(p, 'gcj02'));
      expect(gcjShift).toBeGreaterThan(400);
      expect(gcjShift).toBeLessThan(600);
      // BD-09 adds Baidu's own ~1 km offset on top of GCJ-02.
      const bdShift = metres(p, fromWgs84(p, 'bd09'));
      expect(bdShift).toBeGreaterThan(900);
      expect(bdShift).toBeLessThan(1500);
    }
  });

  it('converts back to WGS-84 within 1 m (round trip)', () => {
    for (const p of WENZHOU) {
      for (const crs of ['gcj02', 'bd09'] as const) {
        expect(metres(p, toWgs84(fromWgs84(p, crs), crs))).toBeLessThan(1);
      }
    }
  });

  it('leaves WGS-84 alone and does not mutate its input', () => {
    const p: LonLat = [120.67, 28.0];
    expect(toWgs84(p, 'wgs84')).toEqual(p);
    toWgs84(p, 'gcj02');
    expect(p).toEqual([120.67, 28.0]);
  });
});
