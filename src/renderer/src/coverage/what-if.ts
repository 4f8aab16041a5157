/** The what-if on top of a finished run: what the user changed, and how that becomes a scenario. */
import type { ScenarioChange } from '../../../core/analysis/analyse-coverage';
import type { AnalysisOutput } from '../analysis/analysis-protocol';

/** A facility the user placed on the map (dragged around while the preview follows). */
export interface ProposedFacility {
  id: string;
  lon: number;
  lat: number;
}

export interface WhatIfState {
  proposed: ProposedFacility[];
  /** Ids of the base run's facilities taken out. */
  closed: string[];
  /** Numbers only (no layers), never stored; null while nothing changed. */
  preview: AnalysisOutput | null;
  /** Round trip of the last preview, in ms (worker compute + messaging + waiting for the one before). */
  latencyMs: number | null;
}

export const NO_WHAT_IF: WhatIfState = { proposed: [], closed: [], preview: null, latencyMs: null };

/** The user's changes as a scenario change, proposed facilities named in the UI's language. */
export function whatIfChange(
  proposed: readonly ProposedFacility[],
  closed: readonly string[],
  name: (index: number) => string,
): ScenarioChange {
  return {
    proposed: proposed.map((p, i) => ({ id: p.id, name: name(i), lon: p.lon, lat: p.lat })),
    closed: [...closed],
  };
}

export function hasChanges(whatIf: Pick<WhatIfState, 'proposed' | 'closed'>): boolean {
  return whatIf.proposed.length > 0 || whatIf.closed.length > 0;
}
