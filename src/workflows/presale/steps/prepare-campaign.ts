import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { DepositError, orderedWindows, PresaleWindowError, validateTerms } from "../../../lib/presale"
import { membershipOf } from "../../membership/steps/membership-service"

export type CampaignItemInput = { variant_id: string; quantity: number; price: number }
export type CampaignWindowInput = { opens_at: string | Date; tier_id?: string | null; share?: number | null; label?: string | null }

export type CampaignInput = {
  title: string
  description?: string | null
  region_id?: string
  payment_mode?: "full" | "deposit"
  deposit?: number | null
  deposit_value?: number | null
  balance_opens_at?: string | Date | null
  balance_closes_at?: string | Date | null
  ship_date: string | Date
  shipping_option_id?: string | null
  supply_kind?: "purchase_order" | "expected_arrival" | "stock_at_location"
  supply_reference?: string | null
  supply_expected_at?: string | Date | null
  supply_location_id?: string | null
  per_member_limit?: number | null
  per_phone_limit?: number | null
  channel_caps?: Record<string, number> | null
  payment_ttl_minutes?: number
  cancel_refund?: "full" | "keep_deposit"
  buckets?: number
  status?: "draft" | "active"
  items: CampaignItemInput[]
  windows: CampaignWindowInput[]
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** The windows with their tiers' priorities, checked by the same rules the gate applies. */
export async function resolveWindows(container: MedusaContainer, windows: CampaignWindowInput[]) {
  const tierIds = [...new Set(windows.map((w) => w.tier_id).filter(Boolean))] as string[]
  const tiers = tierIds.length ? await membershipOf(container).listMemberTiers({ id: tierIds }, { take: null as any }) : []
  const priority = new Map((tiers as any[]).map((t) => [t.id, Number(t.presale_priority ?? 0)]))
  const out = windows.map((w, i) => {
    if (w.tier_id && !priority.has(w.tier_id)) throw invalid(`windows[${i}].tier_id: no membership tier ${w.tier_id}`)
    return {
      id: String(i),
      opens_at: new Date(w.opens_at),
      tier_id: w.tier_id ?? null,
      min_priority: w.tier_id ? priority.get(w.tier_id)! : 0,
      share: w.share ?? null,
      label: w.label ?? null,
    }
  })
  try {
    orderedWindows(out)
  } catch (e) {
    if (e instanceof PresaleWindowError) throw invalid(e.message)
    throw e
  }
  return out.map(({ id, ...w }) => w)
}

/** Everything a campaign refers to, checked; the items with their product, title and inventory item. */
export async function prepareCampaign(container: MedusaContainer, input: CampaignInput) {
  if (!input.items?.length) throw invalid("items: at least one variant")
  const seen = new Set<string>()
  input.items.forEach((it, i) => {
    if (seen.has(it.variant_id)) throw invalid(`items[${i}].variant_id: ${it.variant_id} is listed twice`)
    seen.add(it.variant_id)
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "sku", "product_id", "product.title", "manage_inventory", "inventory_items.inventory_item_id"],
    filters: { id: input.items.map((i) => i.variant_id) },
  })
  const byId = new Map((variants as any[]).map((v) => [v.id, v]))
  const items = input.items.map((it, i) => {
    const v = byId.get(it.variant_id)
    if (!v) throw invalid(`items[${i}].variant_id: no variant ${it.variant_id}`)
    const inv = (v.inventory_items ?? []).filter(Boolean)
    if (!v.manage_inventory || inv.length !== 1) {
      throw invalid(`items[${i}].variant_id: ${v.sku ?? v.id} must keep inventory with exactly one inventory item to be sold in a presale`)
    }
    return {
      variant_id: v.id,
      product_id: v.product_id,
      inventory_item_id: inv[0].inventory_item_id,
      title: [v.product?.title, v.title].filter(Boolean).join(" · "),
      sku: v.sku ?? null,
      quantity: it.quantity,
      price: it.price,
    }
  })
  const mode = input.payment_mode ?? "full"
  if (mode === "deposit") {
    if (input.deposit == null || !input.balance_opens_at || !input.balance_closes_at) {
      throw invalid("deposit, balance_opens_at, balance_closes_at: required when payment_mode is deposit")
    }
    const terms = {
      deposit: input.deposit,
      deposit_value: input.deposit_value ?? input.deposit,
      balance_opens_at: input.balance_opens_at,
      balance_closes_at: input.balance_closes_at,
    }
    for (const it of items) {
      try {
        validateTerms(it.price, terms)
      } catch (e) {
        if (e instanceof DepositError) throw invalid(`${e.message} (${it.sku ?? it.variant_id})`)
        throw e
      }
    }
  }
  const windows = await resolveWindows(container, input.windows ?? [])
  let regionId = input.region_id
  if (!regionId) {
    const [region] = await container.resolve(Modules.REGION).listRegions({ currency_code: "cny" }, { take: 1 })
    if (!region) throw invalid("region_id: required (no region sells in CNY)")
    regionId = region.id
  }
  const region = await container.resolve(Modules.REGION).retrieveRegion(regionId).catch(() => null)
  if (!region) throw invalid(`region_id: no region ${regionId}`)
  return { items, windows, region_id: region.id, currency_code: region.currency_code, mode }
}
