import type { MedusaContainer } from "@medusajs/framework/types"
import { gateKeys } from "../../modules/presale/gate"
import { HOLDING_STATUSES } from "../../modules/presale/models/reservation"
import { presaleOf } from "./steps/presale-service"

export type Disagreement = { what: string; database: number; other: number; source: "reservations" | "gate" }

/**
 * Proves a campaign's numbers agree: the counters equal the units its holding reservations
 * hold, no item sold more than its quantity, and (with Redis) the gate counts what the
 * database counts. With fix, the gate is re-primed from the database (the truth).
 */
export async function reconcileCampaign(container: MedusaContainer, campaignId: string, fix = false) {
  const presale = presaleOf(container)
  const campaign: any = await presale.retrievePresaleCampaign(campaignId, { relations: ["items"] })
  const counts = await presale.countsOf(campaignId)
  const held = await presale.heldByReservations(campaignId)
  const out: Disagreement[] = []
  let oversold = 0
  for (const item of campaign.items as any[]) {
    const counted = counts.sold[item.id] ?? 0
    const holding = (held as any[]).filter((h) => h.item_id === item.id && HOLDING_STATUSES.includes(h.status)).reduce((s, h) => s + Number(h.units), 0)
    if (counted !== holding) out.push({ what: `sold ${item.sku ?? item.id}`, database: counted, other: holding, source: "reservations" })
    if (counted > item.quantity) oversold += counted - item.quantity
  }
  const gate = presale.gate()
  let gateState: "absent" | "not_primed" | "agrees" | "disagrees" = "absent"
  if (gate) {
    const redis = await gate.read(campaignId)
    if (!redis) gateState = "not_primed"
    else {
      const expected = new Map<string, number>()
      for (const [item, sold] of Object.entries(counts.sold)) expected.set(gateKeys.sold(campaignId, item), sold)
      for (const u of counts.uses) expected.set(gateKeys.use(campaignId, u.kind, u.subject), u.units)
      for (const key of new Set([...expected.keys(), ...redis.keys()])) {
        const db = expected.get(key) ?? 0
        const r = redis.get(key) ?? 0
        if (db !== r) out.push({ what: key, database: db, other: r, source: "gate" })
      }
      gateState = out.some((d) => d.source === "gate") ? "disagrees" : "agrees"
      if (fix && gateState === "disagrees") {
        await gate.unprime(campaignId)
        await gate.prime(campaignId, counts)
      }
    }
  }
  return { campaign_id: campaignId, oversold, gate: gateState, disagreements: out, fixed: fix && gateState === "disagrees" }
}
