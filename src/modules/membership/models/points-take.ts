import { model } from "@medusajs/framework/utils"

/** Which lots a debit (redeem, adjust, reverse) took its points from: a redemption credited back refills the same lots. */
const PointsTake = model
  .define("points_take", {
    id: model.id({ prefix: "ptk" }).primaryKey(),
    entry_id: model.text(),
    lot_id: model.text(),
    points: model.number(),
  })
  .indexes([
    { name: "IDX_points_take_entry", on: ["entry_id"], where: "deleted_at IS NULL" },
    { name: "IDX_points_take_lot", on: ["lot_id"], where: "deleted_at IS NULL" },
  ])

export default PointsTake
