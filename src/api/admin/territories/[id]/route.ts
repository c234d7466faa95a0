import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deleteTerritoryWorkflow, updateTerritoryWorkflow } from "../../../../workflows/territories"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    {
      entity: "territory",
      fields: ["*", "parent.id", "parent.code", "parent.name", "children.id", "children.code", "children.name", "children.level", "users.id", "users.email", "users.first_name", "users.last_name"],
      filters: { id: req.params.id },
    },
    { throwIfKeyNotFound: true }
  )
  const { users, ...territory } = data[0] as any
  res.json({ territory: { ...territory, managers: (users ?? []).filter(Boolean) } })
}

export const POST = async (req: MedusaRequest<any>, res: MedusaResponse) => {
  const { result } = await updateTerritoryWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody },
  })
  res.json({ territory: result })
}

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await deleteTerritoryWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "territory", deleted: true })
}
