import { ALLOWED_FROM as API_ALLOWED_FROM, TRANSFER_STATUSES as API_STATUSES } from "../../../lib/transfer-state"
import {
  ALLOWED_FROM,
  allowedActions,
  BOARD_TABS,
  lineTotals,
  parseCount,
  quantityBody,
  refusalKind,
  refusalReloads,
  statusFilter,
  TAB_STATUSES,
  tabOf,
} from "../transfer-rules"
import { TRANSFER_STATUSES, type TransferLine } from "../transfer-types"

const line = (id: string, over: Partial<TransferLine> = {}): TransferLine => ({
  id,
  variant_id: `variant_${id}`,
  inventory_item_id: `iitem_${id}`,
  units_per_item: 1,
  destination_location_id: "sloc_b",
  destination: { location_id: "sloc_b", name: "B", shop_id: "shop_b", shop_code: "B-1" },
  variant: { id: `variant_${id}`, title: "M", sku: `SKU-${id}`, product_id: "prod", product_title: "Tee" },
  status: "pending",
  quantity_requested: 10,
  quantity_approved: 0,
  quantity_shipped: 0,
  quantity_received: 0,
  quantity_over: 0,
  quantity_damaged: 0,
  quantity_rejected: 0,
  quantity_closed_short: 0,
  quantity_in_transit: 0,
  expected_at: null,
  reservation_id: null,
  ...over,
})

describe("transfer actions by status", () => {
  it("offers exactly what the API allows from each status", () => {
    expect(ALLOWED_FROM).toEqual(API_ALLOWED_FROM)
    expect([...TRANSFER_STATUSES]).toEqual([...API_STATUSES])
  })

  it("lists the actions of each status in the page's order", () => {
    expect(allowedActions({ status: "draft" })).toEqual(["request", "approve", "cancel"])
    expect(allowedActions({ status: "requested" })).toEqual(["approve", "cancel"])
    expect(allowedActions({ status: "approved" })).toEqual(["ship", "cancel"])
    expect(allowedActions({ status: "in_transit" })).toEqual(["receive", "close"])
    expect(allowedActions({ status: "partially_received" })).toEqual(["receive", "close"])
    for (const done of ["received", "closed_short", "cancelled"] as const) expect(allowedActions({ status: done })).toEqual([])
  })

  it("offers no receipt when nothing is on the road any more", () => {
    const lines = [line("a", { status: "approved", quantity_in_transit: 0 })]
    expect(allowedActions({ status: "partially_received", lines })).toEqual(["close"])
    lines.push(line("b", { status: "approved", quantity_in_transit: 2 }))
    expect(allowedActions({ status: "partially_received", lines })).toEqual(["receive", "close"])
  })
})

describe("board tabs", () => {
  it("puts every status in exactly one tab besides 'all'", () => {
    for (const s of TRANSFER_STATUSES) {
      expect(BOARD_TABS.filter((t) => t !== "all" && TAB_STATUSES[t]!.includes(s))).toHaveLength(1)
    }
    expect(tabOf("draft")).toBe("closed")
    expect(tabOf("in_transit")).toBe("in_transit")
  })

  it("asks the API for the tab's statuses, comma-separated, or none for all", () => {
    expect(statusFilter("closed")).toBe("draft,received,closed_short,cancelled")
    expect(statusFilter("requested")).toBe("requested")
    expect(statusFilter("all")).toBeUndefined()
  })
})

describe("approve and ship quantities", () => {
  it("reads a count: empty is nothing, whole numbers only", () => {
    expect(parseCount("")).toBeUndefined()
    expect(parseCount(" 7 ")).toBe(7)
    expect(parseCount("0")).toBe(0)
    for (const bad of ["-1", "1.5", "x", "1e2"]) expect(parseCount(bad)).toBeNull()
  })

  it("approves every line, empty inputs at the requested quantity, 0 rejecting a line", () => {
    const lines = [line("a"), line("b", { quantity_requested: 4 })]
    expect(quantityBody("approve", lines, { a: "6" })).toEqual({
      lines: [
        { id: "a", quantity: 6 },
        { id: "b", quantity: 4 },
      ],
      errors: {},
      nothing: false,
    })
    expect(quantityBody("approve", lines, { b: "0" }).lines).toEqual([
      { id: "a", quantity: 10 },
      { id: "b", quantity: 0 },
    ])
  })

  it("refuses more than requested, bad numbers, and approving nothing at all", () => {
    const lines = [line("a"), line("b", { quantity_requested: 4 })]
    expect(quantityBody("approve", lines, { a: "11", b: "x" }).errors).toEqual({ a: "tooMany", b: "invalid" })
    expect(quantityBody("approve", lines, { a: "0", b: "0" }).nothing).toBe(true)
  })

  it("ships only approved lines, at most what was approved", () => {
    const lines = [line("a", { status: "approved", quantity_approved: 6 }), line("b", { status: "rejected" })]
    expect(quantityBody("ship", lines, {})).toEqual({ lines: [{ id: "a", quantity: 6 }], errors: {}, nothing: false })
    expect(quantityBody("ship", lines, { a: "5" }).lines).toEqual([{ id: "a", quantity: 5 }])
    expect(quantityBody("ship", lines, { a: "7" }).errors).toEqual({ a: "tooMany" })
  })

  it("sums the lines for the header", () => {
    const totals = lineTotals([
      line("a", { quantity_shipped: 5, quantity_received: 3, quantity_in_transit: 2 }),
      line("b", { quantity_shipped: 4, quantity_received: 4 }),
    ])
    expect(totals).toMatchObject({ requested: 20, shipped: 9, received: 7, in_transit: 2 })
  })
})

describe("refusals", () => {
  it("explains the codes the transfer API answers with, and reloads when the document moved on", () => {
    expect(refusalKind("insufficient_stock")).toBe("insufficientStock")
    expect(refusalKind("transfer_already_shipped")).toBe("alreadyShipped")
    expect(refusalKind("transfer_not_approved")).toBe("stateChanged")
    expect(refusalKind("idempotency_in_progress")).toBe("inProgress")
    expect(refusalKind(undefined)).toBeNull()
    expect(refusalKind("invalid_quantity")).toBeNull()
    expect(refusalReloads("transfer_not_draft")).toBe(true)
    expect(refusalReloads("insufficient_stock")).toBe(false)
  })
})
