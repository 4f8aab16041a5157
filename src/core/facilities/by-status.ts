/**
 * Which facilities a coverage run or 2SFCA counts, by status (现有 / 在建 / 规划). The default is
 * existing only: a facility under construction or planned serves nobody yet, and counting it as
 * existing inflates coverage and 2SFCA supply (issue 12). Planned sites are a what-if: the user
 * ticks them in on purpose.
 */
import { FACILITY_STATUSES, type Facility, type FacilityStatus } from '../../shared/facilities';

export const DEFAULT_RUN_STATUSES: readonly FacilityStatus[] = ['existing'];

/** The facilities whose status is one of `statuses`, and how many were left out. */
export function facilitiesWithStatus<F extends Pick<Facility, 'status'>>(
  facilities: readonly F[],
  statuses: readonly FacilityStatus[],
): { kept: F[]; leftOut: number } {
  const wanted = new Set(statuses);
  const kept = facilities.filter((f) => wanted.has(f.status));
  return { kept, leftOut: facilities.length - kept.length };
}

/** "existing,under-construction" → the statuses in FACILITY_STATUSES order; null when a name is unknown or none given. */
export function parseStatuses(text: string): FacilityStatus[] | null {
  const names = text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) return null;
  if (names.some((n) => !(FACILITY_STATUSES as readonly string[]).includes(n))) return null;
  return FACILITY_STATUSES.filter((s) => names.includes(s));
}
