import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomersWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import type { IdentityKind } from "../../modules/membership/models/member-identity"
import { applyTierStep } from "./steps/apply-tier"
import { membershipOf } from "./steps/membership-service"

export type EnrolMemberInput = {
  /** The signed-in customer joining; absent at the till, where a customer is created for the phone. */
  customer_id?: string
  /** E.164, already proven (an SMS code, or the cashier's check at the till). */
  phone?: string
  identities?: { kind: IdentityKind; value: string; app_id?: string; verified_by: string }[]
  verified_by?: string
  first_name?: string
  birthday?: string
  joined_via: "web" | "pos" | "mini_program" | "douyin" | "admin"
  shop_id?: string
  consent_version?: string
}

/** Who the enrolment is about: a phone that is already a member returns that member (the till's "join" of a known shopper). */
const findEnrolledStep = createStep("membership-find-enrolled", async (input: EnrolMemberInput, { container }) => {
  const membership = membershipOf(container)
  const byPhone = input.phone ? await membership.memberByIdentity("phone", input.phone) : null
  if (byPhone && (!input.customer_id || byPhone.customer_id === input.customer_id)) return new StepResponse({ member: byPhone as Record<string, any> | null })
  if (input.customer_id) {
    const [byCustomer] = await membership.listMembers({ customer_id: input.customer_id }, { take: 1 })
    if (byCustomer) return new StepResponse({ member: byCustomer as Record<string, any> | null })
  }
  return new StepResponse({ member: null as Record<string, any> | null })
})

const createMemberStep = createStep(
  "membership-create-member",
  async (input: EnrolMemberInput & { customer_id: string }, { container }) => {
    const identities = [...(input.identities ?? [])]
    if (input.phone) identities.unshift({ kind: "phone", value: input.phone, verified_by: input.verified_by ?? input.joined_via })
    const member = await membershipOf(container).enrol({
      customer_id: input.customer_id,
      joined_via: input.joined_via,
      joined_shop_id: input.shop_id ?? null,
      birthday: input.birthday ?? null,
      identities,
      consent: input.consent_version ? { version: input.consent_version, channel: input.joined_via } : null,
    })
    return new StepResponse(member, member.id as string)
  },
  async (memberId, { container }) => {
    if (memberId) await membershipOf(container).removeEnrolment(memberId)
  }
)

/**
 * Joining: online by the signed-in customer, at the till by phone in one call (a customer is
 * created for a new phone), from a QR code through the same Store API flow. Returns the member
 * and whether it is new; a phone already enrolled returns its member.
 */
export const enrolMemberWorkflow = createWorkflow("membership-enrol-member", (input: EnrolMemberInput) => {
  const found = findEnrolledStep(input)
  const newCustomers = when({ found, input }, ({ found, input }) => !found.member && !input.customer_id).then(() =>
    createCustomersWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ customersData: [{ phone: input.phone ?? null, first_name: input.first_name ?? null }] })),
    })
  )
  const created = when({ found }, ({ found }) => !found.member).then(() => {
    const member = createMemberStep(
      transform({ input, newCustomers }, ({ input, newCustomers }) => ({
        ...input,
        customer_id: input.customer_id ?? (newCustomers as { id: string }[])[0].id,
      }))
    )
    applyTierStep(transform({ member }, ({ member }) => ({ member_id: member.id, mode: "join" as const }))).config({ name: "membership-join-tier" })
    emitEventStep(
      transform({ member, input }, ({ member, input }) => ({
        eventName: "member.joined",
        data: { member_id: member.id, customer_id: member.customer_id, via: input.joined_via, shop_id: input.shop_id ?? null },
      }))
    ).config({ name: "emit-member-joined" })
    return member
  })
  return new WorkflowResponse(
    transform({ found, created }, ({ found, created }) => ({ member: (found.member ?? created)!, created: !found.member }))
  )
})
