import { model } from "@medusajs/framework/utils"

export const DEMAND_EVENT_KINDS = ["sold", "returned", "canceled"] as const
export type DemandEventKind = (typeof DEMAND_EVENT_KINDS)[number]

/**
 * The ledger that makes demand capture idempotent: one row per order line × location × kind
 * (× reference, the return id for returns, since one line can come back in several returns).
 * A replayed event hits the unique index and changes nothing.
 */
const DemandEvent = model
  .define("demand_event", {
    id: model.id({ prefix: "dev" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    variant_id: model.text(),
    location_id: model.text(),
    kind: model.enum([...DEMAND_EVENT_KINDS]),
    // "" for sold and canceled; the return's id for returned.
    reference: model.text().default(""),
    quantity: model.number(),
    business_date: model.text(),
  })
  .indexes([
    {
      name: "IDX_demand_event_line_location_kind",
      on: ["line_item_id", "location_id", "kind", "reference"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_demand_event_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
  ])

export default DemandEvent
