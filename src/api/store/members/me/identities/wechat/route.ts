import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bindPlatformIdentityWorkflow } from "../../../../../../workflows/membership/identities"
import { customerIdOf } from "../../../customer-member"
import type { StoreBindPlatformType } from "../../phone/validators"

/**
 * POST /store/members/me/identities/wechat { code }: the mini-program's login code, exchanged
 * server-side with WeChat (jscode2session); binds the openid and the unionid when given.
 * 409 identity_taken when it is another member's; 400 when the platform refuses the code.
 */
export const POST = async (req: MedusaRequest<StoreBindPlatformType>, res: MedusaResponse) => {
  const { result } = await bindPlatformIdentityWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), platform: "wechat", code: req.validatedBody.code, anonymous_code: req.validatedBody.anonymous_code },
  })
  res.json(result)
}
