import { model } from "@medusajs/framework/utils"

/**
 * How points are earned: a base rate per channel, category or shop (the most specific wins),
 * and bonus multipliers on chosen days (member day). See src/lib/membership/earn.ts.
 */
const EarnRule = model
  .define("member_earn_rule", {
    id: model.id({ prefix: "mrule" }).primaryKey(),
    name: model.text(),
    kind: model.enum(["base", "bonus"]),
    points_per_yuan: model.float().nullable(),
    multiplier: model.float().nullable(),
    sales_channel_id: model.text().nullable(),
    category_id: model.text().nullable(),
    shop_id: model.text().nullable(),
    weekdays: model.json().nullable(),
    month_days: model.json().nullable(),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    active: model.boolean().default(true),
  })
  .indexes([{ name: "IDX_member_earn_rule_active", on: ["active"], where: "deleted_at IS NULL" }])

export default EarnRule
