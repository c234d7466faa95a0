import { model } from "@medusajs/framework/utils"
import Shop from "./shop"

/**
 * A till's credential. Only the SHA-256 of the token is stored; the token itself is shown once,
 * when it is issued. It reaches /pos/* for its own shop and nothing else.
 */
const PosToken = model
  .define("pos_token", {
    id: model.id({ prefix: "postok" }).primaryKey(),
    label: model.text(),
    token_hash: model.text(),
    // The last characters of the token, so a merchant can tell tokens apart.
    token_hint: model.text(),
    created_by: model.text().nullable(),
    last_used_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
    shop: model.belongsTo(() => Shop, { mappedBy: "pos_tokens" }),
  })
  .indexes([
    { name: "IDX_pos_token_hash_unique", on: ["token_hash"], unique: true, where: "deleted_at IS NULL" },
  ])

export default PosToken
