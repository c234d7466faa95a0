/**
 * Makes the scale database checkout-ready for bench/allocation, idempotently: every product in
 * the default shipping profile (the scale seed bulk-loads products without that link) and one
 * delivery shipping option for all of China (a "shipping" fulfilment set at the first warehouse,
 * the manual provider, free) — Medusa refuses to complete a cart whose items need shipping
 * without a shipping method of their profile. Bulk SQL for the link, as the scale seed does.
 *
 *   npx medusa exec ./bench/allocation/setup.ts
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"

const OPTION = "Bench delivery 快递"

export default async function setup({ container }: ExecArgs) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [profile0] = await fulfillment.listShippingProfiles({ type: "default" })
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const linked = await db.raw(
    `INSERT INTO product_shipping_profile (id, product_id, shipping_profile_id)
     SELECT 'prodsp_bench_' || p.id, p.id, ? FROM product p
      WHERE p.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM product_shipping_profile x WHERE x.product_id = p.id AND x.deleted_at IS NULL)`,
    [profile0.id]
  )
  if (linked.rowCount) console.error(`linked ${linked.rowCount} products to the default shipping profile`)
  if ((await fulfillment.listShippingOptions({ name: OPTION })).length) {
    console.log(JSON.stringify({ created: false }))
    return
  }
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const [dc] = (await pg.raw("SELECT stock_location_id FROM shop WHERE deleted_at IS NULL AND kind = 'warehouse' ORDER BY code LIMIT 1")).rows
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const [set] = await fulfillment.createFulfillmentSets([
    { name: "Bench delivery", type: "shipping", service_zones: [{ name: "China", geo_zones: [{ type: "country", country_code: "cn" }] }] },
  ] as any)
  await link.create([
    { [Modules.STOCK_LOCATION]: { stock_location_id: dc.stock_location_id }, [Modules.FULFILLMENT]: { fulfillment_set_id: set.id } },
    { [Modules.STOCK_LOCATION]: { stock_location_id: dc.stock_location_id }, [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" } },
  ])
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: OPTION,
        service_zone_id: (set as any).service_zones[0].id,
        shipping_profile_id: profile.id,
        provider_id: "manual_manual",
        price_type: "flat",
        type: { label: "Delivery", description: "Bench delivery", code: "delivery" },
        prices: [{ currency_code: "cny", amount: 0 }],
        rules: [
          { attribute: "enabled_in_store", operator: "eq", value: "true" },
          { attribute: "is_return", operator: "eq", value: "false" },
        ],
      },
    ] as any,
  })
  console.log(JSON.stringify({ created: true, location_id: dc.stock_location_id }))
}
