export { availableUnits, isOutOfStock, type LevelQuantities, type VariantItem } from "./availability"
export {
  campaignWindow,
  FuturePromotionIndex,
  locationsForChannelRules,
  type CampaignDates,
  type CompiledPromotion,
  type VariantCondition,
} from "./future-promotions"
export {
  ancestorDistances,
  orderCandidates,
  pickTarget,
  type ServiceTargetRow,
  type TargetCandidate,
  type TargetType,
} from "./service-targets"
