/**
 * Mendian's demo chain: a deterministic, Medusa-free description of a Chinese retail chain
 * headquartered in Kunming (territories, shops, catalogue, opening stock). The seed scripts
 * load it into Medusa; tests and benchmarks use it directly.
 */
export { createRng, DEFAULT_SEED, deriveSeed, hashString, type Rng } from "./rng"
export {
  CITIES,
  CITY_BY_CODE,
  cityByCode,
  FORWARD_WAREHOUSES,
  HQ,
  REGIONS,
  TIME_ZONE,
  type AvoidZone,
  type City,
  type CityArea,
  type CityTerritory,
  type Region,
  type Road,
} from "./cities"
export { avoidZoneAt, distanceKm } from "./geo"
export { buildTerritories, districtCodeFor, type DemoTerritory, type TerritoryLevel } from "./territories"
export {
  buildScaleShops,
  buildShops,
  chineseNumber,
  nearestArea,
  placementProblem,
  SPRING_FESTIVAL_2027,
  type ChainSize,
  type DemoShop,
  type ShopKind,
  type ShopStatus,
} from "./shops"
export {
  buildCatalog,
  CATEGORIES,
  ean13,
  PREORDER_RELEASE_DATE,
  PRICE_RANGES,
  type DemoCatalog,
  type DemoCategory,
  type DemoOption,
  type DemoProduct,
  type DemoVariant,
  type TopCategory,
} from "./catalog"
export {
  CARRY_RATE,
  DEPTH,
  SHORT_LOW,
  SHORT_ZERO,
  SIZE_DEPTH,
  stockFor,
  stockLevel,
  type StockEntry,
  type StockShop,
  type StockVariant,
} from "./stock"
export {
  DEMO_DEPOT_FLEET,
  demoDepots,
  demoNetwork,
  demoTransfers,
  fleetVehicles,
  stockTargets,
  WAREHOUSE_SAFETY_STOCK,
  type DemoNetwork,
  type DemoTransfer,
  type DemoTransferState,
  type FleetRow,
  type NetworkLine,
} from "./network"
