import { model } from "@medusajs/framework/utils"

export const WAITLIST_STATUSES = ["waiting", "promoted", "left", "refused", "closed"] as const

/** A customer waiting for units to come back; promoted into a reservation in tier-then-arrival order. */
const PresaleWaitlistEntry = model
  .define("presale_waitlist_entry", {
    id: model.id({ prefix: "psl" }).primaryKey(),
    campaign_id: model.text(),
    item_id: model.text(),
    quantity: model.number(),
    customer_id: model.text(),
    member_id: model.text().nullable(),
    phone: model.text().nullable(),
    sales_channel_id: model.text(),
    tier_priority: model.number().default(0),
    status: model.enum([...WAITLIST_STATUSES]).default("waiting"),
    reservation_id: model.text().nullable(),
    // Why a promotion was refused (a limit reached since joining, …), or the entry closed (the presale was canceled).
    reason: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_presale_waitlist_queue", on: ["campaign_id", "status", "tier_priority", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_presale_waitlist_customer", on: ["campaign_id", "item_id", "customer_id"], unique: true, where: "deleted_at IS NULL AND status = 'waiting'" },
  ])

export default PresaleWaitlistEntry
