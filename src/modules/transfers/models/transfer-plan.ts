import { model } from "@medusajs/framework/utils"

export const TRANSFER_PLAN_STATUSES = ["proposed", "applied", "discarded"] as const

/**
 * A dry run of the planner (src/lib/transfer-plan) over approved replenishment proposals or
 * given shortfalls: what it would move, at what cost against the greedy baseline, and why.
 * Applying it creates the transfers and consumes the proposals it was built from.
 */
const TransferPlan = model
  .define("transfer_plan", {
    id: model.id({ prefix: "tplan" }).primaryKey(),
    status: model.enum([...TRANSFER_PLAN_STATUSES]).default("proposed"),
    // What was asked: { territory_id?, shop_ids?, variant_ids?, shortfall_source, cost, options }.
    scope: model.json(),
    total_cost: model.float(),
    baseline_cost: model.float().nullable(),
    // The planner's answer: lines (from/to are stock location ids), unmet, stats.
    result: model.json(),
    // Per planned shortfall "location|variant": the approved proposals it covers.
    proposal_ids: model.json().nullable(),
    transfer_ids: model.json().nullable(),
    created_by: model.text().nullable(),
    applied_at: model.dateTime().nullable(),
    applied_by: model.text().nullable(),
  })
  .indexes([{ name: "IDX_transfer_plan_status", on: ["status"], where: "deleted_at IS NULL" }])

export default TransferPlan
