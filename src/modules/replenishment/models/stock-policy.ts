import { model } from "@medusajs/framework/utils"

export const SERVICE_LEVEL_TYPES = ["cycle", "fill_rate"] as const

/** What the nightly run decided for one variant at one location, and what the merchant overrode. */
const StockPolicy = model
  .define("stock_policy", {
    id: model.id({ prefix: "spol" }).primaryKey(),
    variant_id: model.text(),
    location_id: model.text(),
    // smooth | erratic | intermittent | lumpy | new (Syntetos–Boylan, or too little history)
    demand_class: model.text().nullable(),
    method: model.text().nullable(),
    // Units per day for the next 28 days, from the day after computed_at.
    forecast: model.json().nullable(),
    forecast_error: model.float().nullable(),
    service_level_target: model.float().default(0.95),
    service_level_type: model.enum([...SERVICE_LEVEL_TYPES]).default("cycle"),
    lead_time_mean_days: model.float().nullable(),
    lead_time_sd_days: model.float().nullable(),
    review_period_days: model.number().default(7),
    safety_stock: model.number().nullable(),
    reorder_point: model.number().nullable(),
    order_up_to: model.number().nullable(),
    override_min: model.number().nullable(),
    override_max: model.number().nullable(),
    frozen: model.boolean().default(false),
    // Merchant's service target; when set the run uses it instead of the ABC–XYZ default.
    override_service_level: model.float().nullable(),
    override_service_level_type: model.enum([...SERVICE_LEVEL_TYPES]).nullable(),
    // Which overrides the last run applied: ["min", "max", "frozen", "target"].
    overrides_applied: model.json().nullable(),
    last_run_id: model.text().nullable(),
    computed_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_stock_policy_variant_location", on: ["variant_id", "location_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_stock_policy_location_id", on: ["location_id"], where: "deleted_at IS NULL" },
    { name: "IDX_stock_policy_demand_class", on: ["demand_class"], where: "deleted_at IS NULL" },
  ])

export default StockPolicy
