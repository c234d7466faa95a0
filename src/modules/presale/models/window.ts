import { model } from "@medusajs/framework/utils"
import PresaleCampaign from "./campaign"

/**
 * A tier window: from opens_at, members of the tier (by its presale_priority, so higher tiers
 * too) may buy, and the campaign's pool grows by share of the quantity; share null = the rest.
 * tier_id null with min_priority 0 is "everyone".
 */
const PresaleWindow = model.define("presale_window", {
  id: model.id({ prefix: "psw" }).primaryKey(),
  campaign: model.belongsTo(() => PresaleCampaign, { mappedBy: "windows" }),
  opens_at: model.dateTime(),
  tier_id: model.text().nullable(),
  // The tier's presale_priority when the window was saved.
  min_priority: model.number().default(0),
  share: model.float().nullable(),
  label: model.text().nullable(),
})

export default PresaleWindow
