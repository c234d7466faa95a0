import { model } from "@medusajs/framework/utils"

/** PIPL consent: which version of which notice the member accepted or withdrew, when and where. */
const MemberConsent = model
  .define("member_consent", {
    id: model.id({ prefix: "mcst" }).primaryKey(),
    member_id: model.text(),
    // "privacy", "marketing"
    kind: model.text(),
    version: model.text(),
    granted: model.boolean(),
    channel: model.text().nullable(),
  })
  .indexes([{ name: "IDX_member_consent_member", on: ["member_id", "kind", "created_at"], where: "deleted_at IS NULL" }])

export default MemberConsent
