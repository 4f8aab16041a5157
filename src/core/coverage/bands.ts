/**
 * The band rule every coverage output shares (statistics, polygons, uncovered points), so a cell is
 * counted in the same band everywhere.
 *
 * With thresholds t1 < t2 < … < tn (minutes), band k (0-based) is [t_k, t_{k+1}) with t_0 = 0,
 * except the last band, which is closed: [t_{n−1}, t_n]. "Covered" means minutes ≤ t_n, so a cell
 * exactly on the last threshold is inside the circle and the bands add up to the covered population.
 * Beyond (index n): minutes > t_n, Infinity (unreachable) or NaN. Negative minutes count as 0.
 */

/** Throws unless thresholds are finite, positive and strictly increasing (at least one). */
export function checkThresholds(thresholdsMin: readonly number[]): void {
  if (thresholdsMin.length === 0) throw new Error('coverage: at least one threshold is needed');
  let previous = 0;
  for (const t of thresholdsMin) {
    if (!Number.isFinite(t) || t <= previous)
      throw new Error(`coverage: thresholds must be finite, positive and increasing (got ${thresholdsMin.join(', ')})`);
    previous = t;
  }
}

/** Band index of one value: 0 … n−1 inside the circle, n beyond it. */
export function bandIndex(minutes: number, thresholdsMin: readonly number[]): number {
  const n = thresholdsMin.length;
  // NaN fails every comparison and lands beyond.
  if (!(minutes <= (thresholdsMin[n - 1] as number))) return n;
  for (let k = 0; k < n - 1; k++) if (minutes < (thresholdsMin[k] as number)) return k;
  return n - 1;
}

/** Band index of every cell (0 … n−1 inside the circle; beyond = n = thresholds.length). */
export function cellBands(cellMinutes: Float32Array, thresholdsMin: readonly number[]): Uint16Array {
  checkThresholds(thresholdsMin);
  const bands = new Uint16Array(cellMinutes.length);
  const n = thresholdsMin.length;
  const last = thresholdsMin[n - 1] as number;
  if (n === 1) {
    for (let i = 0; i < cellMinutes.length; i++) bands[i] = (cellMinutes[i] as number) <= last ? 0 : 1;
    return bands;
  }
  for (let i = 0; i < cellMinutes.length; i++) bands[i] = bandIndex(cellMinutes[i] as number, thresholdsMin);
  return bands;
}
