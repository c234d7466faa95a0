/**
 * The market bench/presale sells in, on a fresh database: a CNY region for China, the default
 * shipping profile, an "Online" sales channel with its publishable key, 40 ordinary products (so
 * GET /store/products?limit=20 returns a full page), one presale sneaker per campaign, the
 * customers (each with an emailpass auth identity whose app_metadata.customer_id is set, as
 * Medusa's registration leaves it, so the bench can sign their bearer tokens) and the campaigns,
 * active with one window open to everyone since an hour ago. Made through Medusa's workflows and
 * the presale workflow the Admin API uses; the customers through the modules in batches.
 *
 *   BENCH_PRESALE_OUT=/tmp/facts.json BENCH_PRESALE_CUSTOMERS=2000 BENCH_PRESALE_CAMPAIGNS=main:1000,kill:1000 \
 *     npx medusa exec ./bench/presale/setup.ts
 */
import fs from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingProfilesWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import { createPresaleCampaignWorkflow } from "../../src/workflows/presale"

const HOUR = 3_600_000
const PER_MEMBER_LIMIT = Number(process.env.BENCH_PER_MEMBER_LIMIT ?? 2)
const BUCKETS = Number(process.env.BENCH_BUCKETS ?? 4)

export default async function setup({ container }: ExecArgs) {
  const out = process.env.BENCH_PRESALE_OUT
  if (!out) throw new Error("BENCH_PRESALE_OUT: the file to write the market's ids to")
  const customers = Number(process.env.BENCH_PRESALE_CUSTOMERS ?? 2000)
  const campaigns = (process.env.BENCH_PRESALE_CAMPAIGNS ?? "main:1000").split(",").map((a) => {
    const [name, units] = a.split(":")
    return { name, units: Number(units) }
  })
  const started = Date.now()

  const { result: [region] } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "China", currency_code: "cny", countries: ["cn"], payment_providers: ["pp_system_default"] }] },
  })
  const { result: [profile] } = await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default", type: "default" }] } })
  const { result: [channel] } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Online 线上商城" }] } })
  const { result: [key] } = await createApiKeysWorkflow(container).run({ input: { api_keys: [{ title: "bench presale", type: "publishable", created_by: "bench" }] } })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })

  const product = (sku: string, title: string, price: number) => ({
    title,
    status: "published" as const,
    shipping_profile_id: profile.id,
    sales_channels: [{ id: channel.id }],
    options: [{ title: "Size", values: ["One"] }],
    variants: [{ title: "One", sku, options: { Size: "One" }, manage_inventory: true, prices: [{ currency_code: "cny", amount: price }] }],
  })
  await createProductsWorkflow(container).run({
    input: { products: Array.from({ length: 40 }, (_, i) => product(`BENCH-TEE-${String(i).padStart(2, "0")}`, `基础款 T 恤 Basic tee ${i}`, 99 + i)) },
  })
  const { result: sneakers } = await createProductsWorkflow(container).run({
    input: { products: campaigns.map((c) => product(`SNEAKER-${c.name.toUpperCase()}`, `限量球鞋 Limited sneaker (${c.name})`, 999)) },
  })

  // Customers and their auth identities, 500 a batch.
  const customerModule = container.resolve(Modules.CUSTOMER)
  const auth = container.resolve(Modules.AUTH)
  const signIns: { customer_id: string; auth_identity_id: string }[] = []
  for (let from = 0; from < customers; from += 500) {
    const batch = Array.from({ length: Math.min(500, customers - from) }, (_, i) => ({
      email: `presale-bench-${from + i}@example.cn`,
      first_name: "测",
      last_name: `试${from + i}`,
      has_account: true,
    }))
    const made = await customerModule.createCustomers(batch)
    const identities = await auth.createAuthIdentities(
      made.map((c: any) => ({ provider_identities: [{ provider: "emailpass", entity_id: c.email }], app_metadata: { customer_id: c.id } })) as any
    )
    identities.forEach((a: any, i: number) => signIns.push({ customer_id: made[i].id, auth_identity_id: a.id }))
  }

  const made: Record<string, { id: string; variant_id: string; units: number }> = {}
  for (const [i, c] of campaigns.entries()) {
    const variantId = (sneakers[i] as any).variants[0].id
    const { result } = await createPresaleCampaignWorkflow(container).run({
      input: {
        title: `Bench presale ${c.name}`,
        status: "active",
        payment_mode: "full",
        ship_date: new Date(Date.now() + 30 * 24 * HOUR),
        per_member_limit: PER_MEMBER_LIMIT > 0 ? PER_MEMBER_LIMIT : null,
        payment_ttl_minutes: 60,
        buckets: BUCKETS,
        items: [{ variant_id: variantId, quantity: c.units, price: 999 }],
        windows: [{ opens_at: new Date(Date.now() - HOUR), tier_id: null, share: null, label: "所有人 Everyone" }],
      } as any,
    })
    made[c.name] = { id: (result as any).id, variant_id: variantId, units: c.units }
  }

  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const { rows: [{ version }] } = await pg.raw("SELECT split_part(version(), ' ', 2) AS version")
  fs.writeFileSync(
    out,
    JSON.stringify({
      region_id: region.id,
      sales_channel_id: channel.id,
      publishable_key: (key as any).token,
      campaigns: made,
      customers: signIns,
      per_member_limit: PER_MEMBER_LIMIT > 0 ? PER_MEMBER_LIMIT : null,
      buckets: BUCKETS,
      postgres: version,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    })
  )
}
