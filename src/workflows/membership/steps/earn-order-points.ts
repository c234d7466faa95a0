import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { earnPoints, expiresAt, type EarnRule } from "../../../lib/membership"
import { membershipOf } from "./membership-service"
import type { OrderPointsInput } from "./load-order-points"

/**
 * Posts the order's earn as a pending lot (pending until the return window after fulfilment
 * closes). Idempotent by the order id: a replayed order.placed earns nothing twice. No
 * compensation: the entry is right on its own, and what follows only re-evaluates.
 */
export const earnOrderPointsStep = createStep("membership-earn-order-points", async (order: OrderPointsInput | null, { container }) => {
  if (!order?.member_id) return new StepResponse(null)
  const membership = membershipOf(container)
  const member = await membership.retrieveMember(order.member_id, { relations: ["tier"] })
  // Step inputs arrive serialised: dates as strings.
  const at = new Date(order.created_at)
  const rules = (await membership.listEarnRules({ active: true }, { take: null })) as unknown as EarnRule[]
  const earned = earnPoints(order.lines, rules, {
    sales_channel_id: order.sales_channel_id,
    shop_id: order.shop_id,
    business_date: order.business_date,
    at,
    tier_multiplier: Number((member as any).tier?.points_multiplier ?? 1) || 1,
  })
  if (earned.points <= 0) return new StepResponse(null)
  const program = await membership.programSettings()
  const amount = Math.round(order.lines.reduce((s, l) => s + l.amount, 0) * 100) / 100
  const posted = await membership.postEarn(order.member_id, {
    points: earned.points,
    amount,
    status: "pending",
    source_type: "order",
    source_id: order.order_id,
    order_id: order.order_id,
    sales_channel_id: order.sales_channel_id,
    shop_id: order.shop_id,
    actor: "system",
    reason: `order placed: ¥${amount.toFixed(2)}`,
    expires_at: expiresAt(at, program.expiry),
    lines: earned.lines.map((l) => ({ ...l, quantity: order.lines.find((o) => o.id === l.line_id)?.quantity ?? 0 })),
  })
  return new StepResponse({ member_id: order.member_id, points: earned.points, entry_id: posted.entry.id, created: posted.created })
})
