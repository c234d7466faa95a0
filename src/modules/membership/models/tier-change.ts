import { model } from "@medusajs/framework/utils"

/** The member's tier history: every change, why, and the activity that decided it. */
const TierChange = model
  .define("member_tier_change", {
    id: model.id({ prefix: "mtch" }).primaryKey(),
    member_id: model.text(),
    from_tier_id: model.text().nullable(),
    to_tier_id: model.text(),
    // "join", "upgrade", "anniversary", "merge", "admin"
    reason: model.text(),
    spend_12m: model.bigNumber().nullable(),
    points_12m: model.number().nullable(),
    actor: model.text().nullable(),
  })
  .indexes([{ name: "IDX_member_tier_change_member", on: ["member_id", "created_at"], where: "deleted_at IS NULL" }])

export default TierChange
