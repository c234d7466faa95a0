import { model } from "@medusajs/framework/utils"
import PresaleItem from "./item"
import PresaleWindow from "./window"

export const CAMPAIGN_STATUSES = ["draft", "active", "closed", "canceled"] as const
export const PAYMENT_MODES = ["full", "deposit"] as const
export const SUPPLY_KINDS = ["purchase_order", "expected_arrival", "stock_at_location"] as const
export const CANCEL_REFUNDS = ["full", "keep_deposit"] as const

/**
 * A presale: variants sold before their stock exists (or before a launch), from a virtual
 * presale stock location, through tier windows. What it has sold lives in its counters
 * (presale_counter), the one source of truth the Redis gate answers for.
 */
const PresaleCampaign = model
  .define("presale_campaign", {
    id: model.id({ prefix: "psc" }).primaryKey(),
    title: model.text(),
    description: model.text().nullable(),
    status: model.enum([...CAMPAIGN_STATUSES]).default("draft"),
    region_id: model.text(),
    currency_code: model.text().default("cny"),
    // The virtual "presale" stock location the orders are reserved at until conversion.
    location_id: model.text(),
    payment_mode: model.enum([...PAYMENT_MODES]).default("full"),
    // Per unit. deposit_value ≥ deposit: 定金膨胀 (¥50 paid takes ¥100 off the balance).
    deposit: model.bigNumber().nullable(),
    deposit_value: model.bigNumber().nullable(),
    balance_opens_at: model.dateTime().nullable(),
    balance_closes_at: model.dateTime().nullable(),
    ship_date: model.dateTime(),
    // How the orders ship once converted (a Medusa shipping option of the channel); the price includes it.
    shipping_option_id: model.text().nullable(),
    supply_kind: model.enum([...SUPPLY_KINDS]).default("expected_arrival"),
    // Purchase order number, supplier reference, …
    supply_reference: model.text().nullable(),
    supply_expected_at: model.dateTime().nullable(),
    supply_location_id: model.text().nullable(),
    per_member_limit: model.number().nullable(),
    per_phone_limit: model.number().nullable(),
    // { sales_channel_id: units } — a channel not listed has no cap of its own.
    channel_caps: model.json().nullable(),
    // An unpaid reservation (no deposit or full payment) gives its units back after this long.
    payment_ttl_minutes: model.number().default(30),
    // What a customer's own cancellation refunds once the deposit is paid.
    cancel_refund: model.enum([...CANCEL_REFUNDS]).default("full"),
    // Counter rows per item: more rows spread a hot campaign when PostgreSQL alone is the gate.
    buckets: model.number().default(1),
    items: model.hasMany(() => PresaleItem, { mappedBy: "campaign" }),
    windows: model.hasMany(() => PresaleWindow, { mappedBy: "campaign" }),
    metadata: model.json().nullable(),
  })
  .cascades({ delete: ["items", "windows"] })
  .indexes([{ name: "IDX_presale_campaign_status", on: ["status"], where: "deleted_at IS NULL" }])

export default PresaleCampaign
