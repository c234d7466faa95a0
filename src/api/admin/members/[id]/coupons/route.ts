import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { grantCouponWorkflow } from "../../../../../workflows/membership/coupons"
import { membershipOf } from "../../../../../workflows/membership/steps/membership-service"
import type { AdminGrantCouponType } from "./validators"

const view = (c: any) => ({
  id: c.id,
  code: c.code,
  promotion_id: c.promotion_id,
  status: c.status,
  source: c.source,
  source_id: c.source_id,
  expires_at: c.expires_at,
  redeemed_at: c.redeemed_at,
  order_id: c.order_id,
  created_at: c.created_at,
})

/** GET /admin/members/:id/coupons?status= — the member's coupons, every status, newest first. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery ?? {}
  const membership = membershipOf(req.scope)
  const member = await membership.retrieveMember(req.params.id, { select: ["id"] }).catch(() => null)
  if (!member) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Member ${req.params.id} was not found`)
  const [coupons, count] = await membership.listAndCountCouponGrants(
    { member_id: member.id, ...(q.status ? { status: q.status } : {}) },
    { order: { created_at: "DESC" }, take: q.limit ?? 50, skip: q.offset ?? 0 }
  )
  res.json({ coupons: coupons.map(view), count, limit: q.limit ?? 50, offset: q.offset ?? 0 })
}

/**
 * POST /admin/members/:id/coupons { promotion_id, expires_at? } — 201 with the coupon: a new
 * single-use code of a copy of the template promotion, usable only by this member.
 */
export const POST = async (req: MedusaRequest<AdminGrantCouponType>, res: MedusaResponse) => {
  const { result } = await grantCouponWorkflow(req.scope).run({
    input: { member_id: req.params.id, promotion_id: req.validatedBody.promotion_id, expires_at: req.validatedBody.expires_at ?? null, source: "admin" },
  })
  res.status(201).json({ coupon: view(result.grant) })
}
