/**
 * A minimal PNG encoder (8-bit RGB, no filtering, zlib via fflate) and a map-like test picture,
 * for the sheet tests and the benchmark: the real map image comes from MapLibre.
 */
import { zlibSync } from 'fflate';
import { crc32Update } from '../routing/crc32';
import { seededRandom } from '../util/seeded-random';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32Update(0, out.subarray(4, 8 + data.length)));
  return out;
}

/** `rgb`: width × height × 3 bytes, rows top to bottom. */
export function encodePngRgb(width: number, height: number, rgb: Uint8Array, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  if (rgb.length !== width * height * 3) throw new Error(`expected ${width * height * 3} RGB bytes, got ${rgb.length}`);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, adaptive filtering (type 0 used), no interlace
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const parts = [
    new Uint8Array(SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * A map-like picture: pale land/sea background, blotches of coverage colour, a road-like grid, and
 * per-pixel noise (like antialiasing and hillshade) so it does not compress to nothing.
 */
export function syntheticMapRgb(width: number, height: number, seed = 7): Uint8Array {
  const random = seededRandom(seed);
  const rgb = new Uint8Array(width * height * 3);
  const blobs = Array.from({ length: 24 }, () => ({
    x: random() * width,
    y: random() * height,
    r2: (0.05 + random() * 0.15) ** 2 * width * height,
    c: [
      [26, 152, 80],
      [254, 224, 139],
      [215, 48, 39],
    ][Math.floor(random() * 3)] ?? [26, 152, 80],
  }));
  const grid = Math.max(8, Math.round(width / 40));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sea = x + 0.6 * y > width * 1.1;
      let r = sea ? 170 : 242;
      let g = sea ? 205 : 239;
      let b = sea ? 235 : 226;
      for (const blob of blobs) {
        const d = ((x - blob.x) ** 2 + (y - blob.y) ** 2) / blob.r2;
        if (d < 1) {
          r = (r + blob.c[0]!) / 2;
          g = (g + blob.c[1]!) / 2;
          b = (b + blob.c[2]!) / 2;
          break;
        }
      }
      if (x % grid === 0 || y % grid === 0) r = g = b = 120;
      const n = (random() - 0.5) * 24;
      const i = (y * width + x) * 3;
      rgb[i] = Math.max(0, Math.min(255, r + n));
      rgb[i + 1] = Math.max(0, Math.min(255, g + n));
      rgb[i + 2] = Math.max(0, Math.min(255, b + n));
    }
  }
  return rgb;
}

export function syntheticMapPng(width: number, height: number, seed = 7): Uint8Array {
  return encodePngRgb(width, height, syntheticMapRgb(width, height, seed), 1);
}
