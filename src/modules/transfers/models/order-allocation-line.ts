import { model } from "@medusajs/framework/utils"
import OrderAllocation from "./order-allocation"

/** One order line served from one location (a cart line split across two becomes two order lines). */
const OrderAllocationLine = model
  .define("order_allocation_line", {
    id: model.id({ prefix: "oall" }).primaryKey(),
    allocation: model.belongsTo(() => OrderAllocation, { mappedBy: "lines" }),
    order_line_item_id: model.text(),
    cart_line_item_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    location_id: model.text(),
    quantity: model.number(),
    backorder_quantity: model.number().default(0),
    below_safety: model.number().default(0),
    // This part's share of the cart line: part 1 of 2 …
    part: model.number().default(1),
    parts: model.number().default(1),
    // Why this location: [{ code, params, text }] (the cart line's reasons, on each of its parts).
    reasons: model.json().nullable(),
    // The allocation transfer bringing this part to the pickup shop (the order has one).
    transfer_id: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_order_allocation_line_location", on: ["location_id"], where: "deleted_at IS NULL" },
    { name: "IDX_order_allocation_line_item", on: ["order_line_item_id"], where: "deleted_at IS NULL" },
  ])

export default OrderAllocationLine
