import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createShippingProfilesWorkflow,
} from "@medusajs/medusa/core-flows"

/** What selling in CNY needs before any shop exists: a China region and a default shipping profile. */
export async function chinaMarket(container: MedusaContainer) {
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "China", currency_code: "cny", countries: ["cn"], payment_providers: ["pp_system_default"] }] },
  })
  const { result: profiles } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default", type: "default" }] },
  })
  return { regionId: regions[0].id, shippingProfileId: profiles[0].id }
}

/** One product with one inventory-managed variant, sold in the given channels. */
export async function productWithStock(
  container: MedusaContainer,
  opts: {
    sku: string
    price: number
    shippingProfileId: string
    salesChannelIds: string[]
    stock: { location_id: string; quantity: number }[]
  }
) {
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: [{
        title: `Product ${opts.sku}`,
        status: "published",
        shipping_profile_id: opts.shippingProfileId,
        sales_channels: opts.salesChannelIds.map((id) => ({ id })),
        options: [{ title: "Size", values: ["One"] }],
        variants: [{ title: "One", sku: opts.sku, options: { Size: "One" }, manage_inventory: true, prices: [{ currency_code: "cny", amount: opts.price }] }],
      }],
    },
  })
  const variantId = result[0].variants[0].id
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [variant] } = await query.graph({ entity: "variant", fields: ["inventory_items.inventory_item_id"], filters: { id: variantId } })
  const inventoryItemId = variant.inventory_items![0]!.inventory_item_id
  if (opts.stock.length) {
    await createInventoryLevelsWorkflow(container).run({
      input: { inventory_levels: opts.stock.map((s) => ({ inventory_item_id: inventoryItemId, location_id: s.location_id, stocked_quantity: s.quantity })) },
    })
  }
  return { variantId, inventoryItemId }
}

export async function levelAt(container: MedusaContainer, inventoryItemId: string, locationId: string) {
  const [level] = await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: locationId })
  return { stocked: Number(level.stocked_quantity), reserved: Number(level.reserved_quantity) }
}
