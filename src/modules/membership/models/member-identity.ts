import { model } from "@medusajs/framework/utils"
import Member from "./member"

export const IDENTITY_KINDS = ["phone", "wechat_unionid", "wechat_openid", "douyin_openid", "pos_card"] as const
export type IdentityKind = (typeof IDENTITY_KINDS)[number]

/**
 * A way to recognise the member: a phone (E.164), WeChat's unionid and each app's openid,
 * Douyin's open_id, a POS card number. Any one finds the member; each belongs to one member.
 */
const MemberIdentity = model
  .define("member_identity", {
    id: model.id({ prefix: "mid" }).primaryKey(),
    member: model.belongsTo(() => Member, { mappedBy: "identities" }),
    kind: model.enum([...IDENTITY_KINDS]),
    // The WeChat appid or Douyin client key an openid belongs to; "" where the id is global.
    app_id: model.text().default(""),
    value: model.text(),
    verified_at: model.dateTime().nullable(),
    // How it was proven: "sms_code", "wechat_code", "douyin_code", "pos", "admin".
    verified_by: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_member_identity_value", on: ["kind", "app_id", "value"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_member_identity_member", on: ["member_id"], where: "deleted_at IS NULL" },
  ])

export default MemberIdentity
