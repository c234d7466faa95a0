import { model } from "@medusajs/framework/utils"

export const FORECAST_RUN_STATUSES = ["queued", "running", "completed", "failed", "canceled"] as const

/** One forecast + policy run over a scope; the lease keeps two runs from overlapping. */
const ForecastRun = model
  .define("forecast_run", {
    id: model.id({ prefix: "frun" }).primaryKey(),
    // { kind: "all" } | { kind: "shop", id } | { kind: "territory", id } | { kind: "variant", id }
    scope: model.json(),
    status: model.enum([...FORECAST_RUN_STATUSES]).default("queued"),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    series_total: model.number().default(0),
    series_done: model.number().default(0),
    // Where a resumed run picks up (the last series id done, in id order).
    cursor: model.text().nullable(),
    failure_count: model.number().default(0),
    // [{ variant_id, location_id, reason }], capped; failure_count keeps the full count.
    failures: model.json().nullable(),
    lease_owner: model.text().nullable(),
    heartbeat_at: model.dateTime().nullable(),
    lease_expires_at: model.dateTime().nullable(),
    requested_by: model.text().nullable(),
  })
  .indexes([{ name: "IDX_forecast_run_status", on: ["status"], where: "deleted_at IS NULL" }])

export default ForecastRun
