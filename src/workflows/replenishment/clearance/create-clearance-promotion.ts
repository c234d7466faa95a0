import { randomBytes } from "node:crypto"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { localBusinessDate } from "../../../lib/opening-hours"

export type CreateClearanceInput = {
  shop_id: string
  variant_ids: string[]
  /** Percentage off, 1–90. */
  percentage: number
  name?: string
  actor?: string | null
}

type ClearancePlan = {
  code: string
  channel_ids: string[]
  excluded_channel_ids: string[]
  shop: { id: string; code: string; name: string }
  variant_ids: string[]
}

/**
 * Where a clearance may apply: the shop's own sales channels (linked to its stock location and
 * to no other). A channel shared with other locations — the online store — would discount
 * stock the shop doesn't hold, so it is left out and reported.
 */
const planClearanceStep = createStep("plan-clearance-promotion", async (input: CreateClearanceInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: shops } = await query.graph({
    entity: "shop",
    fields: ["id", "code", "name", "timezone", "stock_location_id"],
    filters: { id: input.shop_id },
  })
  const shop: any = shops[0]
  if (!shop) throw new MedusaError(MedusaError.Types.NOT_FOUND, `shop_id: shop ${input.shop_id} was not found`)
  if (!shop.stock_location_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, `shop_id: shop ${shop.code} holds no stock`)
  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "sales_channels.id", "sales_channels.stock_locations.id"],
    filters: { id: shop.stock_location_id },
  })
  const channels = ((locations[0] as any)?.sales_channels ?? []).filter(Boolean)
  const own = channels.filter((c: any) => (c.stock_locations ?? []).every((l: any) => !l || l.id === shop.stock_location_id))
  if (!own.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `shop_id: shop ${shop.code} has no sales channel of its own to run a clearance in`)
  }
  const wanted = [...new Set(input.variant_ids)]
  const { data: variants } = await query.graph({ entity: "variant", fields: ["id"], filters: { id: wanted } })
  const found = new Set((variants as any[]).map((v) => v.id))
  const missing = wanted.filter((id) => !found.has(id))
  if (missing.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `variant_ids: not found: ${missing.slice(0, 10).join(", ")}`)
  const day = localBusinessDate(shop.timezone ?? "Asia/Shanghai", new Date()).replaceAll("-", "")
  const plan: ClearancePlan = {
    code: `CLEAR-${String(shop.code).toUpperCase().replace(/[^A-Z0-9]+/g, "")}-${day}-${randomBytes(3).toString("hex").toUpperCase()}`,
    channel_ids: own.map((c: any) => c.id),
    excluded_channel_ids: channels.filter((c: any) => !own.includes(c)).map((c: any) => c.id),
    shop: { id: shop.id, code: shop.code, name: shop.name },
    variant_ids: wanted,
  }
  return new StepResponse(plan)
})

/**
 * One click from the slow-mover list: a DRAFT automatic percentage promotion on those variants
 * in the shop's own channels, through Medusa's promotion module, for the merchant to review,
 * date and activate in the promotions admin.
 */
export const createClearancePromotionWorkflow = createWorkflow("create-clearance-promotion", (input: CreateClearanceInput) => {
  const plan = planClearanceStep(input)
  const promotions = transform({ input, plan }, ({ input, plan }) => [
    {
      code: plan.code,
      type: "standard" as const,
      status: "draft" as const,
      is_automatic: true,
      application_method: {
        type: "percentage" as const,
        target_type: "items" as const,
        // "across" spreads the percentage over the matching lines: the same discount as "each"
        // for a percentage, without the per-line unit cap "each" requires.
        allocation: "across" as const,
        value: input.percentage,
        target_rules: [{ attribute: "items.variant_id", operator: "in" as const, values: plan.variant_ids }],
      },
      rules: [{ attribute: "sales_channel_id", operator: "in" as const, values: plan.channel_ids }],
      metadata: {
        source: "mendian.clearance",
        name: input.name ?? `Clearance ${plan.shop.name}`,
        shop_id: plan.shop.id,
        created_by: input.actor ?? null,
      },
    },
  ])
  const created = createPromotionsWorkflow.runAsStep({ input: { promotionsData: promotions } })
  return new WorkflowResponse(
    transform({ created, plan }, ({ created, plan }) => ({
      promotion: created[0],
      channel_ids: plan.channel_ids,
      excluded_channel_ids: plan.excluded_channel_ids,
    }))
  )
})
