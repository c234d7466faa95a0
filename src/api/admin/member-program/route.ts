import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DEFAULT_PROGRAM } from "../../../modules/membership/service"
import { membershipOf } from "../../../workflows/membership/steps/membership-service"
import type { AdminUpdateProgramType } from "../members/validators"

/** GET /admin/member-program — downgrade policy and grace, return windows, expiry, redemption rules. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ program: await membershipOf(req.scope).programSettings() })
}

/** POST /admin/member-program — change any of the settings; the rest stay. */
export const POST = async (req: MedusaRequest<AdminUpdateProgramType>, res: MedusaResponse) => {
  const membership = membershipOf(req.scope)
  const current = await membership.programSettings()
  const next = { ...DEFAULT_PROGRAM, ...current, ...req.validatedBody }
  const [exists] = await membership.listMemberPrograms({ id: "default" }, { take: 1 })
  if (exists) await membership.updateMemberPrograms({ id: "default", ...next } as any)
  else await membership.createMemberPrograms({ id: "default", ...next } as any)
  res.json({ program: await membership.programSettings() })
}
