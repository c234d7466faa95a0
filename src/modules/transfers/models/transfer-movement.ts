import { model } from "@medusajs/framework/utils"
import Transfer from "./transfer"

export const MOVEMENT_KINDS = ["reserve", "release", "ship", "receive", "over", "damage", "reject", "close_short", "order_reserve"] as const

/**
 * The movement log: every change Mendian makes to an inventory level, with who, when and why.
 * The deltas are what this movement did to the level at `location_id`, in inventory units;
 * `npm run stock:reconcile` adds them up against the levels.
 */
const TransferMovement = model
  .define("transfer_movement", {
    id: model.id({ prefix: "trm" }).primaryKey(),
    // Write order: the moves of one action share a timestamp.
    seq: model.autoincrement(),
    transfer: model.belongsTo(() => Transfer, { mappedBy: "movements" }),
    line_id: model.text().nullable(),
    kind: model.enum([...MOVEMENT_KINDS]),
    action: model.text(),
    location_id: model.text(),
    inventory_item_id: model.text(),
    quantity: model.number(),
    delta_stocked: model.number().default(0),
    delta_reserved: model.number().default(0),
    delta_incoming: model.number().default(0),
    actor: model.text().nullable(),
    reason: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_transfer_movement_location_item", on: ["location_id", "inventory_item_id"], where: "deleted_at IS NULL" },
  ])

export default TransferMovement
