import { model } from "@medusajs/framework/utils"

/** Two members found to be one person (a phone bound to both): what moved to the survivor. */
const MemberMerge = model.define("member_merge", {
  id: model.id({ prefix: "mmrg" }).primaryKey(),
  survivor_id: model.text(),
  absorbed_id: model.text(),
  absorbed_customer_id: model.text(),
  // { identities, entries, coupons, tier_changes, orders, points_available, points_pending }
  moved: model.json(),
  reason: model.text(),
  actor: model.text().nullable(),
})

export default MemberMerge
