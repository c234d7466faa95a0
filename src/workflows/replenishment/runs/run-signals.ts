/**
 * What a forecast run needs to know beyond the demand history, resolved once per run (not per
 * series, not per chunk) into compact lookups the synchronous task builder reads:
 *
 * - known future promotions (Medusa promotions whose campaign touches the horizon) → per-series
 *   promotion days in the horizon (FuturePromotionIndex);
 * - service targets per territory and category → per-series ordered target candidates.
 *
 * Both return null when there is nothing to apply, and then cost the run nothing.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  ancestorDistances,
  campaignWindow,
  FuturePromotionIndex,
  locationsForChannelRules,
  orderCandidates,
  type CompiledPromotion,
  type ServiceTargetRow,
  type TargetCandidate,
  type VariantCondition,
} from "../../../lib/replenishment-signals"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"

const PAGE = 500

type Rule = { attribute: string; operator: string; values?: ({ value: string } | null)[] | null }

const valuesOf = (r: Rule) => (r.values ?? []).map((v) => v?.value).filter((v): v is string => typeof v === "string")

/**
 * Promotions a forecast should expect. Status active or draft: a draft with campaign dates is a
 * planned promotion (the slow-mover clearance is created as one for the merchant to review), and
 * planning stock for it is the point of knowing it in advance; inactive means switched off.
 * Only promotions in a campaign with at least one date count as "known future": without dates
 * nothing says when. Promotions on shipping only don't change what sells.
 */
const FORECAST_PROMOTION_STATUSES = ["active", "draft"]

async function listCampaignPromotions(container: MedusaContainer): Promise<any[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const rule = (path: string) => [`${path}.attribute`, `${path}.operator`, `${path}.values.value`]
  const out: any[] = []
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({
      entity: "promotion",
      fields: [
        "id",
        "status",
        "campaign_id",
        "campaign.starts_at",
        "campaign.ends_at",
        ...rule("rules"),
        "application_method.target_type",
        ...rule("application_method.target_rules"),
        ...rule("application_method.buy_rules"),
      ],
      filters: { status: FORECAST_PROMOTION_STATUSES, campaign_id: { $ne: null } } as any,
      pagination: { skip, take: PAGE, order: { id: "ASC" } },
    })
    out.push(...data)
    if (data.length < PAGE) break
  }
  return out
}

/** The variants a target (or buy) rule names, the way Medusa matches cart items against it. */
async function variantsOfRule(container: MedusaContainer, rule: Rule, memo: Map<string, Set<string>>): Promise<Set<string> | undefined> {
  const values = valuesOf(rule)
  const key = `${rule.attribute}\u0000${[...values].sort().join("\u0001")}`
  if (memo.has(key)) return memo.get(key)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const variantsOf = async (entity: string, filters: Record<string, unknown>, path: string) => {
    if (!values.length) return new Set<string>()
    const { data } = await query.graph({ entity, fields: [`${path}.id`], filters: filters as any })
    const ids = new Set<string>()
    const walk = (node: any, parts: string[]) => {
      if (node == null) return
      if (Array.isArray(node)) return node.forEach((n) => walk(n, parts))
      if (!parts.length) return node.id && ids.add(node.id)
      walk(node[parts[0]], parts.slice(1))
    }
    walk(data, path.split("."))
    return ids
  }
  let set: Set<string> | undefined
  switch (rule.attribute) {
    case "items.variant_id":
    case "items.variant.id":
      set = new Set(values)
      break
    case "items.product.id":
    case "items.product_id":
      set = await variantsOf("product", { id: values }, "variants")
      break
    case "items.product.categories.id":
      set = await variantsOf("product_category", { id: values }, "products.variants")
      break
    case "items.product.collection_id":
      set = await variantsOf("product", { collection_id: values }, "variants")
      break
    case "items.product.type_id":
      set = await variantsOf("product", { type_id: values }, "variants")
      break
    case "items.product.tags.id":
      set = await variantsOf("product_tag", { id: values }, "products.variants")
      break
    default:
      set = undefined // not about which item (e.g. a quantity): no restriction on variants
  }
  memo.set(key, set as Set<string>)
  return set
}

async function conditionsOf(container: MedusaContainer, rules: Rule[], memo: Map<string, Set<string>>): Promise<VariantCondition[]> {
  const out: VariantCondition[] = []
  for (const r of rules) {
    if (!r) continue
    const op = r.operator === "in" || r.operator === "eq" ? "in" : r.operator === "ne" ? "not_in" : null
    if (!op) continue
    const variants = await variantsOfRule(container, r, memo)
    if (variants) out.push({ op, variants })
  }
  return out
}

/**
 * The promotion days of each series over the horizon [asOfDay, asOfDay + horizon), days in
 * `timeZone` (the run's). A promotion reaches a series when its `sales_channel_id` rules admit
 * one of the location's sales channels (or it has none) and its target rules (or, for buy-get,
 * its buy rules) admit the variant (or it has none). Other rules (customer groups, regions,
 * currencies) narrow who gets it, not where or what: they don't stop it counting.
 */
