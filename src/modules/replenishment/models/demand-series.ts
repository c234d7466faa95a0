import { model } from "@medusajs/framework/utils"

/**
 * Daily demand of one variant at one stock location, all days in one compact column
 * (src/lib/demand-codec, base64): a row per day would be a billion rows at 3,000 shops ×
 * 1,000 SKUs × a year. Written only by ReplenishmentModuleService.recordDemand.
 */
const DemandSeries = model
  .define("demand_series", {
    id: model.id({ prefix: "dser" }).primaryKey(),
    variant_id: model.text(),
    location_id: model.text(),
    // Business dates are calendar dates in the shop's timezone, kept as "YYYY-MM-DD".
    origin_date: model.text().nullable(),
    days: model.text(),
    format_version: model.number().default(1),
    first_sale_date: model.text().nullable(),
    last_sale_date: model.text().nullable(),
    total_sold: model.number().default(0),
    total_returned: model.number().default(0),
    sale_days: model.number().default(0),
  })
  .indexes([
    { name: "IDX_demand_series_variant_location", on: ["variant_id", "location_id"], unique: true, where: "deleted_at IS NULL" },
    // (location_id, id): the order forecast runs read in (keyset), location by location
    { name: "IDX_demand_series_location_id_id", on: ["location_id", "id"], where: "deleted_at IS NULL" },
  ])

export default DemandSeries
