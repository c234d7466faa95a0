import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { prepareRetrieveQuery } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { completeCartWorkflowId } from "@medusajs/medusa/core-flows"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { TRANSFERS_MODULE } from "../../../../../modules/transfers"
import { completeCartWithAllocationWorkflowId } from "../../../../../workflows/allocation"

/**
 * Replaces Medusa's POST /store/carts/:id/complete (a project route registered after the core
 * one wins: the routes loader keeps the last registration of a path and method). It runs
 * completeCartWithAllocationWorkflow — or Medusa's own completeCartWorkflow when the transfers
 * module's `allocation` option is "core" — and answers exactly as Medusa's route does:
 * { type: "order", order } or, for a payment that needs more, { type: "cart", cart, error };
 * any other failure is thrown (400 insufficient_inventory for an order nobody can serve).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const cartId = req.params.id
  const settings = (req.scope.resolve(TRANSFERS_MODULE) as any).getAllocationSettings()
  const workflowId = settings.allocation === "core" ? completeCartWorkflowId : completeCartWithAllocationWorkflowId
  const we = req.scope.resolve(Modules.WORKFLOW_ENGINE)
  const { errors, result, transaction } = await we.run(workflowId, { input: { id: cartId }, throwOnError: false })
  if (!transaction.hasFinished()) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "Cart is already being completed by another request")
  }
  if (errors?.[0]) {
    const error = errors[0].error
    const statusOK = [MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, MedusaError.Types.PAYMENT_REQUIRES_MORE_ERROR] as string[]
    const cartReq = await prepareRetrieveQuery({}, { defaults: defaultStoreCartFields } as any, req as any)
    const cart = await refetchCart(cartId, req.scope, cartReq.remoteQueryConfig.fields)
    if (!statusOK.includes(error?.type)) throw error
    res.status(200).json({ type: "cart", cart, error: { message: error.message, name: error.name, type: error.type } })
    return
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: (req as any).queryConfig.fields, filters: { id: result.id } })
  res.status(200).json({ type: "order", order: data[0] })
}
