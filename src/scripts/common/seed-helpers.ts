import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createProductCategoriesWorkflow } from "@medusajs/medusa/core-flows"

export const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

type DemoCategory = { handle: string; name: string; name_en: string; parent_handle: string | null }

/**
 * The demo catalogue's categories, parents first, created through Medusa's workflow when
 * missing; returns handle → id for every one of them, so a rerun creates nothing.
 */
export async function ensureCategories(container: MedusaContainer, categories: DemoCategory[]) {
  const products = container.resolve(Modules.PRODUCT)
  const ids = new Map(
    (await products.listProductCategories({}, { select: ["id", "handle"] })).map((c) => [c.handle, c.id])
  )
  for (const c of categories) {
    if (ids.has(c.handle)) continue
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: [{
          name: c.name,
          handle: c.handle,
          is_active: true,
          parent_category_id: c.parent_handle ? ids.get(c.parent_handle) : undefined,
          metadata: { name_en: c.name_en },
        }],
      },
    })
    ids.set(c.handle, result[0].id)
  }
  return ids
}