export async function resolveFuturePromotions(
  container: MedusaContainer,
  asOfDay: number,
  horizon: number,
  timeZone: string
): Promise<FuturePromotionIndex | null> {
  const promotions = await listCampaignPromotions(container)
  const live = promotions
    .map((p) => ({ p, window: campaignWindow(p.campaign, asOfDay, horizon, timeZone) }))
    .filter((x): x is { p: any; window: [number, number] } => !!x.window && x.p.application_method?.target_type !== "shipping_methods")
  if (!live.length) return null

  let locationChannels: Map<string, string[]> | null = null
  const channelRulesOf = (p: any) => ((p.rules ?? []) as Rule[]).filter((r) => r?.attribute === "sales_channel_id")
  if (live.some((x) => channelRulesOf(x.p).length)) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "stock_location", fields: ["id", "sales_channels.id"] })
    locationChannels = new Map((data as any[]).map((l) => [l.id, ((l.sales_channels ?? []) as any[]).filter(Boolean).map((c) => c.id)]))
  }

  const memo = new Map<string, Set<string>>()
  const compiled: CompiledPromotion[] = []
  for (const { p, window } of live) {
    const channelRules = channelRulesOf(p).map((r) => ({ operator: r.operator, values: valuesOf(r) }))
    const locations = channelRules.length ? locationsForChannelRules(channelRules, locationChannels!) : null
    const am = p.application_method ?? {}
    compiled.push({ id: p.id, window, locations, conditions: await conditionsOf(container, am.target_rules ?? [], memo) })
    if ((am.buy_rules ?? []).length) {
      compiled.push({ id: p.id, window, locations, conditions: await conditionsOf(container, am.buy_rules, memo) })
    }
  }
  return new FuturePromotionIndex(compiled, horizon)
}

export type TargetLookup = (variantId: string, locationId: string) => TargetCandidate[] | null

/**
 * Per series, the service targets that reach it in precedence order (see
 * src/lib/replenishment-signals/service-targets.ts): through the shop's territory and its
 * ancestors, and through the product's categories and their ancestors. Null when no targets
 * are configured.
 */
export async function resolveServiceTargets(container: MedusaContainer): Promise<TargetLookup | null> {
  const rows = (await container
    .resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
    .listServiceTargets({}, { take: null as any })) as unknown as ServiceTargetRow[]
  if (!rows.length) return null
  const targets = rows.map((t) => ({ ...t, level: Number(t.level) }))
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  // Territories: each location's shop territory and its ancestors, with distances.
  const territoryOfLocation = new Map<string, Map<string, number>>()
  if (targets.some((t) => t.territory_id)) {
    const [{ data: territories }, { data: shops }] = await Promise.all([
      query.graph({ entity: "territory", fields: ["id", "parent_id"] }),
      query.graph({ entity: "shop", fields: ["stock_location_id", "territory_id"] }),
    ])
    const parentOf = new Map((territories as any[]).map((t) => [t.id as string, t.parent_id as string | null]))
    for (const s of shops as any[]) {
      if (s.stock_location_id && s.territory_id) territoryOfLocation.set(s.stock_location_id, ancestorDistances([s.territory_id], parentOf))
    }
  }

  // Categories: the variants under each targeted category (its sub-categories included), with
  // the distance from the product's own categories up to every targeted ancestor.
  const categoriesOfVariant = new Map<string, Map<string, number>>()
  const targeted = new Set(targets.map((t) => t.category_id).filter((c): c is string => !!c))
  if (targeted.size) {
    const { data: categories } = await query.graph({ entity: "product_category", fields: ["id", "parent_category_id"] })
    const parentOf = new Map((categories as any[]).map((c) => [c.id as string, c.parent_category_id as string | null]))
    const under = (categories as any[])
      .map((c) => c.id as string)
      .filter((id) => [...ancestorDistances([id], parentOf).keys()].some((a) => targeted.has(a)))
    const direct = new Map<string, Set<string>>()
    for (let i = 0; i < under.length; i += PAGE) {
      const { data } = await query.graph({ entity: "product_category", fields: ["id", "products.variants.id"], filters: { id: under.slice(i, i + PAGE) } })
      for (const c of data as any[]) {
        for (const p of c.products ?? []) {
          for (const v of p?.variants ?? []) {
            if (!v?.id) continue
            const set = direct.get(v.id) ?? new Set<string>()
            set.add(c.id)
            direct.set(v.id, set)
          }
        }
      }
    }
    for (const [variantId, cats] of direct) {
      const distances = ancestorDistances(cats, parentOf)
      for (const id of [...distances.keys()]) if (!targeted.has(id)) distances.delete(id)
      categoriesOfVariant.set(variantId, distances)
    }
  }

  const none = new Map<string, number>()
  const cache = new Map<string, TargetCandidate[] | null>()
  const keyOf = (m: Map<string, number> | undefined) => (m && m.size ? [...m].map(([k, d]) => `${k}:${d}`).join(",") : "")
  const catKey = new Map([...categoriesOfVariant].map(([v, m]) => [v, keyOf(m)]))
  const terrKey = new Map([...territoryOfLocation].map(([l, m]) => [l, keyOf(m)]))
  return (variantId, locationId) => {
    const cats = categoriesOfVariant.get(variantId)
    const terrs = territoryOfLocation.get(locationId)
    const key = `${catKey.get(variantId) ?? ""}#${terrKey.get(locationId) ?? ""}`
    let hit = cache.get(key)
    if (hit === undefined) {
      const list = orderCandidates(targets, cats ?? none, terrs ?? none)
      hit = list.length ? list : null
      cache.set(key, hit)
    }
    return hit
  }
}
