/**
 * Test helper (not used by the app): a hash of every number (and string) an analysis returns, for tying ENGINE_VERSION to the
 * algorithm. Timings are left out: they differ on every run. Numbers are written with 12
 * significant digits, far finer than any change to an algorithm and coarse enough that the last
 * bits of a floating-point sum do not decide the hash.
 */
import { sha256Hex } from '../import/sha256';

const TIMINGS = new Set(['computeMs', 'searchMs', 'buildMs']);

function canonical(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value.toPrecision(12) : String(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>, canonical);
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => v !== undefined && !TIMINGS.has(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.map(([key, v]) => [key, canonical(v)]);
  }
  return value;
}

export function outputFingerprint(value: unknown): Promise<string> {
  return sha256Hex(new TextEncoder().encode(JSON.stringify(canonical(value))));
}
