import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { SHOPS_MODULE } from "../../modules/shops"

export const PICKUP_SHOP_METADATA_KEY = "pickup_shop_id"

/**
 * The shop must exist, be open and have its stock location in the cart's sales channel (so
 * the allocation may serve from it); the cart must not be completed. Returns the cart's new
 * metadata: the old one with `pickup_shop_id` set, or set to "" (removed) when clearing.
 */
export const validatePickupShopStep = createStep(
  "validate-pickup-shop",
  async ({ cart, shop_id }: { cart: any; shop_id: string | null }, { container }) => {
    if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Cart was not found")
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart.id} is already completed`, "cart_incompatible_state")
    }
    // The cart module merges metadata: an empty string removes the key.
    const rest = { ...(cart.metadata ?? {}) }
    delete rest[PICKUP_SHOP_METADATA_KEY]
    if (!shop_id) return new StepResponse({ ...rest, [PICKUP_SHOP_METADATA_KEY]: "" })
    const [shop] = await (container.resolve(SHOPS_MODULE) as any).listShops({ id: shop_id }, { select: ["id", "code", "status", "stock_location_id"] })
    if (!shop) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shop with id: ${shop_id} was not found`)
    if (shop.status !== "open") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `shop_id: shop ${shop.code} is ${shop.status}, not open for pickup`)
    }
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "sales_channel",
      fields: ["id", "stock_locations.id"],
      filters: { id: cart.sales_channel_id },
    })
    if (!(data[0]?.stock_locations ?? []).some((l: any) => l?.id === shop.stock_location_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `shop_id: shop ${shop.code} does not sell in this cart's sales channel`)
    }
    return new StepResponse({ ...rest, [PICKUP_SHOP_METADATA_KEY]: shop.id })
  }
)

/** Sets (or with shop_id null clears) the shop where the customer collects the order. */
export const setPickupShopWorkflow = createWorkflow("set-pickup-shop", (input: { cart_id: string; shop_id: string | null }) => {
  const cart = useQueryGraphStep({
    entity: "cart",
    fields: ["id", "sales_channel_id", "metadata", "completed_at"],
    filters: { id: input.cart_id },
    options: { isList: false },
  })
  const metadata = validatePickupShopStep({ cart: cart.data, shop_id: input.shop_id })
  updateCartsStep(transform({ input, metadata }, ({ input, metadata }) => [{ id: input.cart_id, metadata }]))
  return new WorkflowResponse(metadata)
})
