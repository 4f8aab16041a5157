/** A scale bar of a round length (1, 2 or 5 × 10ⁿ metres) that fits a given width on paper. */

export interface ScaleBar {
  /** Ground length the bar stands for. */
  metres: number;
  /** Its length on paper. */
  lengthMm: number;
  /** '5 km', '500 m', '0.5 m'. */
  label: string;
  /** Alternating segments to draw (5 for 1·10ⁿ and 5·10ⁿ, 4 for 2·10ⁿ: round ticks either way). */
  segments: number;
}

const MM_PER_INCH = 25.4;

/** Drops float noise such as 0.30000000000000004 before printing. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

export function formatDistance(metres: number): string {
  return metres >= 1000 ? `${clean(metres / 1000)} km` : `${clean(metres)} m`;
}

/**
 * The longest 1-2-5 length not longer than `maxLengthMm` on paper, for a map image with
 * `metresPerPixel` ground metres per pixel printed at `dpi`.
 */
export function niceScaleBar(metresPerPixel: number, dpi: number, maxLengthMm: number): ScaleBar {
  if (!(metresPerPixel > 0) || !Number.isFinite(metresPerPixel))
    throw new RangeError(`metres per pixel must be a positive number, got ${metresPerPixel}`);
  if (!(dpi > 0) || !Number.isFinite(dpi)) throw new RangeError(`dpi must be a positive number, got ${dpi}`);
  if (!(maxLengthMm > 0) || !Number.isFinite(maxLengthMm))
    throw new RangeError(`maximum length must be a positive number of millimetres, got ${maxLengthMm}`);
  const metresPerMm = (metresPerPixel * dpi) / MM_PER_INCH;
  const maxMetres = maxLengthMm * metresPerMm;
  let exponent = Math.floor(Math.log10(maxMetres));
  // log10 can land just below an exact power of ten (log10(1000) → 2.9999999999999996).
  if (10 ** (exponent + 1) <= maxMetres * (1 + 1e-12)) exponent += 1;
  const power = 10 ** exponent;
  const step = [5, 2, 1].find((s) => s * power <= maxMetres * (1 + 1e-12)) ?? 1;
  const metres = clean(step * power);
  return { metres, lengthMm: metres / metresPerMm, label: formatDistance(metres), segments: step === 2 ? 4 : 5 };
}
