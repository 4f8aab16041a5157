/** Small hand-made coverage summaries and requests for tests of what is built on top of a run. */
import type { CountyStats, CoverageRequest, CoverageSummary, GroupStats } from '../../shared/coverage';

/** One group's figures with `coveredPct` of `population` covered; the times are fixed. */
export const fixtureStats = (coveredPct: number, population = 1000): GroupStats => ({
  population,
  covered: (population * coveredPct) / 100,
  coveredPct,
  p50Minutes: 9,
  p50Beyond: false,
  p90Minutes: 20,
  p90Beyond: false,
  meanMinutesAmongCovered: 10,
  p50MinutesAmongCovered: 9,
  p90MinutesAmongCovered: 20,
  bands: [],
});

/** A summary with 泰顺 (the one county, a mountain county) at `taishun` % and the city at `total` %. */
export const fixtureSummary = (taishun: number, total: number): CoverageSummary => ({
  total: fixtureStats(total),
  mountain: fixtureStats(taishun),
  other: fixtureStats(90),
  counties: [{ ...fixtureStats(taishun), adcode: 330329, name: '泰顺县', mountain: true } satisfies CountyStats],
  facilities: [],
});

/** A 90-minute drive run from two facilities, A and B. */
export const fixtureTwoFacilityRequest: CoverageRequest = {
  method: 'network',
  profile: 'drive',
  thresholdsMin: [90],
  radiiM: [],
  facilities: [
    { id: 'a', name: 'A', lon: 120.6, lat: 28 },
    { id: 'b', name: 'B', lon: 120.1, lat: 27.6 },
  ],
};
