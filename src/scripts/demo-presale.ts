import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import { createPresaleCampaignWorkflow, payPresaleWorkflow, presaleOf, reservePresaleWorkflow, SYSTEM_PROVIDER } from "../workflows/presale"

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Issue 6's demo: a live limited-sneaker presale with 定金膨胀 (¥100 deposit worth ¥200) whose
 * 钻石 and 金卡 windows are open and whose everyone-window opens in four hours, a gift-box presale
 * open to everyone with full payment, demo members' reservations in both (some paid), and a
 * draft presale to edit.
 * Made through the same workflows as the Admin and Store APIs; skipped when presales exist.
 */
export async function seedDemoPresales(container: MedusaContainer, opts: { onlineChannelId: string; log: (msg: string) => void }) {
  const presale = presaleOf(container)
  if ((await presale.listPresaleCampaigns({}, { take: 1 })).length) return opts.log("presales already there")
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "manage_inventory", "inventory_items.inventory_item_id"],
    filters: { manage_inventory: true },
    pagination: { take: 40, order: { sku: "ASC" } } as any,
  })
  const usable = (variants as any[]).filter((v) => (v.inventory_items ?? []).length === 1)
  if (usable.length < 4) return opts.log("presales skipped: no catalog to sell")
  const tiers = await container.resolve<any>(MEMBERSHIP_MODULE).listMemberTiers({}, { order: { rank: "ASC" } })
  const tier = (code: string) => tiers.find((t: any) => t.code === code)?.id ?? null
  const now = Date.now()

  const { result: live } = await createPresaleCampaignWorkflow(container).run({
    input: {
      title: "限量联名球鞋预售 Limited collab sneaker",
      description: "钻石会员优先 2 小时，金卡随后，所有人 4 小时后开放。Diamond first, then Gold, then everyone.",
      status: "active",
      payment_mode: "deposit",
      deposit: 100,
      deposit_value: 200,
      balance_opens_at: new Date(now + 3 * DAY),
      balance_closes_at: new Date(now + 6 * DAY),
      ship_date: new Date(now + 21 * DAY),
      supply_kind: "purchase_order",
      supply_reference: "PO-2026-1188",
      supply_expected_at: new Date(now + 18 * DAY),
      per_member_limit: 2,
      per_phone_limit: 2,
      payment_ttl_minutes: 30,
      cancel_refund: "keep_deposit",
      items: usable.slice(0, 2).map((v) => ({ variant_id: v.id, quantity: 150, price: 1299 })),
      windows: [
        { opens_at: new Date(now - 2 * HOUR), tier_id: tier("diamond"), share: 0.4, label: "钻石 Diamond" },
        { opens_at: new Date(now - HOUR), tier_id: tier("gold"), share: 0.3, label: "金卡 Gold" },
        { opens_at: new Date(now + 4 * HOUR), tier_id: null, share: null, label: "所有人 Everyone" },
      ],
    },
  })
  await createPresaleCampaignWorkflow(container).run({
    input: {
      title: "春季新品预售 Spring preview (draft)",
      status: "draft",
      payment_mode: "full",
      ship_date: new Date(now + 45 * DAY),
      supply_kind: "expected_arrival",
      supply_expected_at: new Date(now + 40 * DAY),
      per_member_limit: 5,
      items: [{ variant_id: usable[2].id, quantity: 100, price: 399 }],
      windows: [{ opens_at: new Date(now + 7 * DAY), tier_id: null, share: null, label: "所有人 Everyone" }],
    },
  })

  const { result: open } = await createPresaleCampaignWorkflow(container).run({
    input: {
      title: "中秋月饼礼盒预售 Mid-autumn gift box",
      status: "active",
      payment_mode: "full",
      ship_date: new Date(now + 14 * DAY),
      supply_kind: "expected_arrival",
      supply_expected_at: new Date(now + 10 * DAY),
      per_member_limit: 4,
      payment_ttl_minutes: 60,
      items: [{ variant_id: usable[3].id, quantity: 200, price: 268 }],
      windows: [{ opens_at: new Date(now - DAY), tier_id: null, share: null, label: "所有人 Everyone" }],
    },
  })

  // Demo members reserve: the sneaker where their tier's window is open (钻石, 金卡), the gift
  // box otherwise; every other one pays (the sneaker's deposit, the gift box in full).
  const members = await container.resolve<any>(MEMBERSHIP_MODULE).listMembers({ status: "active" }, { take: 16, order: { joined_at: "ASC" } })
  const sneakerTiers = new Set([tier("diamond"), tier("gold")].filter(Boolean))
  let reserved = 0
  for (const [i, m] of (members as any[]).entries()) {
    const sneaker = sneakerTiers.has(m.tier_id)
    try {
      const { result } = await reservePresaleWorkflow(container).run({
        input: sneaker
          ? { campaign_id: live.id, variant_id: usable[i % 2].id, quantity: 1 + (i % 2), customer_id: m.customer_id, sales_channel_id: opts.onlineChannelId }
          : { campaign_id: open.id, quantity: 1 + (i % 3), variant_id: usable[3].id, customer_id: m.customer_id, sales_channel_id: opts.onlineChannelId },
      })
      reserved++
      if (i % 2 === 0) await payPresaleWorkflow(container).run({ input: { reservation_id: result.id, customer_id: m.customer_id, provider_id: SYSTEM_PROVIDER } })
    } catch (e) {
      opts.log(`presale demo reservation skipped: ${(e as Error).message}`)
    }
  }
  opts.log(`presales: 3 campaigns, ${reserved} reservations`)
}
