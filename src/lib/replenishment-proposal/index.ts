import { orderQuantity } from "../safety-stock"

export type ProposalPolicy = {
  reorder_point: number | null
  order_up_to: number | null
  overrides_applied?: string[] | null
}

export type ProposalStock = {
  on_hand: number
  reserved: number
  incoming: number
  /** Approved proposals not yet consumed: supply already decided on. */
  pending: number
}

export type ProposalOrdering = { case_pack: number | null; moq: number | null }

export type ProposalDecision =
  | { propose: false; position: number }
  | {
      propose: true
      position: number
      quantity: number
      reason: "at_or_below_reorder_point" | "below_override_min"
      details: { shortfall_to_order_up_to: number; case_pack: number | null; moq: number | null }
    }

/**
 * Whether a series needs replenishing now and how much: the inventory position (on hand −
 * reserved + incoming + pending approved supply) at or under the reorder point orders up to the
 * order-up-to level, rounded to the supplier's case pack and minimum order quantity.
 */
export function proposeReplenishment(policy: ProposalPolicy, stock: ProposalStock, ordering: ProposalOrdering): ProposalDecision {
  const position = stock.on_hand - stock.reserved + stock.incoming + stock.pending
  if (policy.reorder_point === null || policy.order_up_to === null) return { propose: false, position }
  const quantity = orderQuantity(
    {
      reorderPoint: policy.reorder_point,
      orderUpTo: Math.max(policy.order_up_to, policy.reorder_point),
      casePack: ordering.case_pack ?? 1,
      moq: ordering.moq ?? 0,
    },
    position
  )
  if (quantity <= 0) return { propose: false, position }
  return {
    propose: true,
    position,
    quantity,
    reason: policy.overrides_applied?.includes("min") ? "below_override_min" : "at_or_below_reorder_point",
    details: {
      shortfall_to_order_up_to: Math.max(0, policy.order_up_to - position),
      case_pack: ordering.case_pack,
      moq: ordering.moq,
    },
  }
}
