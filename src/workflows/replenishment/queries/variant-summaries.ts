import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type VariantSummary = { id: string; title: string | null; sku: string | null; product_id: string | null; product_title: string | null; thumbnail: string | null }

/** Titles and SKUs for rows that only carry a variant id, so lists read as products, not ids. */
export async function variantSummaries(container: MedusaContainer, ids: string[]): Promise<Map<string, VariantSummary>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "variant",
    fields: ["id", "title", "sku", "product.id", "product.title", "product.thumbnail"],
    filters: { id: unique },
  })
  return new Map(
    (data as any[]).map((v) => [
      v.id,
      { id: v.id, title: v.title ?? null, sku: v.sku ?? null, product_id: v.product?.id ?? null, product_title: v.product?.title ?? null, thumbnail: v.product?.thumbnail ?? null },
    ])
  )
}

/** Adds `variant` (its summary, or null when the variant is gone) to each row. */
export async function withVariants<T extends { variant_id: string }>(container: MedusaContainer, rows: T[]): Promise<(T & { variant: VariantSummary | null })[]> {
  const found = await variantSummaries(container, rows.map((r) => r.variant_id))
  return rows.map((r) => ({ ...r, variant: found.get(r.variant_id) ?? null }))
}
