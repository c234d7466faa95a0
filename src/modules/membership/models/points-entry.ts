import { model } from "@medusajs/framework/utils"

export const ENTRY_KINDS = ["earn", "redeem", "expire", "adjust", "reverse"] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

/**
 * The points ledger: append-only, one row per earn, redeem, expire, adjust or reverse, each
 * with its source. (source_type, source_id, kind) is unique, so a replayed event posts nothing
 * twice. A credit is also a lot: `remaining` is what is left of it to spend or expire.
 * The only things that ever change on a row are a lot's `remaining`, and `status` when the
 * return window closes (pending → available), with the member's balances in the same transaction.
 */
const PointsEntry = model
  .define("points_entry", {
    id: model.id({ prefix: "pte" }).primaryKey(),
    member_id: model.text(),
    kind: model.enum([...ENTRY_KINDS]),
    status: model.enum(["pending", "available"]).default("available"),
    points: model.number(),
    remaining: model.number().default(0),
    // CNY the entry stands for (spend earned on, or taken back): the tier's 12-month spend.
    amount: model.bigNumber().default(0),
    // "order", "return", "return_redemption", "lot", "admin", "pos", "merge", …
    source_type: model.text(),
    source_id: model.text(),
    // The lot a reversal or an expiry is about.
    related_entry_id: model.text().nullable(),
    order_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    shop_id: model.text().nullable(),
    // "user:…", "pos:…", "customer:…", "system"
    actor: model.text().nullable(),
    reason: model.text().nullable(),
    // When a pending credit becomes spendable: fulfilment + the channel's return window.
    available_at: model.dateTime().nullable(),
    expires_at: model.dateTime().nullable(),
    // Per order line: { line_id, quantity, amount, points } — what a return reverses against.
    lines: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_points_entry_source", on: ["source_type", "source_id", "kind"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_points_entry_member", on: ["member_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_points_entry_lots", on: ["member_id", "expires_at"], where: "deleted_at IS NULL AND remaining > 0" },
    { name: "IDX_points_entry_maturing", on: ["available_at"], where: "deleted_at IS NULL AND status = 'pending'" },
    { name: "IDX_points_entry_order", on: ["order_id"], where: "deleted_at IS NULL AND order_id IS NOT NULL" },
  ])

export default PointsEntry
