import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import TransfersModule from "../modules/transfers"

// Read-only: the allocation record holds order_id itself (written in the same workflow as the
// order), so Query can join an allocation to its order without a link table.
export default defineLink(
  { linkable: TransfersModule.linkable.orderAllocation, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
