export {
  abcClasses,
  DEFAULT_SERVICE_TARGETS,
  defaultTarget,
  FALLBACK_TARGET,
  xyzClass,
  type AbcClass,
  type AbcXyz,
  type ServiceTarget,
  type TargetTable,
  type XyzClass,
} from "./abc-xyz"
export {
  buildSizePool,
  compoundFillLevels,
  compoundPowers,
  demandSizes,
  leadTimePoints,
  lossCurve,
  gridStep,
  sizeDistribution,
  sizeRange,
  SIZE_POOL_POINTS,
  SIZE_POOL_WEIGHT,
  type SizePool,
} from "./compound"
export { buildErrorPool, nearest, POOL_MAX, POOL_NEIGHBOURS, pooledSample, POOL_WEIGHT, VARIANCE_PRIOR_WEIGHT, type ClassPool, type ErrorPool } from "./error-pool"
export { allocateGroupService, ITEM_SERVICE_FLOOR, MIN_GROUP_SIZE, type GroupAllocation } from "./group-service"
export { planGroupPolicies, type GroupInput, type GroupOptions, type GroupPolicy, type GroupShare, type StoredShare } from "./plan-group"
export { inverseNormalLoss, normalCdf, normalLoss, normalPdf, normalQuantile } from "./normal"
export {
  cumulative,
  curveLevel,
  curveQuantile,
  MAX_CURVE_LEVELS,
  MIN_BOOTSTRAP_SAMPLE,
  orderQuantity,
  planPolicy,
  quantile,
  resolveTarget,
  select,
  serviceCurve,
  type Policy,
  type PolicyInput,
  type PolicyLevels,
  type PolicyOverride,
  type ServiceCurves,
} from "./plan-policy"
