import { model } from "@medusajs/framework/utils"
import PresaleCampaign from "./campaign"

/** One variant of a campaign: how many are for sale and at what price (tax included). */
const PresaleItem = model
  .define("presale_item", {
    id: model.id({ prefix: "psi" }).primaryKey(),
    campaign: model.belongsTo(() => PresaleCampaign, { mappedBy: "items" }),
    variant_id: model.text(),
    product_id: model.text(),
    inventory_item_id: model.text(),
    title: model.text(),
    sku: model.text().nullable(),
    quantity: model.number(),
    price: model.bigNumber(),
    // Units moved to real stock locations so far.
    converted: model.number().default(0),
  })
  .indexes([
    { name: "IDX_presale_item_campaign_variant", on: ["campaign_id", "variant_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_presale_item_variant", on: ["variant_id"], where: "deleted_at IS NULL" },
  ])

export default PresaleItem
