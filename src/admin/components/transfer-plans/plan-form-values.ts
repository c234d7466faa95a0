import { parseUnits } from "../../lib/planner-format"
import type { PlanBody } from "../../lib/planner-types"
import type { VariantOption } from "../../lib/transfer-types"

export type ScopeMode = "chain" | "territory" | "shops"
export type DemandMode = "proposals" | "manual"
export type ShortfallRow = { shopId?: string; variant: VariantOption | null; quantity: string }

export type PlanFormValues = {
  scope: ScopeMode
  territoryId?: string
  shopIds: string[]
  demand: DemandMode
  variants: VariantOption[]
  rows: ShortfallRow[]
  method: "colgen" | "full" | "greedy"
  maxSources: string
}

export const emptyPlanForm = (): PlanFormValues => ({
  scope: "chain",
  shopIds: [],
  demand: "proposals",
  variants: [],
  rows: [{ variant: null, quantity: "" }],
  method: "colgen",
  maxSources: "",
})

export type PlanFormError = { key: string; values?: Record<string, unknown> }

/** The request body, or the first thing to fix (an i18n key under planner.*). */
export const planBody = (v: PlanFormValues): { body: PlanBody } | { error: PlanFormError } => {
  const body: PlanBody = {}
  if (v.scope === "territory" && v.territoryId) body.territory_id = v.territoryId
  if (v.scope === "shops" && v.shopIds.length) body.shop_ids = v.shopIds
  if (v.demand === "proposals") {
    if (v.variants.length) body.variant_ids = v.variants.map((x) => x.id)
  } else {
    const lines = []
    for (const [i, r] of v.rows.entries()) {
      const quantity = parseUnits(r.quantity)
      if (!r.shopId || !r.variant || quantity === null) return { error: { key: "planner.errors.shortfall", values: { n: i + 1 } } }
      lines.push({ shop_id: r.shopId, variant_id: r.variant.id, quantity })
    }
    body.shortfall = lines
  }
  const options: NonNullable<PlanBody["options"]> = {}
  if (v.method !== "colgen") options.method = v.method
  if (v.maxSources.trim()) {
    const m = parseUnits(v.maxSources)
    if (m === null || m > 50) return { error: { key: "planner.errors.maxSources" } }
    options.max_sources_per_destination = m
  }
  if (Object.keys(options).length) body.options = options
  return { body }
}
