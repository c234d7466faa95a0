import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteCustomerAddressesWorkflow, updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { membershipOf } from "../steps/membership-service"

/** The customer's member whatever its state but merged (an erased member still exports its anonymised ledger). */
export async function ownMember(container: any, customerId: string) {
  const [m] = await membershipOf(container).listMembers({ customer_id: customerId, status: ["active", "erased"] as any }, { take: 1 })
  if (!m) throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not a member: there is nothing held about you in the membership programme")
  return m
}

export type EraseMemberInput = { customer_id: string }

/**
 * PIPL erasure. The membership module deletes the identities and one-time codes, clears the
 * personal fields and marks the member "erased" (the ledger stays under the member id, with
 * nothing personal in it, so the liability and the reconcile still add up); then Medusa's own
 * customer workflows anonymise the customer (name, phone, email → erased-<id>@erased.invalid)
 * and delete its saved addresses, and the customer leaves the tier groups.
 */
const eraseStep = createStep("membership-erase-member", async (input: EraseMemberInput, { container }) => {
  const member = await ownMember(container, input.customer_id)
  if (member.status === "erased") return new StepResponse({ member_id: member.id, already: true, identities: 0 })
  const erased = await membershipOf(container).eraseMember(member.id)
  await updateCustomersWorkflow(container).run({
    input: {
      selector: { id: input.customer_id },
      update: { first_name: null, last_name: null, phone: null, company_name: null, email: `erased-${input.customer_id.toLowerCase()}@erased.invalid`, metadata: null },
    },
  })
  const customers = container.resolve(Modules.CUSTOMER)
  const addresses = await customers.listCustomerAddresses({ customer_id: input.customer_id }, { take: null })
  if (addresses.length) await deleteCustomerAddressesWorkflow(container).run({ input: { ids: addresses.map((a: any) => a.id) } })
  const groups = await customers.listCustomerGroupCustomers({ customer_id: input.customer_id }, { take: null })
  const tierGroups = new Set((await membershipOf(container).listMemberTiers({}, { take: null })).map((t: any) => t.customer_group_id).filter(Boolean))
  const leave = groups.filter((g: any) => tierGroups.has(g.customer_group_id)).map((g: any) => ({ customer_id: input.customer_id, customer_group_id: g.customer_group_id }))
  if (leave.length) await customers.removeCustomerFromGroup(leave)
  await container.resolve(Modules.EVENT_BUS).emit({ name: "member.erased", data: { member_id: member.id, customer_id: input.customer_id } })
  return new StepResponse({ member_id: member.id, already: false, identities: erased.identities })
})

export const eraseMemberWorkflow = createWorkflow("membership-erase-member", (input: EraseMemberInput) => new WorkflowResponse(eraseStep(input)))
