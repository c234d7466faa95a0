import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** What an admin asks a run (or a policy list) to cover: at most one of these. */
export type ScopeInput = { location_id?: string; shop_id?: string; territory_id?: string; variant_id?: string }

/** The scope as stored on a run: what was asked, and the locations it resolved to. */
export type StoredScope = {
  kind: "all" | "location" | "shop" | "territory" | "variant"
  id?: string
  location_ids: string[] | null
  variant_id: string | null
}

const query = (c: MedusaContainer) => c.resolve(ContainerRegistrationKeys.QUERY)

/** A territory and every territory under it (HQ → region → district). */
async function territoryAndDescendants(container: MedusaContainer, id: string): Promise<string[]> {
  const { data } = await query(container).graph({ entity: "territory", fields: ["id", "parent_id"] })
  if (!data.some((t: any) => t.id === id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Territory ${id} was not found`)
  const children = new Map<string, string[]>()
  for (const t of data as any[]) if (t.parent_id) children.set(t.parent_id, [...(children.get(t.parent_id) ?? []), t.id])
  const out: string[] = []
  const stack = [id]
  while (stack.length) {
    const t = stack.pop()!
    out.push(t)
    stack.push(...(children.get(t) ?? []))
  }
  return out
}

/** The stock locations of a territory's shops, including those of its sub-territories. */
export async function territoryLocationIds(container: MedusaContainer, territoryId: string): Promise<string[]> {
  const territories = await territoryAndDescendants(container, territoryId)
  const { data } = await query(container).graph({ entity: "shop", fields: ["stock_location_id"], filters: { territory_id: territories } as any })
  return [...new Set((data as any[]).map((s) => s.stock_location_id).filter(Boolean))]
}

export async function shopLocationId(container: MedusaContainer, shopId: string): Promise<string> {
  const { data } = await query(container).graph({ entity: "shop", fields: ["id", "stock_location_id"], filters: { id: shopId } })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shop ${shopId} was not found`)
  return (data[0] as any).stock_location_id
}

export async function resolveScope(container: MedusaContainer, input: ScopeInput = {}): Promise<StoredScope> {
  const given = (["location_id", "shop_id", "territory_id", "variant_id"] as const).filter((k) => input[k] !== undefined)
  if (given.length > 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${given[1]}: give only one of location_id, shop_id, territory_id, variant_id`)
  }
  if (input.shop_id) return { kind: "shop", id: input.shop_id, location_ids: [await shopLocationId(container, input.shop_id)], variant_id: null }
  if (input.territory_id) {
    return { kind: "territory", id: input.territory_id, location_ids: await territoryLocationIds(container, input.territory_id), variant_id: null }
  }
  if (input.location_id) {
    const { data } = await query(container).graph({ entity: "stock_location", fields: ["id"], filters: { id: input.location_id } })
    if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock location ${input.location_id} was not found`)
    return { kind: "location", id: input.location_id, location_ids: [input.location_id], variant_id: null }
  }
  if (input.variant_id) {
    const { data } = await query(container).graph({ entity: "variant", fields: ["id"], filters: { id: input.variant_id } })
    if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant ${input.variant_id} was not found`)
    return { kind: "variant", id: input.variant_id, location_ids: null, variant_id: input.variant_id }
  }
  return { kind: "all", location_ids: null, variant_id: null }
}

/** Shop kind per stock location ("warehouse", "standard", …): what sets the default lead time. */
export async function locationKinds(container: MedusaContainer): Promise<Map<string, string>> {
  const { data } = await query(container).graph({ entity: "shop", fields: ["stock_location_id", "kind"] })
  return new Map((data as any[]).map((s) => [s.stock_location_id, s.kind]))
}
