import { model } from "@medusajs/framework/utils"

/** A coupon in a member's wallet: a single-use code of a Medusa promotion, usable in any channel. */
const CouponGrant = model
  .define("member_coupon", {
    id: model.id({ prefix: "mcpn" }).primaryKey(),
    member_id: model.text(),
    promotion_id: model.text(),
    code: model.text(),
    status: model.enum(["granted", "redeemed", "expired", "revoked"]).default("granted"),
    // "admin", "birthday", "tier", "campaign"
    source: model.text(),
    source_id: model.text().nullable(),
    expires_at: model.dateTime().nullable(),
    redeemed_at: model.dateTime().nullable(),
    order_id: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_member_coupon_code", on: ["code"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_member_coupon_member", on: ["member_id", "status"], where: "deleted_at IS NULL" },
    { name: "IDX_member_coupon_source", on: ["member_id", "source", "source_id"], unique: true, where: "deleted_at IS NULL AND source_id IS NOT NULL" },
  ])

export default CouponGrant
