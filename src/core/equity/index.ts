/** Spatial equity review: inequality indices, 2SFCA accessibility, coverage gaps and new-site selection. */
export {
  accessTimes,
  defaultBeyondRule,
  gini,
  giniLorenz,
  sortByValue,
  theil,
  type AccessTimes,
  type BeyondRule,
  type GiniLorenz,
  type LorenzCurve,
  type TheilDecomposition,
  type TheilGroup,
} from './inequality';
export {
  twoStepFca,
  type AccessGroup,
  type SupplyFacility,
  type TwoStepFacility,
  type TwoStepHooks,
  type TwoStepRequest,
  type TwoStepResult,
} from './two-step-fca';
export { findGaps, labelGaps, type CoverageGap, type GapOptions, type GapResult, type Neighbourhood } from './gaps';
export {
  buildSitingInstance,
  exhaustiveMaxCover,
  greedyMaxCover,
  plainGreedyMaxCover,
  siteFacilities,
  sitingArea,
  sitingCandidates,
  solveSiting,
  type CandidateSet,
  type CoverPick,
  type Site,
  type SitingArea,
  type SitingAreaInfo,
  type SitingCandidate,
  type SitingHooks,
  type SitingInstance,
  type SitingOptions,
  type SitingPoint,
  type SitingResult,
} from './siting';
export { equitySummary, type EquityOptions, type EquitySummary } from './equity-summary';
