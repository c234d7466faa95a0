import { planPickupTransfers, type AllocatedOrderPart } from ".."

const part = (id: string, location: string, variant: string, quantity: number, extra: Partial<AllocatedOrderPart> = {}): AllocatedOrderPart => ({
  order_line_item_id: id,
  variant_id: variant,
  location_id: location,
  quantity,
  backorder_quantity: 0,
  reservations: [{ id: `res_${id}`, inventory_item_id: `i_${variant}`, required_quantity: 1 }],
  ...extra,
})

describe("transfers to the pickup shop", () => {
  it("moves every part reserved away from the pickup shop, one document per source, holding the order's reservation", () => {
    const plan = planPickupTransfers("P", [
      part("l1", "P", "tea", 5),
      part("l2", "S", "tea", 1),
      part("l3", "S", "cup", 2, { reservations: [{ id: "res_l3", inventory_item_id: "i_cup", required_quantity: 6 }] }),
      part("l4", "T", "pot", 3),
    ])
    expect(plan.skipped).toEqual([])
    expect(plan.transfers).toEqual([
      {
        source_location_id: "S",
        destination_location_id: "P",
        lines: [
          { order_line_item_id: "l2", variant_id: "tea", inventory_item_id: "i_tea", units_per_item: 1, quantity: 1, reservation_id: "res_l2" },
          { order_line_item_id: "l3", variant_id: "cup", inventory_item_id: "i_cup", units_per_item: 6, quantity: 2, reservation_id: "res_l3" },
        ],
      },
      {
        source_location_id: "T",
        destination_location_id: "P",
        lines: [{ order_line_item_id: "l4", variant_id: "pot", inventory_item_id: "i_pot", units_per_item: 1, quantity: 3, reservation_id: "res_l4" }],
      },
    ])
  })

  it("puts a repeated variant from one source on a second document (one line per variant and destination)", () => {
    const plan = planPickupTransfers("P", [part("l1", "S", "tea", 1), part("l2", "S", "tea", 2), part("l3", "S", "cup", 1)])
    expect(plan.transfers.map((t) => t.lines.map((l) => l.order_line_item_id))).toEqual([["l1", "l3"], ["l2"]])
  })

  it("leaves backorders, kits and unreserved parts where they are, saying why; nothing without a pickup shop", () => {
    const parts = [
      part("l1", "S", "tea", 2, { backorder_quantity: 1 }),
      part("l2", "S", "kit", 1, {
        reservations: [
          { id: "a", inventory_item_id: "i_a", required_quantity: 1 },
          { id: "b", inventory_item_id: "i_b", required_quantity: 1 },
        ],
      }),
      part("l3", "S", "cup", 1, { reservations: [] }),
    ]
    const plan = planPickupTransfers("P", parts)
    expect(plan.transfers).toEqual([])
    expect(plan.skipped.map((s) => [s.order_line_item_id, s.why])).toEqual([
      ["l1", "1 of 2 are backordered there"],
      ["l2", "a kit of several inventory items travels on no transfer"],
      ["l3", "nothing is reserved for it there"],
    ])
    expect(planPickupTransfers(null, parts)).toEqual({ transfers: [], skipped: [] })
  })
})
