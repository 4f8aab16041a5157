import type { RoadClass } from './data-contract';
import type { TravelProfile } from './coverage';

/**
 * Speeds in km/h by road class, per travel profile: the one table every travel time comes from.
 * `null` = the class may not be used by that profile (pedestrians and cyclists on expressways).
 * The road data has no speed limits, lanes or one-way flags, so these are planning assumptions
 * (documented in the README) and the user may edit them; results record the table they used.
 */
export type SpeedTable = Record<RoadClass, number | null>;

export interface TravelProfileSpec {
  speedsKmh: SpeedTable;
  /** Speed of the access legs (facility or cell to the nearest usable road node), km/h. */
  accessKmh: number;
}

export const DEFAULT_TRAVEL_PROFILES: Record<TravelProfile, TravelProfileSpec> = {
  walk: {
    speedsKmh: { expressway: null, arterial: 4.8, provincial: 4.8, named: 4.8, unnamed: 4.8 },
    accessKmh: 4.8,
  },
  bike: {
    speedsKmh: { expressway: null, arterial: 15, provincial: 15, named: 14, unnamed: 12 },
    accessKmh: 4.8,
  },
  drive: {
    // Town traffic and mountain curves keep average speeds well under the limits.
    speedsKmh: { expressway: 90, arterial: 50, provincial: 50, named: 35, unnamed: 25 },
    accessKmh: 4.8,
  },
};
