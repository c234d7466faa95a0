import { model } from "@medusajs/framework/utils"

/**
 * Units sold of an item, spread over `buckets` rows so that, without Redis, concurrent
 * reservations of a hot item don't all queue on one row lock. Only ever changed by one
 * conditional UPDATE (sold + n ≤ the bucket's share of the cap): this is the truth.
 */
const PresaleCounter = model
  .define("presale_counter", {
    id: model.id({ prefix: "pscn" }).primaryKey(),
    campaign_id: model.text(),
    item_id: model.text(),
    bucket: model.number(),
    sold: model.number().default(0),
  })
  .indexes([{ name: "IDX_presale_counter_item_bucket", on: ["item_id", "bucket"], unique: true, where: "deleted_at IS NULL" }])

export default PresaleCounter
