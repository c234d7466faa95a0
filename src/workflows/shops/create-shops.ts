import { Modules } from "@medusajs/framework/utils"
import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  associateLocationsWithSalesChannelsStep,
  createFulfillmentSets,
  createRemoteLinkStep,
  createSalesChannelsStep,
  createShippingOptionsWorkflow,
  createStockLocations,
} from "@medusajs/medusa/core-flows"
import { createShopRecordsStep } from "./steps/create-shop-records"
import { findDefaultShippingProfileStep } from "./steps/find-default-shipping-profile"
import { validateNewShopsStep } from "./steps/validate-new-shops"
import { CreateShopInput, servesCustomers } from "./types"

export type CreateShopsWorkflowInput = {
  shops: CreateShopInput[]
  additional_data?: Record<string, unknown>
}

const PICKUP_PROVIDER = "manual_manual"
const wantsPos = (s: CreateShopInput) => s.pos_channel ?? servesCustomers(s)
const wantsPickup = (s: CreateShopInput) => s.pickup ?? servesCustomers(s)

/**
 * Creates shops with everything a shop is in Medusa: its stock location (with address), its
 * POS sales channel, links to the channels that sell its stock, and a pickup fulfilment set
 * with a free pickup shipping option. All of it is undone if any step fails.
 */
export const createShopsWorkflow = createWorkflow(
  "create-shops",
  (input: CreateShopsWorkflowInput) => {
    validateNewShopsStep(input.shops)

    const locations = createStockLocations(
      transform(input, ({ shops }) =>
        shops.map((s) => ({
          name: `${s.name} (${s.code})`,
          address: {
            address_1: s.address || s.name,
            city: s.city,
            province: s.province ?? undefined,
            country_code: s.country_code ?? "cn",
            phone: s.phone ?? undefined,
          },
          metadata: { shop_code: s.code },
        }))
      )
    )

    const posChannels = createSalesChannelsStep(
      transform(input, ({ shops }) => ({
        data: shops.filter(wantsPos).map((s) => ({
          name: `POS · ${s.name}`,
          description: `In-shop sales at ${s.code}`,
          metadata: { shop_code: s.code, channel: "pos" },
        })),
      }))
    )

    const channelLinks = transform({ input, locations, posChannels }, (d) =>
      d.input.shops.flatMap((s, i) => {
        const location_id = d.locations[i].id
        const pos = d.posChannels.find((c) => c.metadata?.shop_code === s.code)
        const ids = [...(pos ? [pos.id] : []), ...(s.sales_channel_ids ?? [])]
        return ids.map((sales_channel_id) => ({ sales_channel_id, location_id }))
      })
    )
    associateLocationsWithSalesChannelsStep({ links: channelLinks })

    const profileId = findDefaultShippingProfileStep()
    const pickupShops = transform({ input, locations, profileId }, (d) =>
      d.profileId
        ? d.input.shops
            .map((s, i) => ({ shop: s, location_id: d.locations[i].id }))
            .filter(({ shop }) => wantsPickup(shop))
        : []
    )

    when("shops-with-pickup", { pickupShops }, ({ pickupShops }) => pickupShops.length > 0).then(
      () => {
        const sets = createFulfillmentSets(
          transform({ pickupShops }, ({ pickupShops }) =>
            pickupShops.map(({ shop }) => ({
              name: `Pickup ${shop.code}`,
              type: "pickup",
              service_zones: [
                {
                  name: `Pickup ${shop.code}`,
                  geo_zones: [{ type: "country" as const, country_code: shop.country_code ?? "cn" }],
                },
              ],
            }))
          )
        )
        createRemoteLinkStep(
          transform({ pickupShops, sets }, (d) =>
            d.pickupShops.flatMap((p, i) => [
              {
                [Modules.STOCK_LOCATION]: { stock_location_id: p.location_id },
                [Modules.FULFILLMENT]: { fulfillment_set_id: d.sets[i].id },
              },
              {
                [Modules.STOCK_LOCATION]: { stock_location_id: p.location_id },
                [Modules.FULFILLMENT]: { fulfillment_provider_id: PICKUP_PROVIDER },
              },
            ])
          )
        ).config({ name: "link-pickup-fulfillment" })
        createShippingOptionsWorkflow.runAsStep({
          input: transform({ pickupShops, sets, profileId }, (d) =>
            d.pickupShops.map((p, i) => ({
              name: `到店自提 Pickup · ${p.shop.name}`,
              service_zone_id: d.sets[i].service_zones[0].id,
              shipping_profile_id: d.profileId!,
              provider_id: PICKUP_PROVIDER,
              price_type: "flat" as const,
              type: { label: "Pickup", description: "Collect at the shop", code: "pickup" },
              prices: [{ currency_code: "cny", amount: 0 }],
              rules: [
                { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
                { attribute: "is_return", operator: "eq" as const, value: "false" },
              ],
              data: { shop_code: p.shop.code },
            }))
          ),
        })
      }
    )

    const shops = createShopRecordsStep(
      transform({ input, locations }, (d) =>
        d.input.shops.map((s, i) => {
          const { sales_channel_ids, pos_channel, pickup, country_code, ...shop } = s
          return { ...shop, stock_location_id: d.locations[i].id }
        })
      )
    )

    const shopsCreated = createHook("shopsCreated", {
      shops,
      additional_data: input.additional_data,
    })
    return new WorkflowResponse(shops, { hooks: [shopsCreated] })
  }
)
