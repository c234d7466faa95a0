import { model } from "@medusajs/framework/utils"

/**
 * open: the position is at or under the reorder point, waiting for the merchant.
 * approved: accepted; counts as pending supply until a transfer or purchase consumes it.
 * dismissed: the merchant said no. closed: the position recovered before anyone acted.
 * consumed: turned into a transfer or purchase (consumed_by says which).
 */
export const PROPOSAL_STATUSES = ["open", "approved", "dismissed", "closed", "consumed"] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

/** A suggested replenishment of one variant at one location, with the numbers it was based on. */
const ReplenishmentProposal = model
  .define("replenishment_proposal", {
    id: model.id({ prefix: "rprop" }).primaryKey(),
    variant_id: model.text(),
    location_id: model.text(),
    status: model.enum([...PROPOSAL_STATUSES]).default("open"),
    quantity: model.number(),
    // The inventory position when last computed: on_hand − reserved + incoming + pending.
    on_hand: model.number(),
    reserved: model.number(),
    incoming: model.number(),
    // Approved, not yet consumed proposals for the same variant × location.
    pending: model.number().default(0),
    position: model.number(),
    reorder_point: model.number(),
    order_up_to: model.number(),
    // Machine-readable why: "at_or_below_reorder_point" | "below_override_min"; details hold the numbers.
    reason: model.text(),
    details: model.json().nullable(),
    run_id: model.text().nullable(),
    approved_at: model.dateTime().nullable(),
    approved_by: model.text().nullable(),
    dismissed_at: model.dateTime().nullable(),
    dismissed_by: model.text().nullable(),
    consumed_at: model.dateTime().nullable(),
    consumed_by: model.text().nullable(),
  })
  .indexes([
    // At most one open proposal per series: a refresh updates it in place.
    { name: "IDX_rprop_open_variant_location", on: ["variant_id", "location_id"], unique: true, where: "status = 'open' AND deleted_at IS NULL" },
    { name: "IDX_rprop_location_status", on: ["location_id", "status"], where: "deleted_at IS NULL" },
    { name: "IDX_rprop_variant_id", on: ["variant_id"], where: "deleted_at IS NULL" },
  ])

export default ReplenishmentProposal
