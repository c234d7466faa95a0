import { z } from "@medusajs/framework/zod"

const fields = {
  code: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, "code: letters, digits, - and _ only"),
  name: z.string().trim().min(1).max(200),
  level: z.enum(["hq", "region", "district"]),
  parent_id: z.string().nullable(),
  manager_ids: z.array(z.string()),
  metadata: z.record(z.string(), z.unknown()).nullable(),
}

export const AdminCreateTerritory = z.object({
  ...fields,
  parent_id: fields.parent_id.optional(),
  manager_ids: fields.manager_ids.optional(),
  metadata: fields.metadata.optional(),
})

export const AdminUpdateTerritory = z.object({
  name: fields.name.optional(),
  code: fields.code.optional(),
  parent_id: fields.parent_id.optional(),
  manager_ids: fields.manager_ids.optional(),
  metadata: fields.metadata.optional(),
})

export const AdminListTerritories = z.object({
  q: z.string().optional(),
  parent_id: z.string().optional(),
  level: z.enum(["hq", "region", "district"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
})
