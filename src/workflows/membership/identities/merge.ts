import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { acceptOrderTransferWorkflow, requestOrderTransferWorkflow } from "@medusajs/medusa/core-flows"
import type { MergeResult } from "../../../modules/membership/identities"
import { syncTierGroup } from "../steps/apply-tier"
import { membershipOf } from "../steps/membership-service"

/**
 * The sign-in of the absorbed customer now reaches the survivor's customer: every auth identity
 * whose app_metadata.customer_id named the absorbed customer is pointed at the survivor's, and
 * the survivor's customer is marked as having an account (Medusa's order transfer needs one).
 * A session or token issued before the merge still names the absorbed customer, whose member
 * is "merged": the shopper signs in again (the response to the merge says so).
 */
async function moveSignIn(container: MedusaContainer, fromCustomerId: string, toCustomerId: string): Promise<number> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const auth = container.resolve(Modules.AUTH)
  const { data: identities } = await query.graph({ entity: "auth_identity", fields: ["id", "app_metadata"], filters: { app_metadata: { customer_id: fromCustomerId } } as any })
  for (const a of identities) await auth.updateAuthIdentities({ id: a.id, app_metadata: { ...(a.app_metadata ?? {}), customer_id: toCustomerId } })
  const customers = container.resolve(Modules.CUSTOMER)
  const survivor = await customers.retrieveCustomer(toCustomerId)
  if (!survivor.has_account && identities.length) await customers.updateCustomers(toCustomerId, { has_account: true } as any)
  return identities.length
}

/**
 * Moves the absorbed customer's orders to the survivor's customer with Medusa's own order
 * transfer (request, then accept with the request's token, as the new owner would from the
 * e-mail link). A canceled order cannot be transferred (Medusa refuses it) and is listed as
 * failed with the reason; the merge row keeps both lists.
 */
async function moveOrders(container: MedusaContainer, mergeId: string, fromCustomerId: string, toCustomerId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { customer_id: fromCustomerId } })
  const moved: string[] = []
  const failed: { id: string; error: string }[] = []
  for (const o of orders) {
    try {
      await requestOrderTransferWorkflow(container).run({
        input: { order_id: o.id, customer_id: toCustomerId, logged_in_user: `member-merge:${mergeId}`, description: "member merge", internal_note: mergeId },
      })
      const { data: changes } = await query.graph({
        entity: "order_change",
        fields: ["id", "actions.action", "actions.details"],
        filters: { order_id: o.id, status: "requested", change_type: "transfer" } as any,
      })
      const token = changes.flatMap((c: any) => c.actions ?? []).find((a: any) => a.action === "TRANSFER_CUSTOMER")?.details?.token as string
      await acceptOrderTransferWorkflow(container).run({ input: { order_id: o.id, token } })
      moved.push(o.id)
    } catch (e) {
      failed.push({ id: o.id, error: (e as Error).message })
    }
  }
  await membershipOf(container).recordMergedOrders(mergeId, { moved, failed })
  return { moved, failed }
}

export type MergeOutcome = MergeResult & { orders: { moved: string[]; failed: { id: string; error: string }[] }; sign_ins_moved: number }

/**
 * Everything after the membership module's one-transaction merge: the survivor's customer in
 * its tier's customer group (the absorbed one in none), the sign-in and the orders moved, the
 * event emitted. Each part is safe to repeat for the same merge.
 */
export async function completeMerge(container: MedusaContainer, merge: MergeResult, actor: string | null): Promise<MergeOutcome> {
  const membership = membershipOf(container)
  const tiers = await membership.listMemberTiers({}, { take: null })
  const groups = tiers.map((t: any) => ({ id: t.id, customer_group_id: t.customer_group_id ?? null }))
  if (merge.survivor.tier_id) await syncTierGroup(container, merge.survivor.customer_id, merge.survivor.tier_id, groups)
  await syncTierGroup(container, merge.absorbed.customer_id, "", groups)
  const signIns = await moveSignIn(container, merge.absorbed.customer_id, merge.survivor.customer_id)
  const orders = await moveOrders(container, merge.merge_id, merge.absorbed.customer_id, merge.survivor.customer_id)
  await container.resolve(Modules.EVENT_BUS).emit({
    name: "member.merged",
    data: {
      merge_id: merge.merge_id,
      survivor_id: merge.survivor.id,
      absorbed_id: merge.absorbed.id,
      survivor_customer_id: merge.survivor.customer_id,
      absorbed_customer_id: merge.absorbed.customer_id,
      orders: orders.moved.length,
      actor,
    },
  })
  if (merge.tier_changed) {
    await container.resolve(Modules.EVENT_BUS).emit({
      name: "member.tier_changed",
      data: { member_id: merge.survivor.id, customer_id: merge.survivor.customer_id, ...merge.tier_changed, reason: "merge" },
    })
  }
  return { ...merge, orders, sign_ins_moved: signIns }
}
