/** Order statistics for timing samples; benchmarks report, they never assert timings. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Linear interpolation between closest ranks (the common "R-7" definition).
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? NaN;
  const b = sorted[hi] ?? NaN;
  return a + (b - a) * (pos - lo);
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);
export const p95 = (samples: readonly number[]): number => quantile(samples, 0.95);

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 100 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(0)} ms`;
}

export function formatMiB(bytes: number | null): string {
  return bytes === null || !Number.isFinite(bytes) ? '–' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Time relative to the baseline; far faster cases also say how many times faster, which 0.00× hides. */
export function formatRatio(value: number, baseline: number): string {
  if (!Number.isFinite(value) || !(baseline > 0)) return '–';
  const ratio = value / baseline;
  if (ratio > 0 && ratio < 0.1)
    return `${ratio.toPrecision(2)}× (${Math.round(1 / ratio).toLocaleString('en')}× faster)`;
  return `${ratio.toFixed(2)}×`;
}
