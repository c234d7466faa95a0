import { model } from "@medusajs/framework/utils"

/** A one-time code sent to a phone: only its hash is kept; it expires and allows few attempts. */
const OtpChallenge = model
  .define("member_otp", {
    id: model.id({ prefix: "motp" }).primaryKey(),
    phone: model.text(),
    purpose: model.text(),
    // The customer asking (binding a phone to their member), if any.
    customer_id: model.text().nullable(),
    code_hash: model.text(),
    expires_at: model.dateTime(),
    attempts: model.number().default(0),
    consumed_at: model.dateTime().nullable(),
  })
  .indexes([{ name: "IDX_member_otp_phone", on: ["phone", "created_at"], where: "deleted_at IS NULL" }])

export default OtpChallenge
