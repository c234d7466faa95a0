import { keepsKeyAfter } from "../idempotency-key"
import { ApiError } from "../api-error"
import { emptyTransferForm, newFormLine, toCreateBody, validateTransferForm, type TransferFormValues } from "../transfer-form-values"
import { actorUserId, formatDelta, formatInZone } from "../transfer-format"
import type { VariantOption } from "../transfer-types"

const variant = (id: string): VariantOption => ({ id, title: "M", sku: `SKU-${id}`, barcode: null, ean: null, upc: null, product_id: "p", product: { id: "p", title: "Tee" } })

describe("create transfer form", () => {
  it("asks for a source, a destination other than it, a product and a quantity ≥ 1", () => {
    const v = emptyTransferForm()
    const errors = validateTransferForm(v)
    expect(errors.source).toBe("required")
    expect(errors.line?.[v.lines[0].key]).toEqual({ destination: "required", variant: "required", quantity: "quantity" })

    const same: TransferFormValues = { ...v, sourceShopId: "shop_a", lines: [{ ...v.lines[0], destinationShopId: "shop_a", variant: variant("1"), quantity: "0" }] }
    expect(validateTransferForm(same).line?.[v.lines[0].key]).toEqual({ destination: "sameAsSource", quantity: "quantity" })
  })

  it("refuses the same product twice to the same shop", () => {
    const a = { ...newFormLine("shop_b"), variant: variant("1"), quantity: "2" }
    const b = { ...newFormLine("shop_b"), variant: variant("1"), quantity: "3" }
    const c = { ...newFormLine("shop_c"), variant: variant("1"), quantity: "3" }
    const errors = validateTransferForm({ sourceShopId: "shop_a", lines: [a, b, c], reason: "", note: "" })
    expect(Object.keys(errors.line ?? {})).toEqual([b.key])
    expect(errors.line?.[b.key]).toEqual({ variant: "duplicate" })
  })

  it("sends shops as places, quantities as numbers, and whether to submit", () => {
    const l = { ...newFormLine("shop_b"), variant: variant("1"), quantity: " 12 " }
    expect(toCreateBody({ sourceShopId: "shop_a", lines: [l], reason: "  low stock ", note: "" }, true)).toEqual({
      source: { shop_id: "shop_a" },
      lines: [{ destination: { shop_id: "shop_b" }, variant_id: "1", quantity: 12 }],
      reason: "low stock",
      note: null,
      submit: true,
    })
  })
})

describe("idempotency key on a retry", () => {
  it("keeps the key when the same request may be retried, renews it after a stored refusal", () => {
    expect(keepsKeyAfter(new TypeError("Failed to fetch"))).toBe(true)
    expect(keepsKeyAfter(new ApiError("boom", 500))).toBe(true)
    expect(keepsKeyAfter(new ApiError("not enough stock", 409))).toBe(true)
    expect(keepsKeyAfter(new ApiError("lines[0].quantity: too many", 400))).toBe(false)
    expect(keepsKeyAfter(new ApiError("key reused", 422))).toBe(false)
  })
})

describe("transfer formatting", () => {
  it("shows an expected arrival in the destination's own time zone", () => {
    const iso = "2026-03-02T01:30:00.000Z"
    expect(formatInZone(iso, "Asia/Shanghai", "en-US")).toMatch(/Mar 2, 09:30 GMT\+8/)
    expect(formatInZone(iso, "Europe/London", "en-US")).toMatch(/Mar 2, 01:30 GMT/)
    expect(formatInZone(null, "Asia/Shanghai", "en-US")).toBe("–")
  })

  it("reads the actor and signs deltas", () => {
    expect(actorUserId("user:user_01ABC")).toBe("user_01ABC")
    expect(actorUserId("api-key:apk_1")).toBeNull()
    expect(actorUserId(null)).toBeNull()
    expect(formatDelta(3, "en-US")).toBe("+3")
    expect(formatDelta(-1200, "en-US")).toBe("−1,200")
    expect(formatDelta(0, "en-US")).toBe("–")
  })
})
