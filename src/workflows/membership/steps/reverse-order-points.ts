import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pointsToReverse } from "../../../lib/membership"
import { membershipOf } from "./membership-service"

type EarnedLine = { line_id: string; quantity: number; amount: number; points: number }

export type ReverseOrderPointsInput = { order_id: string; return_id?: string | null; cancel?: boolean }

/**
 * What came back takes back what it earned, line by line in proportion (cumulatively, so
 * several partial returns add up exactly), and gives back, in the same proportion of the
 * order's value, the points spent on the order. `cancel` treats every unit as returned.
 * Idempotent by the return (or the cancellation): a replayed event posts nothing.
 */
export const reverseOrderPointsStep = createStep("membership-reverse-order-points", async (input: ReverseOrderPointsInput, { container }) => {
  const membership = membershipOf(container)
  const [earn] = await membership.listPointsEntries({ source_type: "order", source_id: input.order_id, kind: "earn" }, { take: 1 })
  const [redeem] = await membership.listPointsEntries({ source_type: "order", source_id: input.order_id, kind: "redeem" }, { take: 1 })
  if (!earn && !redeem) return new StepResponse(null)
  const sourceId = input.cancel ? `${input.order_id}:cancel` : input.return_id!
  const sourceType = input.cancel ? "order_cancel" : "return"

  // Units come back per line: every received return of the order so far (this one included).
  const lines: EarnedLine[] = (earn?.lines as EarnedLine[] | null) ?? []
  const returned = new Map<string, number>()
  if (input.cancel) for (const l of lines) returned.set(l.line_id, l.quantity)
  else {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: returns } = await query.graph({
      entity: "return",
      fields: ["id", "canceled_at", "received_at", "items.item_id", "items.received_quantity", "items.damaged_quantity"],
      filters: { order_id: input.order_id },
    })
    for (const r of returns as any[]) {
      if (!r || r.canceled_at || (!r.received_at && r.id !== input.return_id)) continue
      for (const i of r.items ?? []) {
        const q = Number(i?.received_quantity ?? 0) + Number(i?.damaged_quantity ?? 0)
        if (q > 0) returned.set(i.item_id, (returned.get(i.item_id) ?? 0) + q)
      }
    }
  }
  const earlier = await membership.listPointsEntries({ order_id: input.order_id, kind: "reverse" }, { take: null })
  const reversedByLine = new Map<string, { points: number; amount: number }>()
  let creditedBefore = 0
  for (const e of earlier) {
    if (e.source_type === "return_redemption") creditedBefore += Number(e.points)
    else
      for (const l of (e.lines as { line_id: string; points: number; amount: number }[] | null) ?? []) {
        const had = reversedByLine.get(l.line_id) ?? { points: 0, amount: 0 }
        reversedByLine.set(l.line_id, { points: had.points + l.points, amount: had.amount + l.amount })
      }
  }

  const out = { member_id: (earn ?? redeem)!.member_id as string, reversed: 0, credited: 0 }
  const take = lines
    .map((l) => {
      const before = reversedByLine.get(l.line_id) ?? { points: 0, amount: 0 }
      const points = pointsToReverse(l.points, l.quantity, returned.get(l.line_id) ?? 0, before.points)
      const share = l.quantity > 0 ? Math.min(l.quantity, returned.get(l.line_id) ?? 0) / l.quantity : 0
      // This return's share of the line's spend: the cumulative share less what earlier returns took.
      return { line_id: l.line_id, points, amount: Math.max(0, Math.round((l.amount * share - before.amount) * 100) / 100) }
    })
    .filter((l) => l.points > 0 || l.amount > 0)
  if (earn && take.length) {
    const points = take.reduce((s, l) => s + l.points, 0)
    const amount = Math.round(take.reduce((s, l) => s + l.amount, 0) * 100) / 100
    const posted = await membership.postReversal(earn.member_id, earn.id, {
      points,
      amount,
      source_type: sourceType,
      source_id: sourceId,
      order_id: input.order_id,
      actor: "system",
      reason: input.cancel ? "order cancelled" : `return ${input.return_id}`,
      lines: take,
    })
    if (posted.created) out.reversed = points
  }

  if (redeem) {
    const value = lines.reduce((s, l) => s + l.amount, 0)
    const back = lines.reduce((s, l) => s + (l.quantity ? (l.amount * Math.min(l.quantity, returned.get(l.line_id) ?? 0)) / l.quantity : 0), 0)
    const spent = -Number(redeem.points)
    const due = input.cancel || value <= 0 ? spent : Math.floor((spent * back) / value + 1e-9)
    const credit = Math.min(spent, due) - creditedBefore
    if (credit > 0) {
      const posted = await membership.creditRedemption(redeem.id, { source_id: sourceId, points: credit, reason: input.cancel ? "order cancelled" : `return ${input.return_id}` })
      if (posted.created) out.credited = credit
    }
  }
  return new StepResponse(out)
})
