import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { joinMembership, membershipMarket, signedInShopper } from "./membership"
import { productWithStock } from "./catalog"
import { MEMBERSHIP_MODULE } from "../../src/modules/membership"

type Api = { post: (path: string, body: unknown, config: { headers: Record<string, string> }) => Promise<{ data: any }> }

const HOUR = 3_600_000

/** The membership market plus tier priorities (钻石 3, 金卡 2, 银卡 1) and a sneaker with no stock anywhere yet. */
export async function presaleMarket(container: MedusaContainer, api: Api, headers: Record<string, string>, salesChannelId: string) {
  const market = await membershipMarket(container, api, headers, salesChannelId, ["normal", "silver", "gold", "diamond"])
  const priorities: Record<string, number> = { normal: 0, silver: 1, gold: 2, diamond: 3 }
  for (const [code, tier] of Object.entries(market.tiers)) {
    market.tiers[code] = (await api.post(`/admin/member-tiers/${tier.id}`, { presale_priority: priorities[code] }, { headers })).data.tier
  }
  const sneaker = await productWithStock(container, { sku: "SNEAKER-LTD", price: 999, shippingProfileId: await shippingProfileOf(container), salesChannelIds: [salesChannelId], stock: [] })
  return { ...market, sneaker }
}

async function shippingProfileOf(container: MedusaContainer): Promise<string> {
  const [p] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({}, { take: 1 })
  return p.id
}

/** Everyone's window open since an hour ago: the whole quantity on sale. */
export const openToAll = () => [{ opens_at: new Date(Date.now() - HOUR).toISOString(), tier_id: null, share: null }]

/**
 * The suites' deposit terms: ¥50 paid counts ¥100 (定金膨胀), the balance window opening
 * `opensInHours` from now (negative: already open) and closing at `closesAt` (default in 48 h).
 */
export const depositTerms = (opensInHours: number, closesAt = Date.now() + 48 * HOUR) => ({
  payment_mode: "deposit",
  deposit: 50,
  deposit_value: 100,
  balance_opens_at: new Date(Date.now() + opensInHours * HOUR).toISOString(),
  balance_closes_at: new Date(closesAt).toISOString(),
})

export async function createPresale(api: Api, headers: Record<string, string>, body: Record<string, unknown>) {
  return (await api.post("/admin/presales", { title: "限量球鞋预售", status: "active", ship_date: new Date(Date.now() + 30 * 24 * HOUR).toISOString(), ...body }, { headers })).data.presale
}

/** A signed-in shopper, a member of the given tier when one is named. */
export async function presaleShopper(container: MedusaContainer, baseUrl: string, publishableKey: string, email: string, tierId?: string) {
  const s = await signedInShopper(baseUrl, publishableKey, email)
  if (tierId) {
    const { member } = await joinMembership(s.sdk)
    await (container.resolve(MEMBERSHIP_MODULE) as any).updateMembers({ id: member.id, tier_id: tierId })
  }
  return s
}

/** A raw Store API call with the shopper's bearer token, for many in parallel. */
export async function storeCall(baseUrl: string, publishableKey: string, token: string, path: string, body?: unknown, idempotencyKey?: string) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "x-publishable-api-key": publishableKey,
      "content-type": "application/json",
      ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json().catch(() => null)) as any }
}
