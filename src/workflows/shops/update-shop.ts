import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { updateStockLocationsWorkflow } from "@medusajs/medusa/core-flows"
import { assertShopsHoldNoStockStep } from "./steps/assert-shops-hold-no-stock"
import { updateShopRecordStep } from "./steps/update-shop-record"
import type { UpdateShopInput } from "./types"

export type UpdateShopWorkflowInput = UpdateShopInput & { additional_data?: Record<string, unknown> }

/** Edits a shop; closing one that still holds stock is refused; its location follows renames. */
export const updateShopWorkflow = createWorkflow(
  "update-shop",
  (input: UpdateShopWorkflowInput) => {
    when("closing-shop", { input }, ({ input }) => input.status === "closed").then(() => {
      assertShopsHoldNoStockStep({ shop_ids: transform(input, (i) => [i.id]), action: "close" })
    })

    const changes = transform(input, ({ additional_data, ...rest }) => rest)
    const shop = updateShopRecordStep(changes)

    when("shop-location-changed", { input }, ({ input }) =>
      ["name", "code", "address", "city", "province", "phone"].some((f) => f in input)
    ).then(() => {
      updateStockLocationsWorkflow.runAsStep({
        input: transform({ shop }, ({ shop }) => ({
          selector: { id: shop.stock_location_id },
          update: {
            name: `${shop.name} (${shop.code})`,
            address: {
              address_1: shop.address || shop.name,
              city: shop.city,
              province: shop.province ?? undefined,
              phone: shop.phone ?? undefined,
              country_code: "cn",
            },
          },
        })),
      })
    })

    const shopUpdated = createHook("shopUpdated", { shop, additional_data: input.additional_data })
    return new WorkflowResponse(shop, { hooks: [shopUpdated] })
  }
)
