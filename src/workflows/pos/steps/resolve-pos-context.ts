import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHOPS_MODULE } from "../../../modules/shops"
import type ShopsModuleService from "../../../modules/shops/service"

export type PosContext = {
  shop_code: string
  location_id: string
  sales_channel_id: string
  region_id: string
  shipping_option_id: string
}

/**
 * Everything a till sale needs from the shop: its location, its own POS channel (so the sale
 * reserves and fulfils here and nowhere else), the CNY region and the shop's pickup option,
 * which stands in for "handed over at the counter".
 */
export const resolvePosContextStep = createStep(
  "resolve-pos-context",
  async (input: { shop_id: string; currency_code: string }, { container }) => {
    const shop = await container
      .resolve<ShopsModuleService>(SHOPS_MODULE)
      .retrieveShop(input.shop_id, { select: ["id", "code", "status", "stock_location_id"] })
    if (shop.status !== "open") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Shop ${shop.code} is ${shop.status}: it cannot sell`,
        "shop_not_open"
      )
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [location] } = await query.graph({
      entity: "stock_location",
      fields: [
        "id",
        "sales_channels.id",
        "sales_channels.metadata",
        "fulfillment_sets.type",
        "fulfillment_sets.service_zones.shipping_options.id",
      ],
      filters: { id: shop.stock_location_id },
    })
    // The location's own POS channel; found by its role, not the shop's code, which may change.
    const pos = (location?.sales_channels ?? []).find((c: any) => c?.metadata?.channel === "pos")
    const pickup = (location?.fulfillment_sets ?? [])
      .filter((f: any) => f?.type === "pickup")
      .flatMap((f: any) => f.service_zones.flatMap((z: any) => z.shipping_options))[0]
    if (!pos || !pickup) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Shop ${shop.code} has no ${pos ? "pickup option" : "POS sales channel"}; it cannot sell at the till`,
        "shop_cannot_sell"
      )
    }
    const [region] = await container
      .resolve(Modules.REGION)
      .listRegions({ currency_code: input.currency_code }, { select: ["id"], take: 1 })
    if (!region) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `No region sells in ${input.currency_code}: the store is not set up for till sales`
      )
    }
    return new StepResponse<PosContext>({
      shop_code: shop.code,
      location_id: shop.stock_location_id,
      sales_channel_id: pos.id,
      region_id: region.id,
      shipping_option_id: pickup.id,
    })
  }
)
