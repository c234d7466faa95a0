import Medusa from "@medusajs/js-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createTaxRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { chinaMarket, productWithStock } from "./catalog"

type Api = { post: (path: string, body: unknown, config: { headers: Record<string, string> }) => Promise<{ data: any }> }

export const TEST_TIERS = [
  { code: "normal", name: "普通", name_en: "Member", rank: 0 },
  { code: "silver", name: "银卡", name_en: "Silver", rank: 1, qualify_spend: 500, points_multiplier: 1 },
  { code: "gold", name: "金卡", name_en: "Gold", rank: 2, qualify_spend: 2000, points_multiplier: 1.5 },
  { code: "diamond", name: "钻石", name_en: "Diamond", rank: 3, qualify_spend: 10000, points_multiplier: 2 },
]

/**
 * What the membership suites shop in: a China market with 13 % VAT, shop SH-A selling online, a
 * ¥300 jacket stocked there, the given rungs of the ladder, and ¥1 = 1 point.
 */
export async function membershipMarket(container: MedusaContainer, api: Api, headers: Record<string, string>, salesChannelId: string, tierCodes: string[]) {
  const market = await chinaMarket(container)
  await createTaxRegionsWorkflow(container).run({
    input: [{ country_code: "cn", provider_id: "tp_system", default_tax_rate: { rate: 13, code: "VAT", name: "增值税" } }],
  })
  const shop = (
    await api.post(
      "/admin/shops",
      { code: "SH-A", name: "上海人民广场店", kind: "standard", status: "open", latitude: 31.23, longitude: 121.47, city: "上海", sales_channel_ids: [salesChannelId] },
      { headers }
    )
  ).data.shop
  const jacket = await productWithStock(container, {
    sku: "JACKET-M",
    price: 300,
    shippingProfileId: market.shippingProfileId,
    salesChannelIds: [salesChannelId],
    stock: [{ location_id: shop.stock_location_id, quantity: 50 }],
  })
  const tiers: Record<string, any> = {}
  for (const t of TEST_TIERS.filter((t) => tierCodes.includes(t.code))) tiers[t.code] = (await api.post("/admin/member-tiers", t, { headers })).data.tier
  await api.post("/admin/member-earn-rules", { name: "¥1 = 1 point", kind: "base", points_per_yuan: 1 }, { headers })
  return { regionId: market.regionId, shop, jacket, tiers }
}

/** A new shopper with an account, signed in through the js-sdk as a storefront would. */
export async function signedInShopper(baseUrl: string, publishableKey: string, email: string, profile: { phone?: string } = {}) {
  const sdk = new Medusa({ baseUrl, publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  await sdk.auth.register("customer", "emailpass", { email, password: "s3cret-Pass" })
  const { customer } = await sdk.store.customer.create({ email, first_name: "小", last_name: "李", ...profile })
  const token = (await sdk.auth.login("customer", "emailpass", { email, password: "s3cret-Pass" })) as string
  return { sdk, customer, email, token }
}

export const joinMembership = (sdk: Medusa) => sdk.client.fetch<any>("/store/members", { method: "POST", body: { consent_version: "2026-11" } })
