/** Option parsing for CLI commands: node:util parseArgs in strict mode, errors as UsageError. */
import { parseArgs } from 'node:util';
import { TRAVEL_PROFILES, type TravelProfile } from '../../src/shared/coverage';
import { UsageError } from './types';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export type ParsedOptions = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions {
  try {
    const { values } = parseArgs({ args: [...args], options: spec, strict: true, allowPositionals: false });
    return values as ParsedOptions;
  } catch (error) {
    // parseArgs' messages are already clear ("Unknown option '--x'", "Option '--out <value>' argument missing").
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function optionalString(values: ParsedOptions, name: string): string | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new UsageError(`--${name} takes a value`);
  return v;
}

export function requiredString(values: ParsedOptions, name: string): string {
  const v = optionalString(values, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

export function stringList(values: ParsedOptions, name: string): string[] {
  const v = values[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

export function optionalNumber(
  values: ParsedOptions,
  name: string,
  check: { min?: number; integer?: boolean } = {},
): number | undefined {
  const raw = optionalString(values, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${raw}"`);
  if (check.integer && !Number.isInteger(n)) throw new UsageError(`--${name} must be an integer, got "${raw}"`);
  if (check.min !== undefined && n < check.min) throw new UsageError(`--${name} must be ≥ ${check.min}, got ${raw}`);
  return n;
}

export function requiredProfile(values: ParsedOptions): TravelProfile {
  const p = requiredString(values, 'profile');
  if (!(TRAVEL_PROFILES as readonly string[]).includes(p)) {
    throw new UsageError(`--profile must be one of ${TRAVEL_PROFILES.join(', ')}, got "${p}"`);
  }
  return p as TravelProfile;
}

/** "lon,lat" → [lon, lat] in degrees. */
export function parseLonLat(text: string, name: string): [number, number] {
  const parts = text.split(',').map((s) => s.trim());
  const [lon, lat] = parts.map(Number);
  if (parts.length !== 2 || lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    throw new UsageError(`--${name} takes "lon,lat" in degrees, got "${text}"`);
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
    throw new UsageError(`--${name} ${text} is not a WGS-84 lon,lat`);
  return [lon, lat];
}
