import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import type MembershipModuleService from "../modules/membership/service"
import { createPriceListsWorkflow } from "@medusajs/medusa/core-flows"
import {
  adjustPointsWorkflow,
  createTierWorkflow,
  earnOrderPointsWorkflow,
  enrolMemberWorkflow,
  maturePointsWorkflow,
  reviewTierWorkflow,
} from "../workflows/membership"

const DAY = 86_400_000

export const DEMO_TIERS = [
  { code: "normal", name: "普通", name_en: "Member", rank: 0, points_multiplier: 1 },
  { code: "silver", name: "银卡", name_en: "Silver", rank: 1, qualify_spend: 1000, qualify_points: 1000, points_multiplier: 1.2, free_shipping_threshold: 199 },
  { code: "gold", name: "金卡", name_en: "Gold", rank: 2, qualify_spend: 5000, qualify_points: 5000, points_multiplier: 1.5, free_shipping_threshold: 99, presale_priority: 10 },
  { code: "diamond", name: "钻石", name_en: "Diamond", rank: 3, qualify_spend: 20000, points_multiplier: 2, free_shipping_threshold: 0, presale_priority: 20 },
]

/** The demo's members share this prefix of phone numbers: +86 138 0000 00NN. */
const demoPhone = (n: number) => `+861380000${String(n).padStart(4, "0")}`

/**
 * Issue 5's demo: the 普通 / 银卡 / 金卡 / 钻石 ladder (each with its customer group), ¥1 = 1
 * point with a double-points member day on the 8th, and most demo customers as members who
 * joined on different dates, their existing demo orders earned through the same workflow as
 * order.placed (matured when fulfilled a week ago or more), a welcome gift for some, and tiers
 * evaluated. Safe to run again: the ledger is idempotent by source, enrolment by customer.
 */
export async function seedDemoMembership(container: MedusaContainer, opts: { log: (msg: string) => void }) {
  const membership = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  if (!(await membership.listMemberTiers({}, { take: 1 })).length) {
    for (const tier of DEMO_TIERS) await createTierWorkflow(container).run({ input: tier })
  }
  await seedMemberPrices(container)
  if (!(await membership.listEarnRules({}, { take: 1 })).length) {
    await membership.createEarnRules([
      { name: "¥1 = 1 积分 / 1 point per ¥1", kind: "base", points_per_yuan: 1 },
      { name: "会员日双倍积分 / Member day ×2", kind: "bonus", multiplier: 2, month_days: [8] },
    ] as any)
  }

  const customers = await container.resolve(Modules.CUSTOMER).listCustomers({}, { select: ["id", "email", "first_name"], order: { created_at: "ASC" }, take: 40 })
  const joiners = customers.slice(0, Math.ceil(customers.length * 0.75))
  const vias = ["web", "pos", "mini_program", "web", "douyin"] as const
  let joined = 0
  for (const [i, c] of joiners.entries()) {
    const { result } = await enrolMemberWorkflow(container).run({
      input: { customer_id: c.id, phone: demoPhone(i + 1), verified_by: "demo", joined_via: vias[i % vias.length], consent_version: "2026-11" },
    })
    if (result.created) {
      joined++
      // Joined over the last two years, so anniversaries fall on different days.
      await membership.updateMembers({ id: result.member.id, joined_at: new Date(Date.now() - (60 + ((i * 37) % 660)) * DAY) })
    }
  }

  const members = await membership.listMembers({ customer_id: joiners.map((c) => c.id) }, { take: null })
  const { data: orders } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "created_at", "fulfillments.canceled_at"],
    filters: { customer_id: members.map((m) => m.customer_id) },
  })
  for (const order of orders) {
    await earnOrderPointsWorkflow(container).run({ input: { order_id: order.id } })
    const fulfilled = ((order as any).fulfillments ?? []).some((f: any) => !f.canceled_at)
    // A fulfilment starts the 7-day return window; demo orders are days to months old.
    if (fulfilled) await membership.scheduleAvailability(order.id, new Date(new Date(order.created_at as Date).getTime() + 7 * DAY))
  }
  await maturePointsWorkflow(container).run({ input: { now: new Date(), limit: 100_000 } })
  for (const m of members.slice(0, 8)) {
    await adjustPointsWorkflow(container).run({
      input: { member_id: m.id, points: 500, reason: "开业礼 / opening gift", actor: "seed-demo", source_id: `demo-welcome-${m.id}` },
    })
  }
  for (const m of members) await reviewTierWorkflow(container).run({ input: { member_id: m.id, mode: "activity", actor: "seed-demo" } })
  const { drift } = await membership.reconcile()
  opts.log(`membership: ${members.length} members (${joined} new), ${orders.length} orders earned, ledger ${drift.length ? `DRIFT ${drift.length}` : "reconciled"}`)
}

/** Member prices the Medusa way: a price list per upper tier on its customer group, a tenth of the catalogue at 95 % / 90 %. */
async function seedMemberPrices(container: MedusaContainer) {
  const pricing = container.resolve(Modules.PRICING)
  const membership = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const discounts: Record<string, number> = { gold: 0.95, diamond: 0.9 }
  const tiers = (await membership.listMemberTiers({ code: Object.keys(discounts) })).filter((t) => t.customer_group_id)
  const { data: variants } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "variant",
    fields: ["id", "prices.amount", "prices.currency_code", "prices.price_list_id"],
    pagination: { take: 400, order: { id: "ASC" } },
  })
  const picked = (variants as any[]).filter((_, i) => i % 10 === 0)
  for (const tier of tiers) {
    const title = `${tier.name}会员价 / ${tier.name_en} member prices`
    if ((await pricing.listPriceLists({ title } as any, { take: 1 })).length) continue
    const prices = picked.flatMap((v) => {
      const base = (v.prices ?? []).find((p: any) => p?.currency_code === "cny" && !p.price_list_id)
      return base ? [{ variant_id: v.id, currency_code: "cny", amount: Math.round(Number(base.amount) * discounts[tier.code]) }] : []
    })
    if (!prices.length) continue
    await createPriceListsWorkflow(container).run({
      input: {
        price_lists_data: [
          { title, description: `${Math.round(discounts[tier.code] * 100)} % for ${tier.name_en}`, type: "sale", status: "active", rules: { "customer.groups.id": [tier.customer_group_id!] }, prices } as any,
        ],
      },
    })
  }
}
