/** The plan's main-indicator table: reading its cells, judging progress, and what OuTu can compute. */
export { isCumulativeText, parseIndicatorValue } from './parse-value';
export {
  DIRECTION_OVERRIDES,
  assessIndicator,
  indicatorDirection,
  indicatorStatus,
  recordsByYear,
  satisfiesTarget,
  type IndicatorAssessment,
  type IndicatorDirection,
} from './status';
export {
  COMPUTABLE_INDICATORS,
  computableIndicators,
  computeIndicatorValue,
  type ComputableIndicator,
  type ComputedIndicatorValue,
} from './computable';
