import { model } from "@medusajs/framework/utils"

export const QUOTA_KINDS = ["member", "phone", "channel"] as const

/**
 * Units a member, a phone number or a sales channel holds in a campaign: one row each, raised
 * by a conditional upsert (units + n ≤ limit), so parallel requests from one member can't
 * pass the limit together.
 */
const PresaleQuotaUse = model
  .define("presale_quota_use", {
    id: model.id({ prefix: "psq" }).primaryKey(),
    campaign_id: model.text(),
    kind: model.enum([...QUOTA_KINDS]),
    subject: model.text(),
    units: model.number().default(0),
  })
  .indexes([{ name: "IDX_presale_quota_use_subject", on: ["campaign_id", "kind", "subject"], unique: true, where: "deleted_at IS NULL" }])

export default PresaleQuotaUse
