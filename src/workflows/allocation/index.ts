export { completeCartWithAllocationWorkflow, completeCartWithAllocationWorkflowId, AllocationRankingResult } from "./complete-cart-with-allocation"
export { ALLOCATION_STRATEGY_KEY, resolveAllocationStrategy, type AllocationRanking } from "./steps/allocate-inventory"
export { ALLOCATION_METADATA_KEY, tagOf, type LineAllocationTag } from "./utils/order-input"
export { setPickupShopWorkflow } from "./set-pickup-shop"
