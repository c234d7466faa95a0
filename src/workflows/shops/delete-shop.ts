import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  deleteStockLocationsWorkflow,
  updateSalesChannelsWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { SHOPS_MODULE } from "../../modules/shops"
import type ShopsModuleService from "../../modules/shops/service"
import { assertShopsHoldNoStockStep } from "./steps/assert-shops-hold-no-stock"

const softDeleteShopStep = createStep(
  "soft-delete-shop",
  async (id: string, { container }) => {
    const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
    const shop = await service.retrieveShop(id, { select: ["id", "code", "stock_location_id"] })
    await service.softDeleteShops([id])
    return new StepResponse(shop, id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<ShopsModuleService>(SHOPS_MODULE).restoreShops([id])
  }
)

/** A deleted shop's tills must stop working at once. */
const revokeShopPosTokensStep = createStep(
  "revoke-shop-pos-tokens",
  async (shopId: string, { container }) => {
    const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
    const live = await service.listPosTokens({ shop_id: shopId, revoked_at: null }, { select: ["id"] })
    if (live.length) {
      await service.updatePosTokens(live.map((t) => ({ id: t.id, revoked_at: new Date() })))
    }
    return new StepResponse(undefined, live.map((t) => t.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container
      .resolve<ShopsModuleService>(SHOPS_MODULE)
      .updatePosTokens(ids.map((id) => ({ id, revoked_at: null })))
  }
)

/**
 * Deletes an empty shop (a shop with stock is refused, 409): its tills stop working, its POS
 * channel is disabled rather than deleted (its orders keep pointing at it) and its stock
 * location goes.
 */
export const deleteShopWorkflow = createWorkflow("delete-shop", (input: { id: string }) => {
  assertShopsHoldNoStockStep({ shop_ids: transform(input, (i) => [i.id]), action: "delete" })
  const { data: found } = useQueryGraphStep({
    entity: "shop",
    fields: ["id", "stock_location.sales_channels.id", "stock_location.sales_channels.metadata"],
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true },
  }).config({ name: "shop-channels-query" })
  const shop = softDeleteShopStep(input.id)
  revokeShopPosTokensStep(input.id)

  const posChannelIds = transform({ found }, ({ found }) =>
    ((found[0] as any)?.stock_location?.sales_channels ?? [])
      .filter((c: any) => c?.metadata?.channel === "pos")
      .map((c: any) => c.id as string)
  )
  when("shop-has-pos-channel", { posChannelIds }, ({ posChannelIds }) => posChannelIds.length > 0).then(() => {
    updateSalesChannelsWorkflow.runAsStep({
      input: transform({ posChannelIds }, ({ posChannelIds }) => ({
        selector: { id: posChannelIds },
        update: { is_disabled: true },
      })),
    })
  })

  deleteStockLocationsWorkflow.runAsStep({
    input: transform({ shop }, ({ shop }) => ({ ids: [shop.stock_location_id] })),
  })
  return new WorkflowResponse(shop)
})
