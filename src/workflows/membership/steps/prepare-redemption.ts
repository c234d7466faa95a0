import { randomBytes } from "node:crypto"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { redeemablePoints, RedemptionError } from "../../../lib/membership"
import { memberOfCustomer, membershipOf } from "./membership-service"

export type PreparedRedemption = {
  member_id: string
  cart_id: string
  points: number
  amount: number
  currency_code: string
  code: string
  expires_at: Date
}

const HOLD_HOURS = 24

const asHttpError = (e: unknown) => {
  if (!(e instanceof RedemptionError)) return e
  const conflictCodes = ["insufficient_points"]
  return new MedusaError(conflictCodes.includes(e.code) ? MedusaError.Types.CONFLICT : MedusaError.Types.INVALID_DATA, e.message, e.code)
}

/** Checks a points redemption on a cart against the member's balance and the programme's rules. */
export const prepareRedemptionStep = createStep(
  "membership-prepare-redemption",
  async (input: { customer_id: string; cart_id: string; points: number }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [cart] } = await query.graph({
      entity: "cart",
      fields: ["id", "customer_id", "completed_at", "currency_code", "total"],
      filters: { id: input.cart_id },
    })
    if (!cart || cart.customer_id !== input.customer_id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} was not found`)
    if (cart.completed_at) throw new MedusaError(MedusaError.Types.CONFLICT, `Cart ${input.cart_id} is already completed`, "cart_completed")
    const member = await memberOfCustomer(container, input.customer_id)
    if (!member) throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not a member yet: join first")
    const membership = membershipOf(container)
    const [open] = await membership.listPointsHolds({ cart_id: cart.id, status: "held" }, { take: 1 })
    if (open) throw new MedusaError(MedusaError.Types.CONFLICT, `This cart already has ${open.points} points applied; remove them first`, "points_already_applied")
    const program = await membership.programSettings()
    let decided: { points: number; amount: number }
    try {
      decided = redeemablePoints(input.points, Number(member.points_available) - Number(member.points_held), Number(cart.total), {
        points_per_yuan: program.redeem_points_per_yuan,
        block: program.redeem_block,
        max_share: program.redeem_max_share,
      })
    } catch (e) {
      throw asHttpError(e)
    }
    return new StepResponse({
      member_id: member.id,
      cart_id: cart.id,
      points: decided.points,
      amount: decided.amount,
      currency_code: cart.currency_code,
      code: `PTS-${randomBytes(6).toString("hex").toUpperCase()}`,
      expires_at: new Date(Date.now() + HOLD_HOURS * 3_600_000),
    } as PreparedRedemption)
  }
)

/** Holds the points against the member's balance; released again if a later step fails. */
export const holdPointsStep = createStep(
  "membership-hold-points",
  async (r: PreparedRedemption, { container }) => {
    const hold = await membershipOf(container).holdPoints(r.member_id, r)
    return new StepResponse(hold, hold.id as string)
  },
  async (holdId, { container }) => {
    if (holdId) await membershipOf(container).releaseHold(holdId, "checkout step failed")
  }
)

export const linkHoldPromotionStep = createStep("membership-link-hold-promotion", async (input: { hold_id: string; promotion_id: string }, { container }) => {
  await membershipOf(container).setHoldPromotion(input.hold_id, input.promotion_id)
  return new StepResponse(input)
})
