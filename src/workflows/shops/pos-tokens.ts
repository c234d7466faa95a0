import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SHOPS_MODULE } from "../../modules/shops"
import type ShopsModuleService from "../../modules/shops/service"

const issuePosTokenStep = createStep(
  "issue-pos-token",
  async (input: { shop_id: string; label: string; created_by?: string }, { container }) => {
    const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
    const issued = await service.issuePosToken(input.shop_id, input.label, input.created_by)
    return new StepResponse(issued, issued.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<ShopsModuleService>(SHOPS_MODULE).deletePosTokens([id])
  }
)

/** Issues a till credential for one shop; the raw token is in the result and nowhere else. */
export const issuePosTokenWorkflow = createWorkflow(
  "issue-pos-token",
  (input: { shop_id: string; label: string; created_by?: string }) =>
    new WorkflowResponse(issuePosTokenStep(input))
)

const revokePosTokenStep = createStep(
  "revoke-pos-token",
  async (input: { shop_id: string; token_id: string }, { container }) => {
    const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
    const [token] = await service.listPosTokens(
      { id: input.token_id, shop_id: input.shop_id },
      { select: ["id", "revoked_at"] }
    )
    if (!token) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `POS token ${input.token_id} not found for this shop`)
    }
    if (token.revoked_at) return new StepResponse(token, null)
    const revoked = await service.updatePosTokens({ id: token.id, revoked_at: new Date() })
    return new StepResponse(revoked, token.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<ShopsModuleService>(SHOPS_MODULE).updatePosTokens({ id, revoked_at: null })
  }
)

export const revokePosTokenWorkflow = createWorkflow(
  "revoke-pos-token",
  (input: { shop_id: string; token_id: string }) => new WorkflowResponse(revokePosTokenStep(input))
)
