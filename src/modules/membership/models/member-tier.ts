import { model } from "@medusajs/framework/utils"
import Member from "./member"

/**
 * A rung of the ladder (demo: 普通 / 银卡 / 金卡 / 钻石) with its qualification over the rolling
 * 12 months and its benefits. Member prices come from Medusa's pricing: the tier's customer
 * group is kept in step with who holds the tier, and price lists target that group.
 */
const MemberTier = model
  .define("member_tier", {
    id: model.id({ prefix: "mtier" }).primaryKey(),
    code: model.text(),
    name: model.text(),
    name_en: model.text().nullable(),
    rank: model.number(),
    qualify_spend: model.bigNumber().nullable(),
    qualify_points: model.number().nullable(),
    points_multiplier: model.float().default(1),
    customer_group_id: model.text().nullable(),
    free_shipping_threshold: model.bigNumber().nullable(),
    // Higher goes first in presale tier windows.
    presale_priority: model.number().default(0),
    birthday_promotion_id: model.text().nullable(),
    members: model.hasMany(() => Member, { mappedBy: "tier" }),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_member_tier_code", on: ["code"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_member_tier_rank", on: ["rank"], unique: true, where: "deleted_at IS NULL" },
  ])

export default MemberTier
