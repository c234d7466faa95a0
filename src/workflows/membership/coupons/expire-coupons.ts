import { MedusaError, Modules, PromotionStatus } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { membershipOf } from "../steps/membership-service"

/**
 * Coupons past their expires_at leave the wallet, and their promotions are switched to
 * inactive so the code no longer applies anywhere (Medusa promotions have no end date of their
 * own outside a campaign). Returns how many expired.
 */
const expireCouponsStep = createStep("membership-expire-coupons", async (input: { now?: Date | string; limit?: number }, { container }) => {
  const now = input.now ? new Date(input.now) : new Date()
  const membership = membershipOf(container)
  const due = await membership.listCouponGrants({ status: "granted", expires_at: { $lte: now } }, { select: ["id", "promotion_id"], take: input.limit ?? 1000 })
  if (!due.length) return new StepResponse(0)
  await container.resolve(Modules.PROMOTION).updatePromotions(due.map((g: any) => ({ id: g.promotion_id, status: PromotionStatus.INACTIVE })))
  await membership.updateCouponGrants(due.map((g: any) => ({ id: g.id, status: "expired" as const })))
  return new StepResponse(due.length)
})

export const expireCouponsWorkflow = createWorkflow("membership-expire-coupons", (input: { now?: Date | string; limit?: number }) => {
  return new WorkflowResponse(expireCouponsStep(input))
})

/**
 * Takes a coupon back out of a wallet (given by mistake, the customer complained…): the grant
 * is revoked and its promotion switched off. Only a coupon still in the wallet: a redeemed one
 * is history (409 coupon_not_in_wallet).
 */
const revokeCouponStep = createStep(
  "membership-revoke-coupon",
  async (input: { member_id: string; coupon_id: string }, { container }) => {
    const membership = membershipOf(container)
    const [grant] = await membership.listCouponGrants({ id: input.coupon_id, member_id: input.member_id }, { take: 1 })
    if (!grant) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Coupon ${input.coupon_id} of member ${input.member_id} was not found`)
    if (grant.status !== "granted") {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Coupon ${grant.code} is ${grant.status}, no longer in the wallet`, "coupon_not_in_wallet")
    }
    await container.resolve(Modules.PROMOTION).updatePromotions({ id: grant.promotion_id, status: PromotionStatus.INACTIVE })
    const [revoked] = await membership.updateCouponGrants([{ id: grant.id, status: "revoked" as const }])
    return new StepResponse(revoked, grant)
  },
  async (grant, { container }) => {
    if (!grant) return
    await container.resolve(Modules.PROMOTION).updatePromotions({ id: grant.promotion_id, status: PromotionStatus.ACTIVE })
    await membershipOf(container).updateCouponGrants([{ id: grant.id, status: "granted" as const }])
  }
)

export const revokeCouponWorkflow = createWorkflow("membership-revoke-coupon", (input: { member_id: string; coupon_id: string }) => {
  return new WorkflowResponse(revokeCouponStep(input))
})
