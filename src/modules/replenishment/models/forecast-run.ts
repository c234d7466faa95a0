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
    // The business date the run forecasts from (history ends the day before), fixed when the
    // run first starts so a resumed run computes the same thing.
    as_of: model.text().nullable(),
    policies_written: model.number().default(0),
    // Series whose merchant override (min/max, frozen, service target) was applied and kept.
    overrides_kept: model.number().default(0),
    // How often an expired lease was taken over (a crashed run resumed).
    resumed_count: model.number().default(0),
    error: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_forecast_run_status", on: ["status"], where: "deleted_at IS NULL" },
    // At most one running run, enforced by PostgreSQL whatever the number of processes.
    { name: "IDX_forecast_run_one_running", on: ["status"], unique: true, where: "status = 'running' AND deleted_at IS NULL" },
    { name: "IDX_forecast_run_created_at", on: ["created_at"], where: "deleted_at IS NULL" },
  ])

export default ForecastRun
