import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createTerritoryWorkflow } from "../../../workflows/territories"

const FIELDS = ["id", "code", "name", "level", "parent_id", "metadata", "created_at", "updated_at", "users.id", "users.email", "users.first_name", "users.last_name"]

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as { q?: string; parent_id?: string; level?: string; limit: number; offset: number }
  const filters: Record<string, unknown> = {}
  if (q.parent_id) filters.parent_id = q.parent_id
  if (q.level) filters.level = q.level
  if (q.q) filters.$or = [{ code: { $ilike: `%${q.q}%` } }, { name: { $ilike: `%${q.q}%` } }]
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "territory",
    fields: FIELDS,
    filters,
    pagination: { skip: q.offset, take: q.limit, order: { code: "ASC" } },
  })
  const territories = data.map(({ users, ...t }: any) => ({ ...t, managers: (users ?? []).filter(Boolean) }))
  res.json({ territories, count: metadata?.count ?? territories.length, offset: q.offset, limit: q.limit })
}

export const POST = async (req: MedusaRequest<any>, res: MedusaResponse) => {
  const { result } = await createTerritoryWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ territory: result })
}
