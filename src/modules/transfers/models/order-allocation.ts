import { model } from "@medusajs/framework/utils"
import OrderAllocationLine from "./order-allocation-line"

/**
 * Which locations serve an order placed through the Store API, and why: written by
 * completeCartWithAllocationWorkflow in the same run that creates the order and its
 * reservations. One per order.
 */
const OrderAllocation = model
  .define("order_allocation", {
    id: model.id({ prefix: "oalc" }).primaryKey(),
    order_id: model.text(),
    cart_id: model.text().nullable(),
    // The strategy's name: "mendian-cost", or a plugin's.
    strategy: model.text(),
    // { lat, lng, source: customer_location | city | pickup_shop, label }
    customer_point: model.json().nullable(),
    pickup_location_id: model.text().nullable(),
    // The objective the strategy minimised (distance and shipping cost, split penalties).
    cost: model.float().nullable(),
    // Order-level reasons: [{ code, params, text }].
    reasons: model.json().nullable(),
    // Set when the order is cancelled: the allocation no longer holds anything (release()).
    released_at: model.dateTime().nullable(),
    lines: model.hasMany(() => OrderAllocationLine, { mappedBy: "allocation" }),
    metadata: model.json().nullable(),
  })
  .indexes([{ name: "IDX_order_allocation_order_id", on: ["order_id"], unique: true, where: "deleted_at IS NULL" }])

export default OrderAllocation
