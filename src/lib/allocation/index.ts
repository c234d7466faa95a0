export * from "./types"
export { allocateByCost, costAllocationStrategy, releaseParts, reason, DEFAULT_PER_KM, DEFAULT_SPLIT_PENALTY, DEFAULT_MAX_SOURCES } from "./cost-allocation"
export { cityCentroid, cityKey } from "./city-centroids"
export { splitAmount } from "./split-amount"
