/** Diagonal hatch for the mountain counties, drawn in code so no sprite sheet has to ship. */
export function hatchPattern(size: number, rgb: [number, number, number], lineWidth = 1.6): PatternImage {
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance to the nearest line x + y = k * size, wrapped so the tile repeats seamlessly.
      const d = Math.abs(((((x + y) % size) + size) % size) - size / 2) - size / 2;
      const alpha = Math.max(0, Math.min(1, lineWidth - Math.abs(d)));
      const i = (y * size + x) * 4;
      data[i] = rgb[0];
      data[i + 1] = rgb[1];
      data[i + 2] = rgb[2];
      data[i + 3] = Math.round(alpha * 255);
    }
  }
  return { width: size, height: size, data };
}

/** Structural stand-in for ImageData, so this runs in Node tests too. */
export interface PatternImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}
