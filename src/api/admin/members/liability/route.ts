import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { membershipOf } from "../../../../workflows/membership/steps/membership-service"

/** GET /admin/members/liability — the points the programme owes, and what they are worth in CNY at the redemption rate. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const membership = membershipOf(req.scope)
  const [liability, program] = await Promise.all([membership.pointsLiability(), membership.programSettings()])
  const cny = (points: number) => Math.round((points / program.redeem_points_per_yuan) * 100) / 100
  res.json({
    liability: {
      ...liability,
      currency_code: "cny",
      available_amount: cny(liability.available),
      pending_amount: cny(liability.pending),
      total_amount: cny(liability.available + liability.pending),
      points_per_yuan: program.redeem_points_per_yuan,
    },
  })
}
