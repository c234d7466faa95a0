import { model } from "@medusajs/framework/utils"
import Transfer from "./transfer"

export const LINE_STATUSES = ["pending", "approved", "rejected"] as const

/** One variant to one destination. Quantities follow src/lib/transfer-state's invariant. */
const TransferLine = model
  .define("transfer_line", {
    id: model.id({ prefix: "trl" }).primaryKey(),
    transfer: model.belongsTo(() => Transfer, { mappedBy: "lines" }),
    destination_location_id: model.text(),
    variant_id: model.text(),
    inventory_item_id: model.text(),
    // Inventory units per variant unit (the variant's required_quantity of its item).
    units_per_item: model.number().default(1),
    status: model.enum([...LINE_STATUSES]).default("pending"),
    quantity_requested: model.number(),
    quantity_approved: model.number().default(0),
    quantity_shipped: model.number().default(0),
    quantity_received: model.number().default(0),
    quantity_over: model.number().default(0),
    quantity_damaged: model.number().default(0),
    quantity_rejected: model.number().default(0),
    quantity_closed_short: model.number().default(0),
    // The reservation holding the approved units at the source until they ship.
    reservation_id: model.text().nullable(),
    // When the line is due at its destination: inside the shop's receiving hours.
    expected_at: model.dateTime().nullable(),
    // Approved replenishment proposals this line consumes.
    proposal_ids: model.json().nullable(),
    // An allocation transfer's order line: the units are that order's (its reservation at the
    // source is this line's while approved; receipt reserves them at the destination for it).
    order_line_item_id: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_transfer_line_destination", on: ["destination_location_id"], where: "deleted_at IS NULL" },
    { name: "IDX_transfer_line_variant", on: ["variant_id"], where: "deleted_at IS NULL" },
  ])

export default TransferLine
