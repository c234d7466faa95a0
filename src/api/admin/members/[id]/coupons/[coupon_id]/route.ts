import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { revokeCouponWorkflow } from "../../../../../../workflows/membership/coupons"

/** DELETE /admin/members/:id/coupons/:coupon_id — revokes a coupon still in the wallet (its code stops working). */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const { result } = await revokeCouponWorkflow(req.scope).run({ input: { member_id: req.params.id, coupon_id: req.params.coupon_id } })
  res.json({ id: result.id, object: "member_coupon", status: result.status, deleted: false })
}
