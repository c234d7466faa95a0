import { randomBytes } from "node:crypto"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPromotionsWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { membershipOf } from "../steps/membership-service"

export type GrantCouponInput = {
  member_id: string
  /** The merchant's template promotion (usually a draft): its discount and rules are copied. */
  promotion_id: string
  expires_at?: Date | string | null
  /** "admin", "birthday", "tier", "campaign". */
  source: string
  /** With a source, makes the grant once-only (birthday: the year). */
  source_id?: string | null
}

/** Codes of granted coupons: MC- and 10 characters without 0/O/1/I, easy to read out at a till. */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
export const couponCode = () => `MC-${[...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join("")}`

/** What the merchant's template says, in the shape createPromotionsWorkflow takes. */
const ruleInput = (r: any) => ({ attribute: r.attribute, operator: r.operator, values: (r.values ?? []).map((v: any) => v.value ?? v) })

type Prepared = {
  existing: Record<string, any> | null
  member_id: string
  customer_id: string
  code: string
  expires_at: Date | null
  promotion: Record<string, any> | null
}

const prepareGrantStep = createStep("membership-prepare-coupon-grant", async (input: GrantCouponInput, { container }) => {
  const membership = membershipOf(container)
  const member = await membership.retrieveMember(input.member_id).catch(() => null)
  if (!member || member.status !== "active") throw new MedusaError(MedusaError.Types.NOT_FOUND, `Member ${input.member_id} was not found`)
  if (input.source_id) {
    const [existing] = await membership.listCouponGrants({ member_id: member.id, source: input.source, source_id: input.source_id }, { take: 1 })
    if (existing) return new StepResponse<Prepared>({ existing, member_id: member.id, customer_id: member.customer_id, code: existing.code, expires_at: null, promotion: null })
  }
  const template = await container
    .resolve(Modules.PROMOTION)
    .retrievePromotion(input.promotion_id, {
      relations: ["rules", "rules.values", "application_method", "application_method.target_rules", "application_method.target_rules.values", "application_method.buy_rules", "application_method.buy_rules.values", "campaign"],
    })
    .catch(() => null)
  if (!template) throw new MedusaError(MedusaError.Types.INVALID_DATA, `promotion_id: promotion ${input.promotion_id} was not found`)
  if ((template.metadata as any)?.source === "mendian.coupon" || (template.metadata as any)?.source === "mendian.points") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `promotion_id: ${template.code} is itself a member's coupon, not a template`)
  }
  if (template.status === "inactive") throw new MedusaError(MedusaError.Types.INVALID_DATA, `promotion_id: ${template.code} is inactive`)
  if (!template.application_method) throw new MedusaError(MedusaError.Types.INVALID_DATA, `promotion_id: ${template.code} has no discount`)
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null
  if (expiresAt && !(expiresAt.getTime() > Date.now())) throw new MedusaError(MedusaError.Types.INVALID_DATA, "expires_at: must be in the future")
  const am: any = template.application_method
  const code = couponCode()
  const promotion = {
    code,
    type: template.type,
    status: "active" as const,
    is_automatic: false,
    is_tax_inclusive: template.is_tax_inclusive,
    // Single-use: the promotion module counts it at checkout (registerUsage) and refuses a second use.
    limit: 1,
    campaign_id: (template as any).campaign?.id ?? undefined,
    application_method: {
      type: am.type,
      target_type: am.target_type,
      allocation: am.allocation ?? undefined,
      value: Number(am.value),
      currency_code: am.currency_code ?? undefined,
      max_quantity: am.max_quantity ?? undefined,
      apply_to_quantity: am.apply_to_quantity ?? undefined,
      buy_rules_min_quantity: am.buy_rules_min_quantity ?? undefined,
      target_rules: (am.target_rules ?? []).map(ruleInput),
      buy_rules: (am.buy_rules ?? []).map(ruleInput),
    },
    // The template's conditions, plus: only this member's customer may use it (the promotion
    // engine reads rules off the cart, whose context carries `customer.*`).
    rules: [...(template.rules ?? []).filter((r: any) => r.attribute !== "customer.id").map(ruleInput), { attribute: "customer.id", operator: "eq", values: [member.customer_id] }],
    metadata: { source: "mendian.coupon", member_id: member.id, template_id: template.id, grant_source: input.source },
  }
  return new StepResponse<Prepared>({ existing: null, member_id: member.id, customer_id: member.customer_id, code, expires_at: expiresAt, promotion })
})

const createGrantStep = createStep(
  "membership-create-coupon-grant",
  async (input: { member_id: string; promotion_id: string; code: string; source: string; source_id: string | null; expires_at: Date | null }, { container }) => {
    const grant = await membershipOf(container).createCouponGrants(input)
    return new StepResponse(grant, grant.id as string)
  },
  async (id, { container }) => {
    if (id) await membershipOf(container).deleteCouponGrants(id)
  }
)

/**
 * A coupon in the member's wallet: a new Medusa promotion per grant, copied from the
 * merchant's template, with its own single-use code and a rule that only the member's
 * customer can use it — online or at the till, through Medusa's own promotion pipeline.
 * With a source_id the grant is once-only: a replay returns the first grant.
 */
export const grantCouponWorkflow = createWorkflow("membership-grant-coupon", (input: GrantCouponInput) => {
  const prepared = prepareGrantStep(input)
  const created = when({ prepared }, ({ prepared }) => !prepared.existing).then(() => {
    const promotions = createPromotionsWorkflow.runAsStep({
      input: transform({ prepared }, ({ prepared }) => ({ promotionsData: [prepared.promotion as any] })),
    })
    const grant = createGrantStep(
      transform({ prepared, promotions, input }, ({ prepared, promotions, input }) => ({
        member_id: prepared.member_id,
        promotion_id: promotions[0].id,
        code: prepared.code,
        source: input.source,
        source_id: input.source_id ?? null,
        expires_at: prepared.expires_at,
      }))
    )
    emitEventStep(
      transform({ grant }, ({ grant }) => ({
        eventName: "member.coupon_granted",
        data: { member_id: grant.member_id, coupon_id: grant.id, code: grant.code, promotion_id: grant.promotion_id, source: grant.source },
      }))
    ).config({ name: "emit-coupon-granted" })
    return grant
  })
  return new WorkflowResponse(
    transform({ prepared, created }, ({ prepared, created }) => ({ grant: (prepared.existing ?? created)! as Record<string, any>, created: !prepared.existing }))
  )
})
