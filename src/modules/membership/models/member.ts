import { model } from "@medusajs/framework/utils"
import MemberIdentity from "./member-identity"
import MemberTier from "./member-tier"

export const MEMBER_STATUSES = ["active", "merged", "erased"] as const

/**
 * One person across POS, app, mini-program and Douyin, linked 1:1 to a Medusa customer. The
 * balances are kept in step with the points ledger in the same transaction as every entry
 * (`npm run membership:reconcile` proves it), so reading a member never sums the ledger.
 */
const Member = model
  .define("member", {
    id: model.id({ prefix: "mem" }).primaryKey(),
    customer_id: model.text(),
    status: model.enum([...MEMBER_STATUSES]).default("active"),
    tier: model.belongsTo(() => MemberTier, { mappedBy: "members" }).nullable(),
    tier_since: model.dateTime().nullable(),
    // A downgrade decided at the anniversary waits until then (the ladder's grace period).
    tier_grace_until: model.dateTime().nullable(),
    joined_at: model.dateTime(),
    // Where the member joined: "web", "pos", "mini_program", "douyin", "admin".
    joined_via: model.text().nullable(),
    joined_shop_id: model.text().nullable(),
    birthday: model.text().nullable(),
    // Spendable now (may be negative after a return of points already spent).
    points_available: model.number().default(0),
    // Earned, waiting for the return window to close.
    points_pending: model.number().default(0),
    // Applied to open carts, not yet spent.
    points_held: model.number().default(0),
    merged_into_id: model.text().nullable(),
    erased_at: model.dateTime().nullable(),
    identities: model.hasMany(() => MemberIdentity, { mappedBy: "member" }),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_member_customer_id", on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_member_joined_at", on: ["joined_at"], where: "deleted_at IS NULL" },
  ])

export default Member
