import { model } from "@medusajs/framework/utils"

export const DELIVERY_RUN_STATUSES = ["planned", "dispatched", "completed", "cancelled"] as const

/**
 * One vehicle's run from a depot on a day: the approved transfers leaving that source merged
 * into an ordered list of stops (src/lib/routing), with distances and arrival times.
 */
const DeliveryRun = model
  .define("delivery_run", {
    id: model.id({ prefix: "drun" }).primaryKey(),
    depot_location_id: model.text(),
    // The delivery day in the depot's timezone, "YYYY-MM-DD".
    run_date: model.text(),
    vehicle: model.number(),
    status: model.enum([...DELIVERY_RUN_STATUSES]).default("planned"),
    // [{ location_id, shop_code, transfer_ids, units, volume, leg_km, cumulative_km, arrival, departure, wait_minutes }]
    stops: model.json(),
    total_km: model.float(),
    units: model.number(),
    transfer_ids: model.json(),
    // The batch this run was built in: every run of one build shares it, with the baseline.
    build_id: model.text(),
    baseline_km: model.float().nullable(),
    created_by: model.text().nullable(),
  })
  .indexes([{ name: "IDX_delivery_run_depot_date", on: ["depot_location_id", "run_date"], where: "deleted_at IS NULL" }])

export default DeliveryRun
