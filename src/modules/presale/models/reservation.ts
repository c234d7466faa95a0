import { model } from "@medusajs/framework/utils"

export const RESERVATION_STATUSES = ["reserved", "deposit_paid", "paid", "converted", "expired", "canceled", "forfeited"] as const
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number]
/** The statuses that hold units of the campaign. */
export const HOLDING_STATUSES: ReservationStatus[] = ["reserved", "deposit_paid", "paid", "converted"]

/**
 * A customer's claim on units of a presale item, backed by a Medusa order whose line is
 * reserved at the presale location (then, once converted, at the real location that ships it).
 */
const PresaleReservation = model
  .define("presale_reservation", {
    id: model.id({ prefix: "psr" }).primaryKey(),
    campaign_id: model.text(),
    item_id: model.text(),
    variant_id: model.text(),
    quantity: model.number(),
    customer_id: model.text(),
    member_id: model.text().nullable(),
    phone: model.text().nullable(),
    sales_channel_id: model.text(),
    tier_priority: model.number().default(0),
    // The counter row it was counted in, so a release gives the unit back to the same row.
    bucket: model.number().default(0),
    status: model.enum([...RESERVATION_STATUSES]).default("reserved"),
    order_id: model.text().nullable(),
    deposit_collection_id: model.text().nullable(),
    balance_collection_id: model.text().nullable(),
    // Money for the whole reservation: what the order totals, the first payment (deposit, or all
    // of it in full mode) and the balance still due after the deposit's value.
    total: model.bigNumber(),
    first_payment: model.bigNumber(),
    balance: model.bigNumber(),
    expires_at: model.dateTime().nullable(),
    first_paid_at: model.dateTime().nullable(),
    balance_paid_at: model.dateTime().nullable(),
    converted_at: model.dateTime().nullable(),
    // Where the order ships from after conversion.
    location_id: model.text().nullable(),
    ended_at: model.dateTime().nullable(),
    end_reason: model.text().nullable(),
    waitlist_entry_id: model.text().nullable(),
    shipping_address: model.json().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_presale_reservation_campaign_status", on: ["campaign_id", "status"], where: "deleted_at IS NULL" },
    { name: "IDX_presale_reservation_customer", on: ["customer_id"], where: "deleted_at IS NULL" },
    { name: "IDX_presale_reservation_expiry", on: ["expires_at"], where: "deleted_at IS NULL AND status = 'reserved'" },
    { name: "IDX_presale_reservation_order", on: ["order_id"], where: "deleted_at IS NULL" },
  ])

export default PresaleReservation
