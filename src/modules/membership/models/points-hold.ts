import { model } from "@medusajs/framework/utils"

/**
 * Points applied to an open cart: held (not spendable elsewhere) until the order is placed
 * (consumed, a redeem entry) or the cart is abandoned or changed (released). The discount
 * itself is a one-off Medusa promotion on the cart, so totals, taxes and refunds stay Medusa's.
 */
const PointsHold = model
  .define("points_hold", {
    id: model.id({ prefix: "phld" }).primaryKey(),
    member_id: model.text(),
    cart_id: model.text(),
    points: model.number(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    promotion_id: model.text().nullable(),
    code: model.text(),
    status: model.enum(["held", "consumed", "released"]).default("held"),
    order_id: model.text().nullable(),
    expires_at: model.dateTime(),
    released_reason: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_points_hold_cart", on: ["cart_id"], unique: true, where: "deleted_at IS NULL AND status = 'held'" },
    { name: "IDX_points_hold_member", on: ["member_id", "status"], where: "deleted_at IS NULL" },
    { name: "IDX_points_hold_expiry", on: ["expires_at"], where: "deleted_at IS NULL AND status = 'held'" },
  ])

export default PointsHold
